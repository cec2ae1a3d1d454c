package io.leadsla.core.clock;

import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead's SLA state at a given "now": a pure function of its events and that instant.
 *
 * @param nextChangeAt the next instant after "now" at which an open clock turns AT_RISK or
 *                     BREACHED without any new event; {@code null} when nothing is pending. The
 *                     scheduler wakes up then.
 * @param attributes   the record's attributes as of the last applied event
 * @param eventsApplied distinct events at or before "now"
 */
public record LeadState(
        LeadKey lead,
        String objectType,
        List<LeadCycle> cycles,
        List<SlaClock> clocks,
        Instant nextChangeAt,
        Map<String, String> attributes,
        int eventsApplied) {

    public LeadState {
        cycles = List.copyOf(cycles);
        clocks = List.copyOf(clocks);
        attributes = Map.copyOf(attributes);
    }
}
