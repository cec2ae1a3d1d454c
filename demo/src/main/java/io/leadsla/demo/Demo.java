package io.leadsla.demo;

import io.leadsla.config.PolicyLoader;
import io.leadsla.connector.hubspot.mapping.ContactChangeInterpreter;
import io.leadsla.connector.salesforce.normalize.WatchedFields;
import io.leadsla.core.calendar.BusinessCalendar;
import io.leadsla.core.event.Crm;
import io.leadsla.core.policy.PolicySet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;

/**
 * The whole system on one machine: the HubSpot and Salesforce simulators on localhost, lead
 * traffic through both, and the leadsla server on the embedded store, all on one accelerated
 * clock. {@link #start} returns once the server answers and the traffic runs; {@link #close}
 * stops, in this order, the traffic, the server (requests in flight finish; the pipeline stops
 * after its step in flight and gives its leases up) and the simulators.
 */
public final class Demo implements AutoCloseable {

    /** The demo begins this long before the office opens. */
    static final Duration BEFORE_OPENING = Duration.ofMinutes(10);
    static final String BUNDLED_POLICIES = "/demo/policies.yml";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final DemoOptions options;
    private final PrintStream out;
    private final Path dataDir;
    private final boolean ownDataDir;
    private AcceleratedClock clock;
    private DemoCrms crms;
    private String storeUrl;
    private Server server;
    private DemoTraffic traffic;
    private DemoMonitor monitor;
    private boolean closed;

    private Demo(DemoOptions options, PrintStream out, Path dataDir, boolean ownDataDir) {
        this.options = options;
        this.out = out;
        this.dataDir = dataDir;
        this.ownDataDir = ownDataDir;
    }

