package io.leadsla.simulator.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The org's API request allowance over a rolling 24 hours, counted per request in one-minute buckets (enough
 * resolution for a limit measured per day). The same count feeds the LimitInfoHeader and the REST limits
 * resource; a refused request is not counted.
 */
public final class ApiUsage {
    private static final Duration WINDOW = Duration.ofHours(24);

    private final Clock clock;
    private final long limit;
    private final Deque<long[]> buckets = new ArrayDeque<>(); // {minute epoch, count}
    private long total;

    ApiUsage(Clock clock, long limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one request if the allowance has room; returns false (and counts nothing) if it is used up. */
    synchronized boolean tryAcquire() {
        expire();
        if (total >= limit) {
            return false;
        }
        long minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        long[] last = buckets.peekLast();
        if (last != null && last[0] == minute) {
            last[1]++;
        } else {
            buckets.addLast(new long[] {minute, 1});
        }
        total++;
        return true;
    }

    public synchronized long used() {
        expire();
        return total;
    }

    public long limit() {
        return limit;
    }

    public synchronized long remaining() {
        return Math.max(0, limit - used());
    }

    /** Adds usage as if other integrations had called, e.g. to start a test near the limit. */
    public synchronized void consume(long requests) {
        long minute = clock.instant().getEpochSecond() / 60;
        buckets.addLast(new long[] {minute, requests});
        total += requests;
    }

    private void expire() {
        long horizon = clock.instant().minus(WINDOW).getEpochSecond() / 60;
        while (!buckets.isEmpty() && buckets.peekFirst()[0] <= horizon) {
            total -= buckets.removeFirst()[1];
        }
    }
}
