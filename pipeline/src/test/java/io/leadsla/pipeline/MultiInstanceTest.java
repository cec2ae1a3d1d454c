package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.StoreDataSource;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreBackends;
import io.leadsla.store.MutableClock;
import io.leadsla.store.OutboxRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.leadsla.config.PolicyLoader;
import io.leadsla.connector.event.LeadEventsNormalizer;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.policy.PolicySet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Three instances on one PostgreSQL database share 10,000 leads with deadlines; the instance
 * holding the CRM account's writer lease is killed in the middle of the breach wave (its
 * connections cut, its transactions rolled back, no lease released, no further CRM call). At the
 * end every breach produced exactly one write-back command and one breach task request, the CRM
 * has every record's latest state and one task per breach, and no two instances ever wrote to the
 * account at the same time.
 */
class MultiInstanceTest {

    private static final PolicySet POLICIES = new PolicyLoader().load(Path.of("..", "config", "policies.yml"));
    /** Monday 09:00 in Paris: the EMEA calendar is open. */
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final int LEADS = 10_000;
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** One leadsla process: its own connection pool, pipeline worker and writer. */
    private static final class Instance {
        final String name;
        final KillableDataSource physical;
        final HikariDataSource pool;
        final Store store;
        final PipelineWorker worker;

        Instance(String name, String url, MutableClock clock, RecordingCrm crm) {
            this.name = name;
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser("postgres");
            this.physical = new KillableDataSource(pg);
            HikariConfig config = new HikariConfig();
            config.setDataSource(physical);
            config.setMaximumPoolSize(3);
            config.setPoolName(name);
            config.setConnectionTimeout(2_000);
            this.pool = new HikariDataSource(config);
            this.store = Store.open(pool, Backend.POSTGRESQL, clock);
            LeadFolder folder = new LeadFolder(store, new ClockEngine(POLICIES), clock);
            InboxProcessor inbox = new InboxProcessor(store, List.of(new LeadEventsNormalizer()), clock);
            OutboxWriter writer = new OutboxWriter(store, crm.as(name), name, LEASE, clock);
            // built without the release-on-close of PipelineWorker.of: a killed process releases nothing
            this.worker = new PipelineWorker(List.of(
                    new PipelineWorker.Step("inbox", () -> inbox.processPending(20).items()),
                    new PipelineWorker.Step("fold-stale", () -> folder.foldStale(200)),
                    new PipelineWorker.Step("fold-due", () -> folder.foldDue(200)),
                    new PipelineWorker.Step("writer", writer::runOnce)), Duration.ofMillis(20));
        }
    }

