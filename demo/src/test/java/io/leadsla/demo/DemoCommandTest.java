package io.leadsla.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.junit.jupiter.api.Test;

/**
 * The whole demo in this JVM: simulators, traffic and the server on free ports, at 600× (a demo
 * request's 5 minutes last half a real second), until breach tasks and SLA fields show up in both
 * CRMs; then stopped, and started again on the same ports.
 */
class DemoCommandTest {

    /** Tuesday 08:50 in Paris. */
    private static final Instant START = Instant.parse("2026-11-24T07:50:00Z");

    @Test
    void runsBothCrmsThroughTheServerUntilBreachesAndStopsCleanlySoThatItCanStartAgain() throws Exception {
        int port = twoFreePorts();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        DemoOptions options = new DemoOptions(600, port, null, null, 1, START);

        Path dataDir;
        try (Demo demo = Demo.start(options, out)) {
            HubSpotSimulator hubspot = demo.crms().hubspot();
            SalesforceSimulator salesforce = demo.crms().salesforce();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    hubspot.tasks().stream().anyMatch(t -> endsWith(t.property("leadsla_task_key"), ":BREACH"))
                    && salesforce.records("Task").stream().anyMatch(t -> endsWith(t.string(LeadSlaFields.TASK_KEY), ":BREACH"))
                    && hubspot.contacts().stream().anyMatch(c -> notBlank(c.property("leadsla_sla_status"))
                            && notBlank(c.property("leadsla_sla_due_at")))
                    && salesforce.records("Lead").stream().anyMatch(l -> notBlank(l.string(LeadSlaFields.STATUS))
                            && l.get(LeadSlaFields.DUE_AT) != null)
                    && text(output).contains("first hot lead breached"));
            assertThat(get("http://127.0.0.1:" + (port + 1) + "/ping")).contains("pong");
            dataDir = demo.dataDir();
            assertThat(dataDir.resolve("leadsla-demo.yml")).exists();
            assertThat(dataDir.resolve(DemoConfig.LOG_FILE)).exists();
        }
        String printed = text(output);
        assertThat(printed)
                .contains("http://localhost:" + port + "/\n")
                .contains("http://localhost:" + port + "/api/kpis?groupBy=owner")
                .containsPattern("http://localhost:" + port + "/api/leads/hubspot/\\d+")
                .containsPattern("http://localhost:" + port + "/api/leads/salesforce/00Q\\w{15}")
                .contains("http://localhost:" + (port + 1) + "/")
                .contains("Time runs 600× faster")
                .contains("Simulated time now: Tue 24 Nov 2026 08:5")
                .contains("Demo stopped.");
        assertThat(dataDir).as("the temporary data directory is removed").doesNotExist();

        // nothing left listening, no thread of the demo left running
        assertPortsFree(port);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(Thread::isAlive).extracting(Thread::getName)
                .noneMatch(n -> n.startsWith("leadsla-demo") || n.equals("leadsla-pipeline") || n.startsWith("hubspot-sim-http")
                        || n.startsWith("sf-sim-http") || n.startsWith("hubspot-sim-webhook") || n.startsWith("sf-sim-outbound")));

        // and it starts again on the same ports
        try (Demo again = Demo.start(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(get("http://127.0.0.1:" + (port + 1) + "/ping")).contains("pong");
            assertThat(again.clock().started()).isTrue();
        }
        assertPortsFree(port);
    }

    @Test
    void readsItsOptionsFromTheCommandLine() throws Exception {
        DemoOptions defaults = DemoCommand.options(parse());
        assertThat(defaults).isEqualTo(DemoOptions.defaults());
        assertThat(defaults.speed()).isEqualTo(360);
        assertThat(defaults.port()).isEqualTo(8080);

        DemoOptions given = DemoCommand.options(parse("--speed", "120", "--port", "9090", "--data", "demo-data",
                "--policies", "my-policies.yml", "--seed", "7", "--start", "2026-11-23T07:50:00Z"));
        assertThat(given).isEqualTo(new DemoOptions(120, 9090, Path.of("demo-data"), Path.of("my-policies.yml"), 7,
                Instant.parse("2026-11-23T07:50:00Z")));

        assertThatThrownBy(() -> DemoCommand.options(parse("--speed", "0"))).hasMessageContaining("--speed");
        assertThatThrownBy(() -> DemoCommand.options(parse("--port", "65535"))).hasMessageContaining("--port");
        assertThatThrownBy(() -> DemoCommand.options(parse("--start", "monday"))).hasMessageContaining("--start");
    }

    @Test
    void refusesADataDirectoryThatIsNotEmpty(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("old.txt"), "x");
        assertThatThrownBy(() -> Demo.start(new DemoOptions(360, 8080, dir, null, 1, START), System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
    }

    @Test
    void saysWhenItsPortsAreTaken() throws Exception {
        int port = twoFreePorts();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1));
            assertThatThrownBy(() -> Demo.start(new DemoOptions(360, port, null, null, 1, START), System.out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port " + (port + 1) + " is in use");
        }
    }

    @Test
    void theJarCarriesTheExamplePoliciesForRunsOutsideTheRepository() throws IOException {
        try (var bundled = Demo.class.getResourceAsStream(Demo.BUNDLED_POLICIES)) {
            assertThat(bundled).isNotNull();
            assertThat(new String(bundled.readAllBytes(), StandardCharsets.UTF_8))
                    .as("a copy of config/policies.yml: keep them the same")
                    .isEqualTo(Files.readString(Path.of("..", "config", "policies.yml")));
        }
    }

    private static Namespace parse(String... args) throws Exception {
        ArgumentParser parser = ArgumentParsers.newFor("leadsla").build();
        Subparser demo = parser.addSubparsers().addParser("demo");
        new DemoCommand().configure(demo);
        String[] all = new String[args.length + 1];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        return parser.parseArgs(all);
    }

    private static boolean endsWith(String value, String suffix) {
        return value != null && value.endsWith(suffix);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(ByteArrayOutputStream output) {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static String get(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** An application port whose next port (admin) is free too. */
    private static int twoFreePorts() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            if (port < 65_534 && free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two consecutive free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertPortsFree(int port) {
        assertThat(List.of(port, port + 1)).allMatch(DemoCommandTest::free);
    }
}
