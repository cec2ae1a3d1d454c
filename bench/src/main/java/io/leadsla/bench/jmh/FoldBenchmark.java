package io.leadsla.bench.jmh;

import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Folding events into clocks on one thread, through the seed SLA (seven policies, two business
 * calendars with holidays). Score is events per second: each invocation folds {@value #LEADS}
 * leads of {@value #EVENTS_PER_LEAD} events, in shuffled arrival order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class FoldBenchmark {

    static final int LEADS = 10_000;
    static final int EVENTS_PER_LEAD = 8;
    private static final Instant QUARTER = Instant.parse("2026-07-01T06:00:00Z");

    private ClockEngine engine;
    private List<List<LeadEvent>> leads;
    private Instant now;

    @Setup
    public void setUp() {
        engine = new ClockEngine(SeedPolicies.load());
        Random random = new Random(42);
        leads = new ArrayList<>(LEADS);
        for (int i = 0; i < LEADS; i++) {
            leads.add(lead(random, i));
        }
        now = QUARTER.plusSeconds(100L * 86_400);
    }

    /** MQL, handoff, an automated e-mail, four attempts, a disposition: a typical worked lead. */
    private static List<LeadEvent> lead(Random random, int i) {
        String id = Integer.toString(5000 + i);
        Crm crm = i % 5 < 3 ? Crm.HUBSPOT : Crm.SALESFORCE;
        String objectType = crm == Crm.HUBSPOT ? "contact" : "lead";
        long t = QUARTER.getEpochSecond() + random.nextInt(90 * 86_400);
        String region = random.nextBoolean() ? "EMEA" : "NA";
        List<LeadEvent> events = new ArrayList<>(EVENTS_PER_LEAD);
        events.add(event(crm, objectType, id, EventType.MQL_QUALIFIED, t, Map.of("leadSource",
                random.nextInt(8) == 0 ? "Demo Request" : "Webinar", "score", Integer.toString(random.nextInt(100)),
                "budget", "yes", "need", "yes")));
        t += random.nextInt(7200);
        events.add(event(crm, objectType, id, EventType.HANDED_OFF, t, Map.of("ownerId", "rep" + random.nextInt(14),
                "ownerRegion", region)));
        events.add(event(crm, objectType, id, EventType.CONTACT_ATTEMPT, t + 5, Map.of("channel", "email", "automated", "true")));
        for (int a = 0; a < 4; a++) {
            t += random.nextInt(30 * 3600);
            events.add(event(crm, objectType, id, EventType.CONTACT_ATTEMPT, t, Map.of("channel", a % 2 == 0 ? "call" : "email")));
        }
        t += random.nextInt(3 * 86_400);
        events.add(random.nextInt(10) < 6
                ? event(crm, objectType, id, EventType.ACCEPTED, t, Map.of())
                : event(crm, objectType, id, EventType.REJECTED, t, random.nextBoolean() ? Map.of("reason", "Budget") : Map.of()));
        Collections.shuffle(events, random);
        return events;
    }

    private static LeadEvent event(Crm crm, String objectType, String id, EventType type, long epochSecond,
                                   Map<String, String> attributes) {
        return new LeadEvent(crm.id() + ":" + objectType + ":" + id + ":" + type + ":" + epochSecond, crm, objectType, id,
                type, Instant.ofEpochSecond(epochSecond), attributes);
    }

    @Benchmark
    @OperationsPerInvocation(LEADS * EVENTS_PER_LEAD)
    public void foldEvents(Blackhole blackhole) {
        for (List<LeadEvent> lead : leads) {
            LeadState state = engine.fold(lead, now);
            blackhole.consume(state);
        }
    }
}
