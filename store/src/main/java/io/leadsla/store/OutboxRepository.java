package io.leadsla.store;

import static io.leadsla.store.UtcTimes.utc;

import io.leadsla.connector.api.WriteBack;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Write-backs waiting for a CRM, one per record: the latest SLA state replaces an unsent older one. */
public final class OutboxRepository {

    private final Jdbi jdbi;

    OutboxRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void queue(Handle h, LeadKey lead, String objectType, String payload, Instant at) {
        pend(h, lead, objectType, payload, at);
        h.createUpdate("INSERT INTO write_back_log (crm, account, record_id, payload, queued_at) VALUES (:crm, :account, :record, :payload, :at)")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).bind("payload", payload).bind("at", utc(at))
                .execute();
    }

    /** The record's pending write-back becomes {@code payload} (a new row, or a newer version of it). */
    private static void pend(Handle h, LeadKey lead, String objectType, String payload, Instant at) {
        h.createUpdate("""
                        MERGE INTO outbox t
                        USING (SELECT CAST(:crm AS VARCHAR(16)) AS crm, CAST(:account AS VARCHAR(32)) AS account, CAST(:record AS VARCHAR(64)) AS record_id) s
                        ON t.crm = s.crm AND t.account = s.account AND t.record_id = s.record_id
                        WHEN MATCHED THEN UPDATE SET payload = :payload, version = t.version + 1, updated_at = :at,
                            next_attempt_at = :at, attempts = 0, failed_at = NULL
                        WHEN NOT MATCHED THEN INSERT (crm, account, record_id, object_type, payload, version, created_at, updated_at,
                            next_attempt_at) VALUES (:crm, :account, :record, :type, :payload, 1, :at, :at, :at)""")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).bind("type", objectType)
                .bind("payload", payload).bind("at", utc(at))
                .execute();
    }

    private static final String COLUMNS = "crm, account, record_id, object_type, payload, version, attempts";

    private static WriteBack writeBack(java.sql.ResultSet rs) throws java.sql.SQLException {
        LeadKey lead = new LeadKey(Crm.fromId(rs.getString("crm")), rs.getString("account"), rs.getString("record_id"));
        return new WriteBack(lead, rs.getString("object_type"), SlaPayload.parse(lead, rs.getString("payload")),
                rs.getLong("version"), rs.getInt("attempts"));
    }

    /**
     * Queues each record's latest SLA state again (as last queued by a fold, {@code leads.sla}):
     * after a write this instance made without holding the lease any more, which may have overwritten
     * a newer state in the CRM.
     */
    public void requeueLatest(java.util.Collection<LeadKey> leads, Instant at) {
        jdbi.useTransaction(h -> {
            for (LeadKey lead : leads) {
                h.createQuery("SELECT object_type, sla FROM leads WHERE crm = :crm AND account = :account AND record_id = :record")
                        .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId())
                        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                        .findOne()
                        .filter(row -> row[1] != null)
                        .ifPresent(row -> pend(h, lead, row[0], row[1], at)); // a resend, not a new command: not logged
            }
        });
    }

    /** Write-backs of every CRM ready to send at {@code now}, oldest first. */
    public List<WriteBack> ready(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM outbox WHERE failed_at IS NULL AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit")
                .bind("now", utc(now)).bind("limit", limit).map((rs, ctx) -> writeBack(rs)).list());
    }

    /** Write-backs to one account of {@code crm} ready to send at {@code now}, oldest first. */
    public List<WriteBack> ready(Crm crm, String account, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM outbox WHERE crm = :crm AND account = :account AND failed_at IS NULL AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :limit""")
                .bind("crm", crm.id()).bind("account", account).bind("now", utc(now)).bind("limit", limit)
                .map((rs, ctx) -> writeBack(rs)).list());
    }

    /** Every write-back command queued for the record, oldest first: what it was told, and when. */
    public List<LoggedWriteBack> history(LeadKey lead) {
        return jdbi.withHandle(h -> history(h, lead));
    }

    List<LoggedWriteBack> history(Handle h, LeadKey lead) {
        return h.createQuery("""
                        SELECT payload, queued_at FROM write_back_log WHERE crm = :crm AND account = :account AND record_id = :record ORDER BY id""")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId())
                .map((rs, ctx) -> new LoggedWriteBack(rs.getString("payload"),
                        UtcTimes.instant(rs, "queued_at")))
                .list();
    }

    /** A write-back command as it was queued. */
    public record LoggedWriteBack(String payload, Instant queuedAt) {
    }

    /**
     * The CRM has the state of {@code version}: the row goes, unless a newer state was queued
     * meanwhile (then that one is still to send).
     *
     * @return whether the row was removed
     */
    public boolean written(LeadKey lead, long version) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM outbox WHERE crm = :crm AND account = :account AND record_id = :record AND version = :version")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).bind("version", version).execute()) == 1;
    }

    /**
     * The CRM has these states: each row goes unless a newer state was queued meanwhile; one
     * transaction for the batch (a CRM batch of 100 would otherwise cost 100 commits).
     *
     * @return how many rows were removed
     */
    public int written(java.util.Collection<WriteBack> writeBacks) {
        if (writeBacks.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            org.jdbi.v3.core.statement.PreparedBatch delete = h.prepareBatch(
                    "DELETE FROM outbox WHERE crm = :crm AND account = :account AND record_id = :record AND version = :version");
            for (WriteBack w : writeBacks) {
                delete.bind("crm", w.lead().crm().id()).bind("account", w.lead().account()).bind("record", w.lead().recordId()).bind("version", w.version()).add();
            }
            int removed = 0;
            for (int n : delete.execute()) {
                removed += n;
            }
            return removed;
        });
    }

    /** Keeps the write-back of {@code version} for another try at {@code retryAt} (unless a newer state replaced it). */
    public void failed(LeadKey lead, long version, Instant retryAt, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :retry, last_error = :error
                        WHERE crm = :crm AND account = :account AND record_id = :record AND version = :version""")
                .bind("retry", utc(retryAt)).bind("error", error)
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).bind("version", version).execute());
    }

    /**
     * The CRM refused the write-back for good (e.g. the record is gone): it is kept with the
     * error and not retried; a newer state of the record is tried again.
     */
    public void refused(LeadKey lead, long version, String error, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET attempts = attempts + 1, failed_at = :at, last_error = :error
                        WHERE crm = :crm AND account = :account AND record_id = :record AND version = :version""")
                .bind("at", utc(at)).bind("error", error)
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).bind("version", version).execute());
    }

    public long countRefused() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL")
                .mapTo(Long.class).one());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Long.class).one());
    }

}
