package io.leadsla.connector.hubspot.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The portal's daily API calls as this process sees them: counted per day of the portal's time
 * zone (HubSpot resets at its midnight), corrected by HubSpot's own daily-remaining header when
 * it sends one (private apps; not on OAuth calls), and marked spent on a DAILY 429.
 */
public final class DailyBudget {

    private final long limit;
    private final double warnShare;
    private final ZoneId zone;
    private final Clock clock;
    private LocalDate day;
    private long used;
    private boolean exhausted;

    public DailyBudget(long limit, double warnShare, ZoneId zone, Clock clock) {
        this.limit = limit;
        this.warnShare = warnShare;
        this.zone = zone;
        this.clock = clock;
        this.day = today();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private void roll() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            used = 0;
            exhausted = false;
        }
    }

    synchronized void called() {
        roll();
        used++;
    }

    /** HubSpot said how many calls are left today: trust it over our own count. */
    synchronized void remainingReported(long remaining) {
        roll();
        used = Math.max(0, limit - remaining);
    }

    synchronized void exhausted() {
        roll();
        exhausted = true;
        used = Math.max(used, limit);
    }

    public synchronized long used() {
        roll();
        return used;
    }

    public long limit() {
        return limit;
    }

    /** Whether today's calls passed the warning share of the limit (a health warning). */
    public synchronized boolean nearLimit() {
        roll();
        return exhausted || used >= (long) (limit * warnShare);
    }

    /** Whether HubSpot refused calls for the rest of the day. */
    public synchronized boolean isExhausted() {
        roll();
        return exhausted;
    }
}
