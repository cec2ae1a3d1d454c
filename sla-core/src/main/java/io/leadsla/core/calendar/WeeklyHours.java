package io.leadsla.core.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Opening hours per day of the week, several ranges per day, sorted and not overlapping. */
public final class WeeklyHours {

    private final Map<DayOfWeek, List<TimeRange>> byDay;

    private WeeklyHours(Map<DayOfWeek, List<TimeRange>> byDay) {
        this.byDay = byDay;
    }

    /**
     * @throws IllegalArgumentException if ranges of one day overlap or the week has no open hour
     */
    public static WeeklyHours of(Map<DayOfWeek, List<TimeRange>> hours) {
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        boolean anyOpen = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = normalize(hours.getOrDefault(day, List.of()), day.toString());
            copy.put(day, ranges);
            anyOpen |= !ranges.isEmpty();
        }
        if (!anyOpen) {
            throw new IllegalArgumentException("a business calendar needs at least one open hour in the week");
        }
        return new WeeklyHours(Collections.unmodifiableMap(copy));
    }

    /** Sorts the ranges and refuses overlaps; touching ranges are merged. */
    public static List<TimeRange> normalize(List<TimeRange> ranges, String where) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        Collections.sort(sorted);
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange r : sorted) {
            if (!merged.isEmpty()) {
                TimeRange last = merged.get(merged.size() - 1);
                if (r.startMinute() < last.endMinute()) {
                    throw new IllegalArgumentException("opening hours overlap on " + where + ": " + last + " and " + r);
                }
                if (r.startMinute() == last.endMinute()) {
                    merged.set(merged.size() - 1, new TimeRange(last.startMinute(), r.endMinute()));
                    continue;
                }
            }
            merged.add(r);
        }
        return List.copyOf(merged);
    }

    public List<TimeRange> on(DayOfWeek day) {
        return byDay.get(day);
    }

    @Override
    public String toString() {
        return byDay.toString();
    }
}
