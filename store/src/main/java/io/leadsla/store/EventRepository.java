package io.leadsla.store;

import static io.leadsla.store.UtcTimes.utc;

import io.leadsla.connector.event.LeadEventJson;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Normalized events, each {@code eventId} stored once. Storing a new event marks its lead stale
 * (to be folded again) and bumps the lead's version, in the same transaction.
 */
public final class EventRepository {

    private final Jdbi jdbi;
    private final PipelineCounts counts;
    private final LeadEventJson json = new LeadEventJson();

    EventRepository(Jdbi jdbi, PipelineCounts counts) {
        this.jdbi = jdbi;
        this.counts = counts;
    }

    /** @return how many of the events were new */
    public int append(Collection<LeadEvent> events, Instant storedAt) {
        if (events.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> append(h, events, storedAt));
    }

    /** Appends inside a caller's transaction (e.g. together with marking an inbox item processed). */
    public int append(Handle h, Collection<LeadEvent> unordered, Instant storedAt) {
        // rows locked in one order by every instance: two batches holding the same events (a webhook
        // and a poll of the same change) wait for each other instead of deadlocking
        List<LeadEvent> events = unordered.stream().sorted(java.util.Comparator.comparing(LeadEvent::eventId)).toList();
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO lead_events (event_id, crm, account, record_id, type, occurred_at, event_json, stored_at)
                VALUES (:id, :crm, :account, :record, :type, :at, :json, :stored) ON CONFLICT DO NOTHING""");
        for (LeadEvent e : events) {
            insert.bind("id", e.eventId()).bind("crm", e.crm().id()).bind("account", e.account()).bind("record", e.recordId())
                    .bind("type", e.type().name()).bind("at", utc(e.occurredAt())).bind("json", json.write(e))
                    .bind("stored", utc(storedAt)).add();
        }
        int[] inserted = insert.execute();
        Map<LeadKey, String> touched = new java.util.TreeMap<>(); // one lock order for every instance
        int count = 0;
        int i = 0;
        Map<io.leadsla.core.event.Crm, Integer> newByCrm = new java.util.EnumMap<>(io.leadsla.core.event.Crm.class);
        for (LeadEvent e : events) {
            if (inserted[i++] > 0) {
                count++;
                touched.putIfAbsent(e.lead(), e.objectType());
                newByCrm.merge(e.crm(), 1, Integer::sum);
            }
        }
        // counted once the caller's transaction commits: a batch rolled back and redone counts once
        h.afterCommit(() -> newByCrm.forEach(counts::eventStored));
        if (!touched.isEmpty()) {
            PreparedBatch create = h.prepareBatch("""
                    INSERT INTO leads (crm, account, record_id, object_type) VALUES (:crm, :account, :record, :type) ON CONFLICT DO NOTHING""");
            PreparedBatch stale = h.prepareBatch("""
                    UPDATE leads SET stale = TRUE, version = version + 1 WHERE crm = :crm AND account = :account AND record_id = :record""");
            touched.forEach((lead, type) -> {
                create.bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).bind("type", type).add();
                stale.bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).add();
            });
            create.execute();
            stale.execute();
        }
        return count;
    }

    /** Every stored event of a lead, in no particular order (the engine orders them). */
    public List<LeadEvent> forLead(LeadKey lead) {
        return jdbi.withHandle(h -> forLead(h, lead));
    }

    List<LeadEvent> forLead(Handle h, LeadKey lead) {
        return h.createQuery("SELECT event_json FROM lead_events WHERE crm = :crm AND account = :account AND record_id = :record")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId())
                .map((rs, ctx) -> json.parse(rs.getString(1)))
                .list();
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lead_events").mapTo(Long.class).one());
    }
}
