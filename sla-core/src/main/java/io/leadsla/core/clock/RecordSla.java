package io.leadsla.core.clock;

import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What a rep sees on the CRM record: the SLA state of the lead's current cycle, summed up in the
 * few fields leadsla writes back. The clock shown is the open one due soonest (the next promise
 * to keep); with none open, the last one to close. Written back only when it changes.
 *
 * @param status     that clock's status; {@code null} when the lead has no cycle
 * @param policyId   that clock's policy
 * @param dueAt      that clock's due time
 * @param breachedAt the first breach of the current cycle, kept once it happened
 * @param attempts   person-made attempts in the current cycle
 */
public record RecordSla(LeadKey lead, int cycle, ClockStatus status, String policyId, Instant dueAt,
                        Instant breachedAt, int attempts) {

    private static final Comparator<SlaClock> BY_DUE = Comparator.comparing(SlaClock::dueAt);

    public static RecordSla of(LeadState state) {
        if (state.cycles().isEmpty()) {
            return new RecordSla(state.lead(), 0, null, null, null, null, 0);
        }
        LeadCycle cycle = state.cycles().get(state.cycles().size() - 1);
        List<SlaClock> clocks = state.clocks().stream()
                .filter(c -> c.cycle() == cycle.number() && c.dueAt() != null).toList();
        SlaClock shown = clocks.stream().filter(c -> c.status().isOpen()).min(BY_DUE)
                .orElseGet(() -> clocks.stream()
                        .max(Comparator.comparing(SlaClock::stoppedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .orElse(null));
        Instant breachedAt = clocks.stream().map(SlaClock::breachedAt).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return shown == null
                ? new RecordSla(state.lead(), cycle.number(), null, null, null, breachedAt, cycle.attempts())
                : new RecordSla(state.lead(), cycle.number(), shown.status(), shown.policyId(), shown.dueAt(), breachedAt,
                        cycle.attempts());
    }
}
