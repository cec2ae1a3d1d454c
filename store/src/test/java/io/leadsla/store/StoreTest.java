package io.leadsla.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.policy.PolicySet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The repository layer, the same suite on the embedded store and on a real PostgreSQL server. */
class StoreTest {

    private static final PolicySet POLICIES = new PolicyLoader().load(Path.of("..", "config", "policies.yml"));
    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z"); // 09:00 Paris
    private static final LeadKey LEAD = new LeadKey(Crm.HUBSPOT, "5101");

    /** A hot lead (score 95) handed off at 09:00 Paris: its first contact is due 5 minutes later. */
    private static final List<LeadEvent> HOT_LEAD_HANDED_OFF = List.of(
            event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9, "score", "95"),
            event("handoff-1", EventType.HANDED_OFF, MONDAY_9, "ownerId", "77", "ownerRegion", "EMEA"));

    private final MutableClock clock = new MutableClock(MONDAY_9);

    private Store open(Backend backend) {
        return Store.open(StoreBackends.fresh(backend), backend, clock);
    }

    private static LeadEvent event(String id, EventType type, Instant at, String... attributes) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new LeadEvent(id, Crm.HUBSPOT, "contact", LEAD.recordId(), type, at, map);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void migratesOnceAndOpensAgain(Backend backend) {
        DataSource ds = StoreBackends.fresh(backend);
        Store first = Store.open(ds, backend, clock);
        first.inbox().append("hubspot-webhook", "a", MONDAY_9, "[]");
        Store again = Store.open(ds, backend, clock);
        assertThat(again.inbox().countPending()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void inboxKeepsEachDeliveryOnceInArrivalOrder(Backend backend) {
        Store store = open(backend);
        assertThat(store.inbox().append("hubspot-webhook", "batch-1", MONDAY_9, "[{\"eventId\":1}]")).isTrue();
        assertThat(store.inbox().append("hubspot-webhook", "batch-1", MONDAY_9, "[{\"eventId\":1}]")).isFalse();
        assertThat(store.inbox().append("salesforce-outbound", "batch-1", MONDAY_9, "<soap/>")).isTrue();
        assertThat(store.inbox().append("hubspot-webhook", "batch-2", MONDAY_9.plusSeconds(1), "[]")).isTrue();

        List<InboxItem> pending = store.inbox().pending(10);
        assertThat(pending).extracting(InboxItem::dedupKey).containsExactly("batch-1", "batch-1", "batch-2");
        assertThat(pending.get(0).body()).isEqualTo("[{\"eventId\":1}]");
        assertThat(pending.get(0).receivedAt()).isEqualTo(MONDAY_9);

        store.inbox().markFailed(pending.get(0).id(), "line 1: no eventId", MONDAY_9.plusSeconds(2));
        store.inbox().markProcessed(pending.get(1).id(), MONDAY_9.plusSeconds(2));
        assertThat(store.inbox().pending(10)).extracting(InboxItem::dedupKey).containsExactly("batch-2");
        assertThat(store.inbox().setAside(10)).singleElement().satisfies(s -> {
            assertThat(s.item().dedupKey()).isEqualTo("batch-1");
            assertThat(s.item().attempts()).isEqualTo(1);
            assertThat(s.error()).isEqualTo("line 1: no eventId");
        });
        assertThat(store.inbox().requeueFailed()).isEqualTo(1);
        assertThat(store.inbox().pending(10)).extracting(InboxItem::dedupKey).containsExactly("batch-1", "batch-2");
        assertThat(store.inbox().countSetAside()).isZero();
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void eventsAreStoredOnceAndMarkTheirLeadStale(Backend backend) {
        Store store = open(backend);
        LeadEvent mql = event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9, "leadSource", "Demo Request", "score", "90");
        LeadEvent handoff = event("handoff-1", EventType.HANDED_OFF, MONDAY_9.plusSeconds(60), "ownerId", "77");
        assertThat(store.events().append(List.of(mql, handoff), MONDAY_9)).isEqualTo(2);
        long version = store.leads().find(LEAD).orElseThrow().version();
        assertThat(store.events().append(List.of(mql), MONDAY_9)).isZero();
        assertThat(store.leads().find(LEAD).orElseThrow().version()).as("a repeated event changes nothing").isEqualTo(version);

        assertThat(store.events().forLead(LEAD)).containsExactlyInAnyOrder(mql, handoff);
        assertThat(store.leads().stale(10)).extracting(LeadRepository.LeadRow::lead).containsExactly(LEAD);
        assertThat(store.events().count()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void eventsArrivingDuringAFoldKeepTheLeadStale(Backend backend) {
        Store store = open(backend);
        ClockEngine engine = new ClockEngine(POLICIES);
        store.events().append(List.of(event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9)), MONDAY_9);
        LeadRepository.LeadRow row = store.leads().stale(1).get(0);
        // a new event lands between reading the lead and saving its fold
        store.events().append(List.of(event("handoff-1", EventType.HANDED_OFF, MONDAY_9, "ownerId", "1")), MONDAY_9);
        var state = engine.fold(List.of(event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9)), MONDAY_9);
        store.leads().saveFold(state, state.nextChangeAt(), row.version(), MONDAY_9);
        assertThat(store.leads().stale(10)).as("the handoff was not in that fold").hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void pollCursorsAreKeptPerConnector(Backend backend) {
        Store store = open(backend);
        assertThat(store.cursors().get("hubspot:contacts")).isEmpty();
        store.cursors().put("hubspot:contacts", "2026-11-23T08:00:00Z");
        store.cursors().put("hubspot:contacts", "2026-11-23T08:05:00Z");
        store.cursors().put("salesforce:Lead", "2026-11-23T07:00:00Z");
        assertThat(store.cursors().get("hubspot:contacts")).contains("2026-11-23T08:05:00Z");
        assertThat(store.cursors().get("salesforce:Lead")).contains("2026-11-23T07:00:00Z");
    }

    private static ClockStatus status(Store store, String policy) {
        return store.leads().clocks(LEAD).stream().filter(c -> c.policyId().equals(policy)).findFirst()
                .orElseThrow().status();
    }
}
