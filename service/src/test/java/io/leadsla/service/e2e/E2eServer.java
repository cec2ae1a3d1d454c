package io.leadsla.service.e2e;

import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.core.Application;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * A leadsla server for the end-to-end tests: the production template ({@code config/leadsla.yml})
 * and the seed policies, on an embedded store in a given directory, on the test's clock, with the
 * simulators as its CRMs. Several servers may be started one after the other on the same
 * directory, port and clock: a restart.
 */
public final class E2eServer {

    /** The secret the Outbound Message URL carries: {@code /webhooks/salesforce?secret=…}. */
    public static final String SALESFORCE_SECRET = "e2e-outbound-secret-0123456789abcdef";

    /** HubSpot app settings shared by the simulator and leadsla. */
    public static final long HUBSPOT_APP_ID = 4242;
    public static final String HUBSPOT_SECRET = "3c9b8f0e-2f8d-4a7e-9b1c-5d6e7f8a9b0c";
    public static final String HUBSPOT_TOKEN = "pat-e2e";

    private final Clock clock;
    private final List<ConfigOverride> overrides = new ArrayList<>();

    private E2eServer(Clock clock, Path storeDirectory, int port) {
        this.clock = clock;
        overrides.add(ConfigOverride.config("policiesFile", Path.of("..", "config", "policies.yml").toString()));
        overrides.add(ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(port)));
        overrides.add(ConfigOverride.config("server.adminConnectors[0].port", "0"));
        overrides.add(ConfigOverride.config("store.embeddedDirectory", storeDirectory.toString()));
        overrides.add(ConfigOverride.config("pipeline.idlePoll", "20ms"));
        overrides.add(ConfigOverride.config("logging.level", "WARN"));
    }

    /** @param port the application port; 0 for any (then it changes with each start) */
    public static E2eServer on(Clock clock, Path storeDirectory, int port) {
        return new E2eServer(clock, storeDirectory, port);
    }

    public E2eServer hubspot(HubSpotSimulator hubspot, String pollInterval) {
        overrides.add(ConfigOverride.config("hubspot.accessToken", HUBSPOT_TOKEN));
        overrides.add(ConfigOverride.config("hubspot.clientSecret", HUBSPOT_SECRET));
        overrides.add(ConfigOverride.config("hubspot.baseUrl", hubspot.baseUrl()));
        overrides.add(ConfigOverride.config("hubspot.mapping.appId", Long.toString(HUBSPOT_APP_ID)));
        overrides.add(ConfigOverride.config("hubspot.polling.interval", pollInterval));
        return this;
    }

    public E2eServer salesforce(SalesforceSimulator salesforce, String pollInterval) {
        overrides.add(ConfigOverride.config("salesforce.loginUrl", salesforce.baseUrl()));
        overrides.add(ConfigOverride.config("salesforce.clientId", salesforce.options().clientId()));
        overrides.add(ConfigOverride.config("salesforce.clientSecret", salesforce.options().clientSecret()));
        overrides.add(ConfigOverride.config("salesforce.orgId", salesforce.options().orgId()));
        overrides.add(ConfigOverride.config("salesforce.endpointSecret", SALESFORCE_SECRET));
        overrides.add(ConfigOverride.config("salesforce.mapping.integrationUserId", salesforce.integrationUser().id()));
        overrides.add(ConfigOverride.config("salesforce.polling.interval", pollInterval));
        return this;
    }

    /** A new server (not started: {@code before()} starts it, {@code after()} stops it gracefully). */
    public DropwizardTestSupport<LeadslaConfiguration> build() {
        Clock time = clock;
        return new DropwizardTestSupport<>(LeadslaApplication.class,
                Path.of("..", "config", "leadsla.yml").toAbsolutePath().toString(),
                overrides.toArray(ConfigOverride[]::new)) {
            @Override
            public Application<LeadslaConfiguration> newApplication() {
                return new LeadslaApplication(time);
            }
        };
    }

    /** Starts a server: a checked start, as the tests' own code. */
    public DropwizardTestSupport<LeadslaConfiguration> start() {
        DropwizardTestSupport<LeadslaConfiguration> server = build();
        try {
            server.before();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not start", e);
        }
        return server;
    }

    /**
     * Closes the running server's connection pool under it, as if its process had died: from now on
     * nothing it does reaches the store (each attempt fails at once), while its threads and Jetty
     * keep running until it is stopped. The pool is found by type among the server's managed
     * objects (the pipeline keeps it private).
     */
    public static void closeStoreUnder(DropwizardTestSupport<?> server) {
        for (LifeCycle object : server.getEnvironment().lifecycle().getManagedObjects()) {
            Object managed = object instanceof JettyManaged jetty ? jetty.getManaged() : object;
            for (Field field : managed.getClass().getDeclaredFields()) {
                if (HikariDataSource.class.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        ((HikariDataSource) field.get(managed)).close();
                        return;
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalStateException("no managed object of the server holds a HikariDataSource");
    }

    public static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free now, for servers that must keep their address across a restart (the CRMs call it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
