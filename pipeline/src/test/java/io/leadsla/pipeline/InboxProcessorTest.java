package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreBackends;
import io.leadsla.store.MutableClock;
import io.leadsla.store.InboxItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.connector.event.LeadEventsNormalizer;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The inbox → events step, on both back-ends. */
class InboxProcessorTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");
    private static final LeadEventsNormalizer NORMALIZER = new LeadEventsNormalizer();

    private final MutableClock clock = new MutableClock(MONDAY_9);

    private static List<LeadEvent> lead(String id) {
        return List.of(
                new LeadEvent("mql-" + id, Crm.HUBSPOT, "contact", id, EventType.MQL_QUALIFIED, MONDAY_9, Map.of("score", "95")),
                new LeadEvent("handoff-" + id, Crm.HUBSPOT, "contact", id, EventType.HANDED_OFF, MONDAY_9.plusSeconds(60),
                        Map.of("ownerId", "77", "ownerRegion", "EMEA")));
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void normalizesItemsIntoEventsOnceAndSetsAsideWhatItCannotRead(Backend backend) {
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        store.inbox().append(LeadEventsNormalizer.SOURCE, "batch-1", MONDAY_9, NORMALIZER.body(lead("1")));
        // HubSpot-style redelivery of the same events in another batch: stored once
        store.inbox().append(LeadEventsNormalizer.SOURCE, "batch-2", MONDAY_9, NORMALIZER.body(
                List.of(lead("1").get(1), lead("2").get(0), lead("2").get(1))));
        store.inbox().append(LeadEventsNormalizer.SOURCE, "batch-3", MONDAY_9,
                NORMALIZER.body(lead("3")) + "{\"eventId\": \"broken\"\n");
        store.inbox().append("salesforce-outbound", "msg-1", MONDAY_9, "<soapenv:Envelope/>");

        InboxProcessor processor = new InboxProcessor(store, List.of(NORMALIZER), clock);
        InboxProcessor.Round round = processor.processPending(10);

        assertThat(round.items()).as("the Outbound Message waits for an instance that reads it").isEqualTo(3);
        assertThat(round.setAside()).isEqualTo(1);
        assertThat(round.newEvents()).as("4 distinct events of leads 1 and 2; none of the broken batch").isEqualTo(4);
        assertThat(store.events().count()).isEqualTo(4);
        assertThat(store.leads().stale(10)).extracting(r -> r.lead().recordId()).containsExactlyInAnyOrder("1", "2");
        assertThat(store.inbox().pending(10)).extracting(InboxItem::dedupKey).containsExactly("msg-1");
        assertThat(store.inbox().setAside(10)).extracting(s -> s.item().dedupKey() + ": " + s.error()).containsExactly(
                "batch-3: line 3: " + errorOf("{\"eventId\": \"broken\""));
        assertThat(store.inbox().setAside(10).get(0).item().body()).as("the body is kept as received").endsWith("\"broken\"\n");

        assertThat(processor.processPending(10)).isEqualTo(new InboxProcessor.Round(0, 0, 0));
        // the operator requeues after a fix: the readable part of nothing changes, the item is tried again
        assertThat(store.inbox().requeueFailed()).isEqualTo(1);
        assertThat(processor.processPending(10).setAside()).isEqualTo(1);
    }

    private static String errorOf(String line) {
        try {
            NORMALIZER.normalize(line);
        } catch (RuntimeException e) {
            return e.getMessage().substring("line 1: ".length());
        }
        throw new AssertionError("expected a broken line");
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aCrashBeforeTheCommitLeavesTheItemsWaitingAndNoEventStored(Backend backend) {
        for (String step : List.of("items-normalized", "events-stored")) {
            Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
            for (int i = 0; i < 5; i++) {
                store.inbox().append(LeadEventsNormalizer.SOURCE, "batch-" + i, MONDAY_9, NORMALIZER.body(lead("" + i)));
            }
            InboxProcessor crashing = new InboxProcessor(store, List.of(NORMALIZER), clock, s -> {
                if (s.equals(step)) {
                    throw new FaultInjectionTest.Crash(s);
                }
            });
            assertThatThrownBy(() -> crashing.processPending(3)).isInstanceOf(FaultInjectionTest.Crash.class);
            assertThat(store.inbox().countPending()).as("crash at %s", step).isEqualTo(5);
            assertThat(store.events().count()).isZero();
            assertThat(store.leads().stale(10)).isEmpty();

            InboxProcessor processor = new InboxProcessor(store, List.of(NORMALIZER), clock);
            int rounds = 0;
            while (processor.processPending(3).items() > 0) {
                rounds++;
            }
            assertThat(rounds).isEqualTo(2);
            assertThat(store.events().count()).isEqualTo(10);
            List<String> stale = new ArrayList<>();
            store.leads().stale(10).forEach(r -> stale.add(r.lead().recordId()));
            assertThat(stale).containsExactlyInAnyOrder("0", "1", "2", "3", "4");
            assertThat(store.events().forLead(new LeadKey(Crm.HUBSPOT, "3"))).containsExactlyInAnyOrderElementsOf(lead("3"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void anItemTheStoreRefusesIsSetAsideAndTheOthersGoOn(Backend backend) {
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        store.inbox().append(LeadEventsNormalizer.SOURCE, "batch-1", MONDAY_9, NORMALIZER.body(lead("1")));
        // a record id longer than the store's column: normalizable, not storable
        String tooLong = "9".repeat(80);
        store.inbox().append(LeadEventsNormalizer.SOURCE, "batch-2", MONDAY_9, NORMALIZER.body(List.of(
                new LeadEvent("mql-long", Crm.HUBSPOT, "contact", tooLong, EventType.MQL_QUALIFIED, MONDAY_9, Map.of()))));
        store.inbox().append(LeadEventsNormalizer.SOURCE, "batch-3", MONDAY_9, NORMALIZER.body(lead("3")));

        InboxProcessor.Round round = new InboxProcessor(store, List.of(NORMALIZER), clock).processPending(10);

        assertThat(round).isEqualTo(new InboxProcessor.Round(3, 1, 4));
        assertThat(store.inbox().countPending()).isZero();
        assertThat(store.inbox().setAside(10)).singleElement().satisfies(s -> {
            assertThat(s.item().dedupKey()).isEqualTo("batch-2");
            assertThat(s.error()).startsWith("the store refused its events");
        });
        assertThat(store.events().count()).isEqualTo(4);
    }
}
