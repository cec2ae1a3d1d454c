package io.leadsla.simulator.salesforce;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One field of an object: what describeSObject reports and what create/update enforce. Standard fields are
 * declared by {@link StandardObjects}; custom ones (name ending in {@code __c}) are added with the factories
 * here and {@link Schema#addField}, e.g.
 * {@code FieldDef.customText("LeadSLA_Task_Key__c", "Task Key", 80).asExternalId(true).withTracking()}.
 *
 * @param tracked  whether changes are written to the object's field history (LeadHistory for Leads)
 * @param required whether create fails with REQUIRED_FIELD_MISSING when it is absent and has no default
 */
public record FieldDef(String name, String label, FieldType type, int length, int precision, int scale,
                       boolean custom, boolean createable, boolean updateable, boolean nillable,
                       boolean externalId, boolean unique, boolean restrictedPicklist,
                       List<PicklistValue> picklistValues, List<String> referenceTo, String relationshipName,
                       boolean tracked, boolean required, boolean defaultedOnCreate, boolean nameField) {

    public FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        picklistValues = List.copyOf(picklistValues);
        referenceTo = List.copyOf(referenceTo);
        if (custom && !name.endsWith("__c")) {
            throw new IllegalArgumentException("custom field names end in __c: " + name);
        }
    }

    // ---- custom field factories (what an admin or leadsla's setup deploys) ----

    public static FieldDef customText(String name, String label, int length) {
        return custom(name, label, FieldType.STRING, length, 0, 0, List.of());
    }

    public static FieldDef customDateTime(String name, String label) {
        return custom(name, label, FieldType.DATETIME, 0, 0, 0, List.of());
    }

    public static FieldDef customDate(String name, String label) {
        return custom(name, label, FieldType.DATE, 0, 0, 0, List.of());
    }

    public static FieldDef customNumber(String name, String label, int precision, int scale) {
        return custom(name, label, FieldType.DOUBLE, 0, precision, scale, List.of());
    }

    public static FieldDef customCheckbox(String name, String label) {
        return new FieldDef(name, label, FieldType.BOOLEAN, 0, 0, 0, true, true, true, false, false, false, false,
                List.of(), List.of(), null, false, false, true, false);
    }

    /** A picklist; the values are active, none is the default. Restricted picklists reject other values. */
    public static FieldDef customPicklist(String name, String label, boolean restricted, String... values) {
        List<PicklistValue> entries = Arrays.stream(values).map(PicklistValue::of).toList();
        return custom(name, label, FieldType.PICKLIST, 255, 0, 0, entries).withRestrictedPicklist(restricted);
    }

    private static FieldDef custom(String name, String label, FieldType type, int length, int precision, int scale,
                                   List<PicklistValue> values) {
        return new FieldDef(name, label, type, length, precision, scale, true, true, true, true, false, false,
                false, values, List.of(), null, false, false, false, false);
    }

    // ---- modifiers ----

    /** Marks the field External ID and, if {@code unique}, Unique (as the Task idempotency key is). */
    public FieldDef asExternalId(boolean unique) {
        return new FieldDef(name, label, type, length, precision, scale, custom, createable, updateable, nillable,
                true, unique, restrictedPicklist, picklistValues, referenceTo, relationshipName, tracked, required,
                defaultedOnCreate, nameField);
    }

    /** Turns on field history tracking for this field. */
    public FieldDef withTracking() {
        return new FieldDef(name, label, type, length, precision, scale, custom, createable, updateable, nillable,
                externalId, unique, restrictedPicklist, picklistValues, referenceTo, relationshipName, true, required,
                defaultedOnCreate, nameField);
    }

    public FieldDef withRestrictedPicklist(boolean restricted) {
        return new FieldDef(name, label, type, length, precision, scale, custom, createable, updateable, nillable,
                externalId, unique, restricted, picklistValues, referenceTo, relationshipName, tracked, required,
                defaultedOnCreate, nameField);
    }

    public FieldDef withPicklistValues(List<PicklistValue> values) {
        return new FieldDef(name, label, type, length, precision, scale, custom, createable, updateable, nillable,
                externalId, unique, restrictedPicklist, values, referenceTo, relationshipName, tracked, required,
                defaultedOnCreate, nameField);
    }

    // ---- derived ----

    boolean isPicklist() {
        return type == FieldType.PICKLIST;
    }

    String defaultPicklistValue() {
        return picklistValues.stream().filter(PicklistValue::defaultValue).map(PicklistValue::value).findFirst()
                .orElse(null);
    }

    boolean filterable() {
        return type != FieldType.TEXTAREA || length <= 255;
    }

    int byteLength() {
        return type.isText() || type.isId() ? length * 3 : 0;
    }

    /** The name LeadHistory.Field uses: lookups drop the "Id" ("Owner" for OwnerId), others their own name. */
    String historyName() {
        return type == FieldType.REFERENCE && !custom && name.endsWith("Id") ? name.substring(0, name.length() - 2)
                : name;
    }
}
