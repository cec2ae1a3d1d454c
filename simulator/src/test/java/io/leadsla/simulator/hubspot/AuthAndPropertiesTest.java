package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.leadsla.simulator.hubspot.SimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

class AuthAndPropertiesTest {
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private HubSpotSimulator sim;
    private SimClient api;

    @BeforeEach
    void start() {
        sim = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).accessToken("tok-1").build());
        api = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        api.close();
        sim.close();
    }

    @Test
    void refusesMissingOrWrongTokenWithHubSpotsAuthError() {
        for (String bearer : new String[] {null, "other-token"}) {
            SimClient.Reply r = api.send("GET", "/crm/v3/properties/contacts", null, bearer);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("Content-Type")).isEqualTo("application/json;charset=utf-8");
            JsonNode body = r.json();
            assertThat(body.get("status").asText()).isEqualTo("error");
            assertThat(body.get("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
            assertThat(body.get("message").asText()).startsWith("Authentication credentials not found.");
            assertThat(UUID.fromString(body.get("correlationId").asText())).isNotNull();
        }
    }

    @Test
    void listsHubSpotDefaultContactProperties() {
        SimClient.Reply r = api.get("/crm/v3/properties/contacts");
        assertThat(r.status()).isEqualTo(200);
        JsonNode lifecycle = find(r.json().get("results"), "lifecyclestage");
        assertThat(lifecycle.get("type").asText()).isEqualTo("enumeration");
        assertThat(values(lifecycle.get("options"))).containsExactly("subscriber", "lead", "marketingqualifiedlead",
                "salesqualifiedlead", "opportunity", "customer", "evangelist", "other");
        assertThat(values(find(r.json().get("results"), "hs_lead_status").get("options"))).containsExactly("NEW",
                "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING");
        JsonNode stageDate = find(r.json().get("results"), "hs_lifecyclestage_marketingqualifiedlead_date");
        assertThat(stageDate.get("type").asText()).isEqualTo("datetime");
        assertThat(find(r.json().get("results"), "hubspot_owner_id").get("externalOptions").asBoolean()).isTrue();
        for (String name : List.of("email", "firstname", "lastname", "country", "hubspotscore",
                "hs_analytics_source", "createdate", "lastmodifieddate")) {
            assertThat(find(r.json().get("results"), name)).as(name).isNotNull();
        }
    }

    @Test
    void readsOnePropertyAnd404sOnAnUnknownOne() {
        SimClient.Reply ok = api.get("/crm/v3/properties/contacts/hs_lead_status");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("groupName").asText()).isEqualTo("sales_properties");
        assertThat(ok.json().get("modificationMetadata").get("readOnlyValue").asBoolean()).isFalse();

        SimClient.Reply missing = api.get("/crm/v3/properties/contacts/no_such_property");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    }

    @Test
    void createsAPropertyAndRefusesTheSameNameWith409() {
        String body = q("{'name':'leadsla_sla_due','label':'SLA due','type':'datetime','fieldType':'date',"
                + "'groupName':'sales_properties'}");
        SimClient.Reply created = api.post("/crm/v3/properties/contacts", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("leadsla_sla_due");
        assertThat(created.json().get("hubspotDefined").asBoolean()).isFalse();
        assertThat(created.json().get("createdAt").asText()).isEqualTo("2026-03-02T09:00:00.000Z");

        assertThat(api.get("/crm/v3/properties/contacts/leadsla_sla_due").status()).isEqualTo(200);

        SimClient.Reply again = api.post("/crm/v3/properties/contacts", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("category").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void validatesPropertyDefinitions() {
        SimClient.Reply noOptions = api.post("/crm/v3/properties/contacts", q("{'name':'leadsla_state',"
                + "'label':'State','type':'enumeration','fieldType':'select','groupName':'sales_properties'}"));
        assertThat(noOptions.status()).isEqualTo(400);
        assertThat(noOptions.json().get("category").asText()).isEqualTo("VALIDATION_ERROR");

        SimClient.Reply badGroup = api.post("/crm/v3/properties/contacts", q("{'name':'leadsla_x','label':'X',"
                + "'type':'string','fieldType':'text','groupName':'nope'}"));
        assertThat(badGroup.status()).isEqualTo(400);

        SimClient.Reply badType = api.post("/crm/v3/properties/contacts", q("{'name':'leadsla_y','label':'Y',"
                + "'type':'text','fieldType':'text','groupName':'sales_properties'}"));
        assertThat(badType.status()).isEqualTo(400);

        SimClient.Reply enumOk = api.post("/crm/v3/properties/contacts", q("{'name':'leadsla_state',"
                + "'label':'State','type':'enumeration','fieldType':'select','groupName':'sales_properties',"
                + "'options':[{'label':'Open','value':'open'},{'label':'Breached','value':'breached'}]}"));
        assertThat(enumOk.status()).isEqualTo(201);
        assertThat(values(enumOk.json().get("options"))).containsExactly("open", "breached");
    }

    @Test
    void createsPropertyGroupsAndRefusesDuplicates() {
        SimClient.Reply created = api.post("/crm/v3/properties/contacts/groups",
                q("{'name':'leadsla','label':'leadsla','displayOrder':5}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("leadsla");

        assertThat(api.post("/crm/v3/properties/contacts/groups", q("{'name':'leadsla','label':'again'}")).status())
                .isEqualTo(409);
        JsonNode groups = api.get("/crm/v3/properties/contacts/groups").json().get("results");
        assertThat(find(groups, "leadsla").get("label").asText()).isEqualTo("leadsla");

        SimClient.Reply property = api.post("/crm/v3/properties/tasks", q("{'name':'leadsla_task_key',"
                + "'label':'leadsla task key','type':'string','fieldType':'text','groupName':'task',"
                + "'hasUniqueValue':true}"));
        assertThat(property.status()).isEqualTo(201);
        assertThat(property.json().get("hasUniqueValue").asBoolean()).isTrue();
    }

    @Test
    void unknownObjectTypeIsAValidationError() {
        SimClient.Reply r = api.get("/crm/v3/properties/widgets");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("widgets");
    }

    static JsonNode find(JsonNode results, String name) {
        for (JsonNode n : results) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        return null;
    }

    static List<String> values(JsonNode options) {
        List<String> out = new ArrayList<>();
        options.forEach(o -> out.add(o.get("value").asText()));
        return out;
    }
}
