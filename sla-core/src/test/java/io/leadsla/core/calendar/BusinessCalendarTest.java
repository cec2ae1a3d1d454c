package io.leadsla.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private final BusinessCalendar paris = Calendars.paris();
    private final BusinessCalendar newYork = Calendars.newYork();

    private static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    private Instant paris(String local) {
        return at(local, "Europe/Paris");
    }

    @Test
    void skipsTheLunchBreak() {
        // Monday 11:00 + 4 business hours: 1h30 before lunch, 2h30 after -> 16:00
        assertThat(paris.add(paris("2026-11-23T11:00"), Duration.ofHours(4))).isEqualTo(paris("2026-11-23T16:00"));
        assertThat(paris.elapsed(paris("2026-11-23T11:00"), paris("2026-11-23T16:00"))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aClockStartedOnSaturdayStartsAtMondaysOpening() {
        Instant saturday = paris("2026-11-21T15:42");
        assertThat(paris.add(saturday, Duration.ofMinutes(5))).isEqualTo(paris("2026-11-23T09:05"));
        assertThat(paris.add(saturday, Duration.ofHours(4))).isEqualTo(paris("2026-11-23T14:00"));
        assertThat(paris.elapsed(saturday, paris("2026-11-23T09:00"))).isZero();
    }

    @Test
    void anAmountEndingAtClosingTimeEndsAtClosingTime() {
        assertThat(paris.add(paris("2026-11-23T17:00"), Duration.ofHours(1))).isEqualTo(paris("2026-11-23T18:00"));
        assertThat(paris.add(paris("2026-11-23T17:00"), Duration.ofMinutes(61))).isEqualTo(paris("2026-11-24T09:01"));
    }

    @Test
    void skipsHolidaysAndExtraClosedDays() {
        // Wed 23 Dec 17:00 + 4bh: 1h on Wednesday; 24 Dec closed by the office, 25 Dec a holiday; Mon 28th +3h
        Instant start = paris("2026-12-23T17:00");
        assertThat(paris.add(start, Duration.ofHours(4))).isEqualTo(paris("2026-12-28T12:00"));
        assertThat(paris.elapsed(start, paris("2026-12-28T12:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(paris.hoursOn(java.time.LocalDate.of(2026, 12, 25))).isEmpty();
        assertThat(paris.hoursOn(java.time.LocalDate.of(2026, 12, 24))).isEmpty();
    }

    @Test
    void extraOpenDayUsesItsOwnHours() {
        // Saturday 5 Dec 2026 opens 10:00-14:00
        assertThat(paris.add(paris("2026-12-05T08:00"), Duration.ofHours(3))).isEqualTo(paris("2026-12-05T13:00"));
        assertThat(paris.isOpen(paris("2026-12-05T13:59"))).isTrue();
        assertThat(paris.isOpen(paris("2026-12-05T14:00"))).isFalse();
    }

    @Test
    void dstSpringForwardDayIsOneHourShorterWhenOpenAllDay() {
        // 8 March 2026: New York springs forward at 02:00; the Sunday is open 00:00-24:00
        Instant sundayStart = at("2026-03-08T00:00", "America/New_York");
        Instant mondayStart = at("2026-03-09T00:00", "America/New_York");
        assertThat(newYork.elapsed(sundayStart, mondayStart)).isEqualTo(Duration.ofHours(23));
        assertThat(newYork.add(sundayStart, Duration.ofHours(23))).isEqualTo(mondayStart);
        // 01:30 + 1h of business time is 03:30 local, the 02:xx hour does not exist
        assertThat(newYork.add(at("2026-03-08T01:30", "America/New_York"), Duration.ofHours(1)))
                .isEqualTo(at("2026-03-08T03:30", "America/New_York"));
    }

    @Test
    void dstFallBackDayIsOneHourLongerWhenOpenAllDay() {
        Instant sundayStart = at("2026-11-01T00:00", "America/New_York");
        Instant mondayStart = at("2026-11-02T00:00", "America/New_York");
        assertThat(newYork.elapsed(sundayStart, mondayStart)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void weekdayHoursAreTheSameLengthAcrossADstWeekend() {
        // Friday 27 March 17:00 -> Monday 30 March 10:00 in Paris (DST on Sunday 29th): 1h + 1h
        assertThat(paris.elapsed(paris("2026-03-27T17:00"), paris("2026-03-30T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(paris.add(paris("2026-03-27T17:00"), Duration.ofHours(2))).isEqualTo(paris("2026-03-30T10:00"));
    }

    @Test
    void elapsedIsZeroWhenToIsNotAfterFrom() {
        Instant t = paris("2026-11-23T10:00");
        assertThat(paris.elapsed(t, t)).isZero();
        assertThat(paris.elapsed(t, t.minusSeconds(600))).isZero();
        assertThat(paris.add(t, Duration.ZERO)).isEqualTo(t);
    }

    @Test
    void refusesNegativeDurationsAndWeeksWithoutOpenHours() {
        assertThatThrownBy(() -> paris.add(Instant.EPOCH, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeeklyHours.of(Map.of()))
                .hasMessageContaining("at least one open hour");
        assertThatThrownBy(() -> WeeklyHours.of(Map.of(DayOfWeek.MONDAY,
                List.of(TimeRange.parse("09:00-13:00"), TimeRange.parse("12:00-18:00")))))
                .hasMessageContaining("overlap");
    }

    @Test
    void aCalendarClosedForYearsFailsClearlyInsteadOfLooping() {
        HolidayRules everyDay = year -> {
            Set<java.time.LocalDate> all = new java.util.HashSet<>();
            for (java.time.LocalDate d = java.time.LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                all.add(d);
            }
            return all;
        };
        BusinessCalendar never = new BusinessCalendar("never", ZoneId.of("UTC"),
                WeeklyHours.of(Calendars.weekdays("09:00-17:00")), everyDay, Set.of(), Map.of());
        assertThatThrownBy(() -> never.add(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no open time");
    }

    @Test
    void timeRangeSyntax() {
        assertThat(TimeRange.parse("09:00-12:30")).isEqualTo(new TimeRange(540, 750));
        assertThat(TimeRange.parse("13:30 - 24:00").endMinute()).isEqualTo(1440);
        assertThatThrownBy(() -> TimeRange.parse("9-12")).hasMessageContaining("09:00-12:30");
        assertThatThrownBy(() -> TimeRange.parse("18:00-09:00")).hasMessageContaining("run forward");
    }

    @Test
    void rangesEndingOrStartingInTheSpringGapCountOnlyRealTime() {
        BusinessCalendar nights = Calendars.newYorkNights();
        // 8 March 2026: 00:00-02:30 ends in the gap (02:00 EST jumps to 03:00 EDT): 2 real hours;
        // 02:45-06:00 starts in the gap: it opens at the jump, 03:00 EDT, for 3 hours
        Instant midnight = at("2026-03-08T00:00", "America/New_York");
        Instant six = at("2026-03-08T06:00", "America/New_York");
        assertThat(nights.elapsed(midnight, six)).isEqualTo(Duration.ofHours(5));
        assertThat(six.minusSeconds(5 * 3600)).isEqualTo(midnight);
        assertThat(nights.add(midnight, Duration.ofHours(5))).isEqualTo(six);
    }
}
