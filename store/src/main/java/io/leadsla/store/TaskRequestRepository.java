package io.leadsla.store;

import static io.leadsla.store.InboxRepository.utc;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * CRM tasks to create. A request exists once per idempotency key (e.g.
 * {@code hubspot:5101:first-contact:1:BREACH}), whatever retries, crashes or instances; the CRM
 * task id is recorded once the task exists, so it is never made twice.
 */
public final class TaskRequestRepository {

    /** Why a task is asked for. */
    public enum Kind {
        /** A rep's clock was breached: the owner (or a manager) must act. */
        BREACH,
        /** A rejection came without a reason: the owner is asked for one. */
        MISSING_REASON
    }

    /** A task to create. */
    public record TaskRequest(String key, LeadKey lead, String objectType, Kind kind, String policyId, int cycle,
                              String ownerId, Instant dueAt, Instant createdAt) {
    }

    private final Jdbi jdbi;

    TaskRequestRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static String key(LeadKey lead, String policyId, int cycle, Kind kind) {
        return lead.crm().id() + ":" + lead.recordId() + ":" + policyId + ":" + cycle + ":" + kind;
    }

    /** @return whether the request is new */
    boolean request(Handle h, TaskRequest r) {
        return h.createUpdate("""
                        INSERT INTO task_requests (idempotency_key, crm, record_id, object_type, kind, policy_id, cycle,
                            owner_id, due_at, created_at)
                        VALUES (:key, :crm, :record, :type, :kind, :policy, :cycle, :owner, :due, :at)
                        ON CONFLICT DO NOTHING""")
                .bind("key", r.key()).bind("crm", r.lead().crm().id()).bind("record", r.lead().recordId())
                .bind("type", r.objectType()).bind("kind", r.kind().name()).bind("policy", r.policyId())
                .bind("cycle", r.cycle()).bindByType("owner", r.ownerId(), String.class)
                .bindByType("due", utc(r.dueAt()), OffsetDateTime.class).bind("at", utc(r.createdAt()))
                .execute() == 1;
    }

    /** Requests without a CRM task yet, oldest first. */
    public List<TaskRequest> pending(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM task_requests WHERE done_at IS NULL ORDER BY created_at, idempotency_key LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
                    return new TaskRequest(rs.getString("idempotency_key"),
                            new LeadKey(Crm.fromId(rs.getString("crm")), rs.getString("record_id")),
                            rs.getString("object_type"), Kind.valueOf(rs.getString("kind")), rs.getString("policy_id"),
                            rs.getInt("cycle"), rs.getString("owner_id"), due == null ? null : due.toInstant(),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                })
                .list());
    }

    /** The CRM made the task: remember its id, so a retry never makes a second one. */
    public void done(String key, String crmTaskId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE task_requests SET crm_task_id = :task, done_at = :at WHERE idempotency_key = :key")
                .bind("task", crmTaskId).bind("at", utc(at)).bind("key", key).execute());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM task_requests").mapTo(Long.class).one());
    }
}
