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

    public LeadFolder(Store store, ClockEngine engine, Clock clock) {
        this(store, engine, clock, Checkpoint.NONE);
    }

    LeadFolder(Store store, ClockEngine engine, Clock clock, Checkpoint checkpoint) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        this.checkpoint = checkpoint;
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
            return rows.size();
        });
    }

    private void fold(Handle h, LeadRepository.LeadRow row, Instant now) {
        List<LeadEvent> events = store.events().forLead(h, row.lead());
        if (events.isEmpty()) {
            return;
        }
        LeadState state = engine.fold(events, now);
        Instant next = state.nextChangeAt();
        for (LeadEvent e : events) { // an event stamped in the future is folded when its time comes
            if (e.occurredAt().isAfter(now) && (next == null || e.occurredAt().isBefore(next))) {
                next = e.occurredAt();
            }
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
            Kind kind = c.status() == ClockStatus.BREACHED && REP_CLOCKS.contains(c.kind()) ? Kind.BREACH
                    : c.kind() == ClockKind.REJECTION_REASON && c.status().isOpen() ? Kind.MISSING_REASON : null;
            if (kind != null) {
                store.tasks().request(h, new TaskRequest(io.leadsla.connector.writeback.TaskRequest.key(row.lead(), c.policyId(), c.cycle(), kind),
                        row.lead(), row.objectType(), kind, c.policyId(), c.cycle(), owner(state, c.cycle()),
                        kind == Kind.MISSING_REASON ? c.dueAt() : now, now, 0));
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
