package io.leadsla.simulator.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The portal's records, associations and owners. Every mutation runs under one lock, records property
 * history, keeps the derived properties HubSpot maintains (modified dates, lifecycle stage dates,
 * sales-activity rollups) and reports each change to the listener in the order it happened.
 */
final class CrmStore {
    private static final Set<String> NOT_MERGED = Set.of("hs_object_id", "createdate", "lastmodifieddate",
            "lifecyclestage");

    private final Clock clock;
    private final PropertyCatalog catalog;
    private final Duration searchIndexDelay;
    private final Consumer<CrmChange> listener;
    private final Map<ObjectType, Map<Long, CrmObject>> objects = new EnumMap<>(ObjectType.class);
    private final Map<Long, Map<ObjectType, Set<Long>>> contactToActivities = new HashMap<>();
    private final Map<ObjectType, Map<Long, Set<Long>>> activityToContacts = new EnumMap<>(ObjectType.class);
    private final Map<String, Owner> owners = new LinkedHashMap<>();
    /** Lower-cased email → live contact id, so duplicate checks stay cheap with many contacts. */
    private final Map<String, Long> contactsByEmail = new HashMap<>();
    private long nextObjectId = 1001;
    private long nextOwnerId = 70001;

    CrmStore(Clock clock, PropertyCatalog catalog, Duration searchIndexDelay, Consumer<CrmChange> listener) {
        this.clock = clock;
        this.catalog = catalog;
        this.searchIndexDelay = searchIndexDelay;
        this.listener = listener;
        for (ObjectType t : ObjectType.values()) {
            objects.put(t, new LinkedHashMap<>());
            activityToContacts.put(t, new HashMap<>());
        }
    }

    /** An association asked for when creating a record: the other record's id and the type id used. */
    record AssociationRequest(String toId, int associationTypeId) {
    }

    /** The result of a batch update: updated records (with the names written) and ids that don't exist. */
    record BatchOutcome(List<Updated> updated, List<String> missingIds) {
    }

    record Updated(ObjectSnapshot snapshot, Set<String> written) {
    }

    /** The state of a record as search currently sees it. */
    record SearchDoc(ObjectType type, long id, Map<String, String> properties, Instant createdAt, Instant updatedAt) {
    }

    synchronized ObjectSnapshot create(ObjectType type, Map<String, String> properties,
                                       List<AssociationRequest> associations, ChangeSource source,
                                       boolean apiWrite) {
        Map<String, String> values = catalog.validateWrites(type, properties, apiWrite, owners::containsKey);
        if (type.isActivity() && isBlank(values.get("hs_timestamp"))) {
            // HubSpot documents hs_timestamp as required for activities; the error code is inferred.
            throw ApiException.invalidProperties(List.of(new ApiException.PropertyError("hs_timestamp",
                    "REQUIRED_PROPERTY", "hs_timestamp is required")));
        }
        if (type == ObjectType.CONTACTS) {
            checkEmailFree(values.get("email"), -1);
        }
        List<long[]> links = resolveAssociations(type, associations);
        Instant now = clock.instant();
        CrmObject obj = new CrmObject(type, nextObjectId++, now);
        objects.get(type).put(obj.id, obj);
        List<CrmChange> changes = new ArrayList<>();
        changes.add(new CrmChange.Created(type, obj.id, now, source));

        Map<String, String> initial = new LinkedHashMap<>();
        initial.put(type.createdDateProperty(), HubSpotTime.format(now));
        initial.put("hs_object_id", Long.toString(obj.id));
        initial.putAll(values);
        if (type == ObjectType.TASKS) {
            initial.putIfAbsent("hs_task_status", "NOT_STARTED");
            initial.putIfAbsent("hs_task_type", "TODO");
        }
        apply(obj, initial, source, now, changes);
        for (long[] link : links) {
            link(type, obj.id, link, now, changes);
        }
        obj.recordVersion(now, now.minus(searchIndexDelay));
        publish(changes);
        return obj.snapshot();
    }

    synchronized ObjectSnapshot update(ObjectType type, String id, Map<String, String> properties,
                                       ChangeSource source, boolean apiWrite) {
        Map<String, String> values = catalog.validateWrites(type, properties, apiWrite, owners::containsKey);
        CrmObject obj = live(type, id).orElseThrow(() -> ApiException.notFound("resource not found"));
        if (type == ObjectType.CONTACTS) {
            checkEmailFree(values.get("email"), obj.id);
        }
        List<CrmChange> changes = new ArrayList<>();
        Instant now = clock.instant();
        apply(obj, values, source, now, changes);
        obj.recordVersion(now, now.minus(searchIndexDelay));
        publish(changes);
        return obj.snapshot();
    }

