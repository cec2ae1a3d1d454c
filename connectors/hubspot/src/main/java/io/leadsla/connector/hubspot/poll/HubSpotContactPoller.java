package io.leadsla.connector.hubspot.poll;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;

/**
 * Polls a portal's contacts modified since the stored position ({@code lastmodifieddate}), then
 * reads them with the history of the properties the mapping uses, so that each change keeps the
 * time it happened in HubSpot — not the time leadsla saw it. Each inbox page holds up to 100
 * contacts as HubSpot returned them; {@code HubSpotPollNormalizer} turns their history into events.
 */
public final class HubSpotContactPoller implements Poller {

    /** The inbox source of contact pages. */
    public static final String SOURCE = "hubspot-poll-contacts";

    private final HubSpotClient client;
    private final ObjectMapper json;
    private final String portalId;
    private final List<String> properties;
    private final List<String> historyProperties;
    private final Duration overlap;
    private final Instant start;
    private final ModifiedWindow window;

    /**
     * @param properties        contact properties read with their current value
     * @param historyProperties properties read with their history (lifecycle stage, lead status,
     *                          owner, rejection reason, mapped attributes)
     * @param start             where a first poll starts (the backfill's "since")
     * @param contactsPerPoll   at most this many contacts per poll (multiple of 200)
     */
    public HubSpotContactPoller(HubSpotClient client, ObjectMapper json, String portalId, List<String> properties,
                                List<String> historyProperties, Duration overlap, Instant start, int contactsPerPoll) {
        this.client = client;
        this.json = json;
        this.portalId = portalId;
        this.properties = List.copyOf(properties);
        this.historyProperties = List.copyOf(historyProperties);
        this.overlap = overlap;
        this.start = start;
        this.window = new ModifiedWindow(client, "contacts", "lastmodifieddate", List.of("lastmodifieddate"), contactsPerPoll);
    }

    @Override
    public String cursor() {
        return "hubspot:" + portalId + ":contacts";
    }

    @Override
    public String apiAccount() {
        return "hubspot:" + portalId;
    }

    @Override
    public Poll poll(Optional<String> position) {
        Instant from = position.map(ModifiedWindow::position).orElse(start);
        ModifiedWindow.Read read = window.read(from);
        List<String> ids = read.objects().stream().map(SearchPage.CrmObject::id).distinct().toList();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 100) {
            List<JsonNode> contacts = client.readWithHistory("contacts", ids.subList(i, Math.min(ids.size(), i + 100)),
                    properties, historyProperties);
            ObjectNode body = json.createObjectNode().put("portalId", portalId).put("objectType", "contacts");
            ArrayNode results = body.putArray("results");
            contacts.forEach(results::add);
            String text = body.toString();
            pages.add(new Page(SOURCE, Sha256.hex(text), text));
        }
        return new Poll(pages, ModifiedWindow.nextPosition(from, read, overlap), read.caughtUp());
    }

}
