package io.leadsla.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.leadsla.config.PolicyLoader;
import io.leadsla.connector.event.LeadEventsNormalizer;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.store.Backend;
import io.leadsla.pipeline.InboxProcessor;
import io.leadsla.pipeline.LeadFolder;
import io.leadsla.store.OutboxRepository;
import io.leadsla.store.Store;
import io.leadsla.store.StoreDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Store benchmarks, run from the repository root:
 * <pre>
 * java -Xmx512m -cp bench/target/benchmarks.jar io.leadsla.bench.StoreBenchmark --backend embedded --leads 1000000 --due 10000
 * </pre>
 * 1. ingest through the pipeline: webhook-sized inbox items (100 leads, 200 events each) stored,
 *    normalized and committed as events (each new event marks its lead stale); events per second
 *    from the first item stored to the last event committed;
 * 2. fold: every stale lead folded (events → clocks → outbox), with {@code --fold-threads} workers;
 * 3. breach latency: with {@code --leads} open clocks in the store (due hours later), {@code --due}
 *    more hot leads breach during the run in real time, spread over a window; the time from each
 *    due instant to the commit of the fold that queued its BREACHED write-back, p50/p99/max, with
 *    the fold loop polling every 100 ms when idle. Heap after a full GC is printed between phases.
 */
public final class StoreBenchmark {

    private static final int LEADS_PER_ITEM = 100;
    private static final LeadEventsNormalizer FORMAT = new LeadEventsNormalizer();

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String backend = "embedded";
        int leads = 100_000;
        int due = 5_000;
        int foldThreads = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--backend" -> backend = args[i + 1];
                case "--leads" -> leads = Integer.parseInt(args[i + 1]);
                case "--due" -> due = Integer.parseInt(args[i + 1]);
                case "--fold-threads" -> foldThreads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PolicySet policies = new PolicyLoader().load(Path.of("config", "policies.yml"));
        EmbeddedPostgres pg = null;
        String url;
        if (backend.equals("postgresql")) {
            // durable commits, as in production: the library's defaults are fsync off and synchronous_commit off
            pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
            url = pg.getJdbcUrl("postgres", "postgres");
        } else {
            url = Backend.embeddedUrl(Files.createTempDirectory("leadsla-bench"));
        }
        try (HikariDataSource ds = StoreDataSource.pooled(url, "postgres", null, foldThreads + 2, "bench")) {
            run(Store.open(ds, Backend.ofUrl(url), Clock.systemUTC()), policies, leads, due, foldThreads);
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static void run(Store store, PolicySet policies, int leads, int due, int foldThreads) throws Exception {
        Clock clock = Clock.systemUTC();
        Backend kind = store.backend();
        InboxProcessor inbox = new InboxProcessor(store, List.of(FORMAT), clock);
        LeadFolder folder = new LeadFolder(store, new ClockEngine(policies), clock);
        heap("start");

        // 1. the open clocks: hot leads handed off now, due in 6 hours (+ up to 1 h), never due in the run
        Instant handoff = clock.instant().plus(Duration.ofHours(6)).minus(Duration.ofMinutes(5));
        long started = System.nanoTime();
        long events = ingest(store, inbox, 0, leads, i -> handoff.plusSeconds(i % 3600));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: ingest through the pipeline %,d events in %.1f s = %,.0f events/s%n", kind,
                events, seconds, events / seconds);
        heap("after ingest");

        started = System.nanoTime();
        int folded = foldAll(folder, foldThreads);
        seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: fold %,d leads in %.1f s = %,.0f leads/s (%d threads)%n", kind, folded, seconds,
                folded / seconds, foldThreads);
        // the initial write-backs (every lead ON_TRACK) are not what is measured: clear them at once
        store.jdbi().useHandle(h -> h.execute("DELETE FROM outbox"));
        heap("after fold, " + leads + " open clocks");

