package io.leadsla.simulator.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every API request the simulator received (webhook deliveries are not API requests), counted per
 * endpoint ("METHOD /path/{template}"), with the busiest 10-second window seen — the number a client's
 * pacing must keep under HubSpot's burst limit. Keeps the most recent entries only, so long benchmarks
 * don't grow without bound.
 */
public final class RequestLog {
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int KEEP = 100_000;

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Long> statusCounts = new TreeMap<>();
    private final Deque<Instant> window = new ArrayDeque<>();
    private int maxInWindow;
    private long total;

    RequestLog(Clock clock) {
        this.clock = clock;
    }

    /** One request: when (simulator clock), method, raw path, endpoint template key and status answered. */
    public record Entry(Instant at, String method, String path, String endpoint, int status) {
    }

    synchronized void record(String method, String path, String endpoint, int status) {
        Instant now = clock.instant();
        entries.addLast(new Entry(now, method, path, endpoint, status));
        if (entries.size() > KEEP) {
            entries.removeFirst();
        }
        counts.merge(endpoint, 1L, Long::sum);
        statusCounts.merge(endpoint + " -> " + status, 1L, Long::sum);
        total++;
        window.addLast(now);
        Instant horizon = now.minus(WINDOW);
        while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
            window.removeFirst();
        }
        maxInWindow = Math.max(maxInWindow, window.size());
    }

    /** Requests received for an endpoint key such as {@code "POST /crm/v3/objects/{objectType}/search"}. */
    public synchronized long count(String endpoint) {
        return counts.getOrDefault(endpoint, 0L);
    }

    public synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Counts per {@code "<endpoint> -> <status>"}. */
    public synchronized Map<String, Long> statusCounts() {
        return Map.copyOf(statusCounts);
    }

    public synchronized long total() {
        return total;
    }

    /** The most requests received within any rolling 10 seconds so far. */
    public synchronized int maxRequestsInAnyTenSeconds() {
        return maxInWindow;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(new ArrayList<>(entries));
    }

    public synchronized void reset() {
        entries.clear();
        counts.clear();
        statusCounts.clear();
        window.clear();
        maxInWindow = 0;
        total = 0;
    }
}
