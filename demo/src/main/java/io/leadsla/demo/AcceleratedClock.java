package io.leadsla.demo;

import io.leadsla.core.calendar.BusinessCalendar;
import io.leadsla.core.calendar.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The demo's time: simulated time that starts at a chosen instant and runs {@code speed} times
 * faster than real time, shared by the simulators, the traffic and leadsla itself. It stands still
 * until {@link #start()} (while the demo boots), so that the demo begins at its start instant;
 * afterwards it follows {@link System#nanoTime()}, so it never goes back, whatever the wall clock
 * does, and never repeats an instant across threads read in order.
 */
public final class AcceleratedClock extends Clock {

    /** Real nanoseconds not yet started. */
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final Instant start;
    private final long speed;
    private final LongSupplier nanoTime;
    private final ZoneId zone;
    private final AtomicLong startedAtNanos;
    /** The latest simulated epoch nanosecond handed out: keeps readings monotonic across threads. */
    private final AtomicLong lastNanos;

    /**
     * @param start where simulated time begins
     * @param speed how many simulated seconds pass per real second (1 or more)
     */
    public AcceleratedClock(Instant start, long speed) {
        this(start, speed, System::nanoTime);
    }

    AcceleratedClock(Instant start, long speed, LongSupplier nanoTime) {
        this(start, speed, nanoTime, ZoneOffset.UTC, new AtomicLong(NOT_STARTED), new AtomicLong(Long.MIN_VALUE));
        if (speed < 1) {
            throw new IllegalArgumentException("the speed factor must be at least 1, not " + speed);
        }
    }

    private AcceleratedClock(Instant start, long speed, LongSupplier nanoTime, ZoneId zone, AtomicLong startedAtNanos,
                             AtomicLong lastNanos) {
        this.start = Objects.requireNonNull(start, "start");
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.startedAtNanos = startedAtNanos;
        this.lastNanos = lastNanos;
    }

    /** Time starts moving (once; later calls change nothing). */
    public void start() {
        startedAtNanos.compareAndSet(NOT_STARTED, nanoTime.getAsLong());
    }

    public boolean started() {
        return startedAtNanos.get() != NOT_STARTED;
    }

    public long speed() {
        return speed;
    }

    /** The simulated instant the demo began at. */
    public Instant startInstant() {
        return start;
    }

    /** How much real time a simulated duration takes. */
    public Duration realTimeOf(Duration simulated) {
        return simulated.dividedBy(speed);
    }

    /** How much simulated time passes in a real duration. */
    public Duration simulatedTimeOf(Duration real) {
        return real.multipliedBy(speed);
    }

    /** Real time elapsed since {@link #start()} (zero before). */
    public Duration realElapsed() {
        long began = startedAtNanos.get();
        return began == NOT_STARTED ? Duration.ZERO : Duration.ofNanos(nanoTime.getAsLong() - began);
    }

    @Override
    public Instant instant() {
        Instant now = start.plus(realElapsed().multipliedBy(speed));
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long last = lastNanos.accumulateAndGet(nanos, Math::max);
        return last == nanos ? now : Instant.ofEpochSecond(0, last);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time seen in another zone (it moves together with this clock). */
    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new AcceleratedClock(start, speed, nanoTime, other, startedAtNanos, lastNanos);
    }

    /**
     * Where a demo starting at real time {@code now} begins: {@code before} ahead of the first
     * opening of {@code calendar} on a working day, on the first such day whose start is still
     * ahead of {@code now} (e.g. the next weekday 08:50 for a calendar opening at 09:00). Days the
     * calendar is closed (weekends, holidays, closed days) are skipped.
     */
    public static Instant beforeNextOpening(BusinessCalendar calendar, Instant now, Duration before) {
        LocalDate day = LocalDate.ofInstant(now, calendar.zone());
        for (int i = 0; i < 366; i++, day = day.plusDays(1)) {
            List<TimeRange> hours = calendar.hoursOn(day);
            if (hours.isEmpty()) {
                continue;
            }
            Instant opening = day.atTime(LocalTime.ofSecondOfDay(hours.get(0).startMinute() * 60L)).atZone(calendar.zone())
                    .toInstant();
            Instant begin = opening.minus(before);
            if (begin.isAfter(now)) {
                return begin;
            }
        }
        throw new IllegalArgumentException("calendar '" + calendar.name() + "' is not open on any day of the coming year");
    }

    @Override
    public String toString() {
        return "AcceleratedClock[" + speed + "x from " + start + "]";
    }
}
