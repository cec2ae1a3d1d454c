package io.leadsla.simulator.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Admits at most {@code max} requests in any rolling window (HubSpot's TEN_SECONDLY_ROLLING burst limit,
 * and the Search API's per-second limit). Only admitted requests take a place in the window. Time comes
 * from the injected clock so tests can step through windows without sleeping.
 */
final class RollingWindowLimiter {
    private final Clock clock;
    private final Duration window;
    private final int max;
    private final Deque<Instant> admitted = new ArrayDeque<>();

    RollingWindowLimiter(Clock clock, Duration window, int max) {
        this.clock = clock;
        this.window = window;
        this.max = max;
    }

    record Decision(boolean allowed, int remaining, Duration retryAfter) {
    }

    synchronized Decision tryAcquire() {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(horizon)) {
            admitted.removeFirst();
        }
        if (admitted.size() >= max) {
            Duration wait = Duration.between(now, admitted.peekFirst().plus(window));
            return new Decision(false, 0, wait.isNegative() ? Duration.ZERO : wait);
        }
        admitted.addLast(now);
        return new Decision(true, max - admitted.size(), Duration.ZERO);
    }

    int max() {
        return max;
    }

    Duration window() {
        return window;
    }
}
