package io.leadsla.connector.hubspot.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activity pages → contact attempts: one {@code CONTACT_ATTEMPT} per associated contact, at the
 * activity's own time ({@code hs_timestamp}). An e-mail the contact sent is not an attempt; an
 * activity no person made (no creating user, no owner: a sequence or an integration) is marked
 * {@code automated=true}, which the SLA's attempt rules leave out of first touch and attempts.
 */
public final class HubSpotActivityNormalizer implements Normalizer {

    private static final Map<String, String> CHANNEL = Map.of("calls", "call", "emails", "email", "meetings", "meeting");

    private final ObjectMapper json;

    public HubSpotActivityNormalizer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String source() {
        return HubSpotActivityPoller.SOURCE;
    }

    @Override
    public List<LeadEvent> normalize(String body) {
        JsonNode page;
        try {
            page = json.readTree(body);
        } catch (IOException e) {
            throw new UnreadableDeliveryException("not JSON: " + e.getMessage(), e);
        }
        String type = page.path("objectType").asText();
        String channel = CHANNEL.get(type);
        if (channel == null || !page.path("results").isArray()) {
            throw new UnreadableDeliveryException("not an activity page: objectType '" + type + "', results "
                    + page.path("results").getNodeType());
        }
        List<LeadEvent> events = new ArrayList<>();
        int index = 0;
        for (JsonNode activity : page.get("results")) {
            String where = "results[" + index++ + "]";
            String id = activity.path("id").asText("");
            JsonNode p = activity.path("properties");
            if (id.isEmpty()) {
                throw new UnreadableDeliveryException(where + ": no id");
            }
            if ("INCOMING_EMAIL".equals(p.path("hs_email_direction").asText())) {
                continue; // the lead wrote to us: not an attempt to reach them
            }
            Instant at = instant(p.path("hs_timestamp").asText(""), where + ".properties.hs_timestamp");
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("channel", channel);
            String owner = p.path("hubspot_owner_id").asText("");
            if (!owner.isBlank()) {
                attributes.put("ownerId", owner);
            }
            String outcome = firstPresent(p, "hs_call_disposition", "hs_call_status", "hs_meeting_outcome", "hs_email_status");
            if (outcome != null) {
                attributes.put("outcome", outcome);
            }
            if (owner.isBlank() && p.path("hs_created_by_user_id").asText("").isBlank()) {
                attributes.put("automated", "true");
            }
            for (JsonNode contact : activity.path("contactIds")) {
                String contactId = contact.asText();
                events.add(new LeadEvent("hubspot:" + channel + ":" + id + ":contact:" + contactId, Crm.HUBSPOT, "contact",
                        contactId, EventType.CONTACT_ATTEMPT, at, attributes));
            }
        }
        return events;
    }

    private static String firstPresent(JsonNode p, String... names) {
        for (String n : names) {
            String v = p.path(n).asText("");
            if (!v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static Instant instant(String value, String where) {
        if (value.isBlank()) {
            throw new UnreadableDeliveryException(where + ": missing");
        }
        try {
            return HubSpotInstants.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UnreadableDeliveryException(where + ": '" + value + "' is not an instant", e);
        }
    }
}
