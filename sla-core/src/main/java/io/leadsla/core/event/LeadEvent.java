package io.leadsla.core.event;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One normalized thing that happened to a lead in a CRM (docs/SPEC.md, "Normalized lead event").
 *
 * @param eventId    globally unique; a repeated id changes nothing
 * @param crm        the CRM the record lives in
 * @param account    the account of that CRM (portal, org) as configured; {@link LeadKey#DEFAULT_ACCOUNT} when one
 * @param objectType the CRM's own object name in lower case ({@code contact}, {@code lead})
 * @param recordId   the record's id in that CRM
 * @param type       what happened
 * @param occurredAt when it happened in the CRM; clocks run on this time, never on arrival time
 * @param attributes the record's fields that policies may use; unknown keys are kept
 */
public record LeadEvent(
        String eventId,
        Crm crm,
        String account,
        String objectType,
        String recordId,
        EventType type,
        Instant occurredAt,
        Map<String, String> attributes) {

    /**
     * The order in which a lead's events are applied: by time, then by type (see {@link EventType}),
     * then by id, then by content (two deliveries of one id may carry different snapshots), so
     * that any arrival order of the same events folds the same way.
     */
    public static final Comparator<LeadEvent> APPLY_ORDER = Comparator
            .comparing(LeadEvent::occurredAt)
            .thenComparing(LeadEvent::type)
            .thenComparing(LeadEvent::eventId)
            .thenComparing(e -> new java.util.TreeMap<>(e.attributes()).toString());

    public LeadEvent {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("eventId must not be blank");
        }
        Objects.requireNonNull(crm, "crm");
        account = LeadKey.account(account);
        if (objectType == null || objectType.isBlank()) {
            throw new IllegalArgumentException("objectType must not be blank");
        }
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("recordId must not be blank");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An event of the CRM's default account (a single-account setup, a file that names no account). */
    public LeadEvent(String eventId, Crm crm, String objectType, String recordId, EventType type, Instant occurredAt,
                     Map<String, String> attributes) {
        this(eventId, crm, LeadKey.DEFAULT_ACCOUNT, objectType, recordId, type, occurredAt, attributes);
    }

    public LeadKey lead() {
        return new LeadKey(crm, account, recordId);
    }

    /**
     * This event as one of {@code account}'s: outside the default account its id is qualified
     * ({@code emea/hubspot:contact:…}), since two portals number their records alike and event ids
     * are unique across leadsla.
     */
    public LeadEvent inAccount(String account) {
        String name = LeadKey.account(account);
        if (name.equals(this.account)) {
            return this;
        }
        String id = LeadKey.DEFAULT_ACCOUNT.equals(name) ? eventId : name + "/" + eventId;
        return new LeadEvent(id, crm, name, objectType, recordId, type, occurredAt, attributes);
    }

    /** The attribute's value, or {@code null} when absent or blank. */
    public String attribute(String name) {
        String value = attributes.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
