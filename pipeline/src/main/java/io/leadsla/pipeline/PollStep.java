package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.LeaseRepository;
import io.leadsla.store.CursorRepository;
import io.leadsla.connector.api.Poller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll → inbox step for one CRM account: only the holder of the account's lease polls, every
 * {@code interval} (at once again while the poller has not caught up); the pages and the new
 * position commit together, and only while the lease is still this instance's.
 */
public final class PollStep {

    private static final Logger LOG = LoggerFactory.getLogger(PollStep.class);

    private final Store store;
    private final Poller poller;
    private final LeaseHolder lease;
    private final Duration interval;
    private final Clock clock;
    private Instant nextPollAt = Instant.MIN;

    public PollStep(Store store, Poller poller, String instanceId, Duration leaseDuration, Duration interval, Clock clock) {
        this.store = store;
        this.poller = poller;
        this.lease = new LeaseHolder(store.leases(), OutboxWriter.accountLease(poller.apiAccount()), instanceId,
                leaseDuration, clock);
        this.interval = interval;
        this.clock = clock;
    }

    /** @return pages stored (0: not due, not the lease holder, or nothing new) */
    public synchronized int runOnce() {
        if (clock.instant().isBefore(nextPollAt) || !lease.hold()) {
            return 0;
        }
        long epoch = lease.current().map(LeaseRepository.Lease::epoch).orElse(-1L);
        Optional<String> position = store.cursors().get(poller.cursor());
        // a failed poll waits for the next interval too: retrying every round would hammer a CRM
        // that is down (and open its circuit breaker for the write-backs as well)
        nextPollAt = clock.instant().plus(interval);
        Poller.Poll poll = poller.poll(position);
        // a long poll may outlast the lease's half-life: renew, and keep the pages if nobody else
        // held the lease meanwhile (same epoch); advance() re-checks it under a row lock
        Optional<LeaseRepository.Lease> held = lease.hold() ? lease.current().filter(l -> l.epoch() == epoch) : Optional.empty();
        List<CursorRepository.Page> pages = poll.pages().stream()
                .map(p -> new CursorRepository.Page(p.source(), p.dedupKey(), p.body())).toList();
        if (held.isEmpty() || !store.cursors().advance(held.get(), poller.cursor(), poll.nextPosition(), pages)) {
            LOG.warn("poll of {} dropped: the lease passed to another instance while it ran", poller.cursor());
            return 0;
        }
        nextPollAt = poll.caughtUp() ? clock.instant().plus(interval) : Instant.MIN;
        return pages.size();
    }

    /** Gives the lease up (graceful stop). */
    public void release() {
        lease.release();
    }
}
