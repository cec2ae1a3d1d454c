package io.leadsla.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a sales team is at work: a time zone, weekly opening hours, public holidays, extra closed
 * days and extra open days. Business time is real time (milliseconds) spent inside opening hours,
 * so it is exact across DST changes: an open day of 09:00–18:00 is 9 hours even on the night the
 * clocks change, and a range crossing the change counts the hours that really passed.
 *
 * <p>Precedence for a date: an extra open day (with its own hours) beats everything; then an
 * extra closed day or a public holiday closes it; otherwise the weekly hours apply.
 *
 * <p>Thread-safe. Each year's opening windows are computed once, on first use, and cached.
 * Arithmetic resolution is one millisecond (CRM timestamps carry no more).
 */
public final class BusinessCalendar {

    /** How far {@link #add} searches for open time before concluding the calendar never opens. */
    private static final int MAX_SEARCH_DAYS = 5 * 366;

    private final String name;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final WeeklyHours hours;
    private final HolidayRules holidays;
    private final Set<LocalDate> closedDays;
    private final Map<LocalDate, List<TimeRange>> openDays;
    private final ConcurrentHashMap<Integer, YearWindows> years = new ConcurrentHashMap<>();
    /** Last year used: most lookups hit the same year, and this saves the map lookup. */
    private volatile YearWindows lastYear;

    /** Opening windows of every day of one year, in epoch milliseconds: {@code [start0, end0, start1, end1, …]}. */
    private record YearWindows(long firstEpochDay, long[][] windows) {
        boolean covers(long epochDay) {
            return epochDay >= firstEpochDay && epochDay < firstEpochDay + windows.length;
        }
    }

    public BusinessCalendar(String name, ZoneId zone, WeeklyHours hours, HolidayRules holidays,
                            Set<LocalDate> closedDays, Map<LocalDate, List<TimeRange>> openDays) {
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = holidays == null ? HolidayRules.NONE : holidays;
        this.closedDays = Set.copyOf(closedDays == null ? Set.of() : closedDays);
        Map<LocalDate, List<TimeRange>> open = new java.util.HashMap<>();
        if (openDays != null) {
            openDays.forEach((date, ranges) -> {
                List<TimeRange> normalized = WeeklyHours.normalize(ranges, date.toString());
                if (normalized.isEmpty()) {
                    throw new IllegalArgumentException("extra open day " + date + " needs opening hours");
                }
                open.put(date, normalized);
            });
        }
        this.openDays = Map.copyOf(open);
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code start}. A start
     * outside opening hours begins counting at the next opening (a clock started on Saturday starts
     * on Monday morning); an amount that ends exactly at closing time ends at closing time.
     */
    public Instant add(Instant start, Duration amount) {
        long remaining = amount.toMillis();
        if (remaining < 0) {
            throw new IllegalArgumentException("business duration must not be negative: " + amount);
        }
        if (remaining == 0) {
            return start;
        }
        long t = start.toEpochMilli();
        long day = epochDayOf(t);
        for (int i = 0; i < MAX_SEARCH_DAYS; i++, day++) {
            long[] w = windowsOn(day);
            for (int k = 0; k < w.length; k += 2) {
                long end = w[k + 1];
                if (end <= t) {
                    continue;
                }
                long from = Math.max(w[k], t);
                long available = end - from;
                if (remaining <= available) {
                    return Instant.ofEpochMilli(from + remaining);
                }
                remaining -= available;
            }
        }
        throw new IllegalStateException("calendar '" + name + "' has no open time within "
                + MAX_SEARCH_DAYS + " days of " + start);
    }

    /** Business time inside opening hours between two instants; zero when {@code to} is not after {@code from}. */
    public Duration elapsed(Instant from, Instant to) {
        return Duration.ofMillis(elapsedMillis(from.toEpochMilli(), to.toEpochMilli()));
    }

    /** {@link #elapsed} in milliseconds, without allocating. */
    public long elapsedMillis(long from, long to) {
        if (to <= from) {
            return 0;
        }
        long total = 0;
        long last = epochDayOf(to);
        for (long day = epochDayOf(from); day <= last; day++) {
            long[] w = windowsOn(day);
            for (int k = 0; k < w.length; k += 2) {
                long lo = Math.max(w[k], from);
                long hi = Math.min(w[k + 1], to);
                if (hi > lo) {
                    total += hi - lo;
                }
            }
        }
        return total;
    }

    /** Whether the team is at work at that instant. */
    public boolean isOpen(Instant instant) {
        long t = instant.toEpochMilli();
        long[] w = windowsOn(epochDayOf(t));
        for (int k = 0; k < w.length; k += 2) {
            if (t >= w[k] && t < w[k + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The opening hours that apply on a local date (empty when closed). */
    public List<TimeRange> hoursOn(LocalDate date) {
        List<TimeRange> extra = openDays.get(date);
        if (extra != null) {
            return extra;
        }
        if (closedDays.contains(date) || holidays.holidaysIn(date.getYear()).contains(date)) {
            return List.of();
        }
        return hours.on(date.getDayOfWeek());
    }

    private long epochDayOf(long epochMilli) {
        int offsetSeconds = rules.isFixedOffset()
                ? rules.getOffset(Instant.EPOCH).getTotalSeconds()
                : rules.getOffset(Instant.ofEpochMilli(epochMilli)).getTotalSeconds();
        return Math.floorDiv(Math.floorDiv(epochMilli, 1000L) + offsetSeconds, 86_400L);
    }

    private long[] windowsOn(long epochDay) {
        YearWindows y = lastYear;
        if (y == null || !y.covers(epochDay)) {
            int year = LocalDate.ofEpochDay(epochDay).getYear();
            y = years.computeIfAbsent(year, this::computeYear);
            lastYear = y;
        }
        return y.windows[(int) (epochDay - y.firstEpochDay)];
    }

    private YearWindows computeYear(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        Set<LocalDate> yearHolidays = holidays.holidaysIn(year);
        long[][] windows = new long[days][];
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            List<TimeRange> ranges = openDays.get(date);
            if (ranges == null) {
                ranges = closedDays.contains(date) || yearHolidays.contains(date)
                        ? List.of() : hours.on(date.getDayOfWeek());
            }
            List<Long> bounds = new ArrayList<>(ranges.size() * 2);
            for (TimeRange r : ranges) {
                long s = toEpochMilli(date, r.startMinute());
                long e = toEpochMilli(date, r.endMinute());
                if (e > s) { // a range inside a DST gap vanishes
                    bounds.add(s);
                    bounds.add(e);
                }
            }
            windows[i] = bounds.stream().mapToLong(Long::longValue).toArray();
        }
        return new YearWindows(first.toEpochDay(), windows);
    }

    private long toEpochMilli(LocalDate date, int minuteOfDay) {
        LocalDateTime local = minuteOfDay == TimeRange.END_OF_DAY
                ? date.plusDays(1).atStartOfDay()
                : date.atTime(minuteOfDay / 60, minuteOfDay % 60);
        // a local time that does not exist (the spring-forward gap) is the moment the clocks jump,
        // so a range ending or starting in the gap counts only the time that really passed;
        // an ambiguous time (autumn) takes the earlier offset
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant().toEpochMilli();
        }
        return local.atZone(zone).toInstant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + name + ", " + zone + "]";
    }
}
