package io.leadsla.connector.poll;

import java.time.Duration;
import java.time.Instant;

/** Where an incremental poll on a modification time resumes. */
public final class PollWindow {

    private PollWindow() {
    }

    /**
     * The next poll's start, never before {@code from}: after a complete read, {@code overlap}
     * before the last change seen (the CRM's index or commits lag its writes, so recent changes are
     * read again and the pipeline drops what it has); after a partial read, at the last change seen,
     * so the window moves on — or a millisecond later when the whole read shared {@code from}'s
     * stamp, the only way on.
     */
    public static Instant next(Instant from, Instant lastChange, boolean complete, Duration overlap) {
        if (complete) {
            Instant behind = lastChange.minus(overlap);
            return behind.isAfter(from) ? behind : from;
        }
        return lastChange.isAfter(from) ? lastChange : from.plusMillis(1);
    }
}
