package io.leadsla.connector.salesforce.api;

/** Salesforce refused to sign leadsla in, with its error and description. */
public final class SalesforceAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SalesforceAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
