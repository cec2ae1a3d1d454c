package io.leadsla.connector.hubspot.api;

import java.time.Duration;

/**
 * A HubSpot call that did not succeed, with what HubSpot said ({@code category}, {@code message},
 * {@code correlationId} for HubSpot's support) and whether trying again can help.
 */
public final class HubSpotApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as retrying is concerned. */
    public enum Kind {
        /** 429 on the burst or search limit: wait and try again. */
        RATE_LIMITED(true),
        /** 429 on the daily limit: nothing more today. */
        DAILY_LIMIT(false),
        /** 5xx, a timeout or a broken connection: try again later. */
        UNAVAILABLE(true),
        /** The circuit breaker is open after repeated failures: HubSpot is treated as down for a while. */
        CIRCUIT_OPEN(false),
        /** 4xx other than 429: the request itself is wrong (validation, not found, conflict, auth). */
        REFUSED(false),
        /** A 2xx whose body is not what HubSpot documents. */
        MALFORMED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int status;
    private final String category;
    private final String correlationId;
    private final transient Duration retryAfter;

    public HubSpotApiException(Kind kind, int status, String category, String message, String correlationId,
                               Duration retryAfter, Throwable cause) {
        super(describe(kind, status, category, message, correlationId), cause);
        this.kind = kind;
        this.status = status;
        this.category = category;
        this.correlationId = correlationId;
        this.retryAfter = retryAfter;
    }

    private static String describe(Kind kind, int status, String category, String message, String correlationId) {
        StringBuilder s = new StringBuilder("HubSpot ");
        s.append(status > 0 ? "answered " + status : kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (category != null) {
            s.append(' ').append(category);
        }
        if (message != null) {
            s.append(": ").append(message);
        }
        if (correlationId != null) {
            s.append(" (correlationId ").append(correlationId).append(')');
        }
        return s.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** HubSpot's error category (e.g. OBJECT_NOT_FOUND, VALIDATION_ERROR, CONFLICT), if it said one. */
    public String category() {
        return category;
    }

    public String correlationId() {
        return correlationId;
    }

    /** How long HubSpot asked to wait (Retry-After, or the rate-limit interval), if it said. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
