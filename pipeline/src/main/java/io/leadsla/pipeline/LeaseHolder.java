package io.leadsla.pipeline;

import io.leadsla.store.LeaseRepository;
import io.leadsla.store.LeaseRepository.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's side of one lease (writing to a CRM account, polling it): asks for it, renews it
 * at half-life, gives it up on a graceful stop. Work done under the lease must fit in half its
 * duration (CRM call timeouts), since a renewal is only tried between pieces of work.
 */
public final class LeaseHolder {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHolder.class);

    private final LeaseRepository leases;
    private final String name;
    private final String instanceId;
    private final Duration duration;
    private final Clock clock;
    private Lease lease;

    public LeaseHolder(LeaseRepository leases, String name, String instanceId, Duration duration, Clock clock) {
        this.leases = leases;
        this.name = name;
        this.instanceId = instanceId;
        this.duration = duration;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** Whether this instance holds the lease now, taking or renewing it as needed. */
    public synchronized boolean hold() {
        Instant now = clock.instant();
        if (lease != null && now.isBefore(lease.expiresAt().minus(duration.dividedBy(2)))) {
            return true;
        }
        Lease before = lease;
        lease = leases.acquire(name, instanceId, duration, now).orElse(null);
        if (lease != null && (before == null || before.epoch() != lease.epoch())) {
            LOG.info("{} holds {} now (epoch {})", instanceId, name, lease.epoch());
        } else if (lease == null && before != null) {
            LOG.warn("{} lost {}", instanceId, name);
        }
        return lease != null;
    }

    /** The lease as last taken or renewed, if still valid by this instance's clock. */
    public synchronized Optional<Lease> current() {
        return lease != null && clock.instant().isBefore(lease.expiresAt()) ? Optional.of(lease) : Optional.empty();
    }

    /** Gives the lease up at once (graceful stop), so another instance takes over without waiting. */
    public synchronized void release() {
        if (lease != null) {
            leases.release(name, instanceId, clock.instant());
            lease = null;
        }
    }
}
