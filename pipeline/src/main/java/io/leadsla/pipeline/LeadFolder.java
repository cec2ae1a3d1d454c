package io.leadsla.pipeline;

import io.leadsla.connector.api.TaskRequest;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.followup.FollowUps;
import io.leadsla.core.followup.TaskAsk;
import io.leadsla.store.LeadRepository;
import io.leadsla.store.Store;
import io.leadsla.store.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The events → clocks → outbox step. Folds leads whose events changed and leads whose clocks
 * reach an at-risk or due moment; stores their clocks; queues the CRM record's SLA fields when
 * what the rep sees changed; asks for a task when a rep's clock is breached or a rejection lacks
 * a reason. A batch of claimed leads is one transaction: a crash anywhere leaves every lead as it
 * was (still stale or due), to be folded again; idempotency keys keep task requests single.
 */
public final class LeadFolder {

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
    private final FollowUps followUps;

    public LeadFolder(Store store, ClockEngine engine, Clock clock) {
        this(store, engine, clock, Checkpoint.NONE, FollowUps.DEFAULT_TASK_GRACE);
    }

    /**
     * @param taskGrace a breach older than this when leadsla first sees it asks for no task (a
     *                  backfill of months of history must not send reps hundreds of tasks)
     */
    public LeadFolder(Store store, ClockEngine engine, Clock clock, Duration taskGrace) {
        this(store, engine, clock, Checkpoint.NONE, taskGrace);
    }

    LeadFolder(Store store, ClockEngine engine, Clock clock, Checkpoint checkpoint) {
        this(store, engine, clock, checkpoint, FollowUps.DEFAULT_TASK_GRACE);
    }

    private LeadFolder(Store store, ClockEngine engine, Clock clock, Checkpoint checkpoint, Duration taskGrace) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        this.checkpoint = checkpoint;
        this.followUps = new FollowUps(taskGrace);
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
        return store.inTransaction(tx -> {
            List<LeadRepository.LeadRow> rows = tx.claimLeads(due, now, limit);
            for (LeadRepository.LeadRow row : rows) {
                fold(tx, row, now);
            }
            int folded = rows.size();
            tx.afterCommit(() -> store.counts().folded(folded));
            return folded;
        });
    }

    private void fold(StoreTransaction tx, LeadRepository.LeadRow row, Instant now) {
        List<LeadEvent> events = tx.events(row.lead());
        if (events.isEmpty()) {
            // nothing to fold (its events were erased): leave it be, or every round would claim it again
            tx.settle(row.lead());
            return;
        }
        LeadState state = engine.fold(events, now);
        tx.saveFold(state, FollowUps.nextLook(state, events, now), row.version(), now);
        checkpoint.reached("clocks-saved");
        tx.queueWriteBackIfChanged(row, RecordSla.of(state), now);
        checkpoint.reached("write-back-queued");
        for (TaskAsk ask : followUps.tasks(state, now)) {
            TaskRequest request = new TaskRequest(TaskRequest.key(row.lead(), ask.policyId(), ask.cycle(), ask.kind()),
                    row.lead(), row.objectType(), ask.kind(), ask.policyId(), ask.cycle(), ask.ownerId(), now, now, 0);
            if (tx.requestTask(request)) {
                tx.afterCommit(() -> store.counts().taskRequested(row.lead().crm(), ask.kind()));
            }
        }
        checkpoint.reached("tasks-requested");
    }
}
