package io.leadsla.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * A sales region: where its reps sit, their office hours and public holidays, and the
 * business-time arithmetic the simulated reps work in. Reps only act inside these hours, so the
 * sample exercises exactly what the SLA calendars must handle: nights, weekends and holidays
 * between a lead's arrival and its first touch.
 *
 * <p>Holidays are computed from rules rather than listed, so any quarter gets plausible ones.
 * EMEA reps sit in Paris: the French holidays on fixed dates (the Easter-based ones are left out;
 * Q3, the default quarter, has none). NA reps sit in New York: the US federal holidays that
 * close sales offices, on their observed dates (a Saturday holiday is taken on the Friday, a
 * Sunday one on the Monday: 4 July 2026 is a Saturday, so 3 July is off).
 *
 * <p>Deliberately independent of sla-core's {@code BusinessCalendar}: the sample data tests that
 * code, so it must not share its arithmetic (and its bugs).
 */
enum Region {
    EMEA(ZoneId.of("Europe/Paris"), LocalTime.of(9, 0), LocalTime.of(18, 0),
            List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
                    MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25))),
    NA(ZoneId.of("America/New_York"), LocalTime.of(8, 0), LocalTime.of(17, 0),
            List.of(MonthDay.of(1, 1), MonthDay.of(7, 4), MonthDay.of(12, 25)));

    private final ZoneId zone;
    private final LocalTime open;
    private final LocalTime close;
    private final List<MonthDay> fixedHolidays;

    Region(ZoneId zone, LocalTime open, LocalTime close, List<MonthDay> fixedHolidays) {
        this.zone = zone;
        this.open = open;
        this.close = close;
        this.fixedHolidays = fixedHolidays;
    }

    ZoneId zone() {
        return zone;
    }

    boolean isHoliday(LocalDate date) {
        if (this == EMEA) {
            return fixedHolidays.contains(MonthDay.from(date));
        }
        int year = date.getYear();
        // only the months that hold a US holiday: this runs for every day a rep's work crosses
        return switch (date.getMonth()) {
            case JANUARY, JULY, DECEMBER -> fixedHolidays.stream().anyMatch(h ->
                    // 1 January on a Saturday is observed on 31 December of the year before
                    observed(h.atYear(year)).equals(date) || observed(h.atYear(year + 1)).equals(date));
            case MAY -> date.equals(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            case SEPTEMBER -> date.equals(LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
            case NOVEMBER -> date.equals(LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)));
            default -> false;
        };
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** True when a rep of this region is at work at that instant. */
    boolean isWorkingTime(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalTime time = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !time.isBefore(open) && time.isBefore(close);
    }

    /**
     * The instant {@code seconds} of office time after {@code start}. Zero seconds gives the next
     * moment the office is open (or {@code start} itself when it is). The result is always inside
     * office hours, never at closing time itself: a rep does not log a call at 18:00:00 sharp.
     */
    Instant plusWorkingSeconds(Instant start, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative duration: " + seconds);
        }
        LocalDateTime t = LocalDateTime.ofInstant(start, zone);
        long left = seconds;
        while (true) {
            LocalDate day = t.toLocalDate();
            if (!isWorkingDay(day) || !t.toLocalTime().isBefore(close)) {
                t = nextWorkingDay(day).atTime(open);
                continue;
            }
            if (t.toLocalTime().isBefore(open)) {
                t = day.atTime(open);
            }
            long untilClose = close.toSecondOfDay() - t.toLocalTime().toSecondOfDay();
            if (left < untilClose) {
                // office hours never straddle a DST change (those happen at night), so local
                // arithmetic is exact here
                return t.plusSeconds(left).atZone(zone).toInstant();
            }
            left -= untilClose;
            t = nextWorkingDay(day).atTime(open);
        }
    }

    /** Length of one working day, in seconds: the unit the rep delays are expressed in. */
    long workingDaySeconds() {
        return close.toSecondOfDay() - open.toSecondOfDay();
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
