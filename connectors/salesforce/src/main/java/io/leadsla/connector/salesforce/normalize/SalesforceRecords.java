package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.normalize.LeadChange.Activity;
import io.leadsla.connector.salesforce.normalize.LeadChange.HistoryEntry;
import io.leadsla.connector.salesforce.normalize.LeadChange.LeadSnapshot;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads records, as an Outbound Message or a poll page gives them (field name → text value or
 * null; datetimes as ISO-8601 instants such as {@code 2026-11-23T08:00:00.000Z}; booleans as
 * {@code true}/{@code false}), into {@link LeadChange}s. Field names are case-insensitive, as in
 * Salesforce. Ids may have 15 or 18 characters; what comes out has 18.
 */
public final class SalesforceRecords {

    private final String taskKeyField;

    /** @param taskKeyField the Task field holding leadsla's idempotency key ({@code SalesforceMapping#taskKeyField()}) */
    public SalesforceRecords(String taskKeyField) {
        this.taskKeyField = Objects.requireNonNull(taskKeyField, "taskKeyField");
    }

    /**
     * A Lead's state. Requires {@code Id} (a lead id) and {@code LastModifiedDate} or
     * {@code SystemModstamp}.
     *
     * @throws BadRecordException naming the field that is missing or unreadable
     */
    public LeadSnapshot lead(Map<String, String> record) {
        Fields f = new Fields(record);
        SalesforceId id = f.requiredId("Id");
        if (!id.isLead()) {
            throw new BadRecordException("Id " + id + " is not a lead's id (lead ids start with 00Q)");
        }
        Instant at = f.instant("LastModifiedDate");
        if (at == null) {
            at = f.instant("SystemModstamp");
        }
        if (at == null) {
            throw new BadRecordException("lead " + id + " has no LastModifiedDate (nor SystemModstamp): its state "
                    + "cannot be dated; send LastModifiedDate with it");
        }
        return new LeadSnapshot(id, at, f.optionalId("LastModifiedById"), record);
    }

    /**
     * A LeadHistory row. Requires {@code Id}, {@code LeadId}, {@code Field} and {@code CreatedDate}.
     *
     * @throws BadRecordException naming the field that is missing or unreadable
     */
    public HistoryEntry history(Map<String, String> record) {
        Fields f = new Fields(record);
        SalesforceId id = f.requiredId("Id");
        SalesforceId leadId = f.requiredId("LeadId");
        String field = f.text("Field");
        if (field == null || field.isBlank()) {
            throw new BadRecordException("LeadHistory " + id + " has no Field");
        }
        return new HistoryEntry(id, leadId, field.strip(), f.text("OldValue"), f.text("NewValue"),
                f.requiredInstant("CreatedDate"), f.optionalId("CreatedById"));
    }

    /**
     * A Task. Requires {@code Id} and {@code CreatedDate}.
     *
     * @throws BadRecordException naming the field that is missing or unreadable
     */
    public Activity task(Map<String, String> record) {
        Fields f = new Fields(record);
        return new Activity(Activity.Kind.TASK, f.requiredId("Id"), f.optionalId("WhoId"), f.optionalId("OwnerId"),
                f.requiredInstant("CreatedDate"), f.optionalId("CreatedById"), f.text("TaskSubtype"),
                f.text("CallDisposition"), f.text(taskKeyField));
    }

    /**
     * An Event. Requires {@code Id} and {@code StartDateTime} (or {@code ActivityDateTime}).
     *
     * @throws BadRecordException naming the field that is missing or unreadable
     */
    public Activity event(Map<String, String> record) {
        Fields f = new Fields(record);
        SalesforceId id = f.requiredId("Id");
        Instant start = f.instant("StartDateTime");
        if (start == null) {
            start = f.instant("ActivityDateTime");
        }
        if (start == null) {
            throw new BadRecordException("Event " + id + " has no StartDateTime");
        }
        return new Activity(Activity.Kind.EVENT, id, f.optionalId("WhoId"), f.optionalId("OwnerId"), start,
                f.optionalId("CreatedById"), null, null, null);
    }

    /** Reads an ISO-8601 instant (Salesforce writes UTC with {@code Z}; an offset is accepted too). */
    static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    /** A record's fields, looked up case-insensitively. */
    private static final class Fields {
        private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Fields(Map<String, String> record) {
            values.putAll(record);
        }

        String text(String name) {
            return values.get(name);
        }

        SalesforceId requiredId(String name) {
            SalesforceId id = optionalId(name);
            if (id == null) {
                throw new BadRecordException("no " + name);
            }
            return id;
        }

        SalesforceId optionalId(String name) {
            String text = values.get(name);
            if (text == null || text.isBlank()) {
                return null;
            }
            return SalesforceId.parse(text).orElseThrow(() -> new BadRecordException(name + " '" + shorten(text)
                    + "' is not a Salesforce id (15 or 18 letters and digits)"));
        }

        Instant requiredInstant(String name) {
            Instant at = instant(name);
            if (at == null) {
                throw new BadRecordException("no " + name);
            }
            return at;
        }

        Instant instant(String name) {
            String text = values.get(name);
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parseInstant(text.strip());
            } catch (DateTimeParseException e) {
                throw new BadRecordException(name + " '" + shorten(text) + "' is not a date and time (expected "
                        + "ISO-8601 such as 2026-11-23T08:00:00.000Z)");
            }
        }

        private static String shorten(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "…";
        }
    }
}
