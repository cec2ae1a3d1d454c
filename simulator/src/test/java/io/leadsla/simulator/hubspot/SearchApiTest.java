package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.leadsla.simulator.hubspot.SimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

class SearchApiTest {
    private static final String SEARCH = "/crm/v3/objects/contacts/search";
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private HubSpotSimulator sim;
    private SimClient api;

    private void start(SimulatorOptions.Builder options) {
        sim = HubSpotSimulator.start(options.clock(clock).searchPerSecondLimit(1000).build());
        api = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        api.close();
        sim.close();
    }

    /** Three leads entering MQL at 09:00, 10:00 and 11:00, plus one subscriber without a stage date. */
    private List<String> seed() {
        List<String> ids = new ArrayList<>();
        String[] countries = {"France", "Peru", "France"};
        for (int i = 0; i < 3; i++) {
            ObjectSnapshot c = sim.actions().createContact(Map.of("email", "m" + i + "@example.com",
                    "country", countries[i], "lifecyclestage", "marketingqualifiedlead",
                    "hubspotscore", Integer.toString(10 * (i + 1))), ChangeSource.crmUi(1));
            ids.add(c.id());
            clock.advance(Duration.ofHours(1));
        }
        ids.add(sim.actions().createContact(Map.of("email", "s@example.com", "lifecyclestage", "subscriber"),
                ChangeSource.crmUi(1)).id());
        return ids;
    }

    private List<String> ids(JsonNode response) {
        List<String> out = new ArrayList<>();
        response.get("results").forEach(r -> out.add(r.get("id").asText()));
        return out;
    }

    @Test
    void filtersDatetimesAsInstantsFromEpochMillisOrIso() {
        start(SimulatorOptions.builder());
        List<String> ids = seed();
        long tenOClock = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
        JsonNode gte = api.post(SEARCH, "{\"filterGroups\":[{\"filters\":[{\"propertyName\":"
                + "\"hs_lifecyclestage_marketingqualifiedlead_date\",\"operator\":\"GTE\",\"value\":\"" + tenOClock
                + "\"}]}]}").json();
        assertThat(gte.get("total").asInt()).isEqualTo(2);
        assertThat(ids(gte)).containsExactly(ids.get(1), ids.get(2));

        JsonNode between = api.post(SEARCH, q("{'filterGroups':[{'filters':[{'propertyName':"
                + "'hs_lifecyclestage_marketingqualifiedlead_date','operator':'BETWEEN',"
                + "'value':'2026-03-02T08:30:00Z','highValue':'2026-03-02T10:00:00.000Z'}]}]}")).json();
        assertThat(ids(between)).containsExactly(ids.get(0), ids.get(1));

        JsonNode lt = api.post(SEARCH, q("{'filterGroups':[{'filters':[{'propertyName':'createdate',"
                + "'operator':'LT','value':'2026-03-02T10:30:00+01:00'}]}]}")).json();
        assertThat(ids(lt)).containsExactly(ids.get(0));
    }

    @Test
    void groupsAreOredFiltersAndedAndSetOperatorsWork() {
        start(SimulatorOptions.builder());
        List<String> ids = seed();
        JsonNode r = api.post(SEARCH, q("{'filterGroups':["
                + "{'filters':[{'propertyName':'country','operator':'EQ','value':'france'},"
                + "{'propertyName':'hubspotscore','operator':'GT','value':'15'}]},"
                + "{'filters':[{'propertyName':'lifecyclestage','operator':'IN','values':['subscriber']}]}]}")).json();
        assertThat(ids(r)).containsExactly(ids.get(2), ids.get(3));

        JsonNode noCountry = api.post(SEARCH, q("{'filterGroups':[{'filters':[{'propertyName':'country',"
                + "'operator':'NOT_HAS_PROPERTY'}]}]}")).json();
        assertThat(ids(noCountry)).containsExactly(ids.get(3));

        JsonNode notIn = api.post(SEARCH, q("{'filterGroups':[{'filters':[{'propertyName':'lifecyclestage',"
                + "'operator':'NOT_IN','values':['marketingqualifiedlead']},{'propertyName':'email',"
                + "'operator':'HAS_PROPERTY'}]}]}")).json();
        assertThat(ids(notIn)).containsExactly(ids.get(3));

        JsonNode neq = api.post(SEARCH, q("{'filterGroups':[{'filters':[{'propertyName':'hubspotscore',"
                + "'operator':'NEQ','value':'20'},{'propertyName':'hubspotscore','operator':'LTE','value':'30'}]}]}"))
                .json();
        assertThat(ids(neq)).containsExactly(ids.get(0), ids.get(2));
    }

