package io.leadsla.connector.export;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the events one export row yields. Every event carries the row's attributes (policies
 * read tier, calendar and required data from whichever event they look at), plus its own.
 *
 * <p>Event ids are {@code <crm>:<objectType>:<recordId>:<type in lower case>:<epoch millis>}, so
 * replaying the same file twice, or two exports that agree on a lead, yields the same ids and
 * changes nothing the second time.
 */
public final class RowEvents {

    private final Crm crm;
    private final String objectType;
    private final String recordId;
    private final Map<String, String> attributes;
    private final List<LeadEvent> events = new ArrayList<>(6);

    public RowEvents(Crm crm, String objectType, String recordId, Map<String, String> attributes) {
        this.crm = crm;
        this.objectType = objectType;
        this.recordId = recordId;
        this.attributes = Map.copyOf(attributes);
    }

    public void add(EventType type, Instant occurredAt) {
        add(type, occurredAt, Map.of());
    }

    /** Adds an event; {@code extra} attributes override the row's ones of the same name. */
    public void add(EventType type, Instant occurredAt, Map<String, String> extra) {
        Map<String, String> all = attributes;
        if (!extra.isEmpty()) {
            all = new HashMap<>(attributes);
            all.putAll(extra);
        }
        String eventId = crm.id() + ':' + objectType + ':' + recordId + ':' + type.name().toLowerCase(Locale.ROOT)
                + ':' + occurredAt.toEpochMilli();
        events.add(new LeadEvent(eventId, crm, objectType, recordId, type, occurredAt, all));
    }

    /** The events in the order they apply. */
    public List<LeadEvent> events() {
        List<LeadEvent> sorted = new ArrayList<>(events);
        sorted.sort(LeadEvent.APPLY_ORDER);
        return sorted;
    }
}
