package io.leadsla.store;

import static io.leadsla.store.UtcTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The raw inbox: webhook bodies and poll pages stored before anything else happens, so that a
 * CRM's delivery can be acknowledged only once it is durable. CRMs retry and duplicate: the same
 * (source, dedup key) is kept once. An item no normalizer can read is set aside with its error,
 * never dropped: an operator requeues it once the cause is fixed.
 */
public final class InboxRepository {

    private static final String COLUMNS = "id, source, dedup_key, received_at, body, attempts";
    private static final RowMapper<InboxItem> ITEM = (rs, ctx) -> new InboxItem(rs.getLong("id"), rs.getString("source"),
            rs.getString("dedup_key"), UtcTimes.instant(rs, "received_at"), rs.getString("body"),
            rs.getInt("attempts"));

    private final Jdbi jdbi;

    InboxRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return {@code true} when stored, {@code false} when that delivery was already there */
    public boolean append(String source, String dedupKey, Instant receivedAt, String body) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO inbox (source, dedup_key, received_at, body) VALUES (:source, :key, :at, :body)
                        ON CONFLICT DO NOTHING""")
                .bind("source", source)
                .bind("key", dedupKey)
                .bind("at", utc(receivedAt))
                .bind("body", body)
                .execute()) == 1;
    }

    /** Items waiting for their normalizer, oldest first. */
    public List<InboxItem> pending(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM inbox WHERE processed_at IS NULL AND failed_at IS NULL ORDER BY id LIMIT :limit")
                .bind("limit", limit).map(ITEM).list());
    }

    /**
     * Claims up to {@code limit} waiting items for the caller's transaction; items another
     * instance is normalizing are skipped.
     */
    List<InboxItem> claim(Handle h, java.util.Collection<String> sources, int limit) {
        // only what this instance can read: during a rolling deploy, or with a connector off here,
        // another instance's items wait for it rather than being set aside
        return h.createQuery("SELECT " + COLUMNS + " FROM inbox WHERE processed_at IS NULL AND failed_at IS NULL"
                        + " AND source IN (<sources>) ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bindList("sources", List.copyOf(sources)).bind("limit", limit).map(ITEM).list();
    }

    /** The item, claimed for the caller's transaction, if it is still waiting and nobody holds it. */
    List<InboxItem> claimById(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM inbox WHERE id = :id AND processed_at IS NULL AND failed_at IS NULL"
                        + " FOR UPDATE SKIP LOCKED")
                .bind("id", id).map(ITEM).list();
    }

    /** Waiting items of these sources, oldest first. */
    public List<InboxItem> pending(java.util.Collection<String> sources, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM inbox WHERE processed_at IS NULL"
                        + " AND failed_at IS NULL AND source IN (<sources>) ORDER BY id LIMIT :limit")
                .bindList("sources", List.copyOf(sources)).bind("limit", limit).map(ITEM).list());
    }

    /** Items set aside, oldest first, with the error that stopped them. */
    public List<SetAside> setAside(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s, last_error FROM inbox WHERE failed_at IS NOT NULL ORDER BY id LIMIT :limit"""
                        .formatted(COLUMNS))
                .bind("limit", limit)
                .map((rs, ctx) -> new SetAside(ITEM.map(rs, ctx), rs.getString("last_error"))).list());
    }

    /** An item no normalizer could read, and why. */
    public record SetAside(InboxItem item, String error) {
    }

    public void markProcessed(long id, Instant at) {
        jdbi.useHandle(h -> markProcessed(h, id, at));
    }

    void markProcessed(Handle h, long id, Instant at) {
        h.createUpdate("UPDATE inbox SET processed_at = :at WHERE id = :id").bind("at", utc(at)).bind("id", id).execute();
    }

    /** Sets the item aside: it is kept with its error and not tried again until requeued. */
    public void markFailed(long id, String error, Instant at) {
        jdbi.useHandle(h -> markFailed(h, id, error, at));
    }

    void markFailed(Handle h, long id, String error, Instant at) {
        h.createUpdate("UPDATE inbox SET attempts = attempts + 1, last_error = :error, failed_at = :at WHERE id = :id")
                .bind("error", error).bind("at", utc(at)).bind("id", id).execute();
    }

    /**
     * Puts every set-aside item back in line (after a connector fix or a mapping change).
     *
     * @return how many items were requeued
     */
    public int requeueFailed() {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE inbox SET failed_at = NULL WHERE failed_at IS NOT NULL").execute());
    }

    public long countPending() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL AND failed_at IS NULL").mapTo(Long.class).one());
    }

    public long countSetAside() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE failed_at IS NOT NULL")
                .mapTo(Long.class).one());
    }

    /** When the oldest waiting item was received (the pipeline's lag), if any waits. */
    public java.util.Optional<Instant> oldestPending() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT MIN(received_at) FROM inbox WHERE processed_at IS NULL AND failed_at IS NULL")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class)).findOne()
                .map(t -> t == null ? null : t.toInstant()));
    }
}
