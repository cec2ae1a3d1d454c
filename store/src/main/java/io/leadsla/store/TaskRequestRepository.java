package io.leadsla.store;

import static io.leadsla.store.UtcTimes.utc;

import io.leadsla.connector.api.TaskRequest;
import io.leadsla.core.followup.TaskKind;
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

    private final Jdbi jdbi;

    TaskRequestRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return whether the request is new */
    boolean request(Handle h, TaskRequest r) {
        return h.createUpdate("""
                        INSERT INTO task_requests (idempotency_key, crm, account, record_id, object_type, kind, policy_id, cycle,
                            owner_id, due_at, created_at, next_attempt_at)
                        VALUES (:key, :crm, :account, :record, :type, :kind, :policy, :cycle, :owner, :due, :at, :at)
                        ON CONFLICT DO NOTHING""")
                .bind("key", r.key()).bind("crm", r.lead().crm().id()).bind("account", r.lead().account()).bind("record", r.lead().recordId())
                .bind("type", r.objectType()).bind("kind", r.kind().name()).bind("policy", r.policyId())
                .bind("cycle", r.cycle()).bindByType("owner", r.ownerId(), String.class)
                .bindByType("due", utc(r.dueAt()), OffsetDateTime.class).bind("at", utc(r.createdAt()))
                .execute() == 1;
    }

    private static final org.jdbi.v3.core.mapper.RowMapper<TaskRequest> REQUEST = (rs, ctx) -> {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new TaskRequest(rs.getString("idempotency_key"),
                new LeadKey(Crm.fromId(rs.getString("crm")), rs.getString("account"), rs.getString("record_id")),
                rs.getString("object_type"), TaskKind.valueOf(rs.getString("kind")), rs.getString("policy_id"),
                rs.getInt("cycle"), rs.getString("owner_id"), due == null ? null : due.toInstant(),
                UtcTimes.instant(rs, "created_at"), rs.getInt("attempts"));
    };

    /** Requests of every CRM without a CRM task yet, oldest first. */
    public List<TaskRequest> pending(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM task_requests WHERE done_at IS NULL AND failed_at IS NULL
                        ORDER BY created_at, idempotency_key LIMIT :limit""")
                .bind("limit", limit).map(REQUEST).list());
    }

    /** Requests to one account of {@code crm} without a task yet that may be tried at {@code now}, oldest first. */
    public List<TaskRequest> ready(Crm crm, String account, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM task_requests WHERE crm = :crm AND account = :account AND done_at IS NULL AND failed_at IS NULL
                        AND next_attempt_at <= :now ORDER BY next_attempt_at, idempotency_key LIMIT :limit""")
                .bind("crm", crm.id()).bind("account", account).bind("now", utc(now)).bind("limit", limit)
                .map(REQUEST).list());
    }

    /** The task of a request, once made. */
    public java.util.Optional<String> crmTaskId(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT crm_task_id FROM task_requests WHERE idempotency_key = :key")
                .bind("key", key).mapTo(String.class).findOne());
    }

    /** Every request about a lead (done or not), oldest first, with the CRM task id once made. */
    public List<java.util.Map.Entry<TaskRequest, String>> forLead(LeadKey lead) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM task_requests WHERE crm = :crm AND account = :account AND record_id = :record ORDER BY created_at, idempotency_key""")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId())
                .map((rs, ctx) -> java.util.Map.entry(REQUEST.map(rs, ctx),
                        java.util.Objects.requireNonNullElse(rs.getString("crm_task_id"), "")))
                .list());
    }

    /** Keeps the request for another try at {@code retryAt}. */
    public void failed(String key, Instant retryAt, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE task_requests SET attempts = attempts + 1, next_attempt_at = :retry, last_error = :error
                        WHERE idempotency_key = :key""")
                .bind("retry", utc(retryAt)).bind("error", error).bind("key", key).execute());
    }

    /** The CRM refused the task for good (e.g. the record is gone): kept with the error, not retried. */
    public void refused(String key, String error, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE task_requests SET attempts = attempts + 1, failed_at = :at, last_error = :error
                        WHERE idempotency_key = :key""")
                .bind("at", utc(at)).bind("error", error).bind("key", key).execute());
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