        // 2. the breach wave: `due` hot leads whose 5 minutes run out over `window`, from 20 s from now
        Duration window = Duration.ofSeconds(Math.max(20, due / 500));
        Instant firstDue = clock.instant().plusSeconds(20);
        Instant[] dueAt = new Instant[due];
        for (int i = 0; i < due; i++) {
            dueAt[i] = firstDue.plusMillis(window.toMillis() * i / due);
        }
        ingest(store, inbox, leads, due, i -> dueAt[i - leads].minus(Duration.ofMinutes(5)));
        foldAll(folder, foldThreads);
        store.jdbi().useHandle(h -> h.execute("DELETE FROM outbox"));
        if (clock.instant().isAfter(firstDue)) {
            System.out.printf("setup of the wave overran by %s: latencies include that delay%n",
                    Duration.between(firstDue, clock.instant()));
        }

        long[] latencyMillis = new long[due];
        Arrays.fill(latencyMillis, -1);
        int seen = 0;
        Instant deadline = firstDue.plus(window).plusSeconds(30);
        while (seen < due && clock.instant().isBefore(deadline)) {
            int n = folder.foldDue(500);
            Instant committed = clock.instant();
            for (io.leadsla.connector.api.WriteBack w : store.outbox().ready(Instant.parse("2100-01-01T00:00:00Z"), 5000)) {
                int i = Integer.parseInt(w.lead().recordId()) - leads;
                if (w.sla().status() == io.leadsla.core.clock.ClockStatus.BREACHED && i >= 0 && latencyMillis[i] < 0) {
                    latencyMillis[i] = Duration.between(dueAt[i], committed).toMillis();
                    seen++;
                }
                store.outbox().written(w.lead(), w.version());
            }
            if (n == 0) {
                Thread.sleep(100); // the pipeline worker's idle poll
            }
        }
        long[] measured = Arrays.stream(latencyMillis).filter(l -> l >= 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: breach latency over %,d of %,d due clocks with %,d open clocks: "
                        + "p50 %d ms, p99 %d ms, max %d ms%n", kind, measured.length, due, leads + due,
                measured[measured.length / 2], measured[(int) Math.ceil(measured.length * 0.99) - 1],
                measured[measured.length - 1]);
        heap("after the breach wave");
    }

    /** Stores leads [first, first + count) as webhook-sized inbox items and normalizes them. */
    private static long ingest(Store store, InboxProcessor inbox, int first, int count,
                               java.util.function.IntFunction<Instant> handoffOf) {
        long events = 0;
        List<LeadEvent> batch = new ArrayList<>(2 * LEADS_PER_ITEM);
        Instant now = Instant.now();
        for (int i = first; i < first + count; i++) {
            String id = Integer.toString(i);
            Instant at = handoffOf.apply(i);
            batch.add(new LeadEvent("mql-" + id, Crm.HUBSPOT, "contact", id, EventType.MQL_QUALIFIED, at,
                    Map.of("score", "95")));
            batch.add(new LeadEvent("handoff-" + id, Crm.HUBSPOT, "contact", id, EventType.HANDED_OFF, at,
                    Map.of("ownerId", "77", "ownerRegion", "EMEA")));
            if (batch.size() == 2 * LEADS_PER_ITEM || i == first + count - 1) {
                store.inbox().append(LeadEventsNormalizer.SOURCE, "item-" + i, now, FORMAT.body(batch));
                batch.clear();
            }
            if ((i - first) % 10_000 == 9_999 || i == first + count - 1) {
                for (InboxProcessor.Round r = inbox.processPending(10); r.items() > 0; r = inbox.processPending(10)) {
                    events += r.newEvents();
                }
            }
        }
        return events;
    }

    private static int foldAll(LeadFolder folder, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger folded = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int n = folder.foldStale(1000); n > 0; n = folder.foldStale(1000)) {
                    folded.addAndGet(n);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return folded.get();
    }

    private static void heap(String when) {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "heap after GC, %s: %,d MiB (max %,d MiB)%n", when, used >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
