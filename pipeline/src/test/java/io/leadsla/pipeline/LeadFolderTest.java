package io.leadsla.pipeline;

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
import io.leadsla.store.Backend;
import io.leadsla.store.MutableClock;
import io.leadsla.store.Store;
import io.leadsla.store.StoreBackends;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fold step on the store: clocks, next changes, write-backs and task requests, on both back-ends. */
class LeadFolderTest {

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
    void foldingStoresTheEnginesClocksAndTheNextChange(Backend backend) {
        Store store = open(backend);
        ClockEngine engine = new ClockEngine(POLICIES);
        List<LeadEvent> events = List.of(
                event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9, "leadSource", "Demo Request", "budget", "y"),
                event("handoff-1", EventType.HANDED_OFF, MONDAY_9.plusSeconds(60), "ownerId", "77", "ownerRegion", "EMEA"));
        store.events().append(events, MONDAY_9);
        clock.set(MONDAY_9.plusSeconds(120));

        assertThat(new LeadFolder(store, engine, clock).foldStale(100)).isEqualTo(1);
        List<SlaClock> expected = engine.fold(events, clock.instant()).clocks();
        assertThat(store.leads().clocks(LEAD)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.leads().stale(10)).isEmpty();
        // hot lead: at risk 75 % into 5 minutes after the handoff
        assertThat(store.leads().find(LEAD).orElseThrow().nextChangeAt()).isEqualTo(MONDAY_9.plusSeconds(60 + 225));
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void dueLeadsAreFoundByTheirNextChangeAndTurnAtRiskThenBreached(Backend backend) {
        Store store = open(backend);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        store.events().append(HOT_LEAD_HANDED_OFF, MONDAY_9);
        folder.foldStale(10);

        clock.set(MONDAY_9.plusSeconds(200));
        assertThat(store.leads().changingBy(clock.instant(), 10)).isEmpty();
        assertThat(folder.foldDue(10)).isZero();

        clock.set(MONDAY_9.plusSeconds(225));
        assertThat(folder.foldDue(10)).isEqualTo(1);
        assertThat(status(store, "first-contact")).isEqualTo(ClockStatus.AT_RISK);

        clock.set(MONDAY_9.plusSeconds(300));
        assertThat(folder.foldDue(10)).isEqualTo(1);
        assertThat(status(store, "first-contact")).isEqualTo(ClockStatus.BREACHED);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aLateEarlierEventRefoldsTheLead(Backend backend) {
        Store store = open(backend);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        store.events().append(List.of(
                event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9),
                event("handoff-1", EventType.HANDED_OFF, MONDAY_9, "ownerId", "77", "ownerRegion", "EMEA")), MONDAY_9);
        clock.set(MONDAY_9.plus(Duration.ofHours(6)));
        folder.foldStale(10);
        assertThat(status(store, "first-contact")).isEqualTo(ClockStatus.BREACHED);

        // a call made at 10:00 arrives late (a poll after an outage)
        store.events().append(List.of(event("call-1", EventType.CONTACT_ATTEMPT, MONDAY_9.plus(Duration.ofHours(1)),
                "channel", "call")), clock.instant());
        assertThat(folder.foldStale(10)).isEqualTo(1);
        assertThat(status(store, "first-contact")).isEqualTo(ClockStatus.MET);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aFutureStampedEventIsFoldedWhenItsTimeComes(Backend backend) {
        Store store = open(backend);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        store.events().append(List.of(event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9.plusSeconds(30))), MONDAY_9);
        folder.foldStale(10); // the CRM's clock is 30 s ahead of ours
        assertThat(store.leads().clocks(LEAD)).isEmpty();
        assertThat(store.leads().find(LEAD).orElseThrow().nextChangeAt()).isEqualTo(MONDAY_9.plusSeconds(30));
        clock.set(MONDAY_9.plusSeconds(30));
        assertThat(folder.foldDue(10)).isEqualTo(1);
        assertThat(store.leads().clocks(LEAD)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void theOutboxHoldsTheLatestSlaOfEachRecordOnlyWhenItChanged(Backend backend) {
        Store store = open(backend);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        store.events().append(HOT_LEAD_HANDED_OFF, MONDAY_9);
        folder.foldStale(10);
        List<io.leadsla.connector.api.WriteBack> first = store.outbox().ready(clock.instant(), 10);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).sla().status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(first.get(0).sla().policyId()).isEqualTo("first-contact");
        assertThat(first.get(0).sla().dueAt()).isEqualTo(Instant.parse("2026-11-23T08:05:00Z"));

        // the same state again queues nothing new
        store.events().append(List.of(event("noise-1", EventType.ATTRIBUTES_CHANGED, MONDAY_9, "country", "FR")), MONDAY_9);
        folder.foldStale(10);
        assertThat(store.outbox().ready(clock.instant(), 10).get(0).version()).isEqualTo(1);

        // at risk, then breached: coalesced into the one pending row
        clock.set(MONDAY_9.plusSeconds(225));
        folder.foldDue(10);
        clock.set(MONDAY_9.plusSeconds(300));
        folder.foldDue(10);
        List<io.leadsla.connector.api.WriteBack> latest = store.outbox().ready(clock.instant(), 10);
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).version()).isEqualTo(3);
        assertThat(latest.get(0).sla().status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(latest.get(0).sla().breachedAt()).isEqualTo(Instant.parse("2026-11-23T08:05:00Z"));

        assertThat(store.outbox().written(LEAD, 2)).as("an older state was sent: the newer stays").isFalse();
        assertThat(store.outbox().written(LEAD, 3)).isTrue();
        assertThat(store.outbox().count()).isZero();
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aBreachAsksForOneTaskWhateverTheRefolds(Backend backend) {
        Store store = open(backend);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        store.events().append(HOT_LEAD_HANDED_OFF, MONDAY_9);
        folder.foldStale(10);
        assertThat(store.tasks().count()).isZero();
        clock.set(MONDAY_9.plusSeconds(300));
        folder.foldDue(10);
        store.events().append(List.of(event("noise-1", EventType.ATTRIBUTES_CHANGED, MONDAY_9.plusSeconds(301), "x", "y")),
                clock.instant());
        clock.set(MONDAY_9.plusSeconds(400));
        folder.foldStale(10);

        List<io.leadsla.connector.api.TaskRequest> tasks = store.tasks().pending(10);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).key()).isEqualTo("hubspot:5101:first-contact:1:BREACH");
        assertThat(tasks.get(0).ownerId()).isEqualTo("77");
        store.tasks().done(tasks.get(0).key(), "task-9001", clock.instant());
        assertThat(store.tasks().pending(10)).isEmpty();
        folder.foldStale(10);
        assertThat(store.tasks().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aRejectionWithoutReasonAsksTheOwnerForOneOnceItsGraceRanOut(Backend backend) {
        Store store = open(backend);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        store.events().append(List.of(
                event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9),
                event("handoff-1", EventType.HANDED_OFF, MONDAY_9, "ownerId", "77", "ownerRegion", "EMEA"),
                event("rejected-1", EventType.REJECTED, MONDAY_9.plusSeconds(600))), MONDAY_9);
        clock.set(MONDAY_9.plusSeconds(700));
        folder.foldStale(10);
        assertThat(store.tasks().pending(10)).as("the rep may still be typing the reason").isEmpty();
        // 4 business hours after 09:10 Paris, with the 12:30-13:30 lunch break: 14:10 Paris
        assertThat(store.leads().find(LEAD).orElseThrow().nextChangeAt()).isBeforeOrEqualTo(Instant.parse("2026-11-23T13:10:00Z"));

        clock.set(Instant.parse("2026-11-23T13:10:00Z"));
        while (folder.foldDue(10) > 0) {
            // at-risk, then due
        }
        List<io.leadsla.connector.api.TaskRequest> tasks = store.tasks().pending(10);
        assertThat(tasks).extracting(io.leadsla.connector.api.TaskRequest::kind)
                .containsExactly(io.leadsla.core.followup.TaskKind.MISSING_REASON);
        assertThat(tasks.get(0).dueAt()).isEqualTo(Instant.parse("2026-11-23T13:10:00Z"));
        assertThat(tasks.get(0).ownerId()).isEqualTo("77");
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aReasonGivenWithinItsGraceAsksForNothingAndOldBreachesAskForNoTask(Backend backend) {
        Store store = open(backend);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        store.events().append(List.of(
                event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9),
                event("handoff-1", EventType.HANDED_OFF, MONDAY_9, "ownerId", "77", "ownerRegion", "EMEA"),
                event("rejected-1", EventType.REJECTED, MONDAY_9.plusSeconds(600)),
                event("reason-1", EventType.ATTRIBUTES_CHANGED, MONDAY_9.plusSeconds(660), "reason", "NO_BUDGET")), MONDAY_9);
        clock.set(Instant.parse("2026-11-24T08:00:00Z"));
        folder.foldStale(10);
        assertThat(store.tasks().count()).isZero();

        // a hot lead breached two days before leadsla first saw it (a backfill): clocks say so, no task
        LeadKey old = new LeadKey(Crm.HUBSPOT, "4242");
        store.events().append(List.of(
                new LeadEvent("mql-old", Crm.HUBSPOT, "contact", "4242", EventType.MQL_QUALIFIED, MONDAY_9, Map.of("score", "95")),
                new LeadEvent("handoff-old", Crm.HUBSPOT, "contact", "4242", EventType.HANDED_OFF, MONDAY_9,
                        Map.of("ownerId", "77", "ownerRegion", "EMEA"))), MONDAY_9);
        clock.set(MONDAY_9.plus(Duration.ofDays(2)));
        folder.foldStale(10);
        assertThat(store.leads().clocks(old)).anySatisfy(c -> assertThat(c.status()).isEqualTo(ClockStatus.BREACHED));
        assertThat(store.tasks().count()).isZero();
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aPolicyChangeReevaluatesOpenClocksAndClosedOnesKeepTheirVersion(Backend backend) throws Exception {
        Store store = open(backend);
        store.events().append(List.of(
                event("mql-1", EventType.MQL_QUALIFIED, MONDAY_9),
                event("handoff-1", EventType.HANDED_OFF, MONDAY_9.plusSeconds(60), "ownerId", "77", "ownerRegion", "EMEA")),
                MONDAY_9);
        clock.set(MONDAY_9.plusSeconds(3600));
        new LeadFolder(store, new ClockEngine(POLICIES), clock).foldStale(10);

        String yaml = java.nio.file.Files.readString(Path.of("..", "config", "policies.yml"))
                .replace("version: \"2026-11-seed\"", "version: \"2026-12\"")
                .replace("      standard: 4bh", "      standard: 8bh");
        PolicySet december = new PolicyLoader().load("policies-2026-12.yml", new java.io.StringReader(yaml));
        assertThat(store.leads().markOpenLeadsStale("2026-11-seed")).as("same policies: nothing to redo").isZero();
        assertThat(store.leads().markOpenLeadsStale("2026-12")).isEqualTo(1);
        new LeadFolder(store, new ClockEngine(december), clock).foldStale(10);

        List<SlaClock> clocks = store.leads().clocks(LEAD);
        SlaClock handoff = clocks.stream().filter(c -> c.policyId().equals("mql-handoff")).findFirst().orElseThrow();
        SlaClock firstContact = clocks.stream().filter(c -> c.policyId().equals("first-contact")).findFirst().orElseThrow();
        assertThat(handoff.status()).isEqualTo(ClockStatus.MET);
        assertThat(handoff.policyVersion()).as("closed before the change").isEqualTo("2026-11-seed");
        assertThat(firstContact.policyVersion()).isEqualTo("2026-12");
        assertThat(firstContact.dueAt()).as("8 business hours from 09:01 Paris").isEqualTo(Instant.parse("2026-11-24T08:01:00Z"));
    }

    private static ClockStatus status(Store store, String policy) {
        return store.leads().clocks(LEAD).stream().filter(c -> c.policyId().equals(policy)).findFirst()
                .orElseThrow().status();
    }
}
