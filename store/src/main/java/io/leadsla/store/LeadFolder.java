package io.leadsla.store;

import io.leadsla.connector.writeback.SlaPayload;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.ClockKind;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.LeadCycle;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.connector.writeback.TaskRequest.Kind;
import io.leadsla.connector.writeback.TaskRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The events → clocks → outbox step. Folds leads whose events changed and leads whose clocks
 * reach an at-risk or due moment; stores their clocks; queues the CRM record's SLA fields when
 * what the rep sees changed; asks for a task when a rep's clock is breached or a rejection lacks
 * a reason. A batch of claimed leads is one transaction: a crash anywhere leaves every lead as it
 * was (still stale or due), to be folded again; idempotency keys keep task requests single.
 */
public final class LeadFolder {

    /** Breaches older than this when first seen ask for no task. */
    public static final Duration DEFAULT_TASK_GRACE = Duration.ofDays(1);

    /** The rep's clocks: a breach of these asks the owner (or a manager) to act. */
    private static final Set<ClockKind> REP_CLOCKS = Set.of(ClockKind.FIRST_CONTACT, ClockKind.ATTEMPTS, ClockKind.DISPOSITION);

    /** Named points between the steps of a fold, where tests inject crashes. */
    @FunctionalInterface
    interface Checkpoint {
        Checkpoint NONE = step -> { };

        void reached(String step);
    }

    private final Store store;
    private final ClockEngine engine;
    private final Clock clock;
    private final Checkpoint checkpoint;
    private final Duration taskGrace;

    public LeadFolder(Store store, ClockEngine engine, Clock clock) {
        this(store, engine, clock, Checkpoint.NONE, DEFAULT_TASK_GRACE);
    }

    /**
     * @param taskGrace a breach older than this when leadsla first sees it asks for no task (a
     *                  backfill of months of history must not send reps hundreds of tasks)
     */
    public LeadFolder(Store store, ClockEngine engine, Clock clock, Duration taskGrace) {
        this(store, engine, clock, Checkpoint.NONE, taskGrace);
    }

    LeadFolder(Store store, ClockEngine engine, Clock clock, Checkpoint checkpoint) {
        this(store, engine, clock, checkpoint, DEFAULT_TASK_GRACE);
    }

    private LeadFolder(Store store, ClockEngine engine, Clock clock, Checkpoint checkpoint, Duration taskGrace) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        this.checkpoint = checkpoint;
        this.taskGrace = taskGrace;
    }

    /** Folds up to {@code limit} stale leads; @return how many were folded. */
    public int foldStale(int limit) {
        return foldClaimed(false, limit);
    }

    /** Folds up to {@code limit} leads whose next change has come; @return how many were folded. */
    public int foldDue(int limit) {
        return foldClaimed(true, limit);
    }

    private int foldClaimed(boolean due, int limit) {
        Instant now = clock.instant();
        return store.jdbi().inTransaction(h -> {
            List<LeadRepository.LeadRow> rows = store.leads().claim(h, due, now, limit);
            for (LeadRepository.LeadRow row : rows) {
                fold(h, row, now);
            }
            int folded = rows.size();
            h.afterCommit(() -> store.counts().folded(folded));
            return folded;
        });
    }

    private void fold(Handle h, LeadRepository.LeadRow row, Instant now) {
        List<LeadEvent> events = store.events().forLead(h, row.lead());
        if (events.isEmpty()) {
            // nothing to fold (its events were erased): leave it be, or every round would claim it again
            store.leads().settle(h, row.lead());
            return;
        }
        LeadState state = engine.fold(events, now);
        Instant next = state.nextChangeAt();
        for (LeadEvent e : events) { // an event stamped in the future is folded when its time comes
            if (e.occurredAt().isAfter(now) && (next == null || e.occurredAt().isBefore(next))) {
                next = e.occurredAt();
            }
        }
        if (next != null && !next.isAfter(now)) {
            next = now.plusSeconds(1); // a change due now was folded now: never claim the lead again in a loop
        }
        store.leads().saveFold(h, state, next, row.version(), now);
        checkpoint.reached("clocks-saved");

        String sla = SlaPayload.of(RecordSla.of(state));
        if (!sla.equals(row.sla())) {
            store.outbox().queue(h, row.lead(), row.objectType(), sla, now);
            store.leads().recordSla(h, row.lead(), sla);
        }
        checkpoint.reached("write-back-queued");
        for (SlaClock c : state.clocks()) {
            // a rejection's reason has its own clock: the task asks for it only once that grace ran
            // out (a rep often saves the status and the reason as two edits, moments apart)
            Kind kind = c.status() != ClockStatus.BREACHED ? null
                    : REP_CLOCKS.contains(c.kind()) ? Kind.BREACH
                    : c.kind() == ClockKind.REJECTION_REASON ? Kind.MISSING_REASON : null;
            Instant breachedAt = c.breachedAt() != null ? c.breachedAt() : c.dueAt();
            if (kind != null && breachedAt != null && breachedAt.isBefore(now.minus(taskGrace))) {
                kind = null; // history (a backfill, a long outage): nobody should be asked to act on it now
            }
            if (kind != null) {
                Kind asked = kind;
                boolean isNew = store.tasks().request(h, new TaskRequest(io.leadsla.connector.writeback.TaskRequest.key(row.lead(), c.policyId(), c.cycle(), kind),
                        row.lead(), row.objectType(), kind, c.policyId(), c.cycle(), owner(state, c.cycle()),
                        now, now, 0));
                if (isNew) {
                    h.afterCommit(() -> store.counts().taskRequested(row.lead().crm(), asked));
                }
            }
        }
        checkpoint.reached("tasks-requested");
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
