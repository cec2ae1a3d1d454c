package io.leadsla.simulator.salesforce;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * When an Outbound Message fires, in the terms of the workflow rule or flow that sends it. Deletes never
 * fire one.
 */
@FunctionalInterface
public interface OutboundRule {
    boolean fires(RecordChange change);

    /** Every create and every edit ("created, and every time it's edited" with no criteria). */
    static OutboundRule always() {
        return c -> c.kind() != RecordChange.Kind.DELETED;
    }

    /** "Created, and every time it's edited" where the criteria hold on the saved record. */
    static OutboundRule whenCriteria(Predicate<RecordSnapshot> criteria) {
        return c -> c.kind() != RecordChange.Kind.DELETED && criteria.test(c.after());
    }

    /** "Created, and any time it's edited to subsequently meet criteria": false before, true after. */
    static OutboundRule whenCriteriaBecomeTrue(Predicate<RecordSnapshot> criteria) {
        return c -> c.kind() != RecordChange.Kind.DELETED && criteria.test(c.after())
                && (c.before() == null || !criteria.test(c.before()));
    }

    /** On create, and on any edit that changes one of these fields (ISNEW() || ISCHANGED(…)). */
    static OutboundRule onChangeOf(String... fields) {
        List<String> watched = Arrays.asList(fields);
        return c -> c.kind() == RecordChange.Kind.CREATED || (c.kind() == RecordChange.Kind.UPDATED
                && c.changedFields().stream().anyMatch(f -> watched.stream().anyMatch(f::equalsIgnoreCase)));
    }
}
