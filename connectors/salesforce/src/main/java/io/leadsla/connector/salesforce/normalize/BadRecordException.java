package io.leadsla.connector.salesforce.normalize;

/**
 * A record (a Lead, a LeadHistory row, a Task or an Event, as a map of fields) that leadsla
 * cannot read: a required field missing, or a value of the wrong kind. The message names the
 * field; it quotes a value only when that is an id or a time, never personal data.
 */
public final class BadRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRecordException(String message) {
        super(message);
    }
}
