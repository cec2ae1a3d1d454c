package io.leadsla.simulator.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The org's data: every record of every object, the platform's bookkeeping on each write (system fields,
 * derived fields, field history) and per-record validation with Salesforce's status codes and messages.
 * API calls and user actions both write through here, so they behave the same and both raise
 * {@link RecordChange}s for Outbound Messages. One lock guards everything: a write and the history and
 * notifications it causes are atomic, like a Salesforce transaction.
 */
final class OrgStore {
    private static final String CONVERTED_LEAD_MESSAGE = "cannot reference converted lead";

    private final Clock clock;
    private final Schema schema;
    private final SalesforceIds ids;
    private final Map<String, Stored> records = new HashMap<>();
    private final Map<String, List<Stored>> byType = new HashMap<>();
    private final Set<String> locked = new HashSet<>();
    private final List<Consumer<RecordChange>> listeners = new CopyOnWriteArrayList<>();

    private static final class Stored {
        final SObjectDef def;
        final String id;
        final Map<String, Object> values = new HashMap<>();
        boolean deleted;

        Stored(SObjectDef def, String id) {
            this.def = def;
            this.id = id;
        }
    }

    OrgStore(Clock clock, Schema schema, SalesforceIds ids) {
        this.clock = clock;
        this.schema = schema;
        this.ids = ids;
    }

    void addListener(Consumer<RecordChange> listener) {
        listeners.add(listener);
    }

    // ------------------------------------------------------------------ reads

    synchronized List<RecordSnapshot> live(String type) {
        return byType.getOrDefault(key(type), List.of()).stream().filter(s -> !s.deleted).map(this::snapshot)
                .toList();
    }

    /** A record by 15- or 18-character id, deleted ones included. */
    synchronized Optional<RecordSnapshot> get(String id) {
        return SalesforceIds.normalize(id).map(records::get).map(this::snapshot);
    }

    synchronized boolean isDeleted(String id) {
        return SalesforceIds.normalize(id).map(records::get).map(s -> s.deleted).orElse(false);
    }

    // ------------------------------------------------------------------ test hooks

    synchronized void lock(String id) {
        locked.add(canonical(id));
    }

    synchronized void unlock(String id) {
        locked.remove(canonical(id));
    }

    // ------------------------------------------------------------------ writes

