package io.leadsla.connector.hubspot.webhook;

import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.hubspot.mapping.ContactChange;
import io.leadsla.connector.hubspot.mapping.ContactChangeInterpreter;
import io.leadsla.connector.hubspot.mapping.HubSpotMapping;
import io.leadsla.core.event.LeadEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a stored HubSpot webhook delivery into lead events: the batch is read by
 * {@link WebhookBatchReader}, each contact change interpreted by {@link ContactChangeInterpreter}.
 * Repeated events inside one delivery (HubSpot sends duplicates) come out once; across
 * deliveries the event ids make repeats harmless downstream.
 */
public final class HubSpotWebhookNormalizer implements Normalizer {

    /** The inbox source of HubSpot webhook deliveries. */
    public static final String SOURCE = "hubspot-webhook";

    private final WebhookBatchReader reader;
    private final ContactChangeInterpreter interpreter;

    public HubSpotWebhookNormalizer(WebhookBatchReader reader, ContactChangeInterpreter interpreter) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
    }

    /** For the portal {@code portalId}, read by {@code mapping}. */
    public HubSpotWebhookNormalizer(HubSpotMapping mapping, long portalId) {
        this(new WebhookBatchReader(portalId), new ContactChangeInterpreter(mapping));
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<LeadEvent> normalize(String body) {
        Set<LeadEvent> events = new LinkedHashSet<>();
        for (ContactChange change : reader.read(body).contactChanges()) {
            events.addAll(interpreter.eventsOf(change));
        }
        return List.copyOf(events);
    }
}
