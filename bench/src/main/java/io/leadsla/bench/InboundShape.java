package io.leadsla.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * When leads arrive, and so when MQLs do: a weight for every hour of the quarter, per market, from
 * the local clock of the people filling in the forms. Most arrive on weekdays between 08:00 and 19:00 local time
 * with a late-morning and a mid-afternoon peak; nights and weekends get a thin but real trickle
 * (marketing automation qualifies leads at 03:00 too, which is what SLA calendars are for). Public
 * holidays are quiet, and European August is slower (summer holidays).
 *
 * <p>Sampling picks an hour by its cumulative weight (binary search) and a uniform second in it,
 * so it is exact for any quarter and costs no retries. Immutable once built; thread-safe.
 */
final class InboundShape {

    /** Relative inbound per local hour of a working day: business hours dominate. */
    private static final double[] HOUR_WEIGHT = {
        0.05, 0.04, 0.03, 0.03, 0.04, 0.06, 0.12, 0.30,   // 00-07: nights, early birds
        0.75, 1.00, 1.15, 1.15, 0.80, 0.90, 1.10, 1.10,   // 08-15: the working day, lunch dip
        1.00, 0.80, 0.60, 0.35, 0.28, 0.22, 0.15, 0.09};  // 16-23: evening tail
    private static final double SATURDAY = 0.30;
    private static final double SUNDAY = 0.25;
    private static final double HOLIDAY = 0.40;
    private static final double EUROPEAN_AUGUST = 0.70;

    private final Instant start;
    private final Instant end;
    /** Per market: cumulative[h] = total weight of hours before hour h; length hours + 1. */
    private final Map<Market, double[]> cumulative;

    /** @param start first instant of the quarter; @param end first instant after it (both whole hours) */
    InboundShape(Instant start, Instant end) {
        this.start = start;
        this.end = end;
        int hours = (int) ((end.getEpochSecond() - start.getEpochSecond() + 3599) / 3600);
        Map<Market, double[]> byMarket = new HashMap<>();
        for (Market market : Market.ALL) {
            double[] cum = new double[hours + 1];
            for (int h = 0; h < hours; h++) {
                LocalDateTime local = LocalDateTime.ofInstant(start.plusSeconds(h * 3600L), market.zone());
                cum[h + 1] = cum[h] + weight(market, local);
            }
            byMarket.put(market, cum);
        }
        this.cumulative = Map.copyOf(byMarket);
    }

    private static double weight(Market market, LocalDateTime local) {
        double w = HOUR_WEIGHT[local.getHour()];
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY) {
            w *= SATURDAY;
        } else if (day == DayOfWeek.SUNDAY) {
            w *= SUNDAY;
        } else if (market.region().isHoliday(local.toLocalDate())) {
            w *= HOLIDAY;
        }
        if (market.region() == Region.EMEA && local.getMonth() == Month.AUGUST) {
            w *= EUROPEAN_AUGUST;
        }
        return w;
    }

    /** An MQL time anywhere in the quarter. */
    Instant sample(SplittableRandom rng, Market market) {
        return sample(rng, market, start, end);
    }

    /**
     * An MQL time in {@code [from, to)} (clipped to the quarter), following the shape; or
     * {@code null} when that window is empty.
     */
    Instant sample(SplittableRandom rng, Market market, Instant from, Instant to) {
        long lo = Math.max(from.getEpochSecond(), start.getEpochSecond());
        long hi = Math.min(to.getEpochSecond(), end.getEpochSecond());
        if (lo >= hi) {
            return null;
        }
        double[] cum = cumulative.get(market);
        long s0 = start.getEpochSecond();
        int hLo = (int) ((lo - s0) / 3600);
        int hHi = (int) ((hi - s0 + 3599) / 3600);
        // the first and last hours may be cut by the window: draw again when the second falls
        // outside (rare, the window is usually weeks long); give up to a uniform draw after a few
        for (int tries = 0; tries < 8; tries++) {
            double u = cum[hLo] + rng.nextDouble() * (cum[hHi] - cum[hLo]);
            int h = hourAt(cum, u, hLo, hHi);
            long second = s0 + h * 3600L + rng.nextInt(3600);
            if (second >= lo && second < hi) {
                return Instant.ofEpochSecond(second);
            }
        }
        return Instant.ofEpochSecond(lo + rng.nextLong(hi - lo));
    }

    /** The hour h in [lo, hi) with cum[h] <= u < cum[h + 1]. */
    private static int hourAt(double[] cum, double u, int lo, int hi) {
        int a = lo;
        int b = hi - 1;
        while (a < b) {
            int mid = (a + b + 1) >>> 1;
            if (cum[mid] <= u) {
                a = mid;
            } else {
                b = mid - 1;
            }
        }
        return a;
    }
}
