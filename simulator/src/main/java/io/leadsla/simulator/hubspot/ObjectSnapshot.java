package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of one CRM record, for tests and the demo to inspect. {@code history} lists each
 * property's changes oldest first.
 */
public record ObjectSnapshot(ObjectType type, String id, Map<String, String> properties, Instant createdAt,
                             Instant updatedAt, boolean archived, Map<String, List<PropertyChange>> history) {

    public ObjectSnapshot {
        properties = Map.copyOf(properties);
        history = Map.copyOf(history);
    }

    /** The property's value, or null when it has none. */
    public String property(String name) {
        return properties.get(name);
    }

    public List<PropertyChange> historyOf(String name) {
        return history.getOrDefault(name, List.of());
    }
}
