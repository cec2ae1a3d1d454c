package io.leadsla.simulator.hubspot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectionTest {
    private static final String PATH = "/crm/v3/properties/contacts/email";
    private HubSpotSimulator sim;
    private SimClient api;

    @BeforeEach
    void start() {
        sim = HubSpotSimulator.start(SimulatorOptions.builder()
                .clock(new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"))).build());
        api = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        api.close();
        sim.close();
    }

    @Test
    void outageAnswers503UntilItEnds() {
        sim.outage(true);
        SimClient.Reply html = api.get(PATH);
        assertThat(html.status()).isEqualTo(503);
        assertThat(html.header("Content-Type")).isEqualTo("text/html");
        assertThat(html.body()).contains("503 Service Temporarily Unavailable");
        // Even a request without a token: the portal is not reachable at all.
        assertThat(api.send("GET", PATH, null, null).status()).isEqualTo(503);

        sim.faults().outage(true, FaultInjector.OutageBody.JSON);
        assertThat(api.get(PATH).json().get("status").asText()).isEqualTo("error");

        sim.outage(false);
        assertThat(api.get(PATH).status()).isEqualTo(200);
    }

    @Test
    void failNextAnswersTheNextCallsWithTheGivenStatusAndRawBody() {
        sim.failNext(2, 502, "{\"status\":\"error\",\"mess");
        SimClient.Reply first = api.get(PATH);
        assertThat(first.status()).isEqualTo(502);
        assertThat(first.body()).isEqualTo("{\"status\":\"error\",\"mess");
        assertThat(api.post("/crm/v3/objects/contacts/search", "{}").status()).isEqualTo(502);
        assertThat(api.get(PATH).status()).isEqualTo(200);
        assertThat(sim.requests().total()).isEqualTo(3);
    }

    @Test
    void failNextCanTargetOneEndpoint() {
        sim.faults().failNext("PATCH /crm/v3/objects/{objectType}/{id}", 1, 500, "");
        String id = api.createContact("{\"email\":\"a@example.com\"}");
        assertThat(api.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"firstname\":\"A\"}}").status())
                .isEqualTo(500);
        assertThat(sim.contact(id).orElseThrow().property("firstname")).isNull();
        assertThat(api.patch("/crm/v3/objects/contacts/" + id, "{\"properties\":{\"firstname\":\"A\"}}").status())
                .isEqualTo(200);
    }
}
