package io.leadsla.service.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.leadsla.service.LeadslaApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code replay} through Dropwizard's real command line, as a user would. */
class ReplayCommandTest {

    private static final Path POLICIES = Path.of("..", "config", "policies.yml");
    private static final Path EVENTS = Path.of("src", "test", "resources", "replay", "events.jsonl");

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Cli cli;

    @BeforeEach
    void setUp() {
        LeadslaApplication app = new LeadslaApplication();
        Bootstrap<?> bootstrap = new Bootstrap<>(app);
        app.initialize((Bootstrap) bootstrap);
        cli = new Cli(new JarLocation(getClass()), bootstrap, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private Optional<Throwable> run(String... args) {
        return cli.run(args);
    }

    @Test
    void replaysEventsIntoClocksKpisAndASummary() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Optional<Throwable> failure;
        try {
            failure = run("replay", "--policies", POLICIES.toString(), "--events", EVENTS.toString(),
                    "--now", "2026-11-24T12:00:00Z", "--out", out.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(failure).as(stderr.toString(StandardCharsets.UTF_8)).isEmpty();

        List<String> clockLines = Files.readAllLines(out.resolve("clocks.jsonl"));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode hotFirstContact = clockLines.stream().map(l -> read(mapper, l))
                .filter(n -> n.get("recordId").asText().equals("5101") && n.get("policyId").asText().equals("first-contact"))
                .findFirst().orElseThrow();
        assertThat(hotFirstContact.get("status").asText()).isEqualTo("MET");
        assertThat(hotFirstContact.get("tier").asText()).isEqualTo("hot");
        assertThat(hotFirstContact.get("dueAt").asText()).isEqualTo("2026-11-20T08:21:00Z");
        assertThat(hotFirstContact.fieldNames()).toIterable().startsWith("crm", "recordId", "policyId", "status",
                "startedAt", "dueAt", "stoppedAt", "breachedAt", "businessMinutesElapsed");

        JsonNode sfFirstContact = clockLines.stream().map(l -> read(mapper, l))
                .filter(n -> n.get("recordId").asText().equals("00Q5g00000AbCdEFGH") && n.get("policyId").asText().equals("first-contact"))
                .findFirst().orElseThrow();
        // the automated e-mail did not count; the rejection on Monday stopped the clock, long after 4 business hours
        assertThat(sfFirstContact.get("status").asText()).isEqualTo("MISSED");
        assertThat(sfFirstContact.get("calendar").asText()).isEqualTo("na");
        assertThat(sfFirstContact.get("stoppedBy").asText()).isEqualTo("REJECTED");

        JsonNode kpis = mapper.readTree(out.resolve("kpis.json").toFile());
        assertThat(kpis.at("/overall/mqls").asInt()).isEqualTo(2);
        assertThat(kpis.at("/overall/acceptanceRate").asDouble()).isEqualTo(50.0);
        assertThat(kpis.at("/overall/rejectedWithoutReason").asInt()).isEqualTo(1);
        assertThat(kpis.at("/byTier/hot/accepted").asInt()).isEqualTo(1);
        assertThat(kpis.at("/byOwner/005A/rejected").asInt()).isEqualTo(1);
        assertThat(kpis.at("/volume/0/month").asText()).isEqualTo("2026-11");
        assertThat(kpis.at("/volume/0/commitment").asInt()).isEqualTo(200);

        String summary = printed.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("Acceptance rate 50.0 %").contains("3 rejected").contains("first-contact")
                .contains("events.jsonl:11: 'type' is 'MQL_QUALIFED'");
        assertThat(Files.readAllLines(out.resolve("rejected.txt"))).hasSize(3)
                .anySatisfy(l -> assertThat(l).contains(":12: 'occurredAt' is 'yesterday'"))
                .anySatisfy(l -> assertThat(l).contains(":13: not valid JSON"));
    }

    @Test
    void sameInputAndNowGiveTheSameFiles() throws Exception {
        Path second = out.resolve("second");
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(run("replay", "--policies", POLICIES.toString(), "--events", EVENTS.toString(),
                    "--now", "2026-11-24T12:00:00Z", "--out", out.toString())).isEmpty();
            assertThat(run("replay", "--policies", POLICIES.toString(), "--events", EVENTS.toString(),
                    "--now", "2026-11-24T12:00:00Z", "--out", second.toString())).isEmpty();
        } finally {
            System.setOut(original);
        }
        assertThat(Files.readString(second.resolve("clocks.jsonl"))).isEqualTo(Files.readString(out.resolve("clocks.jsonl")));
        assertThat(Files.readString(second.resolve("kpis.json"))).isEqualTo(Files.readString(out.resolve("kpis.json")));
    }

    @Test
    void strictModeFailsOnUnreadableLines() {
        assertThat(run("replay", "--policies", POLICIES.toString(), "--events", EVENTS.toString(),
                "--now", "2026-11-24T12:00:00Z", "--out", out.toString(), "--strict")).isPresent();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("3 line(s)").doesNotContain("at io.leadsla");
    }

    @Test
    void aBadPolicyFileIsAClearErrorWithoutStackTrace() throws Exception {
        Path bad = out.resolve("bad.yml");
        Files.writeString(bad, "calendars:\n  x:\n    timeZone: Mars/Olympus\n    hours: {weekdays: \"09:00-17:00\"}\npolicies: []\n");
        assertThat(run("replay", "--policies", bad.toString(), "--events", EVENTS.toString(), "--out", out.toString())).isPresent();
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("bad.yml:3: calendars.x.timeZone: 'Mars/Olympus' is not an IANA time zone")
                .doesNotContain("Exception");
    }

    @Test
    void missingEventsFileAndBadNow() {
        assertThat(run("replay", "--policies", POLICIES.toString(), "--events", "nope.jsonl", "--out", out.toString())).isPresent();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("no events file at nope.jsonl");
        assertThat(run("replay", "--policies", POLICIES.toString(), "--events", EVENTS.toString(), "--now", "tomorrow")).isPresent();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--now 'tomorrow' is not an ISO-8601 instant");
    }

    @Test
    void replaysAHubSpotContactsExport() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("replay", "--policies", POLICIES.toString(), "--events",
                    Path.of("..", "config", "samples", "hubspot-contacts-export.csv").toString(),
                    "--csv-zone", "Europe/Paris", "--now", "2026-11-25T12:00:00Z", "--out", out.toString()))
                    .as(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
        } finally {
            System.setOut(original);
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode firstContact = Files.readAllLines(out.resolve("clocks.jsonl")).stream().map(l -> read(mapper, l))
                .filter(n -> n.get("recordId").asText().equals("5101") && n.get("policyId").asText().equals("first-contact"))
                .findFirst().orElseThrow();
        // score 85 is hot: owner assigned 09:20 Paris, first engagement 10:02 -> the 5-minute promise was missed
        assertThat(firstContact.get("crm").asText()).isEqualTo("hubspot");
        assertThat(firstContact.get("tier").asText()).isEqualTo("hot");
        assertThat(firstContact.get("startedAt").asText()).isEqualTo("2026-11-20T08:20:00Z");
        assertThat(firstContact.get("status").asText()).isEqualTo("MISSED");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("HubSpot contacts export, times in Europe/Paris");
    }

    @Test
    void replaysASalesforceLeadReport() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("replay", "--policies", POLICIES.toString(), "--events",
                    Path.of("..", "config", "samples", "salesforce-lead-report.csv").toString(),
                    "--csv-zone", "America/New_York", "--now", "2026-11-25T12:00:00Z", "--out", out.toString()))
                    .as(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
        } finally {
            System.setOut(original);
        }
        List<String> lines = Files.readAllLines(out.resolve("clocks.jsonl"));
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"crm\":\"salesforce\""));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Salesforce lead report");
    }

    @Test
    void aCsvOfNeitherCrmIsRefusedClearly() throws Exception {
        Path csv = out.resolve("other.csv");
        Files.writeString(csv, "Name,Email\nA,a@example.com\n");
        assertThat(run("replay", "--policies", POLICIES.toString(), "--events", csv.toString(), "--out", out.toString())).isPresent();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("neither a HubSpot contacts export");
        assertThat(run("replay", "--policies", POLICIES.toString(), "--events",
                Path.of("..", "config", "samples", "hubspot-contacts-export.csv").toString(), "--out", out.toString())).isPresent();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("give --csv-zone");
    }

    private static JsonNode read(ObjectMapper mapper, String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
