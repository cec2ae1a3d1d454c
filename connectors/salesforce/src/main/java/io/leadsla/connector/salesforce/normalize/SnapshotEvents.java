package io.leadsla.connector.salesforce.normalize;

import static io.leadsla.connector.salesforce.normalize.WatchedFields.IS_CONVERTED;
import static io.leadsla.connector.salesforce.normalize.WatchedFields.OWNER_ID;
import static io.leadsla.connector.salesforce.normalize.WatchedFields.STATUS;

import io.leadsla.connector.salesforce.mapping.LeadAttributes;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.salesforce.normalize.LeadChange.LeadSnapshot;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's state → the events it means, all at the moment the state was saved. A snapshot says
 * what the fields hold, not what changed, so it states everything it knows each time: a status
 * that means something, the owner (a user: handed off; a queue: no sales owner), a conversion, the
 * reason, the mapped attributes. Stating a known fact again is harmless (the engine ignores an MQL
 * while a cycle is open, a handoff to the same owner, a repeated disposition), and the ids make a
 * repeated state (a resent Outbound Message, a poll of an unchanged lead) store nothing new.
 *
 * <p>A state last saved by leadsla's own user is skipped whole. leadsla only writes its own
 * {@code LeadSLA_*} fields, which are never mapped, so such a save changes nothing leadsla reads:
 * the state it shows was there before and was read then. Reading it again would only restate it
 * at the time of leadsla's write, under new ids, after every write-back.
 */
public final class SnapshotEvents {

    private final LeadFacts facts;
    private final SalesforceMapping mapping;
    private final StatusMeanings statuses;
    private final OwnerReading owners;

    SnapshotEvents(LeadFacts facts, StatusMeanings statuses, OwnerReading owners) {
        this.facts = facts;
        this.mapping = facts.mapping();
        this.statuses = statuses;
        this.owners = owners;
    }

    List<LeadEvent> of(LeadSnapshot s) {
        if (facts.byLeadsla(s.modifiedBy())) {
            return List.of();
        }
        Out out = new Out(s);
        creationMql(s, out);
        boolean converted = "true".equalsIgnoreCase(strip(s.value(IS_CONVERTED)));
        String reasonField = mapping.rejectionReasonField();
        EventType status = s.has(STATUS) ? statuses.of(s.value(STATUS)) : null;
        if (status == EventType.MQL_QUALIFIED && converted) {
            status = null; // a converted lead is not qualified again, whatever its status says
        }
        SalesforceId owner = SalesforceId.parse(s.value(OWNER_ID)).orElse(null);

        if (s.has(STATUS)) {
            Map<String, String> attributes = facts.mapped(STATUS, s.value(STATUS));
            if (status == EventType.HANDED_OFF && owner != null && owner.isUser()) {
                attributes.putAll(owners.userAttributes(owner));
            }
            if (status == EventType.REJECTED && s.has(reasonField)) {
                // on the rejection itself: a separate reason event at the same instant would be
                // taken as a late reason for an older rejection still waiting for one
                attributes.put(LeadAttributes.REASON, LeadFacts.orCleared(s.value(reasonField)));
            }
            out.add(STATUS, status, attributes);
        }
        if (s.has(OWNER_ID)) {
            Map<String, String> attributes = facts.mapped(OWNER_ID, s.value(OWNER_ID));
            Optional<OwnerReading.Meaning> meaning = owner == null ? Optional.empty() : owners.of(owner);
            meaning.ifPresent(m -> attributes.putAll(m.attributes()));
            out.add(OWNER_ID, meaning.map(OwnerReading.Meaning::type).orElse(null), attributes);
        }
        if (s.has(IS_CONVERTED)) {
            boolean accepted = converted && mapping.convertedIsAccepted() && status != EventType.ACCEPTED;
            out.add(IS_CONVERTED, accepted ? EventType.ACCEPTED : null, facts.mapped(IS_CONVERTED, s.value(IS_CONVERTED)));
        }
        if (s.has(reasonField) && status != EventType.REJECTED) {
            out.add(reasonField, EventType.ATTRIBUTES_CHANGED, facts.reason(s.value(reasonField)));
        }
        mapping.attributes().forEach((attribute, field) -> {
            if (field != null && s.has(field) && !isRoleField(field)) {
                out.add(field, null, facts.mapped(field, s.value(field)));
            }
        });
        return out.events;
    }

    /**
     * A polled lead carries the status it was created with ({@link #INITIAL_STATUS}, from its first
     * Status history row): a lead created as an MQL and dispositioned before a poll saw it was an
     * MQL from its CreatedDate, which no history row and no later state says.
     */
    private void creationMql(LeadSnapshot s, Out out) {
        if (!s.has(INITIAL_STATUS) || !s.has("CreatedDate") || statuses.of(s.value(INITIAL_STATUS)) != EventType.MQL_QUALIFIED) {
            return;
        }
        Instant created;
        try {
            created = Instant.parse(s.value("CreatedDate").strip());
        } catch (RuntimeException e) {
            return;
        }
        if (created.isBefore(s.modifiedAt())) {
            out.events.add(new LeadEvent(EventIds.leadCreated(s.leadId(), created), Crm.SALESFORCE,
                    LeadChangeInterpreter.OBJECT_TYPE, s.leadId().value(), EventType.MQL_QUALIFIED, created, Map.of()));
        }
    }

    /** The pseudo-field a poller adds to a lead: the Status it was created with. */
    public static final String INITIAL_STATUS = "leadsla.InitialStatus";

    private boolean isRoleField(String field) {
        return field.equalsIgnoreCase(STATUS) || field.equalsIgnoreCase(OWNER_ID) || field.equalsIgnoreCase(IS_CONVERTED)
                || facts.isReasonField(field);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** The events of one snapshot, one per field at most. */
    private static final class Out {
        private final LeadSnapshot s;
        private final List<LeadEvent> events = new ArrayList<>();

        Out(LeadSnapshot s) {
            this.s = s;
        }

        void add(String field, EventType type, Map<String, String> attributes) {
            if (type == null && attributes.isEmpty()) {
                return;
            }
            events.add(new LeadEvent(EventIds.leadField(s.leadId(), field, s.modifiedAt(), s.value(field)), Crm.SALESFORCE,
                    LeadChangeInterpreter.OBJECT_TYPE, s.leadId().value(),
                    type == null ? EventType.ATTRIBUTES_CHANGED : type, s.modifiedAt(), attributes));
        }
    }
}
