package io.leadsla.store;

import io.leadsla.connector.api.TaskRequest;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One transaction of a pipeline step across the repositories (claim, store, mark, queue): all of
 * it commits, or none. Keeps SQL and JDBI inside the store; the pipeline sees only these verbs.
 */
public final class StoreTransaction {

    private final Store store;
    private final Handle h;

    StoreTransaction(Store store, Handle h) {
        this.store = store;
        this.h = h;
    }

    /** Claims up to {@code limit} waiting inbox items of these sources; items another instance holds are skipped. */
    public List<InboxItem> claimInbox(Collection<String> sources, int limit) {
        return store.inbox().claim(h, sources, limit);
    }

    /** The item, claimed, if it still waits and nobody holds it. */
    public List<InboxItem> claimInboxItem(long id) {
        return store.inbox().claimById(h, id);
    }

    public void markProcessed(long inboxId, Instant at) {
        store.inbox().markProcessed(h, inboxId, at);
    }

    public void markFailed(long inboxId, String error, Instant at) {
        store.inbox().markFailed(h, inboxId, error, at);
    }

    /** @return how many of the events were new (their leads are now stale) */
    public int appendEvents(Collection<LeadEvent> events, Instant storedAt) {
        return store.events().append(h, events, storedAt);
    }

    /** Claims stale leads, or with {@code due} leads whose next change has come (see {@link LeadRepository}). */
    public List<LeadRepository.LeadRow> claimLeads(boolean due, Instant now, int limit) {
        return store.leads().claim(h, due, now, limit);
    }

    public List<LeadEvent> events(LeadKey lead) {
        return store.events().forLead(h, lead);
    }

    /** A lead with nothing to fold: neither stale nor due. */
    public void settle(LeadKey lead) {
        store.leads().settle(h, lead);
    }

    public void saveFold(LeadState state, Instant nextChangeAt, long readVersion, Instant foldedAt) {
        store.leads().saveFold(h, state, nextChangeAt, readVersion, foldedAt);
    }

    /**
     * Queues the record's SLA fields (and logs the command) when they differ from what was last
     * queued for it: leadsla writes a record only when what the rep sees changes.
     *
     * @return whether a write-back was queued
     */
    public boolean queueWriteBackIfChanged(LeadRepository.LeadRow row, RecordSla sla, Instant at) {
        String payload = SlaPayload.of(sla);
        if (payload.equals(row.sla())) {
            return false;
        }
        store.outbox().queue(h, row.lead(), row.objectType(), payload, at);
        store.leads().recordSla(h, row.lead(), payload);
        return true;
    }

    /** @return whether the request is new (its idempotency key was not known) */
    public boolean requestTask(TaskRequest request) {
        return store.tasks().request(h, request);
    }

    /** Runs once the transaction committed (counters: a rolled-back batch is redone and must count once). */
    public void afterCommit(Runnable action) {
        h.afterCommit(action);
    }
}
