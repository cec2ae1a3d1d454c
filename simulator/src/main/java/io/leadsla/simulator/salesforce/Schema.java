package io.leadsla.simulator.salesforce;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's object catalog: the standard objects plus whatever custom fields tests, the demo or a simulated
 * setup deploy. Describe and SOQL read it on every call, so fields added at runtime show up at once (real
 * metadata deploys become visible within seconds; the simulator doesn't model that delay).
 */
public final class Schema {
    private final Map<String, SObjectDef> objects = new ConcurrentHashMap<>();

    Schema() {
        StandardObjects.all().forEach(o -> objects.put(o.name().toLowerCase(Locale.ROOT), o));
    }

    public Optional<SObjectDef> object(String name) {
        return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
    }

    public SObjectDef require(String name) {
        return object(name).orElseThrow(() -> new IllegalArgumentException("no such object: " + name));
    }

    /** Object whose records carry this key prefix (00Q → Lead), if any. */
    Optional<SObjectDef> byKeyPrefix(String id) {
        return objects.values().stream().filter(o -> id.startsWith(o.keyPrefix())).findFirst();
    }

    /** Deploys a custom field; fails if a field of that name (in any case) exists. */
    public void addField(String objectName, FieldDef field) {
        SObjectDef o = require(objectName);
        synchronized (o) {
            if (o.field(field.name()).isPresent()) {
                throw new IllegalArgumentException(objectName + "." + field.name() + " already exists");
            }
            o.put(field);
        }
    }

    /** Replaces a picklist's values, as an admin customising e.g. Lead Status does. */
    public void setPicklistValues(String objectName, String fieldName, List<PicklistValue> values) {
        SObjectDef o = require(objectName);
        FieldDef f = o.field(fieldName).orElseThrow(() -> new IllegalArgumentException("no field " + fieldName));
        o.put(f.withPicklistValues(values));
    }

    /** Turns on history tracking for an existing field. */
    public void track(String objectName, String fieldName) {
        SObjectDef o = require(objectName);
        FieldDef f = o.field(fieldName).orElseThrow(() -> new IllegalArgumentException("no field " + fieldName));
        o.put(f.withTracking());
    }
}
