package io.leadsla.connector.api;

/** An inbox item a normalizer cannot read; the message says where and why. */
public final class UnreadableDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableDeliveryException(String message) {
        super(message);
    }

    public UnreadableDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
