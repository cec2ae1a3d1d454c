package io.leadsla.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.calendar.BusinessCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AcceleratedClockTest {

    private static final Instant START = Instant.parse("2026-11-24T07:50:00Z");
    private static final BusinessCalendar EMEA = new PolicyLoader().load(Path.of("..", "config", "policies.yml"))
            .calendar("emea");

    @Test
    void standsStillUntilStartedThenRunsSpeedTimesFasterThanRealTime() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        AcceleratedClock clock = new AcceleratedClock(START, 360, nanos::get);
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(clock.instant()).as("frozen while the demo boots").isEqualTo(START);
        assertThat(clock.started()).isFalse();

        clock.start();
        assertThat(clock.instant()).isEqualTo(START);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(6)));
        nanos.addAndGet(Duration.ofMillis(2_500).toNanos());
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(21)));
        assertThat(clock.realElapsed()).isEqualTo(Duration.ofMillis(3_500));

        clock.start(); // a second start changes nothing
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(21)));
        assertThat(clock.millis()).isEqualTo(START.plus(Duration.ofMinutes(21)).toEpochMilli());
    }

    @Test
    void neverGoesBackEvenIfTheTimeSourceDoes() {
        AtomicLong nanos = new AtomicLong(0);
        AcceleratedClock clock = new AcceleratedClock(START, 1_000, nanos::get);
        clock.start();
        nanos.set(2_000_000);
        Instant later = clock.instant();
        nanos.set(1_000_000); // a source stepping back (System.nanoTime does not; the clock must hold anyway)
        assertThat(clock.instant()).isEqualTo(later);
        nanos.set(3_000_000);
        assertThat(clock.instant()).isAfter(later);
    }

    @Test
    void onTheRealTimeSourceItMovesAtTheGivenSpeedAndMonotonically() {
        AcceleratedClock clock = new AcceleratedClock(START, 600);
        clock.start();
        Instant previous = clock.instant();
        for (int i = 0; i < 10_000; i++) {
            Instant now = clock.instant();
            assertThat(now).isAfterOrEqualTo(previous);
            previous = now;
        }
        // a simulated minute is 100 real milliseconds
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.instant().isAfter(START.plus(Duration.ofMinutes(1))));
        Duration real = clock.realElapsed();
        assertThat(Duration.between(START, clock.instant())).isGreaterThanOrEqualTo(real.multipliedBy(600));
    }

    @Test
    void aZonedViewShowsTheSameMovingTime() {
        AtomicLong nanos = new AtomicLong(0);
        AcceleratedClock clock = new AcceleratedClock(START, 360, nanos::get);
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.start();
        nanos.set(Duration.ofSeconds(10).toNanos());
        assertThat(paris.instant()).isEqualTo(clock.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void convertsBetweenRealAndSimulatedDurations() {
        AcceleratedClock clock = new AcceleratedClock(START, 360);
        assertThat(clock.realTimeOf(Duration.ofHours(4))).isEqualTo(Duration.ofSeconds(40));
        assertThat(clock.realTimeOf(Duration.ofMinutes(5))).isEqualTo(Duration.ofMillis(833).plusNanos(333_333));
        assertThat(clock.simulatedTimeOf(Duration.ofSeconds(30))).isEqualTo(Duration.ofHours(3));
        assertThatThrownBy(() -> new AcceleratedClock(START, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoStartsTenMinutesBeforeTheNextOpeningOfAWorkingDay() {
        Duration before = Duration.ofMinutes(10);
        // Tuesday 07:00 in Paris: today, 08:50 Paris
        assertThat(AcceleratedClock.beforeNextOpening(EMEA, Instant.parse("2026-11-24T06:00:00Z"), before))
                .isEqualTo(Instant.parse("2026-11-24T07:50:00Z"));
        // Tuesday 10:00: tomorrow
        assertThat(AcceleratedClock.beforeNextOpening(EMEA, Instant.parse("2026-11-24T09:00:00Z"), before))
                .isEqualTo(Instant.parse("2026-11-25T07:50:00Z"));
        // Friday noon: Monday
        assertThat(AcceleratedClock.beforeNextOpening(EMEA, Instant.parse("2026-11-27T11:00:00Z"), before))
                .isEqualTo(Instant.parse("2026-11-30T07:50:00Z"));
        // Wednesday 23 December: the office is closed on the 24th, the 25th is Christmas, then the weekend
        assertThat(AcceleratedClock.beforeNextOpening(EMEA, Instant.parse("2026-12-23T11:00:00Z"), before))
                .isEqualTo(Instant.parse("2026-12-28T07:50:00Z"));
        // summer time: 08:50 in Paris is 06:50 UTC
        assertThat(AcceleratedClock.beforeNextOpening(EMEA, Instant.parse("2026-07-01T03:00:00Z"), before))
                .isEqualTo(Instant.parse("2026-07-01T06:50:00Z"));
    }
}