    /** Creates a record as {@code actorId}; validation failures come back as a failed result. */
    synchronized SaveResult create(String type, WriteInput input, String actorId) {
        SObjectDef def = schema.require(type);
        if (!def.createable()) {
            return SaveResult.failed("INVALID_TYPE_FOR_OPERATION", "entity type cannot be inserted: " + def.label(),
                    List.of());
        }
        Converted c = convert(def, input, true, null);
        if (c.error != null) {
            return new SaveResult(null, false, false, List.of(c.error));
        }
        applyCreateDefaults(def, c.values, actorId);
        List<String> missing = def.fields().stream()
                .filter(f -> f.required() && c.values.get(f) == null)
                .map(FieldDef::name).toList();
        if (!missing.isEmpty()) {
            return SaveResult.failed("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
        }
        SaveResult.Error dup = duplicateCheck(def, c.values, null);
        if (dup != null) {
            return new SaveResult(null, false, false, List.of(dup));
        }
        Stored s = new Stored(def, ids.next(def.keyPrefix()));
        records.put(s.id, s);
        byType.computeIfAbsent(key(def.name()), k -> new ArrayList<>()).add(s);
        apply(s, c.values, actorId, true);
        return SaveResult.ok(s.id, true);
    }

    /** Updates the record {@code input.id()} as {@code actorId}. API writes honour row locks, users' don't. */
    synchronized SaveResult update(String type, WriteInput input, String actorId, boolean honourLocks) {
        SObjectDef def = schema.require(type);
        if (input.id() == null || input.id().isBlank()) {
            return SaveResult.failed("MISSING_ARGUMENT", "Id not specified in an update call", List.of());
        }
        Optional<String> id = SalesforceIds.normalize(input.id()).filter(i -> i.startsWith(def.keyPrefix()));
        if (id.isEmpty()) {
            return SaveResult.failed("MALFORMED_ID", def.label() + " ID: id value of incorrect type: " + input.id(),
                    List.of("Id"));
        }
        Stored s = records.get(id.get());
        if (s == null) {
            // a well-formed id of the right object that never existed in this org
            return SaveResult.failed("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());
        }
        if (s.deleted) {
            return SaveResult.failed("ENTITY_IS_DELETED", "entity is deleted", List.of());
        }
        if (!def.updateable()) {
            return SaveResult.failed("INVALID_TYPE_FOR_OPERATION", "entity type cannot be updated: " + def.label(),
                    List.of());
        }
        if (honourLocks && locked.contains(s.id)) {
            return SaveResult.failed("UNABLE_TO_LOCK_ROW",
                    "unable to obtain exclusive access to this record or 1 records: " + s.id, List.of());
        }
        if (def.name().equals(StandardObjects.LEAD) && Boolean.TRUE.equals(s.values.get("IsConverted"))) {
            return SaveResult.failed("CANNOT_UPDATE_CONVERTED_LEAD", CONVERTED_LEAD_MESSAGE, List.of());
        }
        Converted c = convert(def, input, false, s);
        if (c.error != null) {
            return new SaveResult(null, false, false, List.of(c.error));
        }
        List<String> emptiedRequired = c.values.entrySet().stream()
                .filter(e -> e.getValue() == null && (e.getKey().required() || !e.getKey().nillable()))
                .map(e -> e.getKey().name()).toList();
        if (!emptiedRequired.isEmpty()) {
            return SaveResult.failed("REQUIRED_FIELD_MISSING", "Required fields are missing: " + emptiedRequired,
                    emptiedRequired);
        }
        SaveResult.Error dup = duplicateCheck(def, c.values, s.id);
        if (dup != null) {
            return new SaveResult(null, false, false, List.of(dup));
        }
        apply(s, c.values, actorId, false);
        return SaveResult.ok(s.id, false);
    }

    /**
     * Upserts on an external id field: no match creates, one match updates, several matches fail; the same
     * key twice in one call fails both records.
     */
    synchronized List<SaveResult> upsert(String type, FieldDef key, List<WriteInput> inputs, String actorId) {
        SObjectDef def = schema.require(type);
        Map<String, Integer> keyCounts = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (WriteInput in : inputs) {
            Object raw = valueOf(in.values(), key.name());
            String k = raw == null ? null : Values.format(raw);
            keys.add(k);
            if (k != null && !k.isEmpty()) {
                keyCounts.merge(k.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<SaveResult> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            WriteInput in = inputs.get(i);
            String k = keys.get(i);
            if (k == null || k.isEmpty()) {
                results.add(SaveResult.failed("MISSING_ARGUMENT", key.name() + " not specified", List.of()));
                continue;
            }
            if (keyCounts.get(k.toLowerCase(Locale.ROOT)) > 1) {
                results.add(SaveResult.failed("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + k,
                        List.of(key.name())));
                continue;
            }
            List<Stored> matches = matching(def, key, k);
            if (matches.size() > 1) {
                results.add(SaveResult.failed("DUPLICATE_EXTERNAL_ID", def.label() + " " + key.name()
                        + ": more than one record found for external id field: "
                        + matches.stream().map(m -> m.id).toList(), List.of(key.name())));
            } else if (matches.isEmpty()) {
                results.add(create(type, in, actorId));
            } else {
                Map<String, Object> values = new LinkedHashMap<>(in.values());
                values.keySet().removeIf(n -> n.equalsIgnoreCase("Id"));
                SaveResult r = update(type, new WriteInput(matches.get(0).id, values, in.fieldsToNull()), actorId,
                        true);
                results.add(r.success() ? SaveResult.ok(r.id(), false) : r);
            }
        }
        return results;
    }

    /** Creates a User or Group (queue) record, which the API doesn't let clients create here. */
    synchronized RecordSnapshot insertPlatformRecord(String type, String explicitId, Map<String, Object> values,
                                                     String actorId) {
        SObjectDef def = schema.require(type);
        Map<FieldDef, Object> typed = new LinkedHashMap<>();
        values.forEach((n, v) -> {
            FieldDef f = def.field(n).orElseThrow(() -> new IllegalArgumentException("no field " + type + "." + n));
            typed.put(f, Values.coerce(f, v));
        });
        applyCreateDefaults(def, typed, actorId);
        String id = explicitId != null ? canonical(explicitId) : ids.next(def.keyPrefix());
        if (records.containsKey(id) || !id.startsWith(def.keyPrefix())) {
            throw new IllegalArgumentException("id taken or not a " + type + " id: " + explicitId);
        }
        Stored s = new Stored(def, id);
        records.put(s.id, s);
        byType.computeIfAbsent(key(def.name()), k -> new ArrayList<>()).add(s);
        apply(s, typed, actorId == null ? s.id : actorId, true);
        return snapshot(s);
    }

    /** Converts a lead as a user clicking Convert does: IsConverted, ConvertedDate and the converted status. */
    synchronized RecordSnapshot convertLead(String leadId, String convertedStatus, String actorId) {
        Stored s = existing(leadId);
        if (!s.def.name().equals(StandardObjects.LEAD)) {
            throw new IllegalArgumentException("not a lead: " + leadId);
        }
        if (Boolean.TRUE.equals(s.values.get("IsConverted"))) {
            throw new IllegalStateException("lead already converted: " + leadId);
        }
        Map<FieldDef, Object> changes = new LinkedHashMap<>();
        changes.put(s.def.field("Status").orElseThrow(), convertedStatus);
        changes.put(s.def.field("IsConverted").orElseThrow(), Boolean.TRUE);
        changes.put(s.def.field("ConvertedDate").orElseThrow(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        apply(s, changes, actorId, false);
        return snapshot(s);
    }

    /** Deletes a record (to the recycle bin: later API writes get ENTITY_IS_DELETED). */
    synchronized void delete(String id, String actorId) {
        Stored s = existing(id);
        RecordSnapshot before = snapshot(s);
        s.deleted = true;
        s.values.put("IsDeleted", Boolean.TRUE);
        touch(s, actorId);
        notifyListeners(new RecordChange(RecordChange.Kind.DELETED, s.def.name(), before, snapshot(s),
                Set.of("IsDeleted"), actorId, clock.instant()));
    }

    // ------------------------------------------------------------------ internals

    private Stored existing(String id) {
        Stored s = records.get(canonical(id));
        if (s == null || s.deleted) {
            throw new IllegalArgumentException("no such record: " + id);
        }
        return s;
    }

    private static String canonical(String id) {
        return SalesforceIds.normalize(id).orElseThrow(() -> new IllegalArgumentException("not an id: " + id));
    }

    private static String key(String type) {
        return type.toLowerCase(Locale.ROOT);
    }

    private static Object valueOf(Map<String, Object> values, String field) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    private List<Stored> matching(SObjectDef def, FieldDef key, String value) {
        return byType.getOrDefault(key(def.name()), List.of()).stream()
                .filter(s -> !s.deleted)
                .filter(s -> {
                    Object v = s.values.get(key.name());
                    if (v == null) {
                        return false;
                    }
                    return key.name().equals("Id") ? s.id.equals(SalesforceIds.normalize(value).orElse(value))
                            : Values.format(v).equalsIgnoreCase(value);
                }).toList();
    }

    /** Either converted values or the first per-record error. */
    private record Converted(Map<FieldDef, Object> values, SaveResult.Error error) {
    }

    private Converted convert(SObjectDef def, WriteInput input, boolean create, Stored existing) {
        Map<FieldDef, Object> out = new LinkedHashMap<>();
        Set<String> notWritable = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : input.values().entrySet()) {
            FieldDef f = def.field(e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException(noSuchColumn(e.getKey(), def.name())));
            if (f.name().equals("Id")) {
                continue;
            }
            if (create ? !f.createable() : !f.updateable()) {
                notWritable.add(f.name());
                continue;
            }
            Object value;
            try {
                value = Values.coerce(f, e.getValue());
            } catch (RuntimeException ex) {
                return new Converted(null, new SaveResult.Error("INVALID_TYPE_ON_FIELD_IN_RECORD",
                        f.label() + ": value not of required type: " + e.getValue(), List.of(f.name())));
            }
            if (value instanceof String str && str.isEmpty()) {
                value = null; // an empty string empties a field, as in the UI
            }
            SaveResult.Error err = value == null ? null : checkValue(f, value);
            if (err != null) {
                return new Converted(null, err);
            }
            if (f.type() == FieldType.REFERENCE && value != null) {
                value = SalesforceIds.normalize((String) value).orElseThrow();
            }
            out.put(f, value);
        }
        for (String n : input.fieldsToNull()) {
            FieldDef f = def.field(n).orElseThrow(() -> new IllegalArgumentException(noSuchColumn(n, def.name())));
            if (create ? !f.createable() : !f.updateable()) {
                notWritable.add(f.name());
                continue;
            }
            out.put(f, null);
        }
        if (!notWritable.isEmpty()) {
            return new Converted(null, new SaveResult.Error("INVALID_FIELD_FOR_INSERT_UPDATE",
                    "Unable to create/update fields: " + String.join(", ", notWritable) + ". Please check the "
                            + "security settings of this field and verify that it is read/write for your profile or "
                            + "permission set.", List.copyOf(notWritable)));
        }
        return new Converted(out, null);
    }

    static String noSuchColumn(String field, String object) {
        return "No such column '" + field + "' on entity '" + object + "'. If you are attempting to use a custom "
                + "field, be sure to append the '__c' after the custom field name. Please reference your WSDL or "
                + "the describe call for the appropriate names.";
    }

    private SaveResult.Error checkValue(FieldDef f, Object value) {
        if (f.type().isText() && f.length() > 0 && ((String) value).length() > f.length()) {
            return new SaveResult.Error("STRING_TOO_LONG", f.label() + ": data value too large: " + value
                    + " (max length=" + f.length() + ")", List.of(f.name()));
        }
        if (f.isPicklist() && f.restrictedPicklist()
                && f.picklistValues().stream().noneMatch(p -> p.active() && p.value().equals(value))) {
            return new SaveResult.Error("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                    f.label() + ": bad value for restricted picklist field: " + value, List.of(f.name()));
        }
        if (f.type() == FieldType.REFERENCE) {
            return checkReference(f, (String) value);
        }
        return null;
    }

    private SaveResult.Error checkReference(FieldDef f, String value) {
        Optional<String> id = SalesforceIds.normalize(value);
        if (id.isEmpty()) {
            return new SaveResult.Error("MALFORMED_ID", f.label() + ": id value of incorrect type: " + value,
                    List.of(f.name()));
        }
        boolean allowedType = f.referenceTo().stream().map(schema::object).flatMap(Optional::stream)
                .anyMatch(o -> id.get().startsWith(o.keyPrefix()));
        if (!allowedType) {
            return new SaveResult.Error("FIELD_INTEGRITY_EXCEPTION", f.label() + ": id value of incorrect type: "
                    + value, List.of(f.name()));
        }
        Stored target = records.get(id.get());
        if (target == null || target.deleted) {
            return new SaveResult.Error("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                    List.of(f.name()));
        }
        return null;
    }

    private SaveResult.Error duplicateCheck(SObjectDef def, Map<FieldDef, Object> values, String selfId) {
        for (Map.Entry<FieldDef, Object> e : values.entrySet()) {
            if (!e.getKey().unique() || e.getValue() == null) {
                continue;
            }
            String v = Values.format(e.getValue());
            for (Stored other : matching(def, e.getKey(), v)) {
                if (!other.id.equals(selfId)) {
                    return new SaveResult.Error("DUPLICATE_VALUE", "duplicate value found: " + e.getKey().name()
                            + " duplicates value on record with id: " + other.id, List.of(e.getKey().name()));
                }
            }
        }
        return null;
    }

    private void applyCreateDefaults(SObjectDef def, Map<FieldDef, Object> values, String actorId) {
        for (FieldDef f : def.fields()) {
            if (values.containsKey(f) && values.get(f) != null) {
                continue;
            }
            if (f.isPicklist() && f.defaultPicklistValue() != null) {
                values.put(f, f.defaultPicklistValue());
            } else if (f.type() == FieldType.BOOLEAN && f.defaultedOnCreate()) {
                values.put(f, Boolean.FALSE);
            } else if (f.name().equals("OwnerId") && actorId != null) {
                values.put(f, actorId);
            }
        }
        def.field("IsActive").ifPresent(f -> values.putIfAbsent(f, Boolean.TRUE));
    }

    /** Writes the changes, the platform's derived and system fields, history; then tells listeners. */
    private void apply(Stored s, Map<FieldDef, Object> changes, String actorId, boolean create) {
        RecordSnapshot before = create ? null : snapshot(s);
        Set<String> changed = new LinkedHashSet<>();
        Map<FieldDef, Object> old = new LinkedHashMap<>();
        for (Map.Entry<FieldDef, Object> e : changes.entrySet()) {
            String n = e.getKey().name();
            Object previous = s.values.get(n);
            if (!Objects.equals(previous, e.getValue())) {
                old.put(e.getKey(), previous);
                changed.add(n);
                if (e.getValue() == null) {
                    s.values.remove(n);
                } else {
                    s.values.put(n, e.getValue());
                }
            }
        }
        derive(s, changed);
        Instant now = clock.instant();
        if (create) {
            s.values.put("Id", s.id);
            s.values.put("IsDeleted", Boolean.FALSE);
            s.values.put("CreatedDate", now);
            s.values.put("CreatedById", actorId);
        }
        touch(s, actorId);
        if (s.def.name().equals(StandardObjects.LEAD)) {
            writeHistory(s, create, old, actorId, now);
        }
        notifyListeners(new RecordChange(create ? RecordChange.Kind.CREATED : RecordChange.Kind.UPDATED,
                s.def.name(), before, snapshot(s), changed, actorId, now));
    }

    private void derive(Stored s, Set<String> changed) {
        if (s.def.field("Name").isPresent() && s.def.field("LastName").isPresent()) {
            Object first = s.values.get("FirstName");
            Object last = s.values.get("LastName");
            String name = ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim();
            s.values.put("Name", name);
        }
        if (s.def.name().equals(StandardObjects.TASK)) {
            boolean closed = "Completed".equals(s.values.get("Status"));
            boolean wasClosed = Boolean.TRUE.equals(s.values.get("IsClosed"));
            s.values.put("IsClosed", closed);
            if (closed && !wasClosed) {
                s.values.put("CompletedDateTime", clock.instant());
            } else if (!closed) {
                s.values.remove("CompletedDateTime");
            }
        }
    }

    private void touch(Stored s, String actorId) {
        Instant now = clock.instant();
        if (s.def.field("LastModifiedDate").isPresent()) {
            s.values.put("LastModifiedDate", now);
            s.values.put("LastModifiedById", actorId);
            s.values.put("SystemModstamp", now);
        }
    }

    /**
     * LeadHistory rows for tracked fields: a "created" row on create; one row per changed tracked field; for
     * owner changes two rows, one with the ids and one with the owners' names, as Salesforce records them.
     */
    private void writeHistory(Stored lead, boolean create, Map<FieldDef, Object> old, String actorId, Instant now) {
        SObjectDef history = schema.require(StandardObjects.LEAD_HISTORY);
        if (create) {
            addHistory(history, lead.id, "created", null, null, actorId, now);
            return;
        }
        for (Map.Entry<FieldDef, Object> e : old.entrySet()) {
            FieldDef f = e.getKey();
            if (!f.tracked()) {
                continue;
            }
            Object newValue = lead.values.get(f.name());
            addHistory(history, lead.id, f.historyName(), e.getValue(), newValue, actorId, now);
            if (f.type() == FieldType.REFERENCE) {
                addHistory(history, lead.id, f.historyName(), nameOf(e.getValue()), nameOf(newValue), actorId, now);
            }
        }
    }

    private Object nameOf(Object id) {
        if (id == null) {
            return null;
        }
        Stored s = records.get(id.toString());
        return s == null ? id : s.values.get("Name");
    }

    private void addHistory(SObjectDef history, String leadId, String field, Object oldValue, Object newValue,
                            String actorId, Instant now) {
        Stored h = new Stored(history, ids.next(history.keyPrefix()));
        h.values.put("Id", h.id);
        h.values.put("IsDeleted", Boolean.FALSE);
        h.values.put("LeadId", leadId);
        h.values.put("CreatedById", actorId);
        h.values.put("CreatedDate", now);
        h.values.put("Field", field);
        if (oldValue != null) {
            h.values.put("OldValue", oldValue);
        }
        if (newValue != null) {
            h.values.put("NewValue", newValue);
        }
        records.put(h.id, h);
        byType.computeIfAbsent(key(history.name()), k -> new ArrayList<>()).add(h);
    }

    private void notifyListeners(RecordChange change) {
        for (Consumer<RecordChange> l : listeners) {
            l.accept(change);
        }
    }

    private RecordSnapshot snapshot(Stored s) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDef f : s.def.fields()) {
            values.put(f.name(), s.values.get(f.name()));
        }
        return new RecordSnapshot(s.def.name(), s.id, values);
    }
}
