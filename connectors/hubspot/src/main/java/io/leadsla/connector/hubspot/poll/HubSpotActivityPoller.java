package io.leadsla.connector.hubspot.poll;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.SearchPage;
import io.leadsla.connector.Sha256;
import io.leadsla.connector.api.Poller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls one kind of activity (calls, emails or meetings) modified since the stored position
 * ({@code hs_lastmodifieddate}) with the contacts each is associated to: the contact attempts.
 */
public final class HubSpotActivityPoller implements Poller {

    /** The inbox source of activity pages. */
    public static final String SOURCE = "hubspot-poll-activities";

    /** Activity type → the properties that say who did what, when, and how. */
    static final Map<String, List<String>> PROPERTIES = Map.of(
            "calls", List.of("hs_timestamp", "hubspot_owner_id", "hs_call_direction", "hs_call_status",
                    "hs_call_disposition", "hs_created_by_user_id", "hs_lastmodifieddate"),
            "emails", List.of("hs_timestamp", "hubspot_owner_id", "hs_email_direction", "hs_email_status",
                    "hs_created_by_user_id", "hs_lastmodifieddate"),
            "meetings", List.of("hs_timestamp", "hubspot_owner_id", "hs_meeting_outcome", "hs_created_by_user_id",
                    "hs_lastmodifieddate"));

    private final HubSpotClient client;
    private final ObjectMapper json;
    private final String portalId;
    private final String activityType;
    private final Duration overlap;
    private final Instant start;
    private final ModifiedWindow window;

    public HubSpotActivityPoller(HubSpotClient client, ObjectMapper json, String portalId, String activityType,
                                 Duration overlap, Instant start, int activitiesPerPoll) {
        if (!PROPERTIES.containsKey(activityType)) {
            throw new IllegalArgumentException("activity type must be one of " + PROPERTIES.keySet() + ", was " + activityType);
        }
        this.client = client;
        this.json = json;
        this.portalId = portalId;
        this.activityType = activityType;
        this.overlap = overlap;
        this.start = start;
        this.window = new ModifiedWindow(client, activityType, "hs_lastmodifieddate", PROPERTIES.get(activityType),
                activitiesPerPoll);
    }

    @Override
    public String cursor() {
        return "hubspot:" + portalId + ":" + activityType;
    }

    @Override
    public String apiAccount() {
        return "hubspot:" + portalId;
    }

    @Override
    public Poll poll(Optional<String> position) {
        Instant from = position.map(ModifiedWindow::position).orElse(start);
        ModifiedWindow.Read read = window.read(from);
        List<Page> pages = new ArrayList<>();
        List<SearchPage.CrmObject> objects = read.objects();
        for (int i = 0; i < objects.size(); i += 100) {
            List<SearchPage.CrmObject> chunk = objects.subList(i, Math.min(objects.size(), i + 100));
            Map<String, List<String>> contacts = client.contactsOf(activityType,
                    chunk.stream().map(SearchPage.CrmObject::id).toList());
            ObjectNode body = json.createObjectNode().put("portalId", portalId).put("objectType", activityType);
            ArrayNode results = body.putArray("results");
            for (SearchPage.CrmObject o : chunk) {
                List<String> to = contacts.getOrDefault(o.id(), List.of());
                if (to.isEmpty()) {
                    continue; // an activity on no contact attempts no lead
                }
                ObjectNode activity = results.addObject().put("id", o.id());
                ObjectNode props = activity.putObject("properties");
                o.properties().forEach(props::put);
                to.forEach(activity.putArray("contactIds")::add);
            }
            String text = body.toString();
            pages.add(new Page(SOURCE, Sha256.hex(text), text));
        }
        return new Poll(pages, ModifiedWindow.nextPosition(from, read, overlap), read.caughtUp());
    }
}
