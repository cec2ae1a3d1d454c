package io.leadsla.store;

import static io.leadsla.store.InboxRepository.utc;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Write-backs waiting for a CRM, one per record: the latest SLA state replaces an unsent older one. */
public final class OutboxRepository {

    /** A record's pending write-back. */
    public record WriteBack(LeadKey lead, String objectType, String payload, long version, int attempts) {
    }

    private final Jdbi jdbi;

    OutboxRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void queue(Handle h, LeadKey lead, String objectType, String payload, Instant at) {
        h.createUpdate("""
                        MERGE INTO outbox t
                        USING (SELECT CAST(:crm AS VARCHAR(16)) AS crm, CAST(:record AS VARCHAR(64)) AS record_id) s
                        ON t.crm = s.crm AND t.record_id = s.record_id
                        WHEN MATCHED THEN UPDATE SET payload = :payload, version = t.version + 1, updated_at = :at,
                            next_attempt_at = :at
                        WHEN NOT MATCHED THEN INSERT (crm, record_id, object_type, payload, version, created_at, updated_at,
                            next_attempt_at) VALUES (:crm, :record, :type, :payload, 1, :at, :at, :at)""")
                .bind("crm", lead.crm().id()).bind("record", lead.recordId()).bind("type", objectType)
                .bind("payload", payload).bind("at", utc(at))
                .execute();
    }

    /** Write-backs ready to send at {@code now}, oldest first. */
    public List<WriteBack> ready(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT crm, record_id, object_type, payload, version, attempts FROM outbox
                        WHERE next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit""")
                .bind("now", utc(now)).bind("limit", limit)
                .map((rs, ctx) -> new WriteBack(new LeadKey(Crm.fromId(rs.getString("crm")), rs.getString("record_id")),
                        rs.getString("object_type"), rs.getString("payload"), rs.getLong("version"), rs.getInt("attempts")))
                .list());
    }

    /**
     * The CRM has the state of {@code version}: the row goes, unless a newer state was queued
     * meanwhile (then that one is still to send).
     *
     * @return whether the row was removed
     */
    public boolean written(LeadKey lead, long version) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM outbox WHERE crm = :crm AND record_id = :record AND version = :version")
                .bind("crm", lead.crm().id()).bind("record", lead.recordId()).bind("version", version).execute()) == 1;
    }

    /** Keeps the write-back for another try at {@code retryAt}. */
    public void failed(LeadKey lead, Instant retryAt, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :retry, last_error = :error
                        WHERE crm = :crm AND record_id = :record""")
                .bind("retry", utc(retryAt)).bind("error", error)
                .bind("crm", lead.crm().id()).bind("record", lead.recordId()).execute());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Long.class).one());
    }

}
