package io.leadsla.connector.salesforce.outbound;

import io.leadsla.connector.Sha256;

/**
 * The inbox dedup key of an Outbound Message delivery: the SHA-256 of its raw body, in lower-case
 * hex. A resend of the very same body is stored once. A resend is not always the same body:
 * Salesforce resends each notification on its own schedule (batched differently) and with the
 * record's latest data, so the same notification id may come back in another body, and that must
 * be stored (it may hold a newer state). What makes repeats harmless is downstream: the event ids
 * come from the lead's state ({@code EventIds}), so a notification delivered twice gives the same
 * events twice, stored once.
 */
public final class DeliveryKey {

    private DeliveryKey() {
    }

    public static String of(byte[] rawBody) {
        return Sha256.hex(rawBody);
    }

    /** The key of a body kept as text (UTF-8, as Salesforce sends it): the same as {@link #of(byte[])}. */
    public static String of(String body) {
        return Sha256.hex(body);
    }
}
