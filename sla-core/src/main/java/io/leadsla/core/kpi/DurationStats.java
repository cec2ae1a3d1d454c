package io.leadsla.core.kpi;

import java.util.Arrays;

/**
 * Summary of a set of durations, in minutes (one decimal). Median is the middle value (mean of the
 * two middle ones for an even count); p90 is the nearest-rank 90th percentile. All {@code null}
 * when the set is empty.
 */
public record DurationStats(long count, Double medianMinutes, Double p90Minutes, Double meanMinutes) {

    public static final DurationStats EMPTY = new DurationStats(0, null, null, null);

    public static DurationStats ofMillis(long[] values, int size) {
        if (size == 0) {
            return EMPTY;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double median = size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2.0;
        long p90 = sorted[(int) Math.ceil(0.9 * size) - 1];
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new DurationStats(size, minutes(median), minutes(p90), minutes(sum / size));
    }

    private static Double minutes(double millis) {
        return Math.round(millis / 6_000.0) / 10.0;
    }
}
