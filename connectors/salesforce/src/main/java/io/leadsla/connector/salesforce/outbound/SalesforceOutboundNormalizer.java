package io.leadsla.connector.salesforce.outbound;

import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.salesforce.normalize.BadRecordException;
import io.leadsla.connector.salesforce.normalize.LeadChange;
import io.leadsla.connector.salesforce.normalize.LeadChangeInterpreter;
import io.leadsla.connector.salesforce.normalize.SalesforceRecords;
import io.leadsla.core.event.LeadEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stored Outbound Message → lead events: each Lead notification is the lead's state, read by the
 * same {@link LeadChangeInterpreter} as polled Leads, so a state seen both ways has the same event
 * ids. Task and Event notifications (an optional action on activities) become contact attempts;
 * notifications about other objects are ignored. A lead sent twice in one message (two rules
 * fired) gives its events once.
 */
public final class SalesforceOutboundNormalizer implements Normalizer {

    /** The inbox source of Outbound Messages. */
    public static final String SOURCE = "salesforce-outbound";

    private final OutboundMessageParser parser;
    private final LeadChangeInterpreter interpreter;
    private final SalesforceRecords records;
    private final SalesforceId org;

    public SalesforceOutboundNormalizer(OutboundMessageParser parser, LeadChangeInterpreter interpreter, SalesforceId org) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
        this.records = interpreter.records();
        this.org = Objects.requireNonNull(org, "org");
    }

    /** For the org {@code org}, read by {@code mapping}. */
    public SalesforceOutboundNormalizer(SalesforceMapping mapping, SalesforceId org) {
        this(new OutboundMessageParser(), new LeadChangeInterpreter(mapping), org);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<LeadEvent> normalize(String body) {
        OutboundMessage message;
        try {
            message = parser.parse(body);
        } catch (MalformedOutboundMessageException e) {
            throw new UnreadableDeliveryException("Salesforce Outbound Message: " + e.getMessage(), e);
        }
        if (!message.organizationId().equals(org)) {
            // the endpoint refuses these; one stored anyway (config changed since) is not read
            throw new UnreadableDeliveryException("Salesforce Outbound Message: OrganizationId "
                    + message.organizationId() + " is not the configured org " + org);
        }
        Set<LeadEvent> events = new LinkedHashSet<>();
        List<OutboundMessage.Notification> notifications = message.notifications();
        for (int i = 0; i < notifications.size(); i++) {
            OutboundMessage.Notification n = notifications.get(i);
            try {
                LeadChange change = switch (n.objectType()) {
                    case "Lead" -> records.lead(n.fields());
                    case "Task" -> records.task(n.fields());
                    case "Event" -> records.event(n.fields());
                    default -> null;
                };
                if (change != null) {
                    events.addAll(interpreter.eventsOf(change));
                }
            } catch (BadRecordException e) {
                throw new UnreadableDeliveryException("Salesforce Outbound Message: Notification [" + i + "] (Id "
                        + n.id() + ", " + n.objectType() + "): " + e.getMessage());
            }
        }
        return List.copyOf(events);
    }
}
