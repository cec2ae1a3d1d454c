package io.leadsla.core.followup;

import java.time.Instant;
import java.util.Objects;

/**
 * A task the fold asks for: about a lead's policy clock in a cycle, for the cycle's owner (may be
 * {@code null}: the lead sits in a queue). {@code breachedAt}: when the promise broke.
 */
public record TaskAsk(TaskKind kind, String policyId, int cycle, String ownerId, Instant breachedAt) {

    public TaskAsk {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(policyId, "policyId");
    }
}
