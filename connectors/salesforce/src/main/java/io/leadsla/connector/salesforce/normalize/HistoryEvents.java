package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.normalize.LeadChange.HistoryEntry;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A LeadHistory row → the event it means, at the time the change was made: the true time of a
 * status or owner change, which a snapshot (stamped at the last save of any field) may not have.
 *
 * <ul>
 *   <li>{@code Status} → the status's meaning;</li>
 *   <li>{@code Owner} / {@code ownerAssignment} → as a snapshot's owner: a user hands off, a queue
 *       clears the owner. Salesforce records an owner change twice, once with ids and once with
 *       names; the row with names means nothing (a name is not an id);</li>
 *   <li>{@code leadConverted} → ACCEPTED when {@code convertedIsAccepted};</li>
 *   <li>the reason field, a mapped attribute's field → ATTRIBUTES_CHANGED;</li>
 *   <li>anything else ({@code created}, other fields), rows made by leadsla's own user, and
 *       leadsla's own fields → nothing.</li>
 * </ul>
 */
final class HistoryEvents {

    private final LeadFacts facts;
    private final StatusMeanings statuses;
    private final OwnerReading owners;

    HistoryEvents(LeadFacts facts, StatusMeanings statuses, OwnerReading owners) {
        this.facts = facts;
        this.statuses = statuses;
        this.owners = owners;
    }

    List<LeadEvent> of(HistoryEntry h) {
        String field = h.field();
        if (facts.byLeadsla(h.createdBy()) || facts.isOwnField(field)) {
            return List.of();
        }
        String value = h.newValue();
        EventType type = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        if (field.equalsIgnoreCase(WatchedFields.STATUS)) {
            type = statuses.of(value);
            attributes.putAll(facts.mapped(WatchedFields.STATUS, value));
        } else if (isOwnerRow(field)) {
            Optional<OwnerReading.Meaning> meaning = SalesforceId.parse(value).flatMap(owners::of);
            if (meaning.isEmpty()) {
                return List.of();
            }
            type = meaning.get().type();
            attributes.putAll(meaning.get().attributes());
        } else if (field.equalsIgnoreCase(WatchedFields.HISTORY_LEAD_CONVERTED)) {
            type = facts.mapping().convertedIsAccepted() ? EventType.ACCEPTED : null;
        } else if (facts.isReasonField(field)) {
            type = EventType.ATTRIBUTES_CHANGED;
            attributes.putAll(facts.reason(value));
        } else {
            attributes.putAll(facts.mapped(field, value));
        }
        if (type == null && attributes.isEmpty()) {
            return List.of();
        }
        return List.of(new LeadEvent(EventIds.leadHistory(h.leadId(), h.id()), Crm.SALESFORCE,
                LeadChangeInterpreter.OBJECT_TYPE, h.leadId().value(), type == null ? EventType.ATTRIBUTES_CHANGED : type,
                h.createdAt(), attributes));
    }

    private static boolean isOwnerRow(String field) {
        return field.equalsIgnoreCase(WatchedFields.HISTORY_OWNER)
                || field.equalsIgnoreCase(WatchedFields.HISTORY_OWNER_ASSIGNMENT)
                || field.equalsIgnoreCase(WatchedFields.OWNER_ID);
    }
}
