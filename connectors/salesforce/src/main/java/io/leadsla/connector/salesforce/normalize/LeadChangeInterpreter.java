package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.core.event.LeadEvent;
import java.util.List;

/**
 * The one place that turns what Salesforce reports about leads into lead events, by the
 * {@link SalesforceMapping}. Outbound Messages and every kind of poll page go through it, so the
 * same fact gives the same events, with the same ids ({@link EventIds}), whichever way it came.
 * Pure and stateless: thread-safe, and a report interpreted twice gives equal events.
 *
 * <ul>
 *   <li>a Lead's state ({@link LeadChange.LeadSnapshot}) → its meaning at {@code LastModifiedDate};
 *       see {@code SnapshotEvents};</li>
 *   <li>a LeadHistory row ({@link LeadChange.HistoryEntry}) → the change at its true time; see
 *       {@code HistoryEvents};</li>
 *   <li>a Task or Event about a lead ({@link LeadChange.Activity}) → a contact attempt; see
 *       {@code ActivityEvents}.</li>
 * </ul>
 */
public final class LeadChangeInterpreter {

    /** The CRM's own name of the object, as in {@code objectType} and event ids. */
    public static final String OBJECT_TYPE = "lead";

    private final SalesforceMapping mapping;
    private final SnapshotEvents snapshots;
    private final HistoryEvents history;
    private final ActivityEvents activities;

    /** @throws IllegalArgumentException when the mapping has problems ({@link SalesforceMapping#problems()}) */
    public LeadChangeInterpreter(SalesforceMapping mapping) {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the Salesforce mapping cannot be used: " + String.join("; ", problems));
        }
        this.mapping = mapping;
        LeadFacts facts = new LeadFacts(mapping);
        StatusMeanings statuses = new StatusMeanings(mapping);
        OwnerReading owners = new OwnerReading(mapping);
        this.snapshots = new SnapshotEvents(facts, statuses, owners);
        this.history = new HistoryEvents(facts, statuses, owners);
        this.activities = new ActivityEvents(facts);
    }

    /** The lead events this report means; empty when it means nothing for a lead's SLA. */
    public List<LeadEvent> eventsOf(LeadChange change) {
        if (change instanceof LeadChange.LeadSnapshot s) {
            return snapshots.of(s);
        }
        if (change instanceof LeadChange.HistoryEntry h) {
            return history.of(h);
        }
        if (change instanceof LeadChange.Activity a) {
            return activities.of(a);
        }
        throw new IllegalArgumentException("unknown lead change " + change);
    }

    /** The fields to send in Outbound Messages and to select when polling. */
    public WatchedFields watchedFields() {
        return WatchedFields.of(mapping);
    }

    /** A reader of records for this mapping (it knows the task key field). */
    public SalesforceRecords records() {
        return new SalesforceRecords(mapping.taskKeyField());
    }
}
