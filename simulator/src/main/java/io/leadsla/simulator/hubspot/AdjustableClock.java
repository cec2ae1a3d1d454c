package io.leadsla.simulator.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to. Tests, benchmarks and the demo inject it into the simulator so
 * that rate-limit windows, search indexing delays and every timestamp the simulated portal writes can
 * be driven deterministically instead of waiting on the wall clock.
 */
public final class AdjustableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public AdjustableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private AdjustableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public Instant advance(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        // Shares the same instant so a zoned view keeps following advance()/set().
        return new AdjustableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
