package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreBackends;
import io.leadsla.store.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.policy.PolicySet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Several instances on one PostgreSQL: claims skip locked rows, so each due lead is folded by
 * exactly one of them and each breach asks for exactly one task. PostgreSQL only: the embedded
 * store serves one process (see docs/ARCHITECTURE.md).
 */
class ConcurrentFoldingTest {

    private static final PolicySet POLICIES = new PolicyLoader().load(Path.of("..", "config", "policies.yml"));
    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");
    private static final int LEADS = 600;

    @Test
    void instancesShareDueLeadsAndEachBreachIsActedOnOnce() throws Exception {
        DataSource ds = StoreBackends.fresh(Backend.POSTGRESQL);
        MutableClock clock = new MutableClock(MONDAY_9);
        Store setup = Store.open(ds, Backend.POSTGRESQL, clock);
        List<LeadEvent> events = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            String id = Integer.toString(10_000 + i);
            events.add(new LeadEvent("mql-" + id, Crm.HUBSPOT, "contact", id, EventType.MQL_QUALIFIED, MONDAY_9,
                    Map.of("score", "95")));
            events.add(new LeadEvent("handoff-" + id, Crm.HUBSPOT, "contact", id, EventType.HANDED_OFF, MONDAY_9,
                    Map.of("ownerId", "77", "ownerRegion", "EMEA")));
        }
        setup.events().append(events, MONDAY_9);
        new LeadFolder(setup, new ClockEngine(POLICIES), clock).foldStale(LEADS);
        clock.set(MONDAY_9.plusSeconds(300)); // every hot lead's 5 minutes are up

        int instances = 3;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<Integer>> folded = new ArrayList<>();
        for (int n = 0; n < instances; n++) {
            Store store = Store.open(ds, Backend.POSTGRESQL, clock);
            LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
            folded.add(pool.submit((Callable<Integer>) () -> {
                int total = 0;
                for (int batch = folder.foldDue(25); batch > 0; batch = folder.foldDue(25)) {
                    total += batch;
                }
                return total;
            }));
        }
        int total = 0;
        List<Integer> perInstance = new ArrayList<>();
        for (Future<Integer> f : folded) {
            perInstance.add(f.get());
            total += perInstance.get(perInstance.size() - 1);
        }
        pool.shutdown();

        assertThat(total).as("each due lead folded once, across instances %s", perInstance).isEqualTo(LEADS);
        assertThat(setup.tasks().count()).as("one breach task per lead").isEqualTo(LEADS);
        assertThat(setup.outbox().count()).as("one pending write-back per record").isEqualTo(LEADS);
        assertThat(setup.outbox().ready(clock.instant(), LEADS)).allSatisfy(w -> {
            assertThat(w.sla().status()).isEqualTo(io.leadsla.core.clock.ClockStatus.BREACHED);
            assertThat(w.version()).as("ON_TRACK then BREACHED: two states, nothing twice").isEqualTo(2);
        });
    }
}
