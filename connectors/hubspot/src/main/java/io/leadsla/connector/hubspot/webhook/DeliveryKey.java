package io.leadsla.connector.hubspot.webhook;

import io.leadsla.connector.Sha256;

/**
 * The inbox dedup key of a HubSpot webhook delivery: the SHA-256 of its raw body, in lower-case
 * hex. HubSpot gives a delivery no id of its own. An identical body is kept once; a retry usually
 * differs (its events' {@code attemptNumber} grows, and batches are re-formed), so the real
 * deduplication is per event, by event id, when the events are stored.
 */
public final class DeliveryKey {

    private DeliveryKey() {
    }

    public static String of(byte[] rawBody) {
        return Sha256.hex(rawBody);
    }

    /** The key of a body kept as text (UTF-8, as HubSpot sends it): the same as {@link #of(byte[])}. */
    public static String of(String body) {
        return Sha256.hex(body);
    }
}
