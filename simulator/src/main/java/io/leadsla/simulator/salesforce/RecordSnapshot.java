package io.leadsla.simulator.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable copy of one record: object name, 18-character id and field values keyed by the fields'
 * declared names (typed as {@link Values} describes; a null value means the field is empty).
 */
public record RecordSnapshot(String type, String id, Map<String, Object> fields) {
    public RecordSnapshot {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The value of a field, matching its name case-insensitively; null if empty or unknown. */
    public Object get(String field) {
        Object v = fields.get(field);
        if (v != null || fields.containsKey(field)) {
            return v;
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    public String string(String field) {
        Object v = get(field);
        return v == null ? null : Values.format(v);
    }

    public Instant instant(String field) {
        return (Instant) get(field);
    }

    public LocalDate date(String field) {
        return (LocalDate) get(field);
    }

    public boolean bool(String field) {
        return Boolean.TRUE.equals(get(field));
    }
}
