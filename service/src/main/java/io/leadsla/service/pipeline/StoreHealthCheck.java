package io.leadsla.service.pipeline;

import com.codahale.metrics.health.HealthCheck;
import io.leadsla.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The store answers, and the pipeline keeps up: unhealthy when the oldest waiting inbox item is
 * older than {@code maxLag} (the pipeline is stuck or far behind); items set aside are reported.
 */
public final class StoreHealthCheck extends HealthCheck {

    private final Store store;
    private final Clock clock;
    private final Duration maxLag;

    public StoreHealthCheck(Store store, Clock clock, Duration maxLag) {
        this.store = store;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    protected Result check() {
        Optional<Instant> oldest = store.inbox().oldestPending();
        long setAside = store.inbox().countSetAside();
        Duration lag = oldest.map(t -> Duration.between(t, clock.instant())).orElse(Duration.ZERO);
        ResultBuilder result = lag.compareTo(maxLag) > 0 ? Result.builder().unhealthy() : Result.builder().healthy();
        return result.withMessage("%s store, inbox lag %d s, %d inbox items set aside", store.backend(), lag.toSeconds(),
                        setAside)
                .withDetail("inboxLagSeconds", lag.toSeconds())
                .withDetail("inboxSetAside", setAside)
                .build();
    }
}
