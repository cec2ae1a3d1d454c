package io.leadsla.connector.hubspot.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.hubspot.mapping.ChangeOrigin;
import io.leadsla.connector.hubspot.mapping.ContactChange;
import io.leadsla.connector.hubspot.mapping.ContactChangeInterpreter;
import io.leadsla.core.event.LeadEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Polled contact pages → lead events: every entry of the watched properties' history is a change
 * at the time HubSpot recorded it, read through the same {@link ContactChangeInterpreter} as
 * webhooks, so a change seen both ways has one event id and counts once.
 */
public final class HubSpotContactPageNormalizer implements Normalizer {

    private final ObjectMapper json;
    private final ContactChangeInterpreter interpreter;

    public HubSpotContactPageNormalizer(ObjectMapper json, ContactChangeInterpreter interpreter) {
        this.json = json;
        this.interpreter = interpreter;
    }

    @Override
    public String source() {
        return HubSpotContactPoller.SOURCE;
    }

    @Override
    public List<LeadEvent> normalize(String body) {
        JsonNode page;
        try {
            page = json.readTree(body);
        } catch (IOException e) {
            throw new UnreadableDeliveryException("not JSON: " + e.getMessage(), e);
        }
        if (!page.path("results").isArray()) {
            throw new UnreadableDeliveryException("not a contact page: no results array");
        }
        List<LeadEvent> events = new ArrayList<>();
        int index = 0;
        for (JsonNode contact : page.get("results")) {
            String where = "results[" + index++ + "]";
            String id = contact.path("id").asText("");
            if (id.isEmpty()) {
                throw new UnreadableDeliveryException(where + ": no id");
            }
            Iterator<Map.Entry<String, JsonNode>> histories = contact.path("propertiesWithHistory").fields();
            while (histories.hasNext()) {
                Map.Entry<String, JsonNode> history = histories.next();
                int n = 0;
                for (JsonNode entry : history.getValue()) {
                    String at = where + ".propertiesWithHistory." + history.getKey() + "[" + n++ + "]";
                    JsonNode value = entry.get("value");
                    events.addAll(interpreter.eventsOf(new ContactChange.PropertyChange(id, history.getKey(),
                            value == null || value.isNull() ? null : value.asText(), instant(entry.path("timestamp"), at),
                            new ChangeOrigin(text(entry, "sourceType"), text(entry, "sourceId")))));
                }
            }
        }
        return events;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode value, String where) {
        String text = value.asText("");
        try {
            return HubSpotInstants.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UnreadableDeliveryException(where + ".timestamp: '" + text + "' is not an instant", e);
        }
    }
}
