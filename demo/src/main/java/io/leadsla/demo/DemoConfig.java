package io.leadsla.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dropwizard.jackson.Jackson;
import io.leadsla.connector.hubspot.mapping.HubSpotMapping;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.store.Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server configuration the demo writes for itself: the embedded store in the data directory,
 * both connectors pointed at the simulators with the demo's credentials written out (the demo's
 * CRMs are fakes; the server's strict {@code ${VAR}} substitution would refuse unset variables),
 * and every duration that leadsla measures on its clock scaled to the accelerated time.
 *
 * <p>What runs on the accelerated clock and what on the wall clock matters here:
 * <ul>
 * <li>leases, poll intervals, the outbox's back-off and the webhook signature's 5-minute window
 *     are measured on leadsla's (accelerated) clock: a 30-second lease would last a tenth of a
 *     real second at 360×, so the lease is given in simulated time worth {@value #LEASE_REAL_SECONDS}
 *     real seconds;</li>
 * <li>polling is how calls and e-mails reach leadsla (neither CRM pushes activities), so it must
 *     come well inside a hot lead's 5 simulated minutes: every 2 simulated minutes, but not more
 *     often than every {@value #MIN_POLL_REAL_MILLIS} ms of real time;</li>
 * <li>the HubSpot client's rate limiters pace calls in real time, while the simulated portal
 *     counts its limits in simulated time (where they never bind): the demo allows the client
 *     more than a real portal would, so that polling does not hold the pipeline up.</li>
 * </ul>
 */
final class DemoConfig {

    static final String LOG_FILE = "leadsla.log";
    static final long LEASE_REAL_SECONDS = 30;
    static final long MIN_POLL_REAL_MILLIS = 200;
    static final Duration POLL_SIMULATED = Duration.ofMinutes(2);

    private final Map<String, Object> hubspotMapping;
    private final Map<String, Object> salesforceMapping;
    private final Map<String, Object> root = new LinkedHashMap<>();
    /** A fresh secret per run for the Outbound Message URL, as an operator would generate one. */
    private final String salesforceEndpointSecret = java.util.HexFormat.of().formatHex(randomBytes());

    DemoConfig(DemoCrms crms, Path policies, Path dataDir, int port, long speed, String reportingZone) {
        hubspotMapping = new LinkedHashMap<>();
        hubspotMapping.put("ownerRegions", crms.hubspotOwnerRegions());
        hubspotMapping.put("defaultOwnerRegion", Rep.EMEA);
        Map<String, String> hubspotAttributes = new LinkedHashMap<>();
        hubspotAttributes.put("leadSource", DemoCrms.HUBSPOT_SOURCE);
        hubspotAttributes.put("score", "hubspotscore");
        hubspotAttributes.put("country", "country");
        hubspotAttributes.putAll(new java.util.TreeMap<>(DemoCrms.HUBSPOT_DATA));
        hubspotMapping.put("attributes", hubspotAttributes);
        hubspotMapping.put("appId", Long.toString(DemoCrms.HUBSPOT_APP));

        salesforceMapping = new LinkedHashMap<>();
        salesforceMapping.put("ownerRegions", crms.salesforceOwnerRegions());
        salesforceMapping.put("defaultOwnerRegion", Rep.EMEA);
        Map<String, String> salesforceAttributes = new LinkedHashMap<>();
        salesforceAttributes.put("leadSource", "LeadSource");
        salesforceAttributes.put("rating", "Rating");
        salesforceAttributes.put("country", "Country");
        salesforceAttributes.putAll(new java.util.TreeMap<>(DemoCrms.SALESFORCE_DATA));
        salesforceMapping.put("attributes", salesforceAttributes);
        salesforceMapping.put("integrationUserId", crms.salesforce().integrationUser().id());

        Duration poll = pollInterval(speed);
        root.put("policiesFile", policies.toAbsolutePath().toString());
        root.put("store", Map.of("url", storeUrl(dataDir)));

        Map<String, Object> hubspot = new LinkedHashMap<>();
        hubspot.put("accessToken", DemoCrms.HUBSPOT_TOKEN);
        hubspot.put("clientSecret", DemoCrms.HUBSPOT_CLIENT_SECRET);
        hubspot.put("baseUrl", crms.hubspot().baseUrl());
        hubspot.put("portalId", Long.toString(DemoCrms.HUBSPOT_PORTAL));
        hubspot.put("requestsPer10Seconds", 1000);
        hubspot.put("searchPerSecond", 50);
        hubspot.put("timeZone", reportingZone);
        hubspot.put("mapping", hubspotMapping);
        hubspot.put("tasks", Map.of("timeZone", reportingZone));
        hubspot.put("polling", Map.of("interval", millis(poll)));
        root.put("hubspot", hubspot);

        Map<String, Object> salesforce = new LinkedHashMap<>();
        salesforce.put("loginUrl", crms.salesforce().baseUrl());
        salesforce.put("clientId", crms.salesforce().options().clientId());
        salesforce.put("clientSecret", crms.salesforce().options().clientSecret());
        salesforce.put("orgId", crms.salesforce().options().orgId());
        salesforce.put("endpointSecret", salesforceEndpointSecret);
        salesforce.put("polling", Map.of("interval", millis(poll)));
        salesforce.put("tasks", Map.of("timeZone", reportingZone));
        salesforce.put("mapping", salesforceMapping);
        root.put("salesforce", salesforce);

        // health thresholds are in the accelerated clock's time: scaled to real seconds, or the
        // scheduler and store checks would flap at every pause of a busy machine
        root.put("pipeline", Map.of("idlePoll", "50ms", "leaseDuration", millis(leaseDuration(speed)),
                "maxFoldLag", millis(Duration.ofSeconds(5).multipliedBy(speed)),
                "maxInboxLag", millis(Duration.ofSeconds(30).multipliedBy(speed))));

        // the console is the demo's own: leadsla's log goes to a file next to the store (warnings such
        // as Salesforce refusing SLA fields on a lead converted meanwhile are part of a normal day)
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", "file");
        file.put("currentLogFilename", dataDir.resolve(LOG_FILE).toString());
        file.put("archive", false);
        Map<String, Object> logging = new LinkedHashMap<>();
        logging.put("level", "INFO");
        logging.put("appenders", List.of(Map.of("type", "console", "threshold", "ERROR"), file));
        root.put("logging", logging);

        Map<String, Object> server = new LinkedHashMap<>();
        server.put("applicationConnectors", List.of(Map.of("type", "http", "port", port, "bindHost", "127.0.0.1")));
        server.put("adminConnectors", List.of(Map.of("type", "http", "port", port + 1, "bindHost", "127.0.0.1")));
        server.put("requestLog", Map.of("appenders", List.of()));
        // a stop lets requests in flight (a webhook batch being stored) finish, for up to this long
        server.put("shutdownGracePeriod", "10s");
        root.put("server", server);
    }

    /**
     * The embedded store in {@code dataDir/store}, as {@code server} would open it, except that H2
     * must not close the database from its own shutdown hook while the demo's hook is still
     * stopping the server that writes to it.
     */
    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The secret the demo's Outbound Messages carry in their URL. */
    String salesforceEndpointSecret() {
        return salesforceEndpointSecret;
    }

    static String storeUrl(Path dataDir) {
        return Backend.embeddedUrl(dataDir.resolve("store")) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A lease worth {@value #LEASE_REAL_SECONDS} real seconds. */
    static Duration leaseDuration(long speed) {
        return Duration.ofSeconds(LEASE_REAL_SECONDS).multipliedBy(speed);
    }

    /** Every 2 simulated minutes, but not more often than every {@value #MIN_POLL_REAL_MILLIS} real ms. */
    static Duration pollInterval(long speed) {
        Duration floor = Duration.ofMillis(MIN_POLL_REAL_MILLIS).multipliedBy(speed);
        return floor.compareTo(POLL_SIMULATED) > 0 ? floor : POLL_SIMULATED;
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }

    HubSpotMapping hubspotMapping() {
        return Jackson.newObjectMapper().convertValue(hubspotMapping, HubSpotMapping.class);
    }

    SalesforceMapping salesforceMapping() {
        return Jackson.newObjectMapper().convertValue(salesforceMapping, SalesforceMapping.class);
    }

    /** Writes the configuration; returns its path. */
    Path write(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
        try {
            String text = "# written by `leadsla demo`: the service's configuration for this demo run\n"
                    + yaml.writeValueAsString(root);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo configuration " + file, e);
        }
    }
}
