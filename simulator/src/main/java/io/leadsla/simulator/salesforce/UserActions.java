package io.leadsla.simulator.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the org's people do, for tests and the demo to play: add users and queues, create leads owned by a
 * queue or a user, edit and reassign them, log calls, emails and meetings, convert and delete. Each action is
 * done as a given user and goes through the same store as the API, so it sets SystemModstamp,
 * LastModifiedDate and LastModifiedById from the clock and that user, writes LeadHistory for tracked fields
 * and can fire Outbound Messages. Invalid input throws {@link IllegalArgumentException} with Salesforce's
 * error text.
 */
public final class UserActions {
    private final OrgStore store;
    private final Schema schema;
    private final Clock clock;

    UserActions(OrgStore store, Schema schema, Clock clock) {
        this.store = store;
        this.schema = schema;
        this.clock = clock;
    }

    /** Adds an active user (005…); returns it (its id owns records and performs actions). */
    public RecordSnapshot addUser(String username, String firstName, String lastName, String email) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Username", username);
        v.put("FirstName", firstName);
        v.put("LastName", lastName);
        v.put("Email", email);
        v.put("TimeZoneSidKey", "America/Los_Angeles");
        return store.insertPlatformRecord(StandardObjects.USER, null, v, null);
    }

    /** Adds a queue (a Group of type Queue, 00G…) that can own leads. */
    public RecordSnapshot addQueue(String name, String developerName) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Name", name);
        v.put("DeveloperName", developerName);
        v.put("Type", "Queue");
        return store.insertPlatformRecord(StandardObjects.GROUP, null, v, null);
    }

    /** Creates a lead owned by {@code ownerId} (a user or a queue) as {@code asUserId}. */
    public RecordSnapshot createLead(Map<String, ?> fields, String ownerId, String asUserId) {
        Map<String, Object> v = new LinkedHashMap<>(fields);
        if (ownerId != null) {
            v.put("OwnerId", ownerId);
        }
        return create(StandardObjects.LEAD, v, asUserId);
    }

    public RecordSnapshot setField(String recordId, String field, Object value, String asUserId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(field, value);
        return setFields(recordId, v, asUserId);
    }

    /** Edits a record; a null value empties the field. */
    public RecordSnapshot setFields(String recordId, Map<String, ?> fields, String asUserId) {
        RecordSnapshot current = store.get(recordId).orElseThrow(() -> new IllegalArgumentException("no record "
                + recordId));
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> toNull = new HashSet<>();
        fields.forEach((k, v) -> {
            if (v == null) {
                toNull.add(k);
            } else {
                values.put(k, v);
            }
        });
        return check(store.update(current.type(), new WriteInput(recordId, values, toNull), asUserId, false));
    }

    public RecordSnapshot assignOwner(String leadId, String ownerId, String asUserId) {
        return setField(leadId, "OwnerId", ownerId, asUserId);
    }

    /** Logs a completed call on a lead: a Task with TaskSubtype Call, Type Call, due today. */
    public RecordSnapshot logCall(String leadId, String subject, String asUserId) {
        return logTask(leadId, subject, "Call", "Call", asUserId);
    }

    /** Logs a sent email on a lead: a completed Task with TaskSubtype Email. */
    public RecordSnapshot logEmail(String leadId, String subject, String asUserId) {
        return logTask(leadId, subject, "Email", "Email", asUserId);
    }

    private RecordSnapshot logTask(String leadId, String subject, String subtype, String type, String asUserId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("WhoId", leadId);
        v.put("OwnerId", asUserId);
        v.put("Subject", subject);
        v.put("Status", "Completed");
        v.put("Priority", "Normal");
        v.put("Type", type);
        v.put("TaskSubtype", subtype);
        v.put("ActivityDate", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return create(StandardObjects.TASK, v, asUserId);
    }

    /** Creates any Task with these fields (e.g. an open follow-up) as the user. */
    public RecordSnapshot createTask(Map<String, ?> fields, String asUserId) {
        return create(StandardObjects.TASK, new LinkedHashMap<>(fields), asUserId);
    }

    /** Logs a meeting with the lead: an Event owned by the user. */
    public RecordSnapshot logMeeting(String leadId, String subject, Instant start, Duration length,
                                     String asUserId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("WhoId", leadId);
        v.put("OwnerId", asUserId);
        v.put("Subject", subject);
        v.put("Type", "Meeting");
        v.put("StartDateTime", start);
        v.put("EndDateTime", start.plus(length));
        v.put("DurationInMinutes", (int) length.toMinutes());
        return create(StandardObjects.EVENT, v, asUserId);
    }

    /** Converts the lead with the org's converted status ("Closed - Converted" by default). */
    public RecordSnapshot convertLead(String leadId, String asUserId) {
        FieldDef status = schema.require(StandardObjects.LEAD).field("Status").orElseThrow();
        List<String> values = status.picklistValues().stream().map(PicklistValue::value).toList();
        String converted = values.contains(StandardObjects.STATUS_CONVERTED) ? StandardObjects.STATUS_CONVERTED
                : values.stream().filter(s -> s.toLowerCase().contains("convert") && !s.toLowerCase().contains("not"))
                .findFirst().orElse(StandardObjects.STATUS_CONVERTED);
        return store.convertLead(leadId, converted, asUserId);
    }

    public void delete(String recordId, String asUserId) {
        store.delete(recordId, asUserId);
    }

    private RecordSnapshot create(String type, Map<String, Object> values, String asUserId) {
        SaveResult r = store.create(type, new WriteInput(null, values, Set.of()), asUserId);
        return check(r);
    }

    private RecordSnapshot check(SaveResult r) {
        if (!r.success()) {
            SaveResult.Error e = r.errors().get(0);
            throw new IllegalArgumentException(e.statusCode() + ": " + e.message());
        }
        return store.get(r.id()).orElseThrow();
    }
}
