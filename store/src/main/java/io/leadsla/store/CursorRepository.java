package io.leadsla.store;

import static io.leadsla.store.InboxRepository.utc;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Where each connector's incremental poll stands (e.g. the last lastmodifieddate seen). */
public final class CursorRepository {

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

    /** Stores the position; standard MERGE, which H2 and PostgreSQL 15+ both understand. */
    public void put(String connector, String position) {
        jdbi.useHandle(h -> h.createUpdate("""
                        MERGE INTO poll_cursors t
                        USING (SELECT CAST(:c AS VARCHAR(128)) AS connector) s ON t.connector = s.connector
                        WHEN MATCHED THEN UPDATE SET position = :p, updated_at = :at
                        WHEN NOT MATCHED THEN INSERT (connector, position, updated_at) VALUES (:c, :p, :at)""")
                .bind("c", connector).bind("p", position).bind("at", utc(clock.instant()))
                .execute());
    }
}
