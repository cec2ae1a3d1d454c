package io.leadsla.simulator.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One object type (Lead, Task, ...): its names, key prefix and fields. Field lookup ignores case, as SOQL and
 * the API do; responses always use the declared spelling. Mutable only through {@link Schema}, which guards it.
 */
public final class SObjectDef {
    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean createable;
    private final boolean updateable;
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();

    SObjectDef(String name, String label, String labelPlural, String keyPrefix, boolean createable,
               boolean updateable, List<FieldDef> fields) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        this.createable = createable;
        this.updateable = updateable;
        fields.forEach(this::put);
    }

    synchronized void put(FieldDef f) {
        fields.put(f.name().toLowerCase(Locale.ROOT), f);
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String labelPlural() {
        return labelPlural;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean createable() {
        return createable;
    }

    public boolean updateable() {
        return updateable;
    }

    public synchronized Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    public synchronized List<FieldDef> fields() {
        return new ArrayList<>(fields.values());
    }
}
