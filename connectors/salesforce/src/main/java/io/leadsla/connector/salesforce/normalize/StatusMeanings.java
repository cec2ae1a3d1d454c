package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.core.event.EventType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each lead status of the mapping means; statuses not listed mean nothing. */
final class StatusMeanings {

    private final Map<String, EventType> meaning = new HashMap<>();

    StatusMeanings(SalesforceMapping mapping) {
        put(mapping.mqlStatuses(), EventType.MQL_QUALIFIED);
        put(mapping.handoffStatuses(), EventType.HANDED_OFF);
        put(mapping.acceptedStatuses(), EventType.ACCEPTED);
        put(mapping.rejectedStatuses(), EventType.REJECTED);
        put(mapping.recycledStatuses(), EventType.RECYCLED);
    }

    /** The meaning of {@code status}, or null. */
    EventType of(String status) {
        return status == null ? null : meaning.get(status);
    }

    private void put(List<String> statuses, EventType type) {
        statuses.forEach(status -> meaning.put(status, type));
    }
}
