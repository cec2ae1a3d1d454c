package io.leadsla.simulator.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every request the simulator answered: which API (SOAP, REST, OAUTH), which operation (query, update,
 * limits, token, …), the HTTP status and the fault or error code if it failed. Counts per operation let tests
 * assert how many calls a connector spent. Keeps the most recent 100,000 entries.
 */
public final class RequestLog {
    private static final int KEEP = 100_000;

    public record Entry(Instant at, String api, String operation, int status, String faultCode) {
    }

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long total;

    RequestLog(Clock clock) {
        this.clock = clock;
    }

    synchronized void record(String api, String operation, int status, String faultCode) {
        entries.addLast(new Entry(clock.instant(), api, operation, status, faultCode));
        if (entries.size() > KEEP) {
            entries.removeFirst();
        }
        counts.merge(operation, 1L, Long::sum);
        total++;
    }

    /** Requests for one operation, e.g. {@code "query"}, {@code "update"}, {@code "token"}, {@code "limits"}. */
    public synchronized long count(String operation) {
        return counts.getOrDefault(operation, 0L);
    }

    public synchronized Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public synchronized long total() {
        return total;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void reset() {
        entries.clear();
        counts.clear();
        total = 0;
    }
}