    @Test
    void threeInstancesShareTheWorkAndAKilledOneLosesNothing() throws Exception {
        String url = StoreBackends.freshPostgresUrl();
        MutableClock clock = new MutableClock(T0);
        RecordingCrm crm = new RecordingCrm(Crm.SALESFORCE, 200);
        List<Instance> instances = List.of(new Instance("i1", url, clock, crm), new Instance("i2", url, clock, crm),
                new Instance("i3", url, clock, crm));
        HikariDataSource observerPool = StoreDataSource.pooled(url, "postgres", null, 2, "observer");
        Store store = Store.open(observerPool, Backend.POSTGRESQL, clock); // the test's own view of the database
        LeadEventsNormalizer format = new LeadEventsNormalizer();
        try {
            instances.forEach(i -> i.worker.start());

            // 10,000 leads qualified and handed off a minute ago; a third are hot (5 minutes to a
            // first contact), the others standard (4 business hours). Webhooks reach every instance.
            List<List<LeadEvent>> batches = new ArrayList<>();
            for (int first = 0; first < LEADS; first += 100) {
                List<LeadEvent> batch = new ArrayList<>();
                for (int i = first; i < first + 100; i++) {
                    String id = id(i);
                    Instant at = T0.minusSeconds(60);
                    batch.add(new LeadEvent("mql-" + id, Crm.SALESFORCE, "lead", id, EventType.MQL_QUALIFIED, at,
                            Map.of("score", hot(i) ? "95" : "40")));
                    batch.add(new LeadEvent("handoff-" + id, Crm.SALESFORCE, "lead", id, EventType.HANDED_OFF, at,
                            Map.of("ownerId", "005R" + (i % 7), "ownerRegion", "EMEA")));
                }
                batches.add(batch);
            }
            deliver(instances, batches, format, "mql");
            settle(instances, clock, store);
            assertThat(crm.writes).as("every record got its ON_TRACK state").hasSize(LEADS);

            // a quarter of the reps call within two minutes
            clock.set(T0.plusSeconds(120));
            List<List<LeadEvent>> calls = new ArrayList<>();
            for (int first = 0; first < LEADS; first += 100) {
                List<LeadEvent> batch = new ArrayList<>();
                for (int i = first; i < first + 100; i++) {
                    if (contacted(i)) {
                        batch.add(new LeadEvent("call-" + id(i), Crm.SALESFORCE, "lead", id(i), EventType.CONTACT_ATTEMPT,
                                T0.plusSeconds(110), Map.of("channel", "call", "ownerId", "005R" + (i % 7))));
                    }
                }
                calls.add(batch);
            }
            deliver(instances, calls, format, "calls");
            settle(instances, clock, store);

            // the hot leads nobody called breach; the writer lease holder dies in the middle of it
            clock.set(T0.plusSeconds(6 * 60));
            instances.forEach(i -> i.worker.wakeUp());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> crm.tasks.size() >= 300);
            // the clock's jump expired the lease: whoever writes now holds it
            String holder = store.leases().find(OutboxWriter.accountLease(crm.as("x").apiAccount())).orElseThrow().holder();
            Instance victim = instances.stream().filter(i -> i.name.equals(holder)).findFirst().orElseThrow();
            int tasksBeforeKill = crm.tasks.size();
            assertThat(tasksBeforeKill).as("the kill comes in the middle of the breach wave").isBetween(300, hotBreaches() - 1);
            kill(victim, crm);
            List<Instance> survivors = instances.stream().filter(i -> i != victim).toList();
            clock.advance(LEASE); // the dead holder's lease runs out
            settle(survivors, clock, store);

            // the standard leads nobody called breach after 4 business hours (14:00 Paris, lunch excluded)
            clock.set(Instant.parse("2026-11-23T13:05:00Z"));
            settle(survivors, clock, store);

            verify(store, crm, victim.name);
        } finally {
            for (Instance i : instances) {
                i.worker.close();
                i.pool.close();
            }
            observerPool.close();
        }
    }

    private static String id(int i) {
        return "00Q" + i;
    }

    private static boolean hot(int i) {
        return i % 3 == 0;
    }

    private static boolean contacted(int i) {
        return i % 4 == 1;
    }

    private static int hotBreaches() {
        int n = 0;
        for (int i = 0; i < LEADS; i++) {
            if (hot(i) && !contacted(i)) {
                n++;
            }
        }
        return n;
    }

    /** Each batch goes to one instance's inbox, round robin (and a few twice, as CRMs redeliver). */
    private static void deliver(List<Instance> instances, List<List<LeadEvent>> batches, LeadEventsNormalizer format,
                                String prefix) {
        for (int b = 0; b < batches.size(); b++) {
            Instance to = instances.get(b % instances.size());
            String body = format.body(batches.get(b));
            to.store.inbox().append(LeadEventsNormalizer.SOURCE, prefix + "-" + b, T0, body);
            if (b % 10 == 0) { // a redelivery with another delivery id reaches another instance
                instances.get((b + 1) % instances.size()).store.inbox()
                        .append(LeadEventsNormalizer.SOURCE, prefix + "-" + b + "-retry", T0, body);
            }
            to.worker.wakeUp();
        }
    }

    /**
     * Waits until the instances have done everything there is to do at the clock's time: inbox
     * read, every lead folded, nothing due, outbox sent, tasks made. Write-backs failed by a kill
     * wait for their backoff: the clock is moved on in steps of 10 s then.
     */
    private static void settle(List<Instance> instances, MutableClock clock, Store store) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                Instant now = clock.instant();
                boolean folded = store.inbox().countPending() == 0 && store.leads().stale(1).isEmpty()
                        && store.leads().changingBy(now, 1).isEmpty();
                boolean written = store.outbox().count() == 0 && store.tasks().pending(1).isEmpty();
                if (folded && written) {
                    return true;
                }
                if (folded && store.outbox().ready(now, 1).isEmpty()
                        && store.tasks().ready(Crm.SALESFORCE, LeadKey.DEFAULT_ACCOUNT, now, 1).isEmpty()) {
                    clock.advance(Duration.ofSeconds(10));
                }
                instances.forEach(i -> i.worker.wakeUp());
                return false;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the instances did not settle within 120 s: inbox " + store.inbox().countPending()
                    + ", stale " + store.leads().stale(10).size() + ", outbox " + store.outbox().count()
                    + ", tasks pending " + store.tasks().pending(10).size(), e);
        }
    }

    /** Like kill -9: connections cut mid-transaction, no more CRM calls, nothing released. */
    private static void kill(Instance victim, RecordingCrm crm) throws InterruptedException {
        crm.dead.add(victim.name);
        victim.physical.kill();
        victim.pool.close();
        victim.worker.close();
    }

    private static void verify(Store store, RecordingCrm crm, String killed) {
        int expectedBreaches = 0;
        Map<String, Integer> taskRequestsByLead = new HashMap<>();
        store.jdbi().useHandle(h -> h.createQuery("SELECT record_id, COUNT(*) FROM task_requests WHERE kind = 'BREACH' GROUP BY record_id")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> taskRequestsByLead.put(e.getKey(), e.getValue())));
        for (int i = 0; i < LEADS; i++) {
            LeadKey lead = new LeadKey(Crm.SALESFORCE, id(i));
            boolean breached = !contacted(i);
            expectedBreaches += breached ? 1 : 0;
            List<OutboxRepository.LoggedWriteBack> log = store.outbox().history(lead);
            int turnedBreached = 0;
            String previous = null;
            for (OutboxRepository.LoggedWriteBack w : log) {
                assertThat(w.payload()).as("lead %s: no command twice in a row", lead).isNotEqualTo(previous);
                if (w.payload().contains("\"status\":\"BREACHED\"") && (previous == null || !previous.contains("\"status\":\"BREACHED\""))) {
                    turnedBreached++;
                }
                previous = w.payload();
            }
            assertThat(turnedBreached).as("lead %s: write-back commands announcing its breach: %s", lead, log).isEqualTo(breached ? 1 : 0);
            assertThat(taskRequestsByLead.getOrDefault(id(i), 0)).as("lead %s: breach task requests", lead)
                    .isEqualTo(breached ? 1 : 0);
            assertThat(crm.lastWrite(lead)).as("lead %s: the CRM has its latest state", lead)
                    .isEqualTo(store.leads().find(lead).orElseThrow().queuedSla());
        }
        assertThat(expectedBreaches).isEqualTo(7_500);
        assertThat(store.tasks().count()).isEqualTo(expectedBreaches);
        assertThat(crm.tasks).as("one CRM task per breach").hasSize(expectedBreaches);
        // the fake CRM keeps one task per key by construction: count the create calls instead.
        // Only a task whose create was answered but not yet recorded when its writer died may be
        // asked for again (the connector's idempotent create then finds it).
        long repeated = crm.taskCalls.values().stream().filter(n -> n.get() > 1).count();
        assertThat(repeated).as("task creates repeated after the kill").isLessThanOrEqualTo(1);
        store.tasks().pending(1).forEach(t -> { throw new AssertionError("task still pending: " + t); });
        Set<String> killedCalls = ConcurrentHashMap.newKeySet();
        List<RecordingCrm.Call> calls = new ArrayList<>(crm.calls);
        calls.sort(Comparator.comparingLong(RecordingCrm.Call::startNanos));
        for (int k = 1; k < calls.size(); k++) {
            RecordingCrm.Call before = calls.get(k - 1);
            RecordingCrm.Call after = calls.get(k);
            if (!before.instance().equals(after.instance())) {
                assertThat(before.endNanos()).as("one writer at a time: %s then %s", before, after).isLessThanOrEqualTo(after.startNanos());
            }
            if (before.instance().equals(killed)) {
                killedCalls.add(before.what());
            }
        }
        assertThat(killedCalls).as("the killed instance was the account's writer").isNotEmpty();
        assertThat(calls.get(calls.size() - 1).instance()).as("another instance took over").isNotEqualTo(killed);
    }

    /** Hands out physical connections and can cut them all at once, as a dying process does. */
    private static final class KillableDataSource implements DataSource {
        private final DataSource target;
        private final Set<Connection> opened = ConcurrentHashMap.newKeySet();
        private volatile boolean dead;

        KillableDataSource(DataSource target) {
            this.target = target;
        }

        void kill() {
            dead = true;
            var executor = Executors.newCachedThreadPool();
            for (Connection c : opened) {
                try {
                    c.abort(executor); // the socket closes: PostgreSQL rolls back and frees the row locks
                } catch (SQLException ignored) {
                    // already closed
                }
            }
            executor.shutdown();
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (dead) {
                throw new SQLException("the process is dead");
            }
            Connection c = target.getConnection();
            opened.add(c);
            return c;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("leadsla");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
