package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreBackends;
import io.leadsla.store.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.policy.PolicySet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A crash between any two steps of a fold loses nothing and duplicates nothing: the end state
 * after the crash and a retry is the state of a run without a crash.
 */
class FaultInjectionTest {

    private static final PolicySet POLICIES = new PolicyLoader().load(Path.of("..", "config", "policies.yml"));
    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");

    /** Thrown at a checkpoint: the process "dies" there, its transaction is never committed. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(String step) {
            super("crash at " + step);
        }
    }

    private static List<LeadEvent> breachingLeads(int n) {
        List<LeadEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Integer.toString(7000 + i);
            events.add(new LeadEvent("mql-" + id, Crm.HUBSPOT, "contact", id, EventType.MQL_QUALIFIED, MONDAY_9,
                    Map.of("score", "90")));
            events.add(new LeadEvent("handoff-" + id, Crm.HUBSPOT, "contact", id, EventType.HANDED_OFF, MONDAY_9,
                    Map.of("ownerId", "77", "ownerRegion", "EMEA")));
            events.add(new LeadEvent("rejected-" + id, Crm.HUBSPOT, "contact", id, EventType.REJECTED,
                    MONDAY_9.plusSeconds(600 + i), Map.of()));
        }
        return events;
    }

    /** What the store holds, for comparing runs. */
    private static List<String> snapshot(Store store, int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LeadKey lead = new LeadKey(Crm.HUBSPOT, Integer.toString(7000 + i));
            lines.add(lead + " " + store.leads().clocks(lead) + " stale=" + store.leads().find(lead).orElseThrow());
        }
        lines.add("outbox " + store.outbox().ready(Instant.parse("2100-01-01T00:00:00Z"), 1000).stream()
                .map(w -> w.lead() + ":" + w.sla()).sorted().toList());
        lines.add("tasks " + store.tasks().pending(1000).stream().map(io.leadsla.connector.api.TaskRequest::key).sorted().toList());
        return lines;
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aCrashAtAnyStepThenARetryEndsAsARunWithoutCrash(Backend backend) {
        int leads = 5;
        // after the rejections' 4-business-hour grace for a reason (14:10 Paris): each asks for one
        MutableClock clock = new MutableClock(MONDAY_9.plus(java.time.Duration.ofHours(6)));
        Store reference = Store.open(StoreBackends.fresh(backend), backend, clock);
        reference.events().append(breachingLeads(leads), MONDAY_9);
        new LeadFolder(reference, new ClockEngine(POLICIES), clock).foldStale(100);
        List<String> expected = snapshot(reference, leads);

        for (String step : List.of("clocks-saved", "write-back-queued", "tasks-requested")) {
            for (int crashAfter = 0; crashAfter < 3; crashAfter++) {
                Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
                store.events().append(breachingLeads(leads), MONDAY_9);
                int[] reached = {0};
                int limit = crashAfter;
                LeadFolder crashing = new LeadFolder(store, new ClockEngine(POLICIES), clock, s -> {
                    if (s.equals(step) && reached[0]++ == limit) {
                        throw new Crash(s);
                    }
                });
                assertThatThrownBy(() -> crashing.foldStale(100)).isInstanceOf(Crash.class);
                assertThat(store.outbox().count()).as("nothing of the crashed batch is visible").isZero();
                assertThat(store.tasks().count()).isZero();

                new LeadFolder(store, new ClockEngine(POLICIES), clock).foldStale(100);
                new LeadFolder(store, new ClockEngine(POLICIES), clock).foldStale(100); // a second pass changes nothing
                assertThat(snapshot(store, leads)).as("crash at %s after %d leads", step, crashAfter).isEqualTo(expected);
            }
        }
        assertThat(reference.tasks().count()).as("one missing-reason task per lead").isEqualTo(leads);
    }

    @Test
    void aDeadInstancesClaimsAreTakenOver() throws Exception {
        DataSource ds = StoreBackends.fresh(Backend.POSTGRESQL);
        MutableClock clock = new MutableClock(MONDAY_9.plus(java.time.Duration.ofHours(6)));
        Store store = Store.open(ds, Backend.POSTGRESQL, clock);
        store.events().append(breachingLeads(10), MONDAY_9);

        // instance A claims 4 leads and dies before committing (its connection goes away)
        Connection a = ds.getConnection();
        a.setAutoCommit(false);
        try (PreparedStatement claim = a.prepareStatement(
                "SELECT record_id FROM leads WHERE stale = TRUE ORDER BY crm, record_id LIMIT 4 FOR UPDATE SKIP LOCKED");
             ResultSet rs = claim.executeQuery()) {
            int claimed = 0;
            while (rs.next()) {
                claimed++;
            }
            assertThat(claimed).isEqualTo(4);
        }
        LeadFolder b = new LeadFolder(store, new ClockEngine(POLICIES), clock);
        assertThat(b.foldStale(100)).as("B skips A's claimed rows while A lives").isEqualTo(6);
        a.close(); // A is gone: PostgreSQL rolls its transaction back and releases the rows
        assertThat(b.foldStale(100)).as("B takes A's leads over").isEqualTo(4);
        assertThat(store.leads().stale(100)).isEmpty();
        assertThat(store.tasks().count()).isEqualTo(10);
    }
}
