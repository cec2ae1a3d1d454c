package io.leadsla.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.salesforce.api.OrgBudget;
import io.leadsla.connector.salesforce.api.SalesforceAuthConfig;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import io.leadsla.connector.salesforce.api.SalesforceTokenClient;
import io.leadsla.connector.hubspot.HubSpotConnector;
import io.leadsla.connector.salesforce.SalesforceConnector;
import io.leadsla.service.connector.ConnectorHealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each CRM's health check says whether leadsla is signed in, in the CRMs' own error shapes. */
class CrmHealthChecksTest {

    private WireMockServer crm;

    @BeforeEach
    void start() {
        crm = new WireMockServer(wireMockConfig().dynamicPort());
        crm.start();
    }

    @AfterEach
    void stop() {
        crm.stop();
    }

    @Test
    void hubSpotRefusingTheTokenMakesItsCheckUnhealthyUntilACallSucceeds() {
        HubSpotHttp http = new HubSpotHttp(new HubSpotApiConfig(crm.baseUrl(), "pat-na1-revoked", 100, 5, 1_000, 0.8,
                ZoneId.of("Europe/Paris"), Duration.ofSeconds(2), 1), new ObjectMapper(), Clock.systemUTC(), Duration.ofMillis(10));
        ConnectorHealthCheck check = new ConnectorHealthCheck(() -> HubSpotConnector.health(http, "62515"));
        assertThat(check.execute().isHealthy()).isTrue();

        // HubSpot's documented 401 body for an expired or revoked token
        crm.stubFor(get(urlEqualTo("/crm/v3/owners")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Authentication credentials not found. This API supports OAuth 2.0 "
                        + "authentication.\",\"correlationId\":\"a1b2\",\"category\":\"INVALID_AUTHENTICATION\"}")));
        assertThatThrownBy(() -> http.get("/crm/v3/owners")).isInstanceOf(RuntimeException.class);
        HealthCheck.Result refused = check.execute();
        assertThat(refused.isHealthy()).isFalse();
        assertThat(refused.getMessage()).startsWith("HubSpot refuses the access token (401)");
        assertThat(refused.getDetails()).containsEntry("authenticated", false);

        crm.stubFor(get(urlEqualTo("/crm/v3/owners")).willReturn(okJson("{\"results\":[]}")));
        http.get("/crm/v3/owners");
        assertThat(check.execute().isHealthy()).isTrue();
    }

    @Test
    void aSalesforceSignInRefusedMakesItsCheckUnhealthy() {
        // the token endpoint's documented refusal of the client-credentials flow
        crm.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));
        crm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(500)));
        SalesforceAuthConfig auth = new SalesforceAuthConfig(crm.baseUrl(), "3MVG9test", "wrong", null, null, "65.0");
        SalesforceSession session = new SalesforceSession(auth, new SalesforceTokenClient(auth, new ObjectMapper(), Clock.systemUTC()),
                new OrgBudget(0.75, 0.9), Duration.ofMillis(10));
        ConnectorHealthCheck check = new ConnectorHealthCheck(() -> SalesforceConnector.health(session, "00D5g000000LeadAAA"));
        assertThat(check.execute().isHealthy()).isTrue();

        assertThatThrownBy(() -> session.call("query", c -> c.query("SELECT Id FROM Lead"))).isInstanceOf(RuntimeException.class);
        HealthCheck.Result refused = check.execute();
        assertThat(refused.isHealthy()).isFalse();
        assertThat(refused.getMessage()).startsWith("leadsla cannot sign in to Salesforce").contains("invalid_client");
        assertThat(refused.getDetails()).containsEntry("authenticated", false);
    }
}