    /**
     * Updates several records at once. Property errors fail the whole batch (HubSpot validates the input
     * first); ids that don't resolve are reported back so the caller can answer 207 Multi-Status.
     */
    synchronized BatchOutcome batchUpdate(ObjectType type, List<Map.Entry<String, Map<String, String>>> inputs,
                                          ChangeSource source) {
        List<Map<String, String>> validated = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> in : inputs) {
            validated.add(catalog.validateWrites(type, in.getValue(), true, owners::containsKey));
        }
        List<Updated> updated = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<CrmChange> changes = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < inputs.size(); i++) {
            String id = inputs.get(i).getKey();
            Optional<CrmObject> found = live(type, id);
            if (found.isEmpty()) {
                missing.add(id);
                continue;
            }
            CrmObject obj = found.get();
            if (type == ObjectType.CONTACTS) {
                checkEmailFree(validated.get(i).get("email"), obj.id);
            }
            apply(obj, validated.get(i), source, now, changes);
            obj.recordVersion(now, now.minus(searchIndexDelay));
            updated.add(new Updated(obj.snapshot(), validated.get(i).keySet()));
        }
        publish(changes);
        return new BatchOutcome(updated, missing);
    }

    /** Archives a record; returns false when there was nothing to archive (HubSpot still answers 204). */
    synchronized boolean archive(ObjectType type, String id, ChangeSource source) {
        Optional<CrmObject> found = live(type, id);
        if (found.isEmpty()) {
            return false;
        }
        CrmObject obj = found.get();
        Instant now = clock.instant();
        unindexEmail(obj);
        obj.archived = true;
        obj.updatedAt = now;
        obj.recordVersion(now, now.minus(searchIndexDelay));
        publish(List.of(new CrmChange.Deleted(type, obj.id, now, source)));
        return true;
    }

    /**
     * Merges {@code mergedId} into {@code primaryId}: the primary keeps its values, takes the merged
     * contact's values for properties it lacks and the more advanced lifecycle stage, and inherits its
     * activities; the merged record disappears and its id resolves to the primary from then on.
     */
    synchronized ObjectSnapshot merge(ObjectType type, String primaryId, String mergedId, ChangeSource source) {
        CrmObject primary = live(type, primaryId).orElseThrow(() -> ApiException.notFound("resource not found"));
        CrmObject merged = live(type, mergedId).orElseThrow(() -> ApiException.notFound("resource not found"));
        if (primary.id == merged.id) {
            throw ApiException.validation("Cannot merge an object with itself");
        }
        Instant now = clock.instant();
        Map<String, String> moved = new LinkedHashMap<>();
        merged.properties.forEach((k, v) -> {
            if (!NOT_MERGED.contains(k) && !k.startsWith("hs_lifecyclestage_") && !primary.properties.containsKey(k)) {
                moved.put(k, v);
            }
        });
        String mergedStage = merged.properties.get("lifecyclestage");
        if (mergedStage != null && stageRank(mergedStage) > stageRank(primary.properties.get("lifecyclestage"))) {
            moved.put("lifecyclestage", mergedStage);
        }
        List<CrmChange> changes = new ArrayList<>();
        apply(primary, moved, source, now, changes);
        unindexEmail(merged);
        merged.archived = true;
        merged.mergedInto = primary.id;
        merged.updatedAt = now;
        Map<ObjectType, Set<Long>> acts = contactToActivities.remove(merged.id);
        if (acts != null) {
            acts.forEach((actType, ids) -> ids.forEach(actId -> {
                activityToContacts.get(actType).get(actId).remove(merged.id);
                link(actType, actId, new long[] {primary.id}, now, changes);
            }));
        }
        primary.recordVersion(now, now.minus(searchIndexDelay));
        merged.recordVersion(now, now.minus(searchIndexDelay));
        changes.add(new CrmChange.Merged(type, primary.id, List.of(merged.id), primary.id, moved.size(), now,
                source));
        publish(changes);
        return primary.snapshot();
    }

    /** A record by id, following merges; archived records only when asked for. */
    synchronized Optional<ObjectSnapshot> get(ObjectType type, String id, boolean archived) {
        Optional<CrmObject> obj = resolve(type, id);
        return obj.filter(o -> o.archived == archived).map(CrmObject::snapshot);
    }

    synchronized List<ObjectSnapshot> list(ObjectType type, boolean archived) {
        List<ObjectSnapshot> out = new ArrayList<>();
        for (CrmObject o : objects.get(type).values()) {
            if (o.archived == archived && o.mergedInto == null) {
                out.add(o.snapshot());
            }
        }
        return out;
    }

    /**
     * What search can see now: for each record, the newest state at least {@code searchIndexDelay} old.
     * HubSpot's search index is eventually consistent; with a zero delay this is the current state.
     */
    synchronized List<SearchDoc> searchable(ObjectType type) {
        Instant horizon = clock.instant().minus(searchIndexDelay);
        List<SearchDoc> docs = new ArrayList<>();
        for (CrmObject o : objects.get(type).values()) {
            CrmObject.Version visible = null;
            for (CrmObject.Version v : o.versions) {
                if (!v.at().isAfter(horizon)) {
                    visible = v;
                }
            }
            if (visible != null && !visible.archived()) {
                docs.add(new SearchDoc(type, o.id, visible.properties(), o.createdAt, visible.updatedAt()));
            }
        }
        return docs;
    }

    /** Ids of the contacts an activity is associated with. */
    synchronized Set<Long> contactsOf(ObjectType activityType, long activityId) {
        return Set.copyOf(activityToContacts.get(activityType).getOrDefault(activityId, Set.of()));
    }

    /** Ids of a contact's activities of one type, in association order. */
    synchronized List<Long> activitiesOf(String contactId, ObjectType activityType) {
        Optional<CrmObject> contact = resolve(ObjectType.CONTACTS, contactId);
        if (contact.isEmpty()) {
            return List.of();
        }
        return List.copyOf(contactToActivities.getOrDefault(contact.get().id, Map.of())
                .getOrDefault(activityType, Set.of()));
    }

    synchronized boolean exists(ObjectType type, String id) {
        return live(type, id).isPresent();
    }

    synchronized Owner addOwner(String email, String firstName, String lastName, long userId,
                                List<Owner.Team> teams) {
        String id = Long.toString(nextOwnerId++);
        Owner owner = new Owner(id, email, firstName, lastName, userId, teams, clock.instant());
        owners.put(id, owner);
        return owner;
    }

    synchronized List<Owner> owners() {
        return List.copyOf(owners.values());
    }

    synchronized Optional<Owner> owner(String id) {
        return Optional.ofNullable(owners.get(id));
    }

    // ---- internals (called with the lock held) ----

    private void apply(CrmObject obj, Map<String, String> values, ChangeSource source, Instant now,
                       List<CrmChange> changes) {
        boolean changed = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            changed |= set(obj, e.getKey(), e.getValue(), source, now, changes);
            if ("lifecyclestage".equals(e.getKey()) && !isBlank(e.getValue())) {
                String dateProperty = "hs_lifecyclestage_" + e.getValue() + "_date";
                if (catalog.has(obj.type, dateProperty) && !obj.properties.containsKey(dateProperty)) {
                    set(obj, dateProperty, HubSpotTime.format(now), ChangeSource.calculated(), now, changes);
                }
            }
        }
        if (changed) {
            obj.updatedAt = now;
            set(obj, obj.type.modifiedDateProperty(), HubSpotTime.format(now), ChangeSource.calculated(), now,
                    changes);
        }
    }

    /** Sets one value (an empty string clears it); returns whether it changed. */
    private boolean set(CrmObject obj, String name, String value, ChangeSource source, Instant now,
                        List<CrmChange> changes) {
        String next = isBlank(value) ? null : value;
        String previous = obj.properties.get(name);
        if (next == null ? previous == null : next.equals(previous)) {
            return false;
        }
        if (obj.type == ObjectType.CONTACTS && "email".equals(name)) {
            unindexEmail(obj);
        }
        if (next == null) {
            obj.properties.remove(name);
        } else {
            obj.properties.put(name, next);
        }
        if (obj.type == ObjectType.CONTACTS && "email".equals(name) && next != null) {
            contactsByEmail.put(next.toLowerCase(Locale.ROOT), obj.id);
        }
        String recorded = next == null ? "" : next;
        obj.history.computeIfAbsent(name, k -> new ArrayList<>()).add(new PropertyChange(recorded, now, source));
        changes.add(new CrmChange.PropertyChanged(obj.type, obj.id, name, recorded, now, source));
        return true;
    }

    private void link(ObjectType type, long objectId, long[] link, Instant now, List<CrmChange> changes) {
        long activityId;
        ObjectType activityType;
        long contactId;
        if (type.isActivity()) {
            activityType = type;
            activityId = objectId;
            contactId = link[0];
        } else {
            activityType = ObjectType.values()[(int) link[1]];
            activityId = link[0];
            contactId = objectId;
        }
        boolean added = activityToContacts.get(activityType).computeIfAbsent(activityId, k -> new LinkedHashSet<>())
                .add(contactId);
        contactToActivities.computeIfAbsent(contactId, k -> new EnumMap<>(ObjectType.class))
                .computeIfAbsent(activityType, k -> new LinkedHashSet<>()).add(activityId);
        if (added && activityType != ObjectType.TASKS) {
            rollUpSalesActivity(objects.get(ObjectType.CONTACTS).get(contactId),
                    objects.get(activityType).get(activityId), now, changes);
        }
    }

    /**
     * Logging a call, email or meeting moves the contact's "last contacted" style rollups, which is how
     * HubSpot (and SLA tooling reading those properties) notices a first touch.
     */
    private void rollUpSalesActivity(CrmObject contact, CrmObject activity, Instant now, List<CrmChange> changes) {
        Instant when = HubSpotTime.parse(activity.properties.get("hs_timestamp")).orElse(now);
        String formatted = HubSpotTime.format(when);
        ChangeSource calc = ChangeSource.calculated();
        boolean changed = false;
        for (String p : List.of("notes_last_contacted", "notes_last_updated", "hs_last_sales_activity_timestamp")) {
            Optional<Instant> current = HubSpotTime.parse(contact.properties.get(p));
            if (current.isEmpty() || current.get().isBefore(when)) {
                changed |= set(contact, p, formatted, calc, now, changes);
            }
        }
        long count = Long.parseLong(contact.properties.getOrDefault("num_contacted_notes", "0")) + 1;
        changed |= set(contact, "num_contacted_notes", Long.toString(count), calc, now, changes);
        if (changed) {
            contact.updatedAt = now;
            set(contact, "lastmodifieddate", HubSpotTime.format(now), calc, now, changes);
            contact.recordVersion(now, now.minus(searchIndexDelay));
        }
    }

    /** Checks associations before anything is written; returns {otherId, activityType ordinal} pairs. */
    private List<long[]> resolveAssociations(ObjectType type, List<AssociationRequest> requests) {
        List<long[]> links = new ArrayList<>();
        for (AssociationRequest r : requests) {
            if (type.isActivity()) {
                if (r.associationTypeId() != type.toContactTypeId()) {
                    throw ApiException.validation("Association type id " + r.associationTypeId()
                            + " is not supported from " + type.pathName() + " here; use "
                            + type.toContactTypeId() + " (" + type.toContactLabel() + ")");
                }
                CrmObject contact = live(ObjectType.CONTACTS, r.toId()).orElseThrow(() ->
                        ApiException.validation("One or more associations are invalid: contact " + r.toId()
                                + " does not exist"));
                links.add(new long[] {contact.id, 0});
            } else {
                ObjectType activityType = null;
                for (ObjectType t : ObjectType.values()) {
                    if (t.isActivity() && t.contactToTypeId() == r.associationTypeId()) {
                        activityType = t;
                    }
                }
                if (activityType == null) {
                    throw ApiException.validation("Association type id " + r.associationTypeId()
                            + " is not supported from contacts here");
                }
                ObjectType found = activityType;
                CrmObject activity = live(activityType, r.toId()).orElseThrow(() ->
                        ApiException.validation("One or more associations are invalid: " + found.singular() + " "
                                + r.toId() + " does not exist"));
                links.add(new long[] {activity.id, activityType.ordinal()});
            }
        }
        return links;
    }

    private void checkEmailFree(String email, long selfId) {
        if (isBlank(email)) {
            return;
        }
        Long other = contactsByEmail.get(email.toLowerCase(Locale.ROOT));
        if (other != null && other != selfId) {
            throw ApiException.conflict("Contact already exists. Existing ID: " + other);
        }
    }

    private void unindexEmail(CrmObject contact) {
        String email = contact.properties.get("email");
        if (email != null) {
            contactsByEmail.remove(email.toLowerCase(Locale.ROOT), contact.id);
        }
    }

    private Optional<CrmObject> live(ObjectType type, String id) {
        return resolve(type, id).filter(o -> !o.archived);
    }

    private Optional<CrmObject> resolve(ObjectType type, String id) {
        long key;
        try {
            key = Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        CrmObject obj = objects.get(type).get(key);
        int hops = 0;
        while (obj != null && obj.mergedInto != null && hops++ < 100) {
            obj = objects.get(type).get(obj.mergedInto);
        }
        return Optional.ofNullable(obj);
    }

    private void publish(Collection<CrmChange> changes) {
        for (CrmChange c : changes) {
            listener.accept(c);
        }
    }

    private static int stageRank(String stage) {
        for (int i = 0; i < DefaultProperties.LIFECYCLE_STAGES.size(); i++) {
            if (DefaultProperties.LIFECYCLE_STAGES.get(i).value().equals(stage)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
