package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record's mutable state. Only {@link CrmStore} touches it, always under the store's lock.
 * {@code versions} keeps the recent states search may still be serving while HubSpot's index catches
 * up (see {@link CrmStore#searchable}).
 */
final class CrmObject {
    final ObjectType type;
    final long id;
    final Instant createdAt;
    Instant updatedAt;
    boolean archived;
    Long mergedInto;
    final Map<String, String> properties = new HashMap<>();
    final Map<String, List<PropertyChange>> history = new HashMap<>();
    final Deque<Version> versions = new ArrayDeque<>();

    CrmObject(ObjectType type, long id, Instant createdAt) {
        this.type = type;
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    record Version(Instant at, Map<String, String> properties, Instant updatedAt, boolean archived) {
    }

    ObjectSnapshot snapshot() {
        Map<String, List<PropertyChange>> h = new LinkedHashMap<>();
        history.forEach((k, v) -> h.put(k, List.copyOf(v)));
        return new ObjectSnapshot(type, Long.toString(id), properties, createdAt, updatedAt, archived, h);
    }

    /** Records the current state as searchable from {@code at}, dropping states no reader can see any more. */
    void recordVersion(Instant at, Instant oldestVisible) {
        versions.addLast(new Version(at, Map.copyOf(properties), updatedAt, archived));
        // Keep the newest version at or before the visibility horizon, and everything after it.
        List<Version> list = new ArrayList<>(versions);
        int keepFrom = 0;
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).at().isAfter(oldestVisible)) {
                keepFrom = i;
            }
        }
        for (int i = 0; i < keepFrom; i++) {
            versions.removeFirst();
        }
    }
}
