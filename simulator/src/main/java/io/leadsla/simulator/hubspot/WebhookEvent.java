package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One webhook event with HubSpot's fields. Creation and deletion events carry {@code changeFlag}
 * (CREATED/DELETED, as in captured payloads); merge events carry {@code primaryObjectId},
 * {@code mergedObjectIds}, {@code newObjectId} and {@code numberOfPropertiesMoved} (HubSpot changelog).
 * Retries keep the {@code eventId} and raise {@code attemptNumber}.
 */
public record WebhookEvent(long eventId, long subscriptionId, long portalId, long appId, long occurredAt,
                           String subscriptionType, int attemptNumber, long objectId, String propertyName,
                           String propertyValue, String changeFlag, String changeSource, String sourceId,
                           Long primaryObjectId, List<Long> mergedObjectIds, Long newObjectId,
                           Integer numberOfPropertiesMoved) {

    public WebhookEvent {
        mergedObjectIds = mergedObjectIds == null ? null : List.copyOf(mergedObjectIds);
    }

    WebhookEvent nextAttempt() {
        return new WebhookEvent(eventId, subscriptionId, portalId, appId, occurredAt, subscriptionType,
                attemptNumber + 1, objectId, propertyName, propertyValue, changeFlag, changeSource, sourceId,
                primaryObjectId, mergedObjectIds, newObjectId, numberOfPropertiesMoved);
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("eventId", eventId);
        n.put("subscriptionId", subscriptionId);
        n.put("portalId", portalId);
        n.put("appId", appId);
        n.put("occurredAt", occurredAt);
        n.put("subscriptionType", subscriptionType);
        n.put("attemptNumber", attemptNumber);
        n.put("objectId", objectId);
        if (propertyName != null) {
            n.put("propertyName", propertyName);
            n.put("propertyValue", propertyValue);
        }
        if (changeFlag != null) {
            n.put("changeFlag", changeFlag);
        }
        n.put("changeSource", changeSource);
        if (sourceId != null) {
            n.put("sourceId", sourceId);
        }
        if (primaryObjectId != null) {
            n.put("primaryObjectId", primaryObjectId);
            ArrayNode merged = n.putArray("mergedObjectIds");
            mergedObjectIds.forEach(merged::add);
            n.put("newObjectId", newObjectId);
            n.put("numberOfPropertiesMoved", numberOfPropertiesMoved);
        }
        return n;
    }
}
