package io.leadsla.store;

import static io.leadsla.store.UtcTimes.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Leases on work that must have one owner at a time across instances: polling a CRM account and
 * writing to it. A holder renews before expiry; a crashed holder's lease runs out and the next
 * instance that asks takes it, with a higher epoch. Expiry is judged by the acquiring instance's
 * clock, so instances' clocks must agree to well within a lease's duration (NTP does that).
 */
public final class LeaseRepository {

    /** A held lease: who holds it until when, and the how-manieth holder that is. */
    public record Lease(String name, String holder, long epoch, Instant expiresAt) {
    }

    private final Jdbi jdbi;

    LeaseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Takes the lease, or renews it when {@code holder} has it already; fails when another holder's
     * lease has not expired at {@code now}.
     */
    public Optional<Lease> acquire(String name, String holder, Duration duration, Instant now) {
        Instant expires = now.plus(duration);
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("""
                            INSERT INTO leases (name, holder, epoch, acquired_at, expires_at) VALUES (:name, :holder, 1, :now, :expires)
                            ON CONFLICT DO NOTHING""")
                    .bind("name", name).bind("holder", holder).bind("now", utc(now)).bind("expires", utc(expires)).execute();
            if (inserted == 0) {
                int renewed = h.createUpdate("""
                                UPDATE leases SET expires_at = :expires,
                                    epoch = CASE WHEN holder = :holder THEN epoch ELSE epoch + 1 END,
                                    acquired_at = CASE WHEN holder = :holder THEN acquired_at ELSE :now END,
                                    holder = :holder
                                WHERE name = :name AND (holder = :holder OR expires_at <= :now)""")
                        .bind("name", name).bind("holder", holder).bind("now", utc(now)).bind("expires", utc(expires))
                        .execute();
                if (renewed == 0) {
                    return Optional.<Lease>empty();
                }
            }
            return find(h, name);
        });
    }

    /** Gives the lease up at once (graceful shutdown), if {@code holder} still has it. */
    public void release(String name, String holder, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE leases SET expires_at = :now WHERE name = :name AND holder = :holder")
                .bind("now", utc(now)).bind("name", name).bind("holder", holder).execute());
    }

    public Optional<Lease> find(String name) {
        return jdbi.withHandle(h -> find(h, name));
    }

    private static Optional<Lease> find(org.jdbi.v3.core.Handle h, String name) {
        return h.createQuery("SELECT name, holder, epoch, expires_at FROM leases WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Lease(rs.getString("name"), rs.getString("holder"), rs.getLong("epoch"),
                        UtcTimes.instant(rs, "expires_at")))
                .findOne();
    }
}
