package io.leadsla.connector.hubspot.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.hubspot.webhook.WebhookEvent.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the body of a HubSpot webhook delivery: a JSON array of events. Unknown fields are
 * ignored (HubSpot adds some over time); events about other objects are counted, not read; a
 * delivery that is not what HubSpot sends, or comes from another portal than the configured one,
 * is refused whole with an {@link UnreadableDeliveryException} that names the event and the field.
 * Messages never quote property values (they hold personal data).
 */
public final class WebhookBatchReader {

    /** HubSpot's objectTypeId of contacts, used by {@code object.*} subscription types. */
    public static final String CONTACT_TYPE_ID = "0-1";

    private static final String CONTACT = "contact";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern ID = Pattern.compile("[0-9]+");

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // error messages must not echo the body
            .build();
    private final long portalId;

    /** @param portalId the HubSpot account (hub id) leadsla is connected to */
    public WebhookBatchReader(long portalId) {
        this.portalId = portalId;
    }

    /** @throws UnreadableDeliveryException when the body is not a delivery leadsla can read */
    public WebhookBatch read(String body) {
        if (body == null || body.isBlank()) {
            throw unreadable("the body is empty (expected a JSON array of events)");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw unreadable("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (!root.isArray()) {
            throw unreadable("expected a JSON array of events, found " + kind(root));
        }
        List<WebhookEvent> contactEvents = new ArrayList<>();
        int others = 0;
        for (int i = 0; i < root.size(); i++) {
            WebhookEvent event = event(i, root.get(i));
            if (event == null) {
                others++;
            } else {
                contactEvents.add(event);
            }
        }
        return new WebhookBatch(contactEvents, others);
    }

    /** The contact event at {@code i}, or null when the event is about another object. */
    private WebhookEvent event(int i, JsonNode e) {
        String eventId = e.isObject() ? idOrNull(e.get("eventId")) : null;
        Element at = new Element(i, eventId);
        if (!e.isObject()) {
            throw at.problem("is " + kind(e) + ", not an event object");
        }
        String subscriptionType = at.optionalText(e, "subscriptionType");
        if (subscriptionType == null || subscriptionType.isBlank()) {
            subscriptionType = at.optionalText(e, "eventType"); // the name in HubSpot's own docs example
        }
        if (subscriptionType == null || subscriptionType.isBlank()) {
            throw at.problem("has no 'subscriptionType'");
        }
        long portal = at.wholeNumber(e, "portalId");
        if (portal != portalId) {
            throw at.problem("portalId " + portal + " is not the configured HubSpot account " + portalId
                    + ": the app is installed in another account too (uninstall it there), or hubspot.portalId is wrong");
        }
        Instant occurredAt = Instant.ofEpochMilli(at.wholeNumber(e, "occurredAt"));
        int dot = subscriptionType.indexOf('.');
        if (dot <= 0 || dot == subscriptionType.length() - 1) {
            throw at.problem("subscriptionType '" + subscriptionType + "' is not of the form object.action "
                    + "(e.g. contact.propertyChange)");
        }
        String object = subscriptionType.substring(0, dot);
        if (object.equals("object")) { // HubSpot's newer platform: object.propertyChange + objectTypeId
            object = CONTACT_TYPE_ID.equals(at.text(e, "objectTypeId")) ? CONTACT : "other";
        }
        if (!object.equals(CONTACT)) {
            return null;
        }
        Action action = Action.of(subscriptionType.substring(dot + 1));
        boolean merge = action == Action.MERGE;
        // a merge names its contacts in other fields; an action HubSpot adds later is not read
        boolean objectIdOptional = merge || action == Action.OTHER;
        return new WebhookEvent(
                i,
                eventId,
                idOrNull(e.get("subscriptionId")),
                portal,
                idOrNull(e.get("appId")),
                occurredAt,
                subscriptionType,
                action,
                e.path("attemptNumber").canConvertToInt() ? e.path("attemptNumber").intValue() : null,
                objectIdOptional ? at.optionalId(e, "objectId") : at.id(e, "objectId"),
                action == Action.PROPERTY_CHANGE ? at.text(e, "propertyName") : at.optionalText(e, "propertyName"),
                at.optionalText(e, "propertyValue"),
                at.optionalText(e, "changeSource"),
                at.optionalText(e, "sourceId"),
                merge ? at.id(e, "primaryObjectId") : at.optionalId(e, "primaryObjectId"),
                merge ? at.ids(e, "mergedObjectIds") : List.of(),
                at.optionalId(e, "newObjectId"));
    }

    private static String idOrNull(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isIntegralNumber() || node.isTextual() ? node.asText() : null;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "nothing";
        };
    }

    private static UnreadableDeliveryException unreadable(String problem) {
        return new UnreadableDeliveryException("HubSpot webhook delivery: " + problem);
    }

    /** One element of the array, for reading its fields with messages that point at it. */
    private record Element(int index, String eventId) {

        UnreadableDeliveryException problem(String problem) {
            return unreadable("event [" + index + "]" + (eventId == null ? "" : " (eventId " + eventId + ")") + " "
                    + problem);
        }

        String text(JsonNode e, String field) {
            String value = optionalText(e, field);
            if (value == null || value.isBlank()) {
                throw problem("has no '" + field + "'");
            }
            return value;
        }

        String optionalText(JsonNode e, String field) {
            JsonNode node = e.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isContainerNode()) {
                throw problem("'" + field + "' is " + kind(node) + ", expected a text value");
            }
            return node.asText();
        }

        long wholeNumber(JsonNode e, String field) {
            JsonNode node = e.get(field);
            if (node == null || node.isNull()) {
                throw problem("has no '" + field + "'");
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            if (node.isTextual() && WHOLE_NUMBER.matcher(node.asText().strip()).matches()) {
                return Long.parseLong(node.asText().strip());
            }
            throw problem("'" + field + "' is not a whole number" + (field.equals("occurredAt")
                    ? " (epoch milliseconds)" : "") + ": " + (node.isValueNode() ? shorten(node.asText()) : kind(node)));
        }

        String id(JsonNode e, String field) {
            String id = optionalId(e, field);
            if (id == null) {
                throw problem("has no '" + field + "'");
            }
            return id;
        }

        String optionalId(JsonNode e, String field) {
            JsonNode node = e.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            return idValue(node, "'" + field + "'");
        }

        List<String> ids(JsonNode e, String field) {
            JsonNode node = e.get(field);
            if (node == null || node.isNull()) {
                throw problem("has no '" + field + "'");
            }
            if (!node.isArray()) {
                throw problem("'" + field + "' is " + kind(node) + ", expected an array of ids");
            }
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < node.size(); j++) {
                ids.add(idValue(node.get(j), "'" + field + "'[" + j + "]"));
            }
            return ids;
        }

        private String idValue(JsonNode node, String what) {
            String text = node.isIntegralNumber() || node.isTextual() ? node.asText().strip() : "";
            if (!ID.matcher(text).matches()) {
                throw problem(what + " is not a record id (expected a positive whole number): "
                        + (node.isValueNode() ? shorten(node.asText()) : kind(node)));
            }
            return text;
        }

        private static String shorten(String text) {
            return "'" + (text.length() <= 40 ? text : text.substring(0, 40) + "…") + "'";
        }
    }
}
