package io.leadsla.connector.api;

import io.leadsla.core.event.LeadEvent;
import java.util.List;

/**
 * Turns one inbox item of a source (a webhook batch, an Outbound Message, a poll page) into lead
 * events. Pure: the same body always gives the same events (with the same ids), so an item
 * normalized twice after a crash stores nothing twice.
 */
public interface Normalizer {

    /** The inbox source this normalizer reads, e.g. {@code hubspot-webhook}. */
    String source();

    /**
     * @throws UnreadableDeliveryException when the body cannot be read; the item is then set
     *                                     aside with the message, not retried and not dropped
     */
    List<LeadEvent> normalize(String body);
}
