package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.LeadHistory;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreBackends;
import io.leadsla.store.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.config.PolicyLoader;
import io.leadsla.connector.event.LeadEventJson;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.kpi.KpiCalculator;
import io.leadsla.core.kpi.KpiReport;
import io.leadsla.core.policy.PolicySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KPIs read from the store equal the KPIs of folding the same events in memory, and a lead's
 * history shows its clocks, cycles, events, write-backs and tasks. Both back-ends.
 */
class KpiAndHistoryQueryTest {

    private static final PolicySet POLICIES = new PolicyLoader().load(Path.of("..", "config", "policies.yml"));
    /** The sample's events span September 2026; "now" is after all of them. */
    private static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");

    private static List<LeadEvent> sample() throws IOException {
        LeadEventJson json = new LeadEventJson();
        try (var lines = Files.lines(Path.of("..", "config", "samples", "events.jsonl"))) {
            return lines.filter(l -> !l.isBlank()).map(json::parse).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void kpisFromTheStoreEqualKpisFromFoldingTheEvents(Backend backend) throws IOException {
        MutableClock clock = new MutableClock(NOW);
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        List<LeadEvent> events = sample();
        for (int i = 0; i < events.size(); i += 1_000) {
            store.events().append(events.subList(i, Math.min(events.size(), i + 1_000)), NOW);
        }
        ClockEngine engine = new ClockEngine(POLICIES);
        LeadFolder folder = new LeadFolder(store, engine, clock);
        while (folder.foldStale(500) > 0) {
            // fold every lead
        }
        Map<LeadKey, List<LeadEvent>> byLead = events.stream().collect(Collectors.groupingBy(LeadEvent::lead,
                LinkedHashMap::new, Collectors.toList()));
        List<LeadState> inMemory = new ArrayList<>();
        byLead.values().forEach(e -> inMemory.add(engine.fold(e, NOW)));

        KpiCalculator kpis = new KpiCalculator(POLICIES);
        Instant from = Instant.parse("2026-09-07T00:00:00Z");
        Instant to = Instant.parse("2026-09-21T00:00:00Z");
        for (Instant[] period : new Instant[][] {{null, null}, {from, to}, {from, null}}) {
            KpiReport expected = kpis.computeAll(inMemory, period[0], period[1]).get("owner");
            KpiCalculator.Accumulator acc = kpis.accumulator(period[0], period[1],
                    List.of(io.leadsla.core.kpi.GroupBy.OWNER));
            store.kpis().forEachLead(period[0], period[1], acc::add);
            KpiReport fromStore = acc.reports().get("owner");
            assertThat(fromStore.overall().mqls()).as("the sample has MQLs in the period").isPositive();
            assertThat(fromStore).as("period %s – %s", period[0], period[1]).isEqualTo(expected);
        }

        Map<ClockStatus, Long> expectedStatuses = new EnumMap<>(ClockStatus.class);
        for (ClockStatus s : ClockStatus.values()) {
            expectedStatuses.put(s, 0L);
        }
        inMemory.forEach(s -> s.clocks().forEach(c -> expectedStatuses.merge(c.status(), 1L, Long::sum)));
        assertThat(store.kpis().clocksByStatus()).isEqualTo(expectedStatuses);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void historyShowsClocksCyclesEventsWriteBacksAndTasks(Backend backend) {
        Instant monday9 = Instant.parse("2026-11-23T08:00:00Z"); // 09:00 Paris
        MutableClock clock = new MutableClock(monday9);
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        LeadKey lead = new LeadKey(Crm.HUBSPOT, "5101");
        LeadEvent mql = new LeadEvent("mql-1", Crm.HUBSPOT, "contact", "5101", EventType.MQL_QUALIFIED, monday9,
                Map.of("score", "95", "leadSource", "Demo Request"));
        LeadEvent handoff = new LeadEvent("handoff-1", Crm.HUBSPOT, "contact", "5101", EventType.HANDED_OFF,
                monday9.plusSeconds(60), Map.of("ownerId", "77", "ownerRegion", "EMEA"));
        store.events().append(List.of(handoff, mql), monday9.plusSeconds(60));
        store.events().append(List.of(mql), monday9.plusSeconds(61));
        assertThat(store.counts().of(Crm.HUBSPOT).eventsStored()).as("new events only, per CRM").isEqualTo(2);
        assertThat(store.counts().of(Crm.SALESFORCE).eventsStored()).isZero();
        assertThat(store.history().find(new LeadKey(Crm.HUBSPOT, "404"))).isEmpty();

        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        clock.set(monday9.plusSeconds(90));
        folder.foldStale(10);
        clock.set(monday9.plusSeconds(60 + 301)); // the hot lead's 5 minutes ran out
        folder.foldDue(10);

        assertThat(store.counts().leadsFolded()).isEqualTo(2);
        assertThat(store.counts().of(Crm.HUBSPOT).breachTasksRequested()).isEqualTo(1);
        folder.foldStale(10);
        clock.set(clock.instant().plusSeconds(3_600));
        folder.foldDue(10);
        assertThat(store.counts().of(Crm.HUBSPOT).breachTasksRequested()).as("one per breach").isEqualTo(1);
        assertThat(store.counts().of(Crm.SALESFORCE).breachTasksRequested()).isZero();

        LeadHistory history = store.history().find(lead).orElseThrow();
        assertThat(history.objectType()).isEqualTo("contact");
        assertThat(history.foldPending()).isFalse();
        assertThat(history.events()).hasSize(2);
        assertThat(history.events().get(0)).contains("\"eventId\":\"mql-1\"");
        assertThat(history.cycles()).singleElement().satisfies(c -> {
            assertThat(c.owner()).isEqualTo("77");
            assertThat(c.mqlAt()).isEqualTo(monday9);
            assertThat(c.handedOffAt()).isEqualTo(monday9.plusSeconds(60));
            assertThat(c.handoffTime()).isEqualTo(java.time.Duration.ofSeconds(60));
            assertThat(c.missingAttributes()).isNotNull();
        });
        assertThat(history.clocks()).anySatisfy(c -> assertThat(c.status()).isEqualTo(ClockStatus.BREACHED));
        assertThat(history.writeBacks()).as("on track, then at risk, then breached").hasSizeGreaterThanOrEqualTo(2);
        assertThat(history.writeBacks().get(history.writeBacks().size() - 1).payload()).contains("BREACHED");
        assertThat(history.pendingWriteBack()).isNotNull();
        assertThat(history.pendingWriteBack().payload()).contains("BREACHED");
        assertThat(history.tasks()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("BREACH");
            assertThat(t.ownerId()).isEqualTo("77");
            assertThat(t.crmTaskId()).isNull();
        });
        store.tasks().done(history.tasks().get(0).key(), "task-9", clock.instant());
        assertThat(store.history().find(lead).orElseThrow().tasks().get(0).crmTaskId()).isEqualTo("task-9");
    }
}
