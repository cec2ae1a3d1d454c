package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {
    private static final String PATH = "/crm/v3/properties/contacts/email";
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T23:59:50Z"));
    private HubSpotSimulator sim;
    private SimClient api;

    private void start(SimulatorOptions.Builder b) {
        sim = HubSpotSimulator.start(b.clock(clock).build());
        api = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        api.close();
        sim.close();
    }

    @Test
    void everyResponseCarriesTheTenSecondLimitHeaders() {
        start(SimulatorOptions.builder());
        SimClient.Reply r = api.get(PATH);
        assertThat(r.header("X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
        assertThat(r.header("X-HubSpot-RateLimit-Max")).isEqualTo("100");
        assertThat(r.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("99");
        assertThat(r.header("X-HubSpot-RateLimit-Daily")).isNull();
        // Errors from endpoints count and carry the headers too.
        SimClient.Reply notFound = api.get("/crm/v3/properties/contacts/nope");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("98");
    }

    @Test
    void the429BodyAfterTheLimitWithinTenSecondsAndRecoveryAfterTheWindow() {
        start(SimulatorOptions.builder().tenSecondLimit(5));
        for (int i = 0; i < 5; i++) {
            SimClient.Reply r = api.get(PATH);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-HubSpot-RateLimit-Remaining")).isEqualTo(Integer.toString(4 - i));
            clock.advance(Duration.ofSeconds(1));
        }
        SimClient.Reply limited = api.get(PATH);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNull();
        assertThat(limited.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("0");
        JsonNode body = limited.json();
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("message").asText()).isEqualTo("You have reached your ten_secondly_rolling limit.");
        assertThat(body.get("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(body.get("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(UUID.fromString(body.get("correlationId").asText())).isNotNull();

        // The oldest request leaves the rolling window 10 s after it was made (at +5 s from now).
        clock.advance(Duration.ofSeconds(4));
        assertThat(api.get(PATH).status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.get(PATH).status()).isEqualTo(200);
        assertThat(sim.requests().maxRequestsInAnyTenSeconds()).isEqualTo(7);
        assertThat(sim.requests().statusCounts()).containsEntry("GET /crm/v3/properties/{objectType}/{propertyName}"
                + " -> 429", 2L);
    }

    @Test
    void retryAfterCanBeSwitchedOn() {
        start(SimulatorOptions.builder().tenSecondLimit(1).retryAfterOnRateLimit(true));
        assertThat(api.get(PATH).status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(2500));
        SimClient.Reply limited = api.get(PATH);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("8");
    }

    @Test
    void dailyLimitResetsAtMidnightInTheAccountZone() {
        start(SimulatorOptions.builder().dailyLimit(2).dailyLimitHeaders(true));
        assertThat(api.get(PATH).header("X-HubSpot-RateLimit-Daily-Remaining")).isEqualTo("1");
        assertThat(api.get(PATH).status()).isEqualTo(200);
        SimClient.Reply limited = api.get(PATH);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("policyName").asText()).isEqualTo("DAILY");
        clock.advance(Duration.ofSeconds(10));
        assertThat(api.get(PATH).status()).isEqualTo(200);
    }

    @Test
    void requestLogCountsPerEndpointTemplate() {
        start(SimulatorOptions.builder());
        api.createContact("{\"email\":\"a@example.com\"}");
        api.createContact("{\"email\":\"b@example.com\"}");
        api.get("/crm/v3/objects/contacts/1001");
        assertThat(sim.requests().count("POST /crm/v3/objects/{objectType}")).isEqualTo(2);
        assertThat(sim.requests().count("GET /crm/v3/objects/{objectType}/{id}")).isEqualTo(1);
        assertThat(sim.requests().total()).isEqualTo(3);
        assertThat(sim.requests().entries()).extracting(RequestLog.Entry::status).containsExactly(201, 201, 200);
    }
}
