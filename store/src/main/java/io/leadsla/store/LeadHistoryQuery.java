package io.leadsla.store;

import static io.leadsla.store.UtcTimes.instant;

import io.leadsla.core.event.LeadKey;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads a record's {@link LeadHistory} (for {@code GET /api/leads/{crm}/{recordId}}). */
public final class LeadHistoryQuery {

    private final Jdbi jdbi;
    private final LeadRepository leads;
    private final OutboxRepository outbox;

    LeadHistoryQuery(Jdbi jdbi, LeadRepository leads, OutboxRepository outbox) {
        this.jdbi = jdbi;
        this.leads = leads;
        this.outbox = outbox;
    }

    /** @return empty when leadsla has never heard of the record */
    public Optional<LeadHistory> find(LeadKey lead) {
        // one transaction: clocks, events and write-backs read from one consistent state
        return jdbi.inTransaction(h -> {
            Optional<Object[]> row = h.createQuery("""
                            SELECT object_type, folded_at, next_change_at, stale FROM leads WHERE crm = :crm AND account = :account AND record_id = :record""")
                    .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId())
                    .map((rs, ctx) -> new Object[] {rs.getString(1), instant(rs, "folded_at"), instant(rs, "next_change_at"),
                            rs.getBoolean("stale")})
                    .findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = row.get();
            return Optional.of(new LeadHistory(lead, (String) r[0], (java.time.Instant) r[1], (java.time.Instant) r[2],
                    (Boolean) r[3], leads.clocks(h, lead), leads.cycles(h, lead), events(h, lead), outbox.history(h, lead),
                    pending(h, lead).orElse(null), tasks(h, lead)));
        });
    }

    private static java.util.List<String> events(Handle h, LeadKey lead) {
        return bind(h.createQuery("""
                SELECT event_json FROM lead_events WHERE crm = :crm AND account = :account AND record_id = :record ORDER BY occurred_at, event_id"""),
                lead).mapTo(String.class).list();
    }

    private static Optional<LeadHistory.PendingWriteBack> pending(Handle h, LeadKey lead) {
        return bind(h.createQuery("""
                SELECT payload, attempts, next_attempt_at, last_error, failed_at FROM outbox WHERE crm = :crm AND account = :account AND record_id = :record"""),
                lead).map((rs, ctx) -> new LeadHistory.PendingWriteBack(rs.getString("payload"), rs.getInt("attempts"),
                        instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "failed_at")))
                .findOne();
    }

    private static java.util.List<LeadHistory.TaskEntry> tasks(Handle h, LeadKey lead) {
        return bind(h.createQuery("""
                SELECT * FROM task_requests WHERE crm = :crm AND account = :account AND record_id = :record ORDER BY created_at, idempotency_key"""),
                lead).map((rs, ctx) -> new LeadHistory.TaskEntry(rs.getString("idempotency_key"), rs.getString("kind"),
                        rs.getString("policy_id"), rs.getInt("cycle"), rs.getString("owner_id"), instant(rs, "due_at"),
                        instant(rs, "created_at"), rs.getInt("attempts"), rs.getString("crm_task_id"), instant(rs, "done_at"),
                        instant(rs, "failed_at"), rs.getString("last_error")))
                .list();
    }

    private static org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query q, LeadKey lead) {
        return q.bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId());
    }
}
