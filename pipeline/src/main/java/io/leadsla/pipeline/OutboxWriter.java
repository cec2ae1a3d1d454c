package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.LeaseRepository;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.connector.api.CrmWriter.Outcome;
import io.leadsla.connector.api.WriteBack;
import io.leadsla.connector.api.TaskRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox → CRM step for one CRM account. Only the instance holding the account's lease writes,
 * so the account's API budget is spent by one rate limiter (the connector's) whatever the number
 * of instances; the lease moves to another instance when its holder dies. Each write-back is
 * removed only if the CRM confirmed the very version sent, so a crash after the CRM's answer sends
 * the same state again (harmless) and a newer state queued meanwhile is never lost. Tasks are
 * created through the connector's idempotent call and their id recorded.
 */
public final class OutboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final Store store;
    private final String account;
    private final CrmWriter crm;
    private final LeaseHolder lease;
    private final Clock clock;
    private final int tasksPerRound;

    /**
     * @param leaseDuration how long the lease lasts without renewal; every CRM call must finish in
     *                      half of it (the connector's timeouts), since it is renewed at half-life
     */
    public OutboxWriter(Store store, CrmWriter crm, String instanceId, Duration leaseDuration, Clock clock) {
        this(store, io.leadsla.core.event.LeadKey.DEFAULT_ACCOUNT, crm, instanceId, leaseDuration, clock);
    }

    /** @param account the configured account (portal, org) whose write-backs and tasks {@code crm} sends */
    public OutboxWriter(Store store, String account, CrmWriter crm, String instanceId, Duration leaseDuration, Clock clock) {
        this.store = store;
        this.account = account;
        this.crm = crm;
        this.lease = new LeaseHolder(store.leases(), accountLease(crm.apiAccount()), instanceId, leaseDuration, clock);
        this.clock = clock;
        this.tasksPerRound = crm.maxBatch();
    }

    /**
     * The lease on a CRM account's API: one instance at a time polls the account and writes to it,
     * so one rate limiter (the connector's, on that instance) spends the account's budget.
     */
    public static String accountLease(String account) {
        return "account:" + account;
    }

    /** The name of the lease on the account's API. */
    public String leaseName() {
        return lease.name();
    }

    /** Whether this instance holds the account's lease (as of its last round). */
    public boolean holdsLease() {
        return lease.current().isPresent();
    }

    /**
     * One round: a batch of write-backs, then pending tasks, if this instance holds the lease.
     *
     * @return write-backs and tasks dealt with (0: nothing to do, or another instance writes)
     */
    public synchronized int runOnce() {
        if (!lease.hold()) {
            return 0;
        }
        Instant now = clock.instant();
        int done = 0;
        List<WriteBack> batch = store.outbox().ready(crm.crm(), account, now, crm.maxBatch());
        if (!batch.isEmpty()) {
            write(batch, now);
            done += batch.size();
        }
        for (TaskRequest request : store.tasks().ready(crm.crm(), account, now, tasksPerRound)) {
            if (!lease.hold()) {
                break;
            }
            createTask(request);
            done++;
        }
        return done;
    }

    /** Gives the lease up (graceful shutdown), so another instance takes over at once. */
    public void release() {
        lease.release();
    }

    private void write(List<WriteBack> batch, Instant now) {
        long epoch = lease.current().map(LeaseRepository.Lease::epoch).orElse(-1L);
        List<Outcome> outcomes;
        try {
            outcomes = crm.write(batch);
            if (!lease.hold() || lease.current().map(LeaseRepository.Lease::epoch).orElse(-2L) != epoch) {
                // the call outlasted this instance's lease: the new holder may have written newer
                // states that this batch just overwrote in the CRM. Queue each record's latest state
                // again, so the rightful writer sends it after ours.
                LOG.warn("{} lost the lease on {} during a write of {} records; their latest states are queued again",
                        lease.name(), crm.apiAccount(), batch.size());
                store.outbox().requeueLatest(batch.stream().map(WriteBack::lead).toList(), clock.instant());
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("writing {} records to {} failed, kept for a retry: {}", batch.size(), crm.apiAccount(), e.toString());
            store.apiUsage().add(crm.apiAccount(), now, 1);
            for (WriteBack w : batch) {
                store.outbox().failed(w.lead(), w.version(), retryAt(now, w.attempts(), w.lead().hashCode()), e.toString());
            }
            store.counts().writeFailed(crm.crm(), batch.size());
            return;
        }
        store.apiUsage().add(crm.apiAccount(), now, 1);
        java.util.Map<io.leadsla.core.event.LeadKey, Outcome> byLead = new java.util.HashMap<>();
        outcomes.forEach(o -> byLead.put(o.lead(), o));
        List<WriteBack> written = new java.util.ArrayList<>();
        for (WriteBack w : batch) {
            Outcome o = byLead.get(w.lead());
            if (o instanceof CrmWriter.Written) {
                written.add(w);
            } else if (o instanceof CrmWriter.Rejected r) {
                LOG.warn("{} refused the SLA fields of {}: {}", crm.apiAccount(), w.lead(), r.error());
                store.outbox().refused(w.lead(), w.version(), r.error(), now);
                store.counts().refused(crm.crm());
            } else {
                String error = o instanceof CrmWriter.RetryLater r ? r.error() : "no outcome for the record in the CRM's answer";
                store.outbox().failed(w.lead(), w.version(), retryAt(now, w.attempts(), w.lead().hashCode()), error);
                store.counts().writeFailed(crm.crm(), 1);
            }
        }
        store.outbox().written(written);
        store.counts().written(crm.crm(), written.size());
    }

    private void createTask(TaskRequest request) {
        Instant now = clock.instant();
        try {
            String taskId = crm.createTask(request);
            store.tasks().done(request.key(), taskId, clock.instant());
            store.counts().taskCreated(crm.crm());
        } catch (CrmWriter.Refused e) {
            LOG.warn("{} refused task {}: {}", crm.apiAccount(), request.key(), e.getMessage());
            store.tasks().refused(request.key(), e.getMessage(), now);
            store.counts().taskFailed(crm.crm());
        } catch (RuntimeException e) {
            LOG.warn("creating task {} in {} failed, kept for a retry: {}", request.key(), crm.apiAccount(), e.toString());
            store.tasks().failed(request.key(), retryAt(now, request.attempts(), request.key().hashCode()), e.toString());
            store.counts().taskFailed(crm.crm());
        } finally {
            store.apiUsage().add(crm.apiAccount(), now, 1);
        }
    }

    /** Exponential backoff from 5 s to 1 h, spread by up to a fifth so retries do not come in waves. */
    static Instant retryAt(Instant now, int attempts, int spreadSeed) {
        long base = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempts, 20));
        long spread = Math.floorMod(spreadSeed, 1000) * base / 5000;
        return now.plusMillis(base + spread);
    }
}
