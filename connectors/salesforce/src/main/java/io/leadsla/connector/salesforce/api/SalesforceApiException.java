package io.leadsla.connector.salesforce.api;

/** A Salesforce call that failed, with the fault code Salesforce gave and whether retrying can help. */
public final class SalesforceApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as retrying is concerned. */
    public enum Kind {
        /** SERVER_UNAVAILABLE, a timeout, a broken connection: try again later. */
        UNAVAILABLE(true),
        /** REQUEST_LIMIT_EXCEEDED: the org's daily API budget is spent. */
        DAILY_LIMIT(false),
        /** The circuit breaker is open after repeated failures. */
        CIRCUIT_OPEN(false),
        /** Any other fault: the request itself is wrong (field, query, permission). */
        REFUSED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final String code;

    public SalesforceApiException(Kind kind, String code, String message, Throwable cause) {
        super("Salesforce " + (code == null ? kind.name().toLowerCase(java.util.Locale.ROOT) : code) + ": " + message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** Salesforce's exception code (e.g. REQUEST_LIMIT_EXCEEDED), when it gave one. */
    public String code() {
        return code;
    }
}
