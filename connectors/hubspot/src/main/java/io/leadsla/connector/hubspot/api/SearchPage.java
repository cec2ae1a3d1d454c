package io.leadsla.connector.hubspot.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page of search results and the cursor of the next, if any. */
public record SearchPage(long total, List<CrmObject> results, String nextAfter) {

    /** A CRM object as search and reads return it. */
    public record CrmObject(String id, Map<String, String> properties, Instant createdAt, Instant updatedAt) {
    }
}