    @Test
    void sortsPagesAndReturnsRequestedProperties() {
        start(SimulatorOptions.builder());
        List<String> ids = seed();
        String body = q("{'filterGroups':[{'filters':[{'propertyName':'lifecyclestage','operator':'EQ',"
                + "'value':'marketingqualifiedlead'}]}],'sorts':[{'propertyName':'hubspotscore',"
                + "'direction':'DESCENDING'}],'properties':['hubspotscore','country'],'limit':2}");
        JsonNode first = api.post(SEARCH, body).json();
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(ids(first)).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.get("paging").get("next").get("after").asText()).isEqualTo("2");
        JsonNode props = first.get("results").get(0).get("properties");
        assertThat(props.get("hubspotscore").asText()).isEqualTo("30");
        assertThat(props.get("hs_object_id").asText()).isEqualTo(ids.get(2));
        assertThat(props.has("email")).isFalse();
        assertThat(first.get("results").get(0).get("archived").asBoolean()).isFalse();

        JsonNode second = api.post(SEARCH, body.replace("\"limit\":2", "\"limit\":2,\"after\":\"2\"")).json();
        assertThat(ids(second)).containsExactly(ids.get(0));
        assertThat(second.has("paging")).isFalse();
    }

    @Test
    void refusesLimitsAboveTwoHundredAndPagingPastTenThousand() {
        start(SimulatorOptions.builder());
        for (int i = 0; i < 10_050; i++) {
            sim.actions().createContact(Map.of("firstname", "n" + i), ChangeSource.crmUi(1));
        }
        assertThat(api.post(SEARCH, q("{'limit':201}")).status()).isEqualTo(400);

        JsonNode last = api.post(SEARCH, q("{'limit':200,'after':'9800'}")).json();
        assertThat(last.get("total").asInt()).isEqualTo(10_050);
        assertThat(last.get("results")).hasSize(200);
        assertThat(last.get("paging").get("next").get("after").asText()).isEqualTo("10000");

        SimClient.Reply beyond = api.post(SEARCH, q("{'limit':200,'after':'10000'}"));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("category").asText()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void searchIsLimitedPerSecondWithoutRateLimitHeaders() {
        sim = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).build());
        api = new SimClient(sim);
        for (int i = 0; i < 5; i++) {
            SimClient.Reply ok = api.post(SEARCH, "{}");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-HubSpot-RateLimit-Remaining")).isNull();
        }
        SimClient.Reply limited = api.post(SEARCH, "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(limited.json().get("policyName").asText()).isEqualTo("SECONDLY");
        assertThat(limited.json().get("message").asText()).isEqualTo("You have reached your secondly limit.");
        assertThat(limited.header("X-HubSpot-RateLimit-Max")).isNull();
        // Other endpoints are not held back by the search limit.
        assertThat(api.get("/crm/v3/properties/contacts/email").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(api.post(SEARCH, "{}").status()).isEqualTo(200);
        assertThat(sim.requests().count("POST /crm/v3/objects/{objectType}/search")).isEqualTo(7);
    }

    @Test
    void searchSeesChangesOnlyAfterTheIndexingDelay() {
        start(SimulatorOptions.builder().searchIndexDelay(Duration.ofSeconds(2)));
        String id = api.createContact(q("{'email':'late@example.com','lifecyclestage':'lead'}"));
        String byStage = q("{'filterGroups':[{'filters':[{'propertyName':'lifecyclestage','operator':'EQ',"
                + "'value':'STAGE'}]}]}");
        assertThat(api.post(SEARCH, byStage.replace("STAGE", "lead")).json().get("total").asInt()).isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(ids(api.post(SEARCH, byStage.replace("STAGE", "lead")).json())).containsExactly(id);

        api.patch("/crm/v3/objects/contacts/" + id, q("{'properties':{'lifecyclestage':'marketingqualifiedlead'}}"));
        clock.advance(Duration.ofSeconds(1));
        // The index still serves the old state; a direct read already shows the new one.
        assertThat(ids(api.post(SEARCH, byStage.replace("STAGE", "lead")).json())).containsExactly(id);
        assertThat(api.post(SEARCH, byStage.replace("STAGE", "marketingqualifiedlead")).json().get("total").asInt())
                .isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ids(api.post(SEARCH, byStage.replace("STAGE", "marketingqualifiedlead")).json()))
                .containsExactly(id);
    }

    @Test
    void rejectsMalformedQueries() {
        start(SimulatorOptions.builder());
        assertThat(api.post(SEARCH, q("{'filterGroups':[{'filters':[{'propertyName':'email','operator':'EQ'}]}]}"))
                .status()).isEqualTo(400);
        assertThat(api.post(SEARCH, q("{'filterGroups':[{'filters':[{'propertyName':'email','operator':'LIKE',"
                + "'value':'x'}]}]}")).status()).isEqualTo(400);
        assertThat(api.post(SEARCH, q("{'filterGroups':[{},{},{},{},{},{}]}")).status()).isEqualTo(400);
        assertThat(api.post(SEARCH, "{not json").status()).isEqualTo(400);
    }
}
