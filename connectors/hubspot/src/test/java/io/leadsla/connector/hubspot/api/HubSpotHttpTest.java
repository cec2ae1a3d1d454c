package io.leadsla.connector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadsla.connector.hubspot.api.HubSpotApiException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Limits, retries, 429s, outages and HubSpot's error bodies, against WireMock. */
class HubSpotHttpTest {

    private static final String OWNERS = "/crm/v3/owners?limit=100";
    private static final String OK_BODY = "{\"results\":[],\"paging\":null}";
    /** HubSpot's 429 body on the burst limit (shape from HubSpot's docs). */
    private static final String TEN_SECONDLY = """
            {"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT",\
            "correlationId":"c7b7a2a4-1ad6-4d1c-8d0e-5a7f0a1b2c3d","policyName":"TEN_SECONDLY_ROLLING"}""";
    private static final String DAILY = """
            {"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT",\
            "correlationId":"0f0e0d0c-0b0a-0908-0706-050403020100","policyName":"DAILY","requestId":"a1b2"}""";

    private WireMockServer hubspot;

    @BeforeEach
    void start() {
        hubspot = new WireMockServer(wireMockConfig().dynamicPort());
        hubspot.start();
    }

    @AfterEach
    void stop() {
        hubspot.stop();
    }

    private HubSpotHttp http(int per10Seconds, int attempts) {
        HubSpotApiConfig config = new HubSpotApiConfig(hubspot.baseUrl(), "pat-na1-test", per10Seconds, 5, 1_000, 0.8,
                ZoneId.of("Europe/Paris"), Duration.ofSeconds(2), attempts);
        return new HubSpotHttp(config, new ObjectMapper(), Clock.systemUTC(), Duration.ofMillis(10));
    }

