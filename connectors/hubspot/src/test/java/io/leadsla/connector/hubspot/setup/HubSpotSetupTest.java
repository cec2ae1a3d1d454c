package io.leadsla.connector.hubspot.setup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotSetupTest {

    private WireMockServer hubspot;
    private HubSpotSetup setup;

    @BeforeEach
    void start() {
        hubspot = new WireMockServer(wireMockConfig().dynamicPort());
        hubspot.start();
        setup = new HubSpotSetup(new HubSpotClient(new HubSpotHttp(
                HubSpotApiConfig.defaults(hubspot.baseUrl(), "pat-na1-test"), new ObjectMapper(), Clock.systemUTC(),
                Duration.ofMillis(10))));
        // the portal has the contact group and one of the properties already
        hubspot.stubFor(get(urlEqualTo("/crm/v3/properties/contacts/groups")).willReturn(okJson("""
                {"results":[{"name":"contactinformation","label":"Contact information","displayOrder":-1,"archived":false},
                {"name":"leadsla","label":"Lead SLA (leadsla)","displayOrder":-1,"archived":false}]}""")));
        hubspot.stubFor(get(urlEqualTo("/crm/v3/properties/tasks/groups")).willReturn(okJson("""
                {"results":[{"name":"taskinformation","label":"Task information","displayOrder":-1,"archived":false}]}""")));
        hubspot.stubFor(get(urlEqualTo("/crm/v3/properties/contacts")).willReturn(okJson("""
                {"results":[{"name":"email","label":"Email","type":"string","fieldType":"text","groupName":"contactinformation",
                "options":[]},{"name":"leadsla_sla_status","label":"SLA status","type":"enumeration","fieldType":"select",
                "groupName":"leadsla","options":[{"label":"On track","value":"ON_TRACK","displayOrder":0,"hidden":false}]}]}""")));
        hubspot.stubFor(get(urlEqualTo("/crm/v3/properties/tasks")).willReturn(okJson("""
                {"results":[{"name":"hs_task_subject","label":"Task Title","type":"string","fieldType":"text",
                "groupName":"taskinformation","options":[]}]}""")));
        hubspot.stubFor(post(urlMatching("/crm/v3/properties/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"x\"}")));
    }

    @AfterEach
    void stop() {
        hubspot.stop();
    }

    @Test
    void aDryRunReadsThePortalAndCreatesNothing() {
        List<HubSpotSetup.Step> plan = setup.plan();
        assertThat(plan).extracting(Object::toString).containsExactly(
                "exists   contacts property group leadsla",
                "exists   contacts property leadsla_sla_status",
                "create   contacts property leadsla_sla_due_at",
                "create   contacts property leadsla_sla_policy",
                "create   contacts property leadsla_breached_at",
                "create   contacts property leadsla_attempts",
                "create   contacts property leadsla_rejection_reason",
                "create   tasks property group leadsla",
                "create   tasks property leadsla_task_key");
        hubspot.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void applyCreatesOnlyWhatIsMissing() {
        setup.apply();
        hubspot.verify(5, postRequestedFor(urlEqualTo("/crm/v3/properties/contacts")));
        hubspot.verify(1, postRequestedFor(urlEqualTo("/crm/v3/properties/tasks/groups")));
        hubspot.verify(0, postRequestedFor(urlEqualTo("/crm/v3/properties/contacts/groups")));
        hubspot.verify(postRequestedFor(urlEqualTo("/crm/v3/properties/contacts"))
                .withRequestBody(matchingJsonPath("$[?(@.name == 'leadsla_sla_due_at' && @.type == 'datetime' "
                        + "&& @.fieldType == 'date' && @.groupName == 'leadsla')]")));
        hubspot.verify(postRequestedFor(urlEqualTo("/crm/v3/properties/tasks"))
                .withRequestBody(matchingJsonPath("$[?(@.name == 'leadsla_task_key' && @.groupName == 'leadsla')]")));
    }
}
