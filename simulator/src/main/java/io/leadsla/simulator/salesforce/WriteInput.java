package io.leadsla.simulator.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One record to create, update or upsert: field values keyed by field name (any case; values as text or
 * typed Java values), the fields to empty ({@code fieldsToNull}) and, for update, the target id.
 */
record WriteInput(String id, Map<String, Object> values, Set<String> fieldsToNull) {
    WriteInput {
        values = new LinkedHashMap<>(values);
        fieldsToNull = Set.copyOf(fieldsToNull);
    }

    static WriteInput of(Map<String, ?> values) {
        return new WriteInput(null, new LinkedHashMap<>(values), Set.of());
    }
}
