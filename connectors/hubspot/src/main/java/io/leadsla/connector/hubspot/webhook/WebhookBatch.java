package io.leadsla.connector.hubspot.webhook;

import io.leadsla.connector.hubspot.mapping.ContactChange;
import java.util.List;
import java.util.Optional;

/**
 * A HubSpot webhook delivery, read by {@link WebhookBatchReader}: its contact events in delivery
 * order, and how many events about other objects (companies, deals…) it also carried.
 */
public record WebhookBatch(List<WebhookEvent> contactEvents, int otherObjectEvents) {

    public WebhookBatch {
        contactEvents = List.copyOf(contactEvents);
    }

    /** The contact changes leadsla reads, in delivery order. */
    public List<ContactChange> contactChanges() {
        return contactEvents.stream().map(WebhookEvent::contactChange).flatMap(Optional::stream).toList();
    }
}
