package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One thing Salesforce reports about a lead, however leadsla learnt it (an Outbound Message or a
 * poll). {@link LeadChangeInterpreter} turns it into lead events; the same report gives the same
 * events, with the same ids, whichever way it came. {@link SalesforceRecords} reads these from
 * records (field name → value).
 */
public sealed interface LeadChange {

    /**
     * The state of a Lead at one moment: what an Outbound Message carries, or a SOQL read. It says
     * what the fields hold, not what changed.
     *
     * @param leadId     the lead
     * @param modifiedAt its {@code LastModifiedDate} (else {@code SystemModstamp}): the moment of
     *                   this state, and the time of its events
     * @param modifiedBy {@code LastModifiedById}; null when not sent
     * @param fields     field name → value as sent; case-insensitive names (like Salesforce's); a
     *                   field sent empty ({@code xsi:nil}, JSON null) maps to null, a field not
     *                   sent is absent
     */
    record LeadSnapshot(SalesforceId leadId, Instant modifiedAt, SalesforceId modifiedBy, Map<String, String> fields)
            implements LeadChange {

        public LeadSnapshot {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(modifiedAt, "modifiedAt");
            TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(fields);
            fields = Collections.unmodifiableMap(copy);
        }

        /** Whether the field was sent (possibly empty). */
        public boolean has(String field) {
            return fields.containsKey(field);
        }

        /** The field's value; null when empty or not sent. */
        public String value(String field) {
            return fields.get(field);
        }
    }

    /**
     * A row of LeadHistory: one change of one tracked field, at the time Salesforce recorded it.
     *
     * @param id        the history row's id
     * @param leadId    {@code LeadId}
     * @param field     {@code Field}: the field's name ({@code Status}, {@code Owner}, a custom
     *                  field's API name) or an event ({@code created}, {@code ownerAssignment},
     *                  {@code leadConverted})
     * @param oldValue  {@code OldValue}; null when empty
     * @param newValue  {@code NewValue}; null when empty
     * @param createdAt {@code CreatedDate}: when the change was made
     * @param createdBy {@code CreatedById}; null when not read
     */
    record HistoryEntry(SalesforceId id, SalesforceId leadId, String field, String oldValue, String newValue,
                        Instant createdAt, SalesforceId createdBy) implements LeadChange {

        public HistoryEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /**
     * A Task or an Event (the Salesforce object: a meeting on the calendar) about someone.
     *
     * @param kind      Task or Event
     * @param id        the activity's id
     * @param whoId     {@code WhoId}: the lead or contact it is about; null when none
     * @param ownerId   {@code OwnerId}: who the activity is assigned to; null when not read
     * @param at        when the attempt happened: a task's {@code CreatedDate} (its
     *                  {@code ActivityDate} is only a date), an event's {@code StartDateTime}
     * @param createdBy {@code CreatedById}; null when not read
     * @param subtype   a task's {@code TaskSubtype} ({@code Call}, {@code Email}, {@code Task}…);
     *                  null for an event
     * @param outcome   a call's {@code CallDisposition}; null when none
     * @param taskKey   the task's leadsla key field: set on the tasks leadsla creates; null otherwise
     */
    record Activity(Kind kind, SalesforceId id, SalesforceId whoId, SalesforceId ownerId, Instant at,
                    SalesforceId createdBy, String subtype, String outcome, String taskKey) implements LeadChange {

        public Activity {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(at, "at");
        }

        /** The lead it is about; empty when it is about a contact or no one. */
        public Optional<SalesforceId> lead() {
            return Optional.ofNullable(whoId).filter(SalesforceId::isLead);
        }

        public enum Kind {
            TASK("Task"),
            EVENT("Event");

            private final String objectName;

            Kind(String objectName) {
                this.objectName = objectName;
            }

            /** Salesforce's name of the object. */
            public String objectName() {
                return objectName;
            }
        }
    }
}
