package io.leadsla.core.followup;

import io.leadsla.core.clock.ClockKind;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.LeadCycle;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.core.event.LeadEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What follows from a fold besides the clocks: which tasks to ask for, and when to look at the
 * lead again. Pure; the pipeline stores what it says in the fold's transaction, where keys make
 * each task request exist once however often a lead is folded.
 */
public final class FollowUps {

    /** Breaches older than this when first seen ask for no task. */
    public static final Duration DEFAULT_TASK_GRACE = Duration.ofDays(1);

    /** The rep's clocks: a breach of these asks the owner (or a manager) to act. */
    private static final Set<ClockKind> REP_CLOCKS = Set.of(ClockKind.FIRST_CONTACT, ClockKind.ATTEMPTS, ClockKind.DISPOSITION);

    private final Duration taskGrace;

    /**
     * @param taskGrace a breach older than this when leadsla first sees it asks for no task (a
     *                  backfill of months of history must not send reps hundreds of tasks)
     */
    public FollowUps(Duration taskGrace) {
        this.taskGrace = Objects.requireNonNull(taskGrace, "taskGrace");
    }

    public FollowUps() {
        this(DEFAULT_TASK_GRACE);
    }

    /** Whether a breach of this kind of clock is the rep's to answer (marketing's handoff and quality are not). */
    public static boolean isRepClock(ClockKind kind) {
        return REP_CLOCKS.contains(kind);
    }

    /**
     * The tasks the state asks for at {@code now}: one per breached rep clock, and one per
     * rejection whose reason's own clock ran out (a rep often saves the status and the reason as
     * two edits, moments apart, so the reason gets a grace before anyone is asked for it). Breaches
     * older than the task grace are history (a backfill, a long outage): nobody is asked to act on them.
     */
    public List<TaskAsk> tasks(LeadState state, Instant now) {
        List<TaskAsk> asks = new ArrayList<>();
        Instant oldest = now.minus(taskGrace);
        for (SlaClock c : state.clocks()) {
            if (c.status() != ClockStatus.BREACHED) {
                continue;
            }
            TaskKind kind = isRepClock(c.kind()) ? TaskKind.BREACH
                    : c.kind() == ClockKind.REJECTION_REASON ? TaskKind.MISSING_REASON : null;
            Instant breachedAt = c.breachedAt() != null ? c.breachedAt() : c.dueAt();
            if (kind != null && breachedAt != null && !breachedAt.isBefore(oldest)) {
                asks.add(new TaskAsk(kind, c.policyId(), c.cycle(), owner(state, c.cycle()), breachedAt));
            }
        }
        return asks;
    }

    /**
     * When to fold the lead again without a new event: the state's next at-risk or due instant, or
     * an event stamped after {@code now} (a CRM clock ahead of ours), whichever comes first; never
     * at or before {@code now} (a change due now was folded now: claiming it again would loop).
     *
     * @return {@code null} when nothing is pending
     */
    public static Instant nextLook(LeadState state, Collection<LeadEvent> events, Instant now) {
        Instant next = state.nextChangeAt();
        for (LeadEvent e : events) {
            if (e.occurredAt().isAfter(now) && (next == null || e.occurredAt().isBefore(next))) {
                next = e.occurredAt();
            }
        }
        if (next != null && !next.isAfter(now)) {
            next = now.plusSeconds(1);
        }
        return next;
    }

    private static String owner(LeadState state, int cycle) {
        for (LeadCycle c : state.cycles()) {
            if (c.number() == cycle) {
                return c.owner();
            }
        }
        return null;
    }
}
