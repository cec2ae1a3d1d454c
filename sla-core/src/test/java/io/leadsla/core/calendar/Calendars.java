package io.leadsla.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars shared by the core's tests. */
final class Calendars {

    private Calendars() {
    }

    static Map<DayOfWeek, List<TimeRange>> weekdays(String... ranges) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        List<TimeRange> parsed = Arrays.stream(ranges).map(TimeRange::parse).toList();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                hours.put(d, parsed);
            }
        }
        return hours;
    }

    /** Paris office: 09:00–12:30 and 13:30–18:00 on weekdays, Christmas and New Year closed. */
    static BusinessCalendar paris() {
        HolidayRules holidays = year -> Set.of(LocalDate.of(year, 12, 25), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 5, 1));
        return new BusinessCalendar("fr", ZoneId.of("Europe/Paris"), WeeklyHours.of(weekdays("09:00-12:30", "13:30-18:00")),
                holidays, Set.of(LocalDate.of(2026, 12, 24)), Map.of(LocalDate.of(2026, 12, 5), List.of(TimeRange.parse("10:00-14:00"))));
    }

    /** New York: 08:00–20:00 weekdays and a 24-hour Sunday, so DST nights are inside opening hours. */
    static BusinessCalendar newYork() {
        Map<DayOfWeek, List<TimeRange>> hours = weekdays("08:00-20:00");
        hours.put(DayOfWeek.SUNDAY, List.of(TimeRange.parse("00:00-24:00")));
        return new BusinessCalendar("us", ZoneId.of("America/New_York"), WeeklyHours.of(hours),
                year -> Set.of(LocalDate.of(year, 7, 3), LocalDate.of(year, 11, 26)), Set.of(), Map.of());
    }

    /** Lord Howe Island: a 30-minute DST shift and odd hours. */
    static BusinessCalendar lordHowe() {
        Map<DayOfWeek, List<TimeRange>> hours = weekdays("07:15-11:45", "12:10-19:50");
        hours.put(DayOfWeek.SATURDAY, List.of(TimeRange.parse("00:00-24:00")));
        return new BusinessCalendar("lh", ZoneId.of("Australia/Lord_Howe"), WeeklyHours.of(hours), HolidayRules.NONE,
                Set.of(), Map.of());
    }

    /**
     * New York, open around the spring-forward gap every day (02:00-03:00 does not exist on the
     * second Sunday of March): ranges end and start inside the gap. No boundary falls in the
     * repeated autumn hour (01:00-02:00), where a local time names two instants.
     */
    static BusinessCalendar newYorkNights() {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(TimeRange.parse("00:00-02:30"), TimeRange.parse("02:45-06:00"), TimeRange.parse("22:00-24:00")));
        }
        return new BusinessCalendar("ny-nights", ZoneId.of("America/New_York"), WeeklyHours.of(hours), HolidayRules.NONE,
                Set.of(), Map.of());
    }
}
