package io.leadsla.bench;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.store.Backend;
import io.leadsla.store.LeadFolder;
import io.leadsla.store.OutboxRepository;
import io.leadsla.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Store benchmarks, run from the repository root:
 * <pre>
 * java -cp bench/target/benchmarks.jar io.leadsla.bench.StoreBenchmark --backend embedded --leads 1000000 --due 10000
 * </pre>
 * 1. ingest: normalized events committed per second (batches of 1,000 per transaction);
 * 2. fold: leads folded per second through the store (events → clocks → outbox);
 * 3. breach latency: with {@code --leads} open clocks in the store, {@code --due} of them breach
 *    during the run in real time; the time from each due instant to the commit of its breached
 *    write-back, p50/p99/max, while the fold loop polls every 100 ms when idle.
 */
public final class StoreBenchmark {

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String backend = "embedded";
        int leads = 100_000;
        int due = 5_000;
        Integer setupSeconds = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--backend" -> backend = args[i + 1];
                case "--leads" -> leads = Integer.parseInt(args[i + 1]);
                case "--due" -> due = Integer.parseInt(args[i + 1]);
                case "--setup-seconds" -> setupSeconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PolicySet policies = new PolicyLoader().load(Path.of("config", "policies.yml"));
        EmbeddedPostgres pg = null;
        DataSource ds;
        Backend kind;
        if (backend.equals("postgresql")) {
            pg = EmbeddedPostgres.builder().start();
            ds = pg.getPostgresDatabase();
            kind = Backend.POSTGRESQL;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(Backend.embeddedUrl(Files.createTempDirectory("leadsla-bench")));
            ds = h2;
            kind = Backend.EMBEDDED;
        }
        try {
            run(kind, ds, policies, leads, due,
                    setupSeconds == null ? Duration.ofSeconds(20 + leads / 1_000) : Duration.ofSeconds(setupSeconds));
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** @param setup time to ingest and fold before the first clock is due (a conservative guess) */
    private static void run(Backend kind, DataSource ds, PolicySet policies, int leads, int due, Duration setup)
            throws Exception {
        Clock clock = Clock.systemUTC();
        Store store = Store.open(ds, kind, clock);
        // hot leads (5-minute first contact): the first `due` breach during the run, spread over
        // `window`; the others breach hours later, so they are open clocks the scheduler must not touch
        Duration window = Duration.ofSeconds(Math.max(20, due / 500));
        Instant setupEnd = clock.instant().plus(setup);
        Instant[] dueAt = new Instant[leads];
        long started = System.nanoTime();
        List<LeadEvent> batch = new ArrayList<>(1000);
        for (int i = 0; i < leads; i++) {
            dueAt[i] = i < due
                    ? setupEnd.plusMillis(window.toMillis() * i / due)
                    : setupEnd.plus(Duration.ofHours(6)).plusSeconds(i % 3600);
            Instant handoff = dueAt[i].minus(Duration.ofMinutes(5));
            String id = Integer.toString(i);
            batch.add(new LeadEvent("mql-" + id, Crm.HUBSPOT, "contact", id, EventType.MQL_QUALIFIED, handoff,
                    Map.of("score", "95")));
            batch.add(new LeadEvent("handoff-" + id, Crm.HUBSPOT, "contact", id, EventType.HANDED_OFF, handoff,
                    Map.of("ownerId", "77", "ownerRegion", "EMEA")));
            if (batch.size() >= 1000) {
                store.events().append(batch, clock.instant());
                batch.clear();
            }
        }
        store.events().append(batch, clock.instant());
        double ingestSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: ingest %,d events in %.1f s = %,.0f events/s%n", kind, 2L * leads,
                ingestSeconds, 2L * leads / ingestSeconds);

        LeadFolder folder = new LeadFolder(store, new ClockEngine(policies), clock);
        started = System.nanoTime();
        int folded = 0;
        for (int n = folder.foldStale(1000); n > 0; n = folder.foldStale(1000)) {
            folded += n;
        }
        double foldSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: fold %,d leads in %.1f s = %,.0f leads/s%n", kind, folded, foldSeconds,
                folded / foldSeconds);
        // the initial write-backs (every lead ON_TRACK) are not what is measured: clear them at once
        store.jdbi().useHandle(h -> h.execute("DELETE FROM outbox"));
        if (clock.instant().isAfter(setupEnd)) {
            System.out.printf("setup overran its estimate by %s: latencies include that delay%n",
                    Duration.between(setupEnd, clock.instant()));
        }

        long[] latencyMillis = new long[due];
        Arrays.fill(latencyMillis, -1);
        int seen = 0;
        Instant deadline = setupEnd.plus(window).plusSeconds(30);
        while (seen < due && clock.instant().isBefore(deadline)) {
            int n = folder.foldDue(500);
            Instant committed = clock.instant();
            for (OutboxRepository.WriteBack w : store.outbox().ready(Instant.parse("2100-01-01T00:00:00Z"), 5000)) {
                int i = Integer.parseInt(w.lead().recordId());
                if (w.payload().contains("BREACHED") && i < due && latencyMillis[i] < 0) {
                    latencyMillis[i] = Duration.between(dueAt[i], committed).toMillis();
                    seen++;
                }
                store.outbox().written(w.lead(), w.version());
            }
            if (n == 0) {
                Thread.sleep(100); // the scheduler's idle poll
            }
        }
        long[] measured = Arrays.stream(latencyMillis).filter(l -> l >= 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: breach latency over %,d of %,d due clocks with %,d open clocks: "
                        + "p50 %d ms, p99 %d ms, max %d ms%n", kind, measured.length, due, leads,
                measured[measured.length / 2], measured[(int) Math.ceil(measured.length * 0.99) - 1],
                measured[measured.length - 1]);
    }
}
