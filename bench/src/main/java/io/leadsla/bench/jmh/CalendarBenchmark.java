package io.leadsla.bench.jmh;

import io.leadsla.core.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Business-calendar arithmetic on the seed EMEA calendar (split days, French holidays, DST). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CalendarBenchmark {

    private static final int N = 4096;
    private BusinessCalendar calendar;
    private Instant[] starts;
    private Instant[] ends;
    private int i;

    @Setup
    public void setUp() {
        calendar = SeedPolicies.load().calendar("emea");
        Random random = new Random(7);
        starts = new Instant[N];
        ends = new Instant[N];
        long base = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        for (int k = 0; k < N; k++) {
            starts[k] = Instant.ofEpochSecond(base + random.nextInt(365 * 86_400));
            ends[k] = starts[k].plusSeconds(random.nextInt(5 * 86_400));
        }
    }

    @Benchmark
    public Instant addFourBusinessHours() {
        return calendar.add(starts[i++ & (N - 1)], Duration.ofHours(4));
    }

    @Benchmark
    public Instant addTenBusinessDaysOfHours() {
        return calendar.add(starts[i++ & (N - 1)], Duration.ofHours(80));
    }

    @Benchmark
    public long elapsedUpToFiveDays() {
        int k = i++ & (N - 1);
        return calendar.elapsedMillis(starts[k].toEpochMilli(), ends[k].toEpochMilli());
    }
}
