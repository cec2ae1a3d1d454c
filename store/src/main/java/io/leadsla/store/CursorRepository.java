package io.leadsla.store;

import static io.leadsla.store.UtcTimes.utc;

import io.leadsla.store.LeaseRepository.Lease;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Where each connector's incremental poll stands (e.g. the last lastmodifieddate seen). */
public final class CursorRepository {

    /** A page of poll results, stored in the inbox as received. */
    public record Page(String source, String dedupKey, String body) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    CursorRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<String> get(String connector) {
        return jdbi.withHandle(h -> h.createQuery("SELECT position FROM poll_cursors WHERE connector = :c")
                .bind("c", connector).mapTo(String.class).findOne());
    }

    /** Stores the position (single-instance use and tests; pollers use {@link #advance}). */
    public void put(String connector, String position) {
        jdbi.useHandle(h -> put(h, connector, position, clock.instant()));
    }

    /**
     * Stores the polled pages in the inbox and moves the cursor past them, in one transaction, if
     * the poller still holds its lease as taken ({@code lease}'s holder and epoch, unexpired). A
     * poller that lost the lease (a long pause, another instance took over) stores nothing and
     * cannot move the cursor under the new holder's feet. A crash before the commit loses no
     * page: the cursor did not move, the next poll reads the pages again (the inbox keeps one copy).
     *
     * @return whether the pages were stored and the cursor moved
     */
    public boolean advance(Lease lease, String connector, String position, List<Page> pages) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            // locks the lease row: a takeover waits for this commit, or this waits for the takeover
            boolean held = h.createQuery("""
                            SELECT epoch FROM leases WHERE name = :name AND holder = :holder AND epoch = :epoch
                            AND expires_at > :now FOR UPDATE""")
                    .bind("name", lease.name()).bind("holder", lease.holder()).bind("epoch", lease.epoch())
                    .bind("now", utc(now)).mapTo(Long.class).findOne().isPresent();
            if (!held) {
                return false;
            }
            for (Page p : pages) {
                h.createUpdate("""
                                INSERT INTO inbox (source, dedup_key, received_at, body) VALUES (:source, :key, :at, :body)
                                ON CONFLICT DO NOTHING""")
                        .bind("source", p.source()).bind("key", p.dedupKey()).bind("at", utc(now)).bind("body", p.body())
                        .execute();
            }
            put(h, connector, position, now);
            return true;
        });
    }

    /** Standard MERGE, which H2 and PostgreSQL 15+ both understand. */
    private static void put(Handle h, String connector, String position, Instant at) {
        h.createUpdate("""
                        MERGE INTO poll_cursors t
                        USING (SELECT CAST(:c AS VARCHAR(128)) AS connector) s ON t.connector = s.connector
                        WHEN MATCHED THEN UPDATE SET position = :p, updated_at = :at
                        WHEN NOT MATCHED THEN INSERT (connector, position, updated_at) VALUES (:c, :p, :at)""")
                .bind("c", connector).bind("p", position).bind("at", utc(at))
                .execute();
    }
}
