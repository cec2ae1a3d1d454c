package io.leadsla.demo;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code demo} (docs/SPEC.md): the whole system on one machine with nothing installed and no network —
 * the embedded store, HubSpot and Salesforce simulators on localhost with lead traffic through
 * both, an accelerated clock, and the service; prints where to look. Ctrl-C (SIGINT, SIGTERM)
 * stops it cleanly through a shutdown hook: the traffic, then the server, then the simulators;
 * the exit status is then 0.
 */
public class DemoCommand extends Command {

    private final PrintStream out;

    public DemoCommand() {
        this(System.out);
    }

    DemoCommand(PrintStream out) {
        super("demo", "Run leadsla with simulated HubSpot and Salesforce and lead traffic on an accelerated clock "
                + "(nothing to install, no network); Ctrl-C stops it");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--speed").type(Long.class).setDefault(DemoOptions.DEFAULT_SPEED)
                .help("how many times faster than real time the demo's clock runs (" + DemoOptions.DEFAULT_SPEED
                        + ": 1 real second = 6 simulated minutes)");
        subparser.addArgument("--port").type(Integer.class).setDefault(DemoOptions.DEFAULT_PORT)
                .help("the application port; the admin port is the next one");
        subparser.addArgument("--data").metavar("DIR")
                .help("an empty or new directory for the store and the generated configuration, kept afterwards "
                        + "(default: a temporary directory, removed at the end)");
        subparser.addArgument("--policies").metavar("FILE")
                .help("the SLA policies (default: config/policies.yml when present, else the example bundled in the jar)");
        subparser.addArgument("--seed").type(Long.class).setDefault(DemoOptions.DEFAULT_SEED)
                .help("seed of the lead traffic: the same seed and --start play the same traffic");
        subparser.addArgument("--start").metavar("INSTANT")
                .help("simulated start, e.g. 2026-11-23T07:50:00Z (default: 10 minutes before the office opens "
                        + "on the next working day of the policies' reporting calendar)");
    }

    /** The options the command line gives. */
    static DemoOptions options(Namespace namespace) {
        String data = namespace.getString("data");
        String policies = namespace.getString("policies");
        String start = namespace.getString("start");
        Instant startAt;
        try {
            startAt = start == null ? null : Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start '" + start + "' is not an instant such as 2026-11-23T07:50:00Z");
        }
        return new DemoOptions(namespace.getLong("speed"), namespace.getInt("port"), data == null ? null : Path.of(data),
                policies == null ? null : Path.of(policies), namespace.getLong("seed"), startAt);
    }

    /** A wrong option or an unusable --data or --policies: the reason, without a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalArgumentException) {
            cli.getStdErr().println("demo: " + e.getMessage());
            cli.getStdErr().flush();
        } else {
            super.onError(cli, namespace, e);
        }
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        DemoOptions options = options(namespace);
        CompletableFuture<Demo> started = new CompletableFuture<>();
        // registered before the start, so that a Ctrl-C while the demo boots also stops it cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "leadsla-demo-stop"));
        try {
            started.complete(Demo.start(options, out));
        } catch (Exception | Error e) {
            started.completeExceptionally(e); // Demo.start stopped what it had started
            throw e;
        }
        new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops everything and ends the JVM
    }

    /** The shutdown hook: stops the demo once it has started (or failed to). */
    private void stop(CompletableFuture<Demo> started) {
        Demo demo;
        try {
            demo = started.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            return; // it did not start: nothing to stop, the JVM ends with its own status
        }
        int status = 1;
        try {
            demo.close();
            status = 0;
        } finally {
            out.flush();
            // asked to stop, and stopped cleanly: status 0 (the JVM would report 130 after SIGINT);
            // everything the other shutdown hooks would close is closed already
            Runtime.getRuntime().halt(status);
        }
    }
}
