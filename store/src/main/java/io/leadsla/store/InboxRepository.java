package io.leadsla.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The raw inbox: webhook bodies and poll pages stored before anything else happens, so that a
 * CRM's delivery can be acknowledged only once it is durable. CRMs retry and duplicate: the same
 * (source, dedup key) is kept once.
 */
public final class InboxRepository {

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

    /** Unprocessed items, oldest first. */
    public List<InboxItem> pending(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, source, dedup_key, received_at, body, attempts FROM inbox
                        WHERE processed_at IS NULL ORDER BY id LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new InboxItem(rs.getLong("id"), rs.getString("source"), rs.getString("dedup_key"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("body"),
                        rs.getInt("attempts")))
                .list());
    }

    public void markProcessed(long id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE inbox SET processed_at = :at WHERE id = :id")
                .bind("at", utc(at)).bind("id", id).execute());
    }

    /** Keeps the item for a later try and says why this one failed. */
    public void markFailed(long id, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE inbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .bind("error", error).bind("id", id).execute());
    }

    public long countPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL")
                .mapTo(Long.class).one());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
