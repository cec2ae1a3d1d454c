package io.leadsla.connector.hubspot.webhook;

import java.time.Instant;

/** The outcome of checking a request's v3 signature: verified, or refused with a reason (a 401). */
public sealed interface SignatureVerdict {

    /** Whether the request may be stored. */
    default boolean verified() {
        return this instanceof Verified;
    }

    /** HubSpot signed this request at {@code signedAt} ({@code X-HubSpot-Request-Timestamp}). */
    record Verified(Instant signedAt) implements SignatureVerdict {
    }

    /**
     * The request is refused.
     *
     * @param reason what was wrong, for metrics and tests
     * @param detail a sentence for the log that helps fix it; never holds the secret or a
     *               signature
     */
    record Refused(Reason reason, String detail) implements SignatureVerdict {
    }

    enum Reason {
        /** No {@code X-HubSpot-Signature-v3} header. */
        MISSING_SIGNATURE,
        /** No {@code X-HubSpot-Request-Timestamp} header. */
        MISSING_TIMESTAMP,
        /** The timestamp is not epoch milliseconds. */
        UNREADABLE_TIMESTAMP,
        /** Signed more than 5 minutes ago: a replay, or a clock far off. */
        TOO_OLD,
        /** Signed further in the future than the allowed clock skew. */
        IN_THE_FUTURE,
        /** The signature does not match method, URL, body and timestamp. */
        WRONG_SIGNATURE
    }
}