    @Test
    void sendsTheTokenAndReadsJson() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).willReturn(okJson(OK_BODY)
                .withHeader("X-HubSpot-RateLimit-Daily-Remaining", "990")));
        HubSpotHttp http = http(100, 3);
        assertThat(http.get(OWNERS).body().get("results").isArray()).isTrue();
        hubspot.verify(getRequestedFor(urlEqualTo(OWNERS)).withHeader("Authorization", equalTo("Bearer pat-na1-test")));
        assertThat(http.budget().used()).as("HubSpot's own count wins").isEqualTo(10);
    }

    @Test
    void aBurst429DrainsTheLimiterWaitsTheIntervalAndRetries() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "300")
                        .withHeader("X-HubSpot-RateLimit-Max", "100").withHeader("X-HubSpot-RateLimit-Remaining", "0")
                        .withBody(TEN_SECONDLY))
                .willSetStateTo("cooled"));
        hubspot.stubFor(get(urlEqualTo(OWNERS)).inScenario("429").whenScenarioStateIs("cooled").willReturn(okJson(OK_BODY)));
        HubSpotHttp http = http(100, 3);

        assertThat(http.get(OWNERS).status()).isEqualTo(200);
        assertThat(http.rateLimited()).isEqualTo(1);
        List<Date> at = new ArrayList<>();
        hubspot.getAllServeEvents().forEach(e -> at.add(e.getRequest().getLoggedDate()));
        assertThat(at).hasSize(2);
        assertThat(Math.abs(at.get(0).getTime() - at.get(1).getTime())).as("waited the interval HubSpot gave")
                .isGreaterThanOrEqualTo(290);
    }

    @Test
    void retryAfterWinsOverTheInterval() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000").withBody(TEN_SECONDLY))
                .willSetStateTo("cooled"));
        hubspot.stubFor(get(urlEqualTo(OWNERS)).inScenario("429").whenScenarioStateIs("cooled").willReturn(okJson(OK_BODY)));
        long started = System.nanoTime();
        assertThat(http(100, 3).get(OWNERS).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(950), Duration.ofSeconds(5));
    }

    @Test
    void theDaily429IsNotRetriedAndMarksTheBudgetSpent() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(DAILY)));
        HubSpotHttp http = http(100, 4);
        assertThatThrownBy(() -> http.get(OWNERS)).isInstanceOfSatisfying(HubSpotApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.DAILY_LIMIT);
            assertThat(e.getMessage()).contains("daily limit").contains("0f0e0d0c-0b0a-0908-0706-050403020100");
        });
        assertThat(hubspot.getAllServeEvents()).hasSize(1);
        assertThat(http.budget().isExhausted()).isTrue();
        assertThat(http.budget().nearLimit()).isTrue();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenSucceed() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")).willSetStateTo("again"));
        hubspot.stubFor(get(urlEqualTo(OWNERS)).inScenario("flaky").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        hubspot.stubFor(get(urlEqualTo(OWNERS)).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(OK_BODY)));
        HubSpotHttp http = http(100, 4);
        assertThat(http.get(OWNERS).status()).isEqualTo(200);
        assertThat(http.calls()).isEqualTo(3);
    }

    @Test
    void aRefusedRequestIsNotRetriedAndSaysWhatHubSpotSaid() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status":"error","message":"Property values were not valid: [{\\"isValid\\":false,\\"message\\":\\"1 is not a valid owner\\"}]",\
                        "correlationId":"3f9f1c9e-2b0c-4c2e-9a57-2c8b0f8e4a11","category":"VALIDATION_ERROR"}""")));
        assertThatThrownBy(() -> http(100, 4).get(OWNERS)).isInstanceOfSatisfying(HubSpotApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REFUSED);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.category()).isEqualTo("VALIDATION_ERROR");
            assertThat(e.getMessage()).contains("not a valid owner").contains("3f9f1c9e-2b0c-4c2e-9a57-2c8b0f8e4a11");
        });
        assertThat(hubspot.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aMalformedSuccessIsAnErrorNotAnEmptyResult() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"results\": [ {\"id\": ")));
        assertThatThrownBy(() -> http(100, 4).get(OWNERS)).isInstanceOfSatisfying(HubSpotApiException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
        hubspot.stubFor(get(urlEqualTo(OWNERS)).willReturn(okJson("{\"status\":\"COMPLETE\"}")));
        assertThatThrownBy(() -> new HubSpotClient(http(100, 4)).owners()).isInstanceOfSatisfying(HubSpotApiException.class,
                e -> assertThat(e.getMessage()).contains("no 'results'"));
    }

    @Test
    void anOutageOpensTheCircuitAndItClosesWhenHubSpotIsBack() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
        HubSpotHttp http = http(100, 1);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> http.get(OWNERS)).isInstanceOfSatisfying(HubSpotApiException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        }
        assertThat(http.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> http.get(OWNERS)).isInstanceOfSatisfying(HubSpotApiException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CIRCUIT_OPEN));
        assertThat(hubspot.getAllServeEvents()).as("no call while the circuit is open").hasSize(5);
    }

    @Test
    void callsAreSpacedSoNoRollingWindowSeesMoreThanTheLimit() {
        hubspot.stubFor(get(urlEqualTo(OWNERS)).willReturn(okJson(OK_BODY)));
        HubSpotHttp http = http(200, 1); // 200 per 10 s: one call per 50.5 ms
        for (int i = 0; i < 30; i++) {
            http.get(OWNERS);
        }
        List<Long> at = new ArrayList<>();
        hubspot.getAllServeEvents().forEach(e -> at.add(e.getRequest().getLoggedDate().getTime()));
        at.sort(Long::compare);
        // any 500 ms window holds at most 500 / 50.5 + 1 = 10 calls (ms clock resolution: allow one more)
        for (int i = 0; i + 11 < at.size(); i++) {
            assertThat(at.get(i + 11) - at.get(i)).as("12 calls span more than 500 ms").isGreaterThan(500);
        }
        assertThat(HubSpotHttp.spacing(Duration.ofSeconds(10), 100)).isEqualTo(Duration.ofNanos(102_040_817));
        // the spacing's promise, checked exactly: at 100 per 10 s, 100 grants span more than 10 s
        // (at most 99 in any window, one of margin for the network's jitter)
        long spacing = HubSpotHttp.spacing(Duration.ofSeconds(10), 100).toNanos();
        assertThat(99 * spacing).isGreaterThan(Duration.ofSeconds(10).toNanos());
        assertThat(Duration.ofSeconds(10).toNanos() / (double) spacing).as("calls per 10 s: 98% of the limit").isGreaterThan(97.9);
    }
}
