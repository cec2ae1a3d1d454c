package io.leadsla.service.pipeline;

import com.codahale.metrics.health.HealthCheck;
import io.leadsla.pipeline.PipelineWorker;
import io.leadsla.store.Store;
import java.time.Clock;
import java.time.Duration;

/**
 * The scheduler keeps time: its loop runs, no step is stuck, and no clock waits longer than
 * {@code maxFoldLag} past the moment it turns at risk or breached (a breach noticed late is the
 * complaint leadsla exists to answer).
 */
public final class SchedulerHealthCheck extends HealthCheck {

    /** A round longer than this (real time) means a step hangs. */
    static final Duration STUCK = Duration.ofMinutes(5);

    private final PipelineWorker worker;
    private final Store store;
    private final Clock clock;
    private final Duration maxFoldLag;

    public SchedulerHealthCheck(PipelineWorker worker, Store store, Clock clock, Duration maxFoldLag) {
        this.worker = worker;
        this.store = store;
        this.clock = clock;
        this.maxFoldLag = maxFoldLag;
    }

    @Override
    protected Result check() {
        long late = store.leads().countChangingBy(clock.instant().minus(maxFoldLag));
        Duration sinceRound = worker.sinceLastRound();
        ResultBuilder result;
        if (!worker.isRunning()) {
            result = Result.builder().unhealthy().withMessage("the pipeline loop is not running");
        } else if (sinceRound.compareTo(STUCK) > 0) {
            result = Result.builder().unhealthy().withMessage("a pipeline step has run for %d s", sinceRound.toSeconds());
        } else if (late > 0) {
            result = Result.builder().unhealthy().withMessage("%d leads' clocks changed status more than %s ago and are not "
                    + "folded yet: breaches are noticed late", late, maxFoldLag);
        } else {
            result = Result.builder().healthy().withMessage("clocks are folded on time");
        }
        return result.withDetail("leadsFoldedLate", late)
                .withDetail("secondsSinceLastRound", sinceRound.toSeconds())
                .withDetail("leadsFolded", store.counts().leadsFolded())
                .build();
    }
}
