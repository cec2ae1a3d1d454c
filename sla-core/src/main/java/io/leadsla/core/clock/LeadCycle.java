package io.leadsla.core.clock;

import io.leadsla.core.event.LeadKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One pass of a lead through the funnel, from an MQL to its disposition: the facts the KPIs count.
 * Times are {@code null} when the step has not happened (yet).
 *
 * @param rejectionReason          the reason finally recorded, or {@code null}
 * @param rejectedWithoutReason    the rejection came without a reason (even if one was added later)
 * @param missingAttributes        required data absent at handoff; {@code null} when not checked
 * @param handoffTime              MQL → handoff, wall clock; with its business-time twin
 * @param firstResponseTime        handoff → first person-made attempt (or disposition), wall clock
 */
public record LeadCycle(
        LeadKey lead,
        int number,
        String tier,
        String owner,
        String source,
        Instant mqlAt,
        Instant handedOffAt,
        Instant firstContactAt,
        int attempts,
        Outcome outcome,
        Instant outcomeAt,
        String rejectionReason,
        boolean rejectedWithoutReason,
        List<String> missingAttributes,
        Duration handoffTime,
        Duration handoffBusinessTime,
        Duration firstResponseTime,
        Duration firstResponseBusinessTime) {

    public LeadCycle {
        missingAttributes = missingAttributes == null ? null : List.copyOf(missingAttributes);
    }

    public boolean handedOff() {
        return handedOffAt != null;
    }
}
