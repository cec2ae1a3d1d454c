package io.leadsla.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/**
 * Calendar arithmetic against its laws and against a naive model that steps minute by minute.
 * QuickTheories prints the falsifying values and its seed on failure; a fixed seed keeps CI stable.
 */
class BusinessCalendarProperties {

    private static final long SEED = 20261123L;
    /** 2025-01-01 .. 2028-01-01: several DST changes and holidays of each calendar. */
    private static final long FROM = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2028-01-01T00:00:00Z").toEpochMilli();

    static List<BusinessCalendar> calendars() {
        return List.of(Calendars.paris(), Calendars.newYork(), Calendars.lordHowe(), Calendars.newYorkNights());
    }

    private static Gen<Instant> instants() {
        return longs().between(FROM, TO).map(Instant::ofEpochMilli);
    }

    private static Gen<Duration> durations() {
        // up to 60 business hours, millisecond precision
        return longs().between(0, 60L * 3_600_000).map(Duration::ofMillis);
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void elapsedUndoesAdd(BusinessCalendar calendar) {
        qt().withFixedSeed(SEED).withExamples(3000).forAll(instants(), durations())
                .check((start, amount) -> calendar.elapsed(start, calendar.add(start, amount)).equals(amount));
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void addIsMonotonicInAmountAndStart(BusinessCalendar calendar) {
        qt().withFixedSeed(SEED).withExamples(2000).forAll(instants(), durations(), durations(), longs().between(0, 7L * 86_400_000))
                .check((start, a, b, shift) -> {
                    Duration small = a.compareTo(b) <= 0 ? a : b;
                    Duration large = a.compareTo(b) <= 0 ? b : a;
                    Instant later = start.plusMillis(shift);
                    return !calendar.add(start, small).isAfter(calendar.add(start, large))
                            && !calendar.add(start, small).isAfter(calendar.add(later, small));
                });
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void elapsedIsMonotonicAndAdditive(BusinessCalendar calendar) {
        qt().withFixedSeed(SEED).withExamples(2000).forAll(instants(), longs().between(0, 10L * 86_400_000),
                        longs().between(0, 10L * 86_400_000))
                .check((a, x, y) -> {
                    Instant b = a.plusMillis(x);
                    Instant c = b.plusMillis(y);
                    Duration ab = calendar.elapsed(a, b);
                    Duration bc = calendar.elapsed(b, c);
                    Duration ac = calendar.elapsed(a, c);
                    return ac.equals(ab.plus(bc)) && ab.compareTo(ac) <= 0 && ac.compareTo(Duration.between(a, c)) <= 0;
                });
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void agreesWithMinuteSteppingModel(BusinessCalendar calendar) {
        Gen<Instant> minuteStarts = longs().between(FROM / 60_000, TO / 60_000).map(m -> Instant.ofEpochMilli(m * 60_000));
        qt().withFixedSeed(SEED).withExamples(300).forAll(minuteStarts, integers().between(0, 2 * 24 * 60))
                .checkAssert((start, minutes) -> {
                    Instant modelEnd = NaiveModel.add(calendar, start, minutes);
                    assertThat(calendar.add(start, Duration.ofMinutes(minutes)))
                            .as("add(%s, %d min) on %s", start, minutes, calendar.name()).isEqualTo(modelEnd);
                    long span = Duration.between(start, modelEnd).toMinutes() + 600;
                    Instant to = start.plus(span, ChronoUnit.MINUTES);
                    assertThat(calendar.elapsed(start, to).toMinutes())
                            .as("elapsed(%s, %s) on %s", start, to, calendar.name())
                            .isEqualTo(NaiveModel.elapsedMinutes(calendar, start, to));
                });
    }

    /** The slow, obviously right model: look at every minute's local date and time. */
    static final class NaiveModel {
        static boolean openDuring(BusinessCalendar calendar, Instant minuteStart) {
            LocalDateTime local = LocalDateTime.ofInstant(minuteStart, calendar.zone());
            int minuteOfDay = local.getHour() * 60 + local.getMinute();
            for (TimeRange r : calendar.hoursOn(local.toLocalDate())) {
                if (minuteOfDay >= r.startMinute() && minuteOfDay < r.endMinute()) {
                    return true;
                }
            }
            return false;
        }

        static Instant add(BusinessCalendar calendar, Instant start, int minutes) {
            Instant t = start;
            int counted = 0;
            while (counted < minutes) {
                if (openDuring(calendar, t)) {
                    counted++;
                }
                t = t.plusSeconds(60);
            }
            return t;
        }

        static long elapsedMinutes(BusinessCalendar calendar, Instant from, Instant to) {
            long n = 0;
            for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
                if (openDuring(calendar, t)) {
                    n++;
                }
            }
            return n;
        }
    }
}
