package io.leadsla.connector.hubspot.poll;

import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.SearchPage;
import io.leadsla.connector.hubspot.api.SearchRequest;
import io.leadsla.connector.poll.PollWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the objects of one type modified since a position, oldest change first, through the Search
 * API: pages of 200, at most {@code limit} objects per read. HubSpot refuses to page past 10,000
 * results of one query; a read stops before that and the next one starts a new query at the last
 * modification time seen, which moves the window. A position holds epoch milliseconds.
 */
final class ModifiedWindow {

    /** What a read found, and where the next read starts. */
    record Read(List<SearchPage.CrmObject> objects, Instant lastModified, boolean caughtUp) {
    }

    private final HubSpotClient client;
    private final String objectType;
    private final String modifiedProperty;
    private final List<String> properties;
    private final int limit;

    ModifiedWindow(HubSpotClient client, String objectType, String modifiedProperty, List<String> properties, int limit) {
        this.client = client;
        this.objectType = objectType;
        this.modifiedProperty = modifiedProperty;
        this.properties = List.copyOf(properties);
        this.limit = limit;
    }

    Read read(Instant from) {
        SearchRequest request = new SearchRequest(
                List.of(new SearchRequest.FilterGroup(List.of(
                        SearchRequest.Filter.of(modifiedProperty, "GTE", Long.toString(from.toEpochMilli()))))),
                List.of(new SearchRequest.Sort(modifiedProperty, "ASCENDING")), properties, SearchRequest.MAX_PAGE, null);
        List<SearchPage.CrmObject> objects = new ArrayList<>();
        Instant last = from;
        int offset = 0;
        while (true) {
            SearchPage page = client.search(objectType, request);
            for (SearchPage.CrmObject o : page.results()) {
                objects.add(o);
                Instant modified = modified(o);
                if (modified != null && modified.isAfter(last)) {
                    last = modified;
                }
            }
            offset += page.results().size();
            if (page.nextAfter() == null) {
                return new Read(objects, last, true);
            }
            if (objects.size() + SearchRequest.MAX_PAGE > limit
                    || offset + SearchRequest.MAX_PAGE > SearchRequest.MAX_RESULTS) {
                return new Read(objects, last, false);
            }
            request = request.page(page.nextAfter());
        }
    }

    private Instant modified(SearchPage.CrmObject o) {
        String value = o.properties().get(modifiedProperty);
        if (value == null || value.isBlank()) {
            return o.updatedAt();
        }
        return HubSpotInstants.parse(value);
    }

    /** Where the next read starts ({@link PollWindow#next}), as epoch milliseconds. */
    static String nextPosition(Instant from, Read read, Duration overlap) {
        return Long.toString(PollWindow.next(from, read.lastModified(), read.caughtUp(), overlap).toEpochMilli());
    }

    static Instant position(String position) {
        return Instant.ofEpochMilli(Long.parseLong(position.trim()));
    }
}
