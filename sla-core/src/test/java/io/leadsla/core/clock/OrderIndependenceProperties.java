package io.leadsla.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clocks are a pure function of the set of events and "now": any arrival order and any repetition
 * of an eventId give the same state. Seeded random histories; the failing seed is in the message.
 */
class OrderIndependenceProperties {

    private static final ClockEngine ENGINE = new ClockEngine(TestSla.policies(false));
    private static final ClockEngine RESTARTING = new ClockEngine(TestSla.policies(true));
    private static final Instant ORIGIN = TestSla.paris("2026-11-20T07:00");
    private static final EventType[] TYPES = EventType.values();

    static LongStream seeds() {
        return LongStream.range(0, 400).map(i -> 0x5EEDL * 31 + i);
    }

    /** A random but lifecycle-shaped history: many MQLs, handoffs and attempts, some noise, ties in time. */
    static List<LeadEvent> history(Random random) {
        // (MQLs, dispositions, reasons and attribute changes often share an instant: see the 1-in-4 zero gaps)
        TestSla.History h = new TestSla.History(Crm.SALESFORCE, "00Q" + random.nextInt(1000));
        int n = 1 + random.nextInt(25);
        long minute = 0;
        for (int i = 0; i < n; i++) {
            minute += random.nextInt(4) == 0 ? 0 : random.nextInt(600); // equal timestamps are common
            EventType type = random.nextInt(3) == 0 ? EventType.CONTACT_ATTEMPT : TYPES[random.nextInt(TYPES.length)];
            Instant at = ORIGIN.plusSeconds(minute * 60);
            switch (type) {
                case CONTACT_ATTEMPT -> h.add(type, at, "channel", random.nextBoolean() ? "call" : "email",
                        "automated", random.nextInt(5) == 0 ? "true" : "false");
                case HANDED_OFF, OWNER_CHANGED -> h.add(type, at, "ownerId", "" + random.nextInt(3),
                        "ownerRegion", random.nextBoolean() ? "EMEA" : "NA");
                case REJECTED -> h.add(type, at, random.nextBoolean() ? new String[] {"reason", "Budget"} : new String[0]);
                case MQL_QUALIFIED -> h.add(type, at, "score", "" + random.nextInt(100), "budget", "x");
                case ATTRIBUTES_CHANGED -> h.add(type, at, random.nextBoolean() ? "reason" : "need", "y");
                default -> h.add(type, at);
            }
        }
        List<LeadEvent> events = new ArrayList<>(h.events());
        // the same eventId delivered twice with different snapshots (webhook vs poll)
        int variants = random.nextInt(3);
        for (int v = 0; v < variants && !events.isEmpty(); v++) {
            LeadEvent original = events.get(random.nextInt(events.size()));
            java.util.Map<String, String> other = new java.util.HashMap<>(original.attributes());
            other.put(random.nextBoolean() ? "ownerId" : "reason", "v" + random.nextInt(3));
            events.add(new LeadEvent(original.eventId(), original.crm(), original.objectType(), original.recordId(),
                    original.type(), original.occurredAt(), other));
        }
        return events;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyArrivalOrderAndRepetitionGiveTheSameClocks(long seed) {
        Random random = new Random(seed);
        List<LeadEvent> events = history(random);
        Instant last = events.stream().map(LeadEvent::occurredAt).max(Instant::compareTo).orElseThrow();
        List<Instant> nows = List.of(last, last.plusSeconds(3600), last.plusSeconds(86_400 * 12),
                ORIGIN.plusSeconds(random.nextInt(60 * 24 * 4) * 60L));
        for (ClockEngine engine : List.of(ENGINE, RESTARTING)) {
            for (Instant now : nows) {
                LeadState expected = engine.fold(events, now);
                for (int round = 0; round < 4; round++) {
                    List<LeadEvent> arrived = new ArrayList<>(events);
                    int repeats = random.nextInt(events.size() + 1);
                    for (int r = 0; r < repeats; r++) {
                        arrived.add(events.get(random.nextInt(events.size())));
                    }
                    Collections.shuffle(arrived, random);
                    assertThat(engine.fold(arrived, now)).as("seed %d, now %s, round %d", seed, now, round)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void nextChangeIsWhenTheStateReallyChanges(long seed) {
        List<LeadEvent> events = history(new Random(seed));
        Instant now = events.stream().map(LeadEvent::occurredAt).max(Instant::compareTo).orElseThrow();
        LeadState state = ENGINE.fold(events, now);
        if (state.nextChangeAt() == null) {
            // nothing pending: a day later, no open clock changed status
            LeadState later = ENGINE.fold(events, now.plusSeconds(86_400 * 30));
            assertThat(statuses(later)).as("seed %d", seed).isEqualTo(statuses(state));
            return;
        }
        Instant next = state.nextChangeAt();
        assertThat(next).as("seed %d", seed).isAfter(now);
        assertThat(statuses(ENGINE.fold(events, next.minusMillis(1)))).as("seed %d: just before", seed)
                .isEqualTo(statuses(state));
        assertThat(statuses(ENGINE.fold(events, next))).as("seed %d: at the change", seed)
                .isNotEqualTo(statuses(state));
    }

    private static List<ClockStatus> statuses(LeadState state) {
        return state.clocks().stream().map(SlaClock::status).toList();
    }
}
