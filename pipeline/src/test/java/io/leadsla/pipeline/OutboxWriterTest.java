package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreBackends;
import io.leadsla.store.MutableClock;
import io.leadsla.connector.api.CrmWriter;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.connector.api.CrmWriter.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The outbox → CRM step: batches, per-record outcomes, retries, tasks once, one writer per account. */
class OutboxWriterTest {

    private static final PolicySet POLICIES = new PolicyLoader().load(Path.of("..", "config", "policies.yml"));
    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(MONDAY_9);

    /** {@code n} hot leads handed off at 09:00: ON_TRACK now, breached at 09:05. */
    private Store storeWithLeads(Backend backend, int n) {
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        List<LeadEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Integer.toString(100 + i);
            events.add(new LeadEvent("mql-" + id, Crm.HUBSPOT, "contact", id, EventType.MQL_QUALIFIED, MONDAY_9,
                    Map.of("score", "95")));
            events.add(new LeadEvent("handoff-" + id, Crm.HUBSPOT, "contact", id, EventType.HANDED_OFF, MONDAY_9,
                    Map.of("ownerId", "77", "ownerRegion", "EMEA")));
        }
        store.events().append(events, MONDAY_9);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        while (folder.foldStale(500) > 0) {
            // fold everything
        }
        return store;
    }

    private static LeadKey lead(int i) {
        return new LeadKey(Crm.HUBSPOT, Integer.toString(100 + i));
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void writesInBatchesOfTheCrmsSizeAndEmptiesTheOutbox(Backend backend) {
        Store store = storeWithLeads(backend, 250);
        RecordingCrm crm = new RecordingCrm(Crm.HUBSPOT, 100);
        OutboxWriter writer = new OutboxWriter(store, crm.as("a"), "a", LEASE, clock);

        int rounds = 0;
        while (writer.runOnce() > 0) {
            rounds++;
        }
        assertThat(rounds).isEqualTo(3);
        assertThat(crm.calls).hasSize(3);
        assertThat(crm.writes).hasSize(250);
        assertThat(crm.lastWrite(lead(7)).status()).isEqualTo(io.leadsla.core.clock.ClockStatus.ON_TRACK);
        assertThat(store.outbox().count()).isZero();
        assertThat(store.apiUsage().used(crm.as("a").apiAccount(), MONDAY_9)).isEqualTo(3);

        // the hot leads breach: each record gets its new state, each breach one task
        clock.advance(Duration.ofMinutes(6));
        new LeadFolder(store, new ClockEngine(POLICIES), clock).foldDue(1000);
        while (writer.runOnce() > 0) {
            // write everything
        }
        assertThat(crm.lastWrite(lead(7)).status()).isEqualTo(io.leadsla.core.clock.ClockStatus.BREACHED);
        assertThat(crm.writes.get(lead(7))).hasSize(2);
        assertThat(crm.tasks).hasSize(250);
        assertThat(store.tasks().pending(10)).isEmpty();
        String key = io.leadsla.connector.api.TaskRequest.key(lead(7), "first-contact", 1, io.leadsla.core.followup.TaskKind.BREACH);
        assertThat(store.tasks().crmTaskId(key)).hasValue(crm.tasks.get(key));
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void failedRecordsAreRetriedWithBackoffAndRefusedOnesKeptAside(Backend backend) {
        Store store = storeWithLeads(backend, 3);
        RecordingCrm crm = new RecordingCrm(Crm.HUBSPOT, 100);
        OutboxWriter writer = new OutboxWriter(store, crm.as("a"), "a", LEASE, clock);
        crm.writeFault = batch -> List.<Outcome>of(new CrmWriter.Written(lead(0)),
                new CrmWriter.RetryLater(lead(1), "UNABLE_TO_LOCK_ROW"),
                new CrmWriter.Rejected(lead(2), "ENTITY_IS_DELETED"));

        assertThat(writer.runOnce()).isEqualTo(3);
        assertThat(crm.writes.keySet()).containsExactly(lead(0));
        assertThat(store.outbox().ready(Crm.HUBSPOT, LeadKey.DEFAULT_ACCOUNT, clock.instant(), 10)).as("lead 1 waits for its retry").isEmpty();
        assertThat(store.outbox().countRefused()).isEqualTo(1);

        crm.writeFault = null;
        clock.advance(Duration.ofSeconds(4));
        assertThat(writer.runOnce()).as("5 s backoff, spread by up to a fifth").isZero();
        clock.advance(Duration.ofSeconds(3));
        assertThat(writer.runOnce()).isEqualTo(1);
        assertThat(crm.writes.keySet()).containsExactlyInAnyOrder(lead(0), lead(1));
        assertThat(store.outbox().count()).as("the refused record stays, kept aside").isEqualTo(1);

        // the refused record changes again: its new state is tried again
        clock.advance(Duration.ofMinutes(6));
        new LeadFolder(store, new ClockEngine(POLICIES), clock).foldDue(10);
        crm.taskFault = r -> new IllegalStateException("HubSpot 502");
        while (writer.runOnce() > 0) {
            // the breached states go out; the tasks fail and wait
        }
        assertThat(crm.lastWrite(lead(2)).status()).isEqualTo(io.leadsla.core.clock.ClockStatus.BREACHED);
        assertThat(store.outbox().count()).isZero();
        assertThat(store.tasks().pending(10)).hasSize(3);
        crm.taskFault = null;
        clock.advance(Duration.ofSeconds(7));
        while (writer.runOnce() > 0) {
            // retried
        }
        assertThat(store.tasks().pending(10)).isEmpty();
        assertThat(crm.tasks).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aWholeCallThatFailsKeepsEveryRecordAndANewerStateIsNeverLost(Backend backend) {
        Store store = storeWithLeads(backend, 2);
        RecordingCrm crm = new RecordingCrm(Crm.HUBSPOT, 100);
        OutboxWriter writer = new OutboxWriter(store, crm.as("a"), "a", LEASE, clock);
        crm.writeFault = batch -> {
            throw new IllegalStateException("429 RATE_LIMIT after the retries");
        };
        writer.runOnce();
        assertThat(store.outbox().count()).isEqualTo(2);

        // while lead 0's ON_TRACK state is in flight, the lead breaches and a newer state is queued
        crm.writeFault = batch -> {
            clock.advance(Duration.ofMinutes(6));
            new LeadFolder(store, new ClockEngine(POLICIES), clock).foldDue(10);
            List<Outcome> outcomes = new ArrayList<>();
            batch.forEach(w -> outcomes.add(new CrmWriter.Written(w.lead())));
            return outcomes;
        };
        clock.advance(Duration.ofSeconds(7));
        writer.runOnce();
        crm.writeFault = null;
        assertThat(store.outbox().ready(Crm.HUBSPOT, LeadKey.DEFAULT_ACCOUNT, clock.instant(), 10)).as("the breached states are still to send")
                .hasSize(2).allSatisfy(w -> assertThat(w.sla().status()).isEqualTo(io.leadsla.core.clock.ClockStatus.BREACHED));
        while (writer.runOnce() > 0) {
            // send them
        }
        assertThat(crm.lastWrite(lead(0)).status()).isEqualTo(io.leadsla.core.clock.ClockStatus.BREACHED);
        assertThat(store.outbox().history(lead(0))).extracting(h -> h.payload().contains("BREACHED"))
                .containsExactly(false, true);
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aCrashAfterTheCrmMadeTheTaskNeverMakesASecondOne(Backend backend) {
        Store store = storeWithLeads(backend, 1);
        clock.advance(Duration.ofMinutes(6));
        new LeadFolder(store, new ClockEngine(POLICIES), clock).foldDue(10);
        RecordingCrm crm = new RecordingCrm(Crm.HUBSPOT, 100);
        // the CRM makes the task, but its answer never arrives (connection reset, or the instance
        // dies before its commit): the request stays pending and is sent again with the same key
        OutboxWriter first = new OutboxWriter(store, crm.as("a"), "a", LEASE, clock);
        crm.taskFault = r -> {
            crm.tasks.computeIfAbsent(r.key(), k -> "T-made-before-the-crash");
            return new IllegalStateException("connection reset after the CRM answered");
        };
        first.runOnce();
        crm.taskFault = null;
        clock.advance(Duration.ofSeconds(7));
        while (first.runOnce() > 0) {
            // retry
        }
        String key = io.leadsla.connector.api.TaskRequest.key(lead(0), "first-contact", 1, io.leadsla.core.followup.TaskKind.BREACH);
        assertThat(crm.tasks).containsOnlyKeys(key);
        assertThat(crm.taskCalls.get(key).get()).isEqualTo(2);
        assertThat(store.tasks().crmTaskId(key)).hasValue("T-made-before-the-crash");
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void onlyTheLeaseHolderWritesAndAnotherTakesOverWhenItDies(Backend backend) {
        Store store = storeWithLeads(backend, 150);
        RecordingCrm crm = new RecordingCrm(Crm.HUBSPOT, 100);
        OutboxWriter a = new OutboxWriter(store, crm.as("a"), "a", LEASE, clock);
        OutboxWriter b = new OutboxWriter(store, crm.as("b"), "b", LEASE, clock);

        assertThat(a.runOnce()).isEqualTo(100);
        assertThat(b.runOnce()).as("a holds the account's lease").isZero();
        assertThat(a.holdsLease()).isTrue();
        assertThat(b.holdsLease()).isFalse();
        // a dies (makes no more calls, never releases); b takes over once a's lease ran out
        crm.dead.add("a");
        clock.advance(LEASE);
        assertThat(b.runOnce()).isEqualTo(50);
        assertThat(a.runOnce()).as("a, back from a pause, finds the lease gone").isZero();
        assertThat(crm.calls).extracting(RecordingCrm.Call::instance).containsExactly("a", "b");
        assertThat(store.apiUsage().used(crm.as("a").apiAccount(), clock.instant())).isEqualTo(2);

        b.release(); // graceful stop: a may write at once
        crm.dead.remove("a");
        clock.advance(Duration.ofMinutes(6));
        new LeadFolder(store, new ClockEngine(POLICIES), clock).foldDue(1000);
        assertThat(a.runOnce()).isPositive();
        assertThat(store.leases().find(a.leaseName())).hasValueSatisfying(l -> assertThat(l.epoch()).isEqualTo(3));
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aWriteThatOutlastsTheLeaseQueuesTheLatestStatesForTheNewHolder(Backend backend) {
        Store store = storeWithLeads(backend, 3);
        RecordingCrm crm = new RecordingCrm(Crm.HUBSPOT, 100);
        OutboxWriter a = new OutboxWriter(store, crm.as("a"), "a", LEASE, clock);
        OutboxWriter b = new OutboxWriter(store, crm.as("b"), "b", LEASE, clock);
        // a's call hangs past its lease; b takes over and writes meanwhile
        crm.writeFault = batch -> {
            crm.writeFault = null;
            clock.advance(LEASE.plusSeconds(1));
            assertThat(b.runOnce()).as("b finds the same states still pending and writes them").isEqualTo(3);
            List<Outcome> outcomes = new ArrayList<>();
            batch.forEach(w -> outcomes.add(new CrmWriter.Written(w.lead())));
            return outcomes;
        };
        a.runOnce();
        assertThat(store.outbox().ready(Crm.HUBSPOT, LeadKey.DEFAULT_ACCOUNT, clock.instant(), 10)).as("a's late write may have overwritten b's: "
                + "the latest states go out again").hasSize(3);
        assertThat(b.runOnce()).isEqualTo(3);
        assertThat(store.outbox().count()).isZero();
        assertThat(store.outbox().history(lead(0))).as("a resend is not a new write-back command").hasSize(1);
    }
}
