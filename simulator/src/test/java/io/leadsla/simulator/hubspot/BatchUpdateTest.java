package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.leadsla.simulator.hubspot.SimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

class BatchUpdateTest {
    private static final String BATCH = "/crm/v3/objects/contacts/batch/update";
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private HubSpotSimulator sim;
    private SimClient api;

    @BeforeEach
    void start() {
        sim = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).build());
        api = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        api.close();
        sim.close();
    }

    private static String input(String id, String status) {
        return "{\"id\":\"" + id + "\",\"properties\":{\"hs_lead_status\":\"" + status + "\"}}";
    }

    @Test
    void updatesAllWith200() {
        String a = api.createContact(q("{'email':'a@example.com'}"));
        String b = api.createContact(q("{'email':'b@example.com'}"));
        SimClient.Reply r = api.post(BATCH, "{\"inputs\":[" + input(a, "OPEN") + "," + input(b, "CONNECTED") + "]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(body.has("numErrors")).isFalse();
        assertThat(body.get("results")).hasSize(2);
        assertThat(body.get("results").get(1).get("properties").get("hs_lead_status").asText()).isEqualTo("CONNECTED");
        assertThat(body.get("startedAt").asText()).isEqualTo("2026-03-02T09:00:00.000Z");
        assertThat(sim.contact(a).orElseThrow().property("hs_lead_status")).isEqualTo("OPEN");
    }

    @Test
    void moreThanOneHundredInputsIsAValidationError() {
        String a = api.createContact(q("{'email':'a@example.com'}"));
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            inputs.append(i == 0 ? "" : ",").append(input(i == 0 ? a : Integer.toString(500_000 + i), "OPEN"));
        }
        SimClient.Reply r = api.post(BATCH, "{\"inputs\":[" + inputs + "]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(sim.contact(a).orElseThrow().property("hs_lead_status")).isNull();
    }

    @Test
    void unknownPropertyFailsTheWholeBatch() {
        String a = api.createContact(q("{'email':'a@example.com'}"));
        String b = api.createContact(q("{'email':'b@example.com'}"));
        SimClient.Reply r = api.post(BATCH, "{\"inputs\":[" + input(a, "OPEN") + ",{\"id\":\"" + b
                + "\",\"properties\":{\"leadsla_nope\":\"1\"}}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("PROPERTY_DOESNT_EXIST");
        assertThat(sim.contact(a).orElseThrow().property("hs_lead_status")).isNull();
    }

    @Test
    void missingIdsGive207WithTheOthersUpdated() {
        String a = api.createContact(q("{'email':'a@example.com'}"));
        SimClient.Reply r = api.post(BATCH, "{\"inputs\":[" + input(a, "OPEN") + "," + input("987654", "OPEN")
                + "]}");
        assertThat(r.status()).isEqualTo(207);
        JsonNode body = r.json();
        assertThat(body.get("numErrors").asInt()).isEqualTo(1);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("status").asText()).isEqualTo("error");
        assertThat(error.get("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(error.get("context").get("ids").get(0).asText()).isEqualTo("987654");
        assertThat(body.get("results")).hasSize(1);
        assertThat(body.get("results").get(0).get("id").asText()).isEqualTo(a);
        assertThat(sim.contact(a).orElseThrow().property("hs_lead_status")).isEqualTo("OPEN");
    }

    @Test
    void duplicateIdsAndEmptyPropertiesAreRefused() {
        String a = api.createContact(q("{'email':'a@example.com'}"));
        assertThat(api.post(BATCH, "{\"inputs\":[" + input(a, "OPEN") + "," + input(a, "NEW") + "]}").status())
                .isEqualTo(400);
        SimClient.Reply empty = api.post(BATCH, "{\"inputs\":[{\"id\":\"" + a + "\",\"properties\":{}}]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asText()).contains("No properties found to update");
    }
}
