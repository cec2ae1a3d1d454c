package io.leadsla.connector.hubspot.mapping;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads HubSpot contact changes as lead events, by the {@link HubSpotMapping}. Pure and
 * stateless: the webhook normalizer and the poller both call {@link #eventsOf} and get the same
 * events, with the same ids, for the same change.
 *
 * <ul>
 *   <li>lifecycle stage → MQL_QUALIFIED, ACCEPTED or RECYCLED as the stage lists say;</li>
 *   <li>lead status → HANDED_OFF, ACCEPTED, REJECTED or RECYCLED as the status lists say;</li>
 *   <li>owner set → HANDED_OFF with {@code ownerId} (and {@code ownerRegion} when the mapping
 *       knows regions); owner cleared → OWNER_CHANGED with both cleared;</li>
 *   <li>rejection reason → ATTRIBUTES_CHANGED with {@code reason};</li>
 *   <li>a property mapped under {@code attributes} → its attribute, on the event above when the
 *       property also has a lifecycle meaning, else on an ATTRIBUTES_CHANGED;</li>
 *   <li>deletion → DELETED; merge → DELETED for each contact that did not survive it;</li>
 *   <li>anything else, and leadsla's own writes, → nothing.</li>
 * </ul>
 *
 * A cleared value is written as {@code ""}, which clears the attribute (ClockEngine).
 */
public final class ContactChangeInterpreter {

    /** The attribute holding the sales owner (docs/SPEC.md; policies' {@code fields.owner}). */
    public static final String OWNER = "ownerId";
    /** The attribute holding the owner's region (calendars {@code byAttribute: ownerRegion}). */
    public static final String OWNER_REGION = "ownerRegion";
    /** The attribute holding the rejection reason (docs/SPEC.md; policies' {@code fields.rejectionReason}). */
    public static final String REASON = "reason";
    /** The CRM's own name of the object, as in event ids and {@code objectType}. */
    public static final String OBJECT_TYPE = "contact";

    private static final String CLEARED = "";

    private final HubSpotMapping mapping;
    private final Map<String, EventType> stageMeaning = new HashMap<>();
    private final Map<String, EventType> statusMeaning = new HashMap<>();
    private final Map<String, List<String>> attributesOf = new HashMap<>();
    private final Set<String> watched = new TreeSet<>();
    private final boolean regionsFromOwner;

    /** @throws IllegalArgumentException when the mapping has problems ({@link HubSpotMapping#problems()}) */
    public ContactChangeInterpreter(HubSpotMapping mapping) {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the HubSpot mapping cannot be used: " + String.join("; ", problems));
        }
        this.mapping = mapping;
        mapping.mqlStages().forEach(v -> stageMeaning.put(v, EventType.MQL_QUALIFIED));
        mapping.acceptedStages().forEach(v -> stageMeaning.put(v, EventType.ACCEPTED));
        mapping.recycledStages().forEach(v -> stageMeaning.put(v, EventType.RECYCLED));
        mapping.handoffStatuses().forEach(v -> statusMeaning.put(v, EventType.HANDED_OFF));
        mapping.acceptedStatuses().forEach(v -> statusMeaning.put(v, EventType.ACCEPTED));
        mapping.rejectedStatuses().forEach(v -> statusMeaning.put(v, EventType.REJECTED));
        mapping.recycledStatuses().forEach(v -> statusMeaning.put(v, EventType.RECYCLED));
        mapping.attributes().forEach((attribute, property) ->
                attributesOf.computeIfAbsent(property, p -> new ArrayList<>()).add(attribute));
        watched.addAll(List.of(mapping.lifecycleProperty(), mapping.leadStatusProperty(), mapping.ownerProperty(),
                mapping.rejectionReasonProperty()));
        watched.addAll(mapping.attributes().values());
        regionsFromOwner = !mapping.ownerRegions().isEmpty() || mapping.defaultOwnerRegion() != null;
    }

    /**
     * The contact properties whose changes can make lead events: the ones to subscribe to
     * ({@code contact.propertyChange}) and to read with history when polling.
     */
    public Set<String> watchedProperties() {
        return Collections.unmodifiableSet(watched);
    }

    /** The lead events this change means; empty when it means nothing for a lead's SLA. */
    public List<LeadEvent> eventsOf(ContactChange change) {
        if (change instanceof ContactChange.PropertyChange p) {
            return propertyChanged(p);
        }
        if (change instanceof ContactChange.Deletion d) {
            return List.of(deleted(d.contactId(), d.occurredAt()));
        }
        if (change instanceof ContactChange.Merge m) {
            return m.removedIds().stream().map(id -> deleted(id, m.occurredAt())).toList();
        }
        throw new IllegalArgumentException("unknown contact change " + change);
    }

    /**
     * Whether leadsla made this change itself: a property it writes (by its prefix, unless the
     * mapping names that property as an input), or any change made through its own app. Reading
     * those back would make leadsla react to its own writes, in a loop.
     */
    public boolean isOwnWrite(ContactChange.PropertyChange change) {
        boolean ownProperty = change.property().startsWith(mapping.ownPropertyPrefix())
                && !watched.contains(change.property());
        return ownProperty || change.origin().isApp(mapping.appId());
    }

    private List<LeadEvent> propertyChanged(ContactChange.PropertyChange change) {
        if (isOwnWrite(change)) {
            return List.of();
        }
        String property = change.property();
        String value = change.cleared() ? CLEARED : change.value();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : attributesOf.getOrDefault(property, List.of())) {
            attributes.put(attribute, value);
        }
        EventType type = null;
        if (property.equals(mapping.lifecycleProperty())) {
            type = stageMeaning.get(value);
        } else if (property.equals(mapping.leadStatusProperty())) {
            type = statusMeaning.get(value);
        } else if (property.equals(mapping.ownerProperty())) {
            type = change.cleared() ? EventType.OWNER_CHANGED : EventType.HANDED_OFF;
            attributes.put(OWNER, value);
            if (regionsFromOwner) {
                attributes.put(OWNER_REGION, change.cleared() ? CLEARED : regionOf(value));
            }
        } else if (property.equals(mapping.rejectionReasonProperty())) {
            type = EventType.ATTRIBUTES_CHANGED;
            attributes.put(REASON, value);
        }
        if (type == null && !attributes.isEmpty()) {
            type = EventType.ATTRIBUTES_CHANGED;
        }
        if (type == null) {
            return List.of();
        }
        return List.of(new LeadEvent(eventId(change.contactId(), property, change.occurredAt()), Crm.HUBSPOT,
                OBJECT_TYPE, change.contactId(), type, change.occurredAt(), attributes));
    }

    // An owner with no known region clears the previous owner's region rather than keep it.
    private String regionOf(String ownerId) {
        String region = mapping.ownerRegions().get(ownerId);
        if (region == null) {
            region = mapping.defaultOwnerRegion();
        }
        return region == null ? CLEARED : region;
    }

    private static LeadEvent deleted(String contactId, Instant at) {
        return new LeadEvent(eventId(contactId, "deleted", at), Crm.HUBSPOT, OBJECT_TYPE, contactId,
                EventType.DELETED, at, Map.of());
    }

    /**
     * {@code hubspot:contact:{id}:{property or "deleted"}:{epoch ms}} (docs/SPEC.md): a redelivery, and
     * the same change seen later by polling, get the same id and so change nothing.
     */
    private static String eventId(String contactId, String what, Instant at) {
        return Crm.HUBSPOT.id() + ":" + OBJECT_TYPE + ":" + contactId + ":" + what + ":" + at.toEpochMilli();
    }
}
