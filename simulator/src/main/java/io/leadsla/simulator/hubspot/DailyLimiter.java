package io.leadsla.simulator.hubspot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** HubSpot's daily request allowance, reset at midnight in the account's time zone. */
final class DailyLimiter {
    private final Clock clock;
    private final ZoneId zone;
    private final int max;
    private LocalDate day;
    private int used;

    DailyLimiter(Clock clock, ZoneId zone, int max) {
        this.clock = clock;
        this.zone = zone;
        this.max = max;
    }

    /** Returns the requests left after this one, or -1 if the day's allowance is spent. */
    synchronized int tryAcquire() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
        if (used >= max) {
            return -1;
        }
        used++;
        return max - used;
    }

    int max() {
        return max;
    }
}
