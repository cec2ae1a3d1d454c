package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.LeadAttributes;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.core.event.EventType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a lead's owner means, from a snapshot's {@code OwnerId} or a LeadHistory owner row: a user
 * ({@code 005…}) is the sales owner, a queue ({@code 00G…}) is nobody yet.
 */
final class OwnerReading {

    private static final String CLEARED = "";

    private final boolean handoffOnUserOwner;
    private final Map<SalesforceId, String> regions = new HashMap<>();
    private final String defaultRegion;
    private final boolean regionsFromOwner;

    OwnerReading(SalesforceMapping mapping) {
        this.handoffOnUserOwner = mapping.handoffOnUserOwner();
        mapping.ownerRegions().forEach((owner, region) ->
                SalesforceId.parse(owner).ifPresent(id -> regions.put(id, region)));
        this.defaultRegion = mapping.defaultOwnerRegion();
        this.regionsFromOwner = !mapping.ownerRegions().isEmpty() || defaultRegion != null;
    }

    /** The event an owner means, with its attributes; empty for an id that is neither a user nor a queue. */
    Optional<Meaning> of(SalesforceId owner) {
        if (owner.isUser()) {
            // Without handoffOnUserOwner the handoff comes from a status: the owner is only data,
            // and must not mark the lead as held by sales (an MQL would then be handed off at once).
            return Optional.of(new Meaning(handoffOnUserOwner ? EventType.HANDED_OFF : EventType.ATTRIBUTES_CHANGED,
                    userAttributes(owner)));
        }
        if (owner.isQueue()) {
            // Back in a (marketing) queue: no sales owner. Clearing it matters: while an owner is
            // set, the engine hands a re-qualified lead off at once.
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(LeadAttributes.OWNER_ID, CLEARED);
            if (regionsFromOwner) {
                attributes.put(LeadAttributes.OWNER_REGION, CLEARED);
            }
            return Optional.of(new Meaning(EventType.OWNER_CHANGED, attributes));
        }
        return Optional.empty();
    }

    /** {@code ownerId} and, when the mapping knows regions, {@code ownerRegion} of a user. */
    Map<String, String> userAttributes(SalesforceId user) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(LeadAttributes.OWNER_ID, user.value());
        if (regionsFromOwner) {
            // a user of no known region clears the previous owner's region rather than keep it
            String region = regions.getOrDefault(user, defaultRegion);
            attributes.put(LeadAttributes.OWNER_REGION, region == null ? CLEARED : region);
        }
        return attributes;
    }

    record Meaning(EventType type, Map<String, String> attributes) {
    }
}
