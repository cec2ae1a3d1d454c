package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.LeadAttributes;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.normalize.LeadChange.Activity;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Task or Event about a lead → a CONTACT_ATTEMPT of that lead: a logged call
 * ({@code TaskSubtype} Call), a sent e-mail ({@code TaskSubtype} Email), a meeting (an Event).
 * Other tasks (to-dos) are not attempts. A task leadsla created (its key field is set, or its
 * user created it) is marked {@code automated=true}, which the attempt rules never count: a
 * breach task telling the rep to call is not a call.
 */
final class ActivityEvents {

    private static final Map<String, String> TASK_CHANNEL = Map.of("call", "call", "email", "email");

    private final LeadFacts facts;

    ActivityEvents(LeadFacts facts) {
        this.facts = facts;
    }

    List<LeadEvent> of(Activity a) {
        Optional<SalesforceId> lead = a.lead();
        String channel = a.kind() == Activity.Kind.EVENT ? "meeting"
                : a.subtype() == null ? null : TASK_CHANNEL.get(a.subtype().strip().toLowerCase(Locale.ROOT));
        if (lead.isEmpty() || channel == null) {
            return List.of();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(LeadAttributes.CHANNEL, channel);
        if (a.ownerId() != null) {
            attributes.put(LeadAttributes.OWNER_ID, a.ownerId().value());
        }
        if (a.outcome() != null && !a.outcome().isBlank()) {
            attributes.put(LeadAttributes.OUTCOME, a.outcome());
        }
        if (facts.byLeadsla(a.createdBy()) || (a.taskKey() != null && !a.taskKey().isBlank())) {
            attributes.put(LeadAttributes.AUTOMATED, "true");
        }
        return List.of(new LeadEvent(EventIds.activity(a.kind(), a.id()), Crm.SALESFORCE, LeadChangeInterpreter.OBJECT_TYPE,
                lead.get().value(), EventType.CONTACT_ATTEMPT, a.at(), attributes));
    }
}
