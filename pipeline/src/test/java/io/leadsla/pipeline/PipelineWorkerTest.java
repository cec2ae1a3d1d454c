package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreBackends;
import io.leadsla.store.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.policy.PolicySet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineWorkerTest {

    private static final PolicySet POLICIES = new PolicyLoader().load(Path.of("..", "config", "policies.yml"));
    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void foldsNewEventsWhenWokenAndDueLeadsWhenTheirTimeComes(Backend backend) throws Exception {
        MutableClock clock = new MutableClock(MONDAY_9);
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        // due leads are found by polling every 50 ms when idle; new events by wakeUp()
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        try (PipelineWorker scheduler = new PipelineWorker(List.of(
                new PipelineWorker.Step("fold-stale", () -> folder.foldStale(100)),
                new PipelineWorker.Step("fold-due", () -> folder.foldDue(100))), Duration.ofMillis(50))) {
            scheduler.start();
            store.events().append(List.of(
                    new LeadEvent("mql-1", Crm.SALESFORCE, "lead", "00Q1", EventType.MQL_QUALIFIED, MONDAY_9, Map.of("score", "99")),
                    new LeadEvent("ho-1", Crm.SALESFORCE, "lead", "00Q1", EventType.HANDED_OFF, MONDAY_9,
                            Map.of("ownerId", "005A", "ownerRegion", "NA"))), MONDAY_9);
            scheduler.wakeUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> store.leads().stale(1).isEmpty());
            assertThat(store.tasks().count()).isZero();

            clock.set(MONDAY_9.plusSeconds(300)); // the hot lead's 5 minutes are up
            await().atMost(Duration.ofSeconds(10)).until(() -> store.tasks().count() == 1);
            assertThat(store.outbox().ready(clock.instant(), 10).get(0).sla().status()).isEqualTo(io.leadsla.core.clock.ClockStatus.BREACHED);
        }
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void runsTheWholePipelineFromInboxToCrmAndReleasesTheLeaseOnStop(Backend backend) throws Exception {
        MutableClock clock = new MutableClock(MONDAY_9);
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        RecordingCrm crm = new RecordingCrm(Crm.SALESFORCE, 200);
        io.leadsla.connector.event.LeadEventsNormalizer format = new io.leadsla.connector.event.LeadEventsNormalizer();
        OutboxWriter writer = new OutboxWriter(store, crm.as("i1"), "i1", Duration.ofSeconds(30), clock);
        PipelineWorker worker = PipelineWorker.of(new InboxProcessor(store, List.of(format), clock),
                new LeadFolder(store, new ClockEngine(POLICIES), clock), List.of(writer), List.of(), 100, Duration.ofMillis(50));
        io.leadsla.core.event.LeadKey lead = new io.leadsla.core.event.LeadKey(Crm.SALESFORCE, "00Q1");
        try (worker) {
            worker.start();
            store.inbox().append(io.leadsla.connector.event.LeadEventsNormalizer.SOURCE, "om-1", MONDAY_9, format.body(List.of(
                    new LeadEvent("mql-1", Crm.SALESFORCE, "lead", "00Q1", EventType.MQL_QUALIFIED, MONDAY_9, Map.of("score", "99")),
                    new LeadEvent("ho-1", Crm.SALESFORCE, "lead", "00Q1", EventType.HANDED_OFF, MONDAY_9,
                            Map.of("ownerId", "005A", "ownerRegion", "NA")))));
            worker.wakeUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> crm.lastWrite(lead) != null);
            assertThat(crm.lastWrite(lead).status()).isEqualTo(io.leadsla.core.clock.ClockStatus.ON_TRACK);

            clock.set(MONDAY_9.plusSeconds(300));
            await().atMost(Duration.ofSeconds(10)).until(() -> crm.tasks.size() == 1);
            assertThat(crm.lastWrite(lead).status()).isEqualTo(io.leadsla.core.clock.ClockStatus.BREACHED);
        }
        assertThat(store.leases().find(writer.leaseName())).as("released on stop")
                .hasValueSatisfying(l -> assertThat(l.expiresAt()).isEqualTo(clock.instant()));
    }

    @org.junit.jupiter.api.Test
    void aFailingStepDoesNotStopTheOthers() {
        int[] ran = {0};
        PipelineWorker worker = new PipelineWorker(List.of(
                new PipelineWorker.Step("down", () -> {
                    throw new IllegalStateException("CRM down");
                }),
                new PipelineWorker.Step("fine", () -> ++ran[0])), Duration.ofMillis(50));
        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(worker.runOnce()).isEqualTo(2);
        assertThat(ran[0]).isEqualTo(2);
    }
}