    /** Starts everything; on a failure, stops what had started and throws. */
    public static Demo start(DemoOptions options, PrintStream out) throws Exception {
        for (int port : List.of(options.port(), options.port() + 1)) {
            if (!free(port)) {
                throw new IllegalArgumentException("port " + port + " is in use: the demo needs --port and the next "
                        + "one (application and admin); choose others with --port");
            }
        }
        Path dataDir = options.dataDir();
        boolean own = dataDir == null;
        if (own) {
            dataDir = Files.createTempDirectory("leadsla-demo-");
        } else {
            Files.createDirectories(dataDir);
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--data " + dataDir + " is not empty: the demo's simulated CRMs "
                            + "start empty on every run, so its store must too (give a new or empty directory)");
                }
            }
        }
        Demo demo = new Demo(options, out, dataDir.toAbsolutePath(), own);
        try {
            demo.boot();
            return demo;
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    private void boot() throws Exception {
        long began = System.nanoTime();
        Path policiesFile = policies();
        PolicySet policies = new PolicyLoader().load(policiesFile);
        BusinessCalendar emea = policies.reportingCalendar();
        BusinessCalendar na = policies.calendars().getOrDefault("na", emea);
        Instant start = options.start() != null ? options.start()
                : AcceleratedClock.beforeNextOpening(emea, Instant.now(), BEFORE_OPENING);
        clock = new AcceleratedClock(start, options.speed());
        out.println("leadsla demo: starting the HubSpot and Salesforce simulators and the service …");

        crms = DemoCrms.start(clock);
        DemoConfig config = new DemoConfig(crms, policiesFile, dataDir, options.port(), options.speed(), emea.zone().getId());
        Path yaml = config.write(dataDir.resolve("leadsla-demo.yml"));
        storeUrl = DemoConfig.storeUrl(dataDir);

        server = new DemoApplication(clock).start(yaml.toString());

        String local = "http://127.0.0.1:" + options.port();
        List<String> hubspotProperties = new ContactChangeInterpreter(config.hubspotMapping()).watchedProperties().stream()
                .sorted().toList();
        crms.deliverTo(URI.create(local + "/webhooks/hubspot"), hubspotProperties, URI.create(local + "/webhooks/salesforce?secret=" + config.salesforceEndpointSecret()),
                WatchedFields.of(config.salesforceMapping()).lead());

        traffic = new DemoTraffic(DemoTraffic.plan(options.seed(), start, emea, na), clock, crms);
        clock.start();
        traffic.start();
        String hubspotLead = firstLead(Crm.HUBSPOT);
        String salesforceLead = firstLead(Crm.SALESFORCE);
        printBanner(policiesFile, yaml, hubspotLead, salesforceLead, Duration.ofNanos(System.nanoTime() - began), emea);
        monitor = new DemoMonitor(clock, crms, traffic, out, emea.zone(), "http://localhost:" + options.port(), PROGRESS_EVERY);
        monitor.start();
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The policies given, else config/policies.yml when run from the repository, else the jar's copy. */
    private Path policies() {
        if (options.policies() != null) {
            if (!Files.isReadable(options.policies())) {
                throw new IllegalArgumentException("--policies " + options.policies() + ": no such file");
            }
            return options.policies().toAbsolutePath();
        }
        Path repository = Path.of("config", "policies.yml");
        if (Files.isReadable(repository)) {
            return repository.toAbsolutePath();
        }
        Path copy = dataDir.resolve("policies.yml");
        try (InputStream bundled = Demo.class.getResourceAsStream(BUNDLED_POLICIES)) {
            if (bundled == null) {
                throw new IllegalStateException("the jar has no " + BUNDLED_POLICIES);
            }
            Files.copy(bundled, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled policies to " + copy, e);
        }
        return copy;
    }

    /** The first lead's record id, once the traffic created it (a few real seconds at most). */
    private String firstLead(Crm crm) throws InterruptedException {
        // the opening's first leads arrive within 3 simulated minutes
        long wait = Math.min(5_000, clock.realTimeOf(Duration.ofMinutes(3)).toMillis() + 2_000);
        try {
            return traffic.firstLead(crm).get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    private void printBanner(Path policies, Path yaml, String hubspotLead, String salesforceLead, Duration took,
                             BusinessCalendar calendar) {
        String app = "http://localhost:" + options.port();
        String admin = "http://localhost:" + (options.port() + 1);
        long speed = options.speed();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH).withZone(calendar.zone());
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ENGLISH, "%nleadsla demo is running (ready in %.1f s). Nothing leaves this machine.%n%n",
                took.toMillis() / 1000.0));
        b.append("  Dashboard          ").append(app).append("/\n");
        b.append("  KPIs by owner      ").append(app).append("/api/kpis?groupBy=owner\n");
        b.append("  A HubSpot lead     ").append(app).append("/api/leads/hubspot/")
                .append(hubspotLead == null ? "{contactId}" : hubspotLead).append('\n');
        b.append("  A Salesforce lead  ").append(app).append("/api/leads/salesforce/")
                .append(salesforceLead == null ? "{leadId}" : salesforceLead).append('\n');
        b.append("  Admin              ").append(admin).append("/  (health: ").append(admin).append("/healthcheck)\n");
        b.append("  HubSpot simulator  ").append(crms.hubspot().baseUrl()).append("  (CRM v3 API; token ")
                .append(DemoCrms.HUBSPOT_TOKEN).append(")\n");
        b.append("  Salesforce sim.    ").append(crms.salesforce().baseUrl()).append("  (Partner SOAP API, OAuth)\n");
        b.append("  Data               ").append(dataDir).append(ownDataDir ? "  (removed at the end)" : "").append('\n');
        b.append("  Configuration      ").append(yaml).append("  (policies: ").append(policies).append(")\n");
        b.append("  Log                ").append(dataDir.resolve(DemoConfig.LOG_FILE)).append("\n\n");
        b.append(String.format(Locale.ENGLISH, "  Time runs %d× faster: 1 real second = %s simulated. A demo request's 5-minute"
                        + " promise lasts %.1f real seconds, a standard lead's 4 business hours about %.0f.%n",
                speed, human(Duration.ofSeconds(speed)), 300.0 / speed, 4 * 3600.0 / speed));
        b.append("  Simulated time now: ").append(when.format(clock.instant())).append(' ').append(calendar.zone().getId())
                .append(" (the office opens at ").append(DateTimeFormatter.ofPattern("HH:mm").withZone(calendar.zone())
                        .format(clock.startInstant().plus(BEFORE_OPENING))).append(").\n");
        b.append("  Sales team: HubSpot ").append(team(Crm.HUBSPOT)).append("; Salesforce ").append(team(Crm.SALESFORCE))
                .append(".\n");
        b.append("  Traffic seed ").append(options.seed()).append(". Ctrl-C stops the demo.\n");
        out.println(b);
    }

    private static String team(Crm crm) {
        return Rep.of(crm).stream().map(Rep::toString).collect(Collectors.joining(", "));
    }

    private static String human(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.getSeconds() + " seconds";
    }

    /** The demo's clock. */
    public AcceleratedClock clock() {
        return clock;
    }

    Path dataDir() {
        return dataDir;
    }

    DemoCrms crms() {
        return crms;
    }

    DemoTraffic traffic() {
        return traffic;
    }

    /**
     * Stops the traffic, lets the CRMs deliver what they had queued (up to 2 s), stops the server
     * (Jetty lets requests in flight finish; the pipeline finishes its step and releases its
     * leases), closes the store and the simulators, and removes a temporary data directory.
     * Safe to call twice, and from a shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean running = server != null;
        if (running) {
            out.println("Stopping the demo: traffic, then leadsla, then the simulators …");
        }
        try {
            if (monitor != null) {
                monitor.close();
            }
            if (traffic != null) {
                traffic.close();
            }
            if (crms != null && server != null) {
                crms.drain(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            out.println("the server did not stop cleanly: " + e);
        } finally {
            shutDownStore();
            if (crms != null) {
                crms.close();
            }
            if (ownDataDir) {
                delete(dataDir);
            }
        }
        if (running) {
            out.println("Demo stopped.");
        }
        out.flush();
    }

    /** The embedded database stays open after its pool closed (DB_CLOSE_DELAY=-1): close its file. */
    private void shutDownStore() {
        if (storeUrl == null || !Files.exists(dataDir.resolve("store"))) {
            return;
        }
        try (Connection c = DriverManager.getConnection(storeUrl); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind in the temporary directory
                }
            });
        } catch (IOException e) {
            // left behind in the temporary directory
        }
    }
}
