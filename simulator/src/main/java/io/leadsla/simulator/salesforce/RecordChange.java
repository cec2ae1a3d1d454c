package io.leadsla.simulator.salesforce;

import java.time.Instant;
import java.util.Set;

/**
 * One committed change to a record, as Outbound Message rules see it.
 *
 * @param before        the record before the change (null for a create)
 * @param after         the record after it (for a delete: the record as it was, marked IsDeleted)
 * @param changedFields declared names of the fields whose value changed (all set fields on create)
 * @param actorId       the user who made the change (the integration user for API writes)
 */
public record RecordChange(Kind kind, String type, RecordSnapshot before, RecordSnapshot after,
                           Set<String> changedFields, String actorId, Instant at) {
    public enum Kind { CREATED, UPDATED, DELETED }

    public RecordChange {
        changedFields = Set.copyOf(changedFields);
    }
}
