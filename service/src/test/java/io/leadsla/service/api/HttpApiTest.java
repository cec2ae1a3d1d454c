package io.leadsla.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.simulator.hubspot.AdjustableClock;
import io.leadsla.store.Backend;
import io.leadsla.store.Store;
import io.leadsla.store.StoreDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP surface over a real server on the embedded store: the lead API, the KPI API, the
 * dashboard, the 413 on oversized bodies, the health checks and the Prometheus text.
 */
class HttpApiTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z"); // 09:00 Paris
    private static final AdjustableClock CLOCK = new AdjustableClock(MONDAY_9);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Every answer of a documented path is checked against docs/openapi.yaml. */
    private static final OpenApiInteractionValidator OPENAPI = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("..", "docs", "openapi.yaml").toAbsolutePath().toUri().toString()).build();
    private static int checkedAgainstOpenApi;
    private static Path data;
    private static DropwizardTestSupport<LeadslaConfiguration> app;
    private static HikariDataSource sideDoor;
    private static Store store;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("leadsla-api");
        app = new DropwizardTestSupport<>(LeadslaApplication.class, Path.of("..", "config", "leadsla.yml").toAbsolutePath().toString(),
                ConfigOverride.config("policiesFile", Path.of("..", "config", "policies.yml").toString()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("store.embeddedDirectory", data.toString()),
                ConfigOverride.config("pipeline.idlePoll", "20ms")) {
            @Override
            public io.dropwizard.core.Application<LeadslaConfiguration> newApplication() {
                return new LeadslaApplication(CLOCK);
            }
        };
        app.before();
        // the same embedded database, opened beside the server in this JVM: the test plays a connector
        sideDoor = StoreDataSource.pooled(Backend.embeddedUrl(data), "", "", 2, "test");
        store = Store.open(sideDoor, Backend.EMBEDDED, CLOCK);
    }

    @AfterAll
    static void stop() {
        // the server goes first: a failed check must not leave its dw.* overrides to the next test class
        app.after();
        sideDoor.close();
        assertThat(checkedAgainstOpenApi).as("answers checked against the OpenAPI description").isGreaterThan(10);
    }

    private static LeadEvent event(String record, String id, EventType type, Instant at, Map<String, String> attributes) {
        return new LeadEvent(record + ":" + id, Crm.HUBSPOT, "contact", record, type, at, attributes);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.getLocalPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        answer.headers().firstValue("Content-Type").ifPresent(response::withContentType);
        // the answer only: some requests here are wrong on purpose
        ValidationReport report = OPENAPI.validateResponse(URI.create(path).getPath(), Request.Method.GET, response.build());
        assertThat(report.getMessages()).as("GET %s → %d %s, against docs/openapi.yaml", path, answer.statusCode(),
                answer.body()).isEmpty();
        checkedAgainstOpenApi++;
        return answer;
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.getAdminPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void leadsAndKpisThroughTheApi() throws Exception {
        CLOCK.set(MONDAY_9.plusSeconds(90));
        // a hot lead handed off and never called; a standard lead accepted after a call; one rejected without a reason
        store.events().append(List.of(
                event("7001", "mql", EventType.MQL_QUALIFIED, MONDAY_9, Map.of("score", "95", "leadSource", "Demo Request")),
                event("7001", "handoff", EventType.HANDED_OFF, MONDAY_9.plusSeconds(60), Map.of("ownerId", "77", "ownerRegion", "EMEA")),
                event("7002", "mql", EventType.MQL_QUALIFIED, MONDAY_9, Map.of("score", "40", "leadSource", "Webinar")),
                event("7002", "handoff", EventType.HANDED_OFF, MONDAY_9.plusSeconds(120), Map.of("ownerId", "78", "ownerRegion", "EMEA")),
                event("7002", "call", EventType.CONTACT_ATTEMPT, MONDAY_9.plusSeconds(600), Map.of("channel", "call")),
                event("7002", "sql", EventType.ACCEPTED, MONDAY_9.plusSeconds(900), Map.of()),
                event("7003", "mql", EventType.MQL_QUALIFIED, MONDAY_9, Map.of("score", "40", "leadSource", "Webinar")),
                event("7003", "handoff", EventType.HANDED_OFF, MONDAY_9.plusSeconds(120), Map.of("ownerId", "78", "ownerRegion", "EMEA")),
                event("7003", "no", EventType.REJECTED, MONDAY_9.plusSeconds(1_200), Map.of())), MONDAY_9);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                JSON.readTree(get("/api/leads/hubspot/7001").body()).at("/sla/status").asText()).isEqualTo("ON_TRACK"));
        CLOCK.set(MONDAY_9.plusSeconds(1_800)); // the hot lead's 5 minutes are long gone
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode lead = JSON.readTree(get("/api/leads/hubspot/7001").body());
            assertThat(lead.at("/sla/status").asText()).isEqualTo("BREACHED");
        });

        HttpResponse<String> found = get("/api/leads/hubspot/7001");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode lead = JSON.readTree(found.body());
        assertThat(lead.get("crm").asText()).isEqualTo("hubspot");
        assertThat(lead.get("objectType").asText()).isEqualTo("contact");
        assertThat(lead.get("events")).hasSize(2);
        assertThat(lead.at("/events/0/type").asText()).isEqualTo("MQL_QUALIFIED");
        assertThat(lead.at("/events/0/occurredAt").asText()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(lead.at("/cycles/0/owner").asText()).isEqualTo("77");
        assertThat(lead.at("/cycles/0/handoffMinutes").asDouble()).isEqualTo(1.0);
        assertThat(lead.get("clocks").findValuesAsText("status")).contains("BREACHED");
        assertThat(lead.get("writeBacks").size()).isGreaterThanOrEqualTo(2);
        assertThat(lead.at("/writeBacks/0/queuedAt").asText()).as("ISO instants, not numbers").startsWith("2026-11-23T");
        assertThat(lead.get("tasks")).singleElement().satisfies(t -> {
            assertThat(t.get("kind").asText()).isEqualTo("BREACH");
            assertThat(t.get("ownerId").asText()).isEqualTo("77");
        });

        assertThat(get("/api/leads/hubspot/404404").statusCode()).isEqualTo(404);
        HttpResponse<String> badCrm = get("/api/leads/pipedrive/1");
        assertThat(badCrm.statusCode()).isEqualTo(400);
        assertThat(badCrm.body()).contains("unknown CRM 'pipedrive'");

        HttpResponse<String> breached = get("/api/leads?status=breached");
        assertThat(breached.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(breached.body()).findValuesAsText("recordId")).contains("7001").doesNotContain("7002");
        assertThat(get("/api/leads?status=LATE").statusCode()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode kpis = JSON.readTree(get("/api/kpis?from=2026-11-01&to=2026-12-01&groupBy=owner").body());
            assertThat(kpis.at("/overall/mqls").asLong()).isEqualTo(3);
            assertThat(kpis.at("/overall/handedOff").asLong()).isEqualTo(3);
            assertThat(kpis.at("/overall/accepted").asLong()).isEqualTo(1);
            assertThat(kpis.at("/overall/rejectedWithoutReason").asLong()).isEqualTo(1);
            assertThat(kpis.at("/overall/acceptanceRate").asDouble()).isEqualTo(33.3);
            assertThat(kpis.at("/groups/78/mqls").asLong()).isEqualTo(2);
            assertThat(kpis.at("/groups/77/mqls").asLong()).isEqualTo(1);
            assertThat(kpis.get("from").asText()).isEqualTo("2026-10-31T23:00:00Z"); // midnight in Paris
        });
        JsonNode october = JSON.readTree(get("/api/kpis?from=2026-10-01&to=2026-11-01").body());
        assertThat(october.at("/overall/mqls").asLong()).isZero();
        assertThat(get("/api/kpis?groupBy=colour").statusCode()).isEqualTo(400);
        assertThat(get("/api/kpis?from=yesterday").body()).contains("from=yesterday is neither a date");
        assertThat(get("/api/kpis?from=2026-12-01&to=2026-11-01").statusCode()).isEqualTo(400);

        // the metrics of what happened, as Prometheus reads them
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String prometheus = admin("/prometheus").body();
            assertThat(prometheus).contains("leadsla_clocks{status=\"breached\"}")
                    .containsPattern("leadsla_breaches_total\\{crm=\"hubspot\"} [1-9]")
                    .contains("leadsla_inbox_lag_seconds");
        });
    }

    @Test
    void dashboardIsServedAtTheRoot() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>leadsla").contains("/api/kpis?").contains("/api/leads?status=BREACHED");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        // only the head of the request is sent: the answer must come without any byte of the body
        try (java.net.Socket socket = new java.net.Socket("localhost", app.getLocalPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /webhooks/salesforce HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/xml\r\nContent-Length: " + 2 * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[512];
            int n;
            while (!answer.toString().contains("bytes\"}") && (n = socket.getInputStream().read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("request body over 1048576 bytes");
        }
    }

    @Test
    void healthChecksCoverTheStoreAndTheScheduler() throws Exception {
        HttpResponse<String> health = admin("/healthcheck");
        JsonNode checks = JSON.readTree(health.body());
        assertThat(checks.at("/store/healthy").asBoolean()).isTrue();
        assertThat(checks.at("/scheduler/healthy").asBoolean()).as(health.body()).isTrue();
        assertThat(checks.at("/scheduler/message").asText()).isEqualTo("clocks are folded on time");
    }
}
