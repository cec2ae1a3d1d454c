package io.leadsla.demo;

import io.dropwizard.core.setup.Environment;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.Server;

/**
 * The service as {@code server} runs it, on the demo's clock, with a handle on its Jetty server so
 * that the demo stops it when it decides (after the traffic, before the simulators), and a start
 * failure reported to the demo instead of ending the JVM.
 */
final class DemoApplication extends LeadslaApplication {

    private final CompletableFuture<Server> server = new CompletableFuture<>();
    private volatile Throwable fatal;

    DemoApplication(Clock clock) {
        super(clock);
    }

    @Override
    public void run(LeadslaConfiguration configuration, Environment environment) {
        super.run(configuration, environment);
        environment.lifecycle().addServerLifecycleListener(started -> {
            // the demo's shutdown hook stops the server in its turn: Jetty's own hook would stop it
            // at once, while the traffic still runs
            started.setStopAtShutdown(false);
            server.complete(started);
        });
    }

    @Override
    protected void onFatalError(Throwable t) {
        fatal = t; // Dropwizard would System.exit(1): the demo stops what it started and reports instead
    }

    /** Runs {@code server CONFIG}; returns the started server or throws why it did not start. */
    Server start(String configFile) throws Exception {
        run("server", configFile);
        if (fatal != null) {
            throw new IllegalStateException("the leadsla server did not start: " + fatal.getMessage(), fatal);
        }
        if (!server.isDone()) {
            throw new IllegalStateException("the leadsla server did not start (see the messages above)");
        }
        return server.get();
    }
}
