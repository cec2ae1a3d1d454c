package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.leadsla.simulator.hubspot.SimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

class ContactsApiTest {
    private static final long APP_ID = 777;
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private HubSpotSimulator sim;
    private SimClient api;

    @BeforeEach
    void start() {
        sim = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).appId(APP_ID).build());
        api = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        api.close();
        sim.close();
    }

    @Test
    void createsAContactWithTimestampsFromTheClock() {
        SimClient.Reply r = api.post("/crm/v3/objects/contacts",
                q("{'properties':{'email':'ada@example.com','firstname':'Ada','lifecyclestage':'lead'}}"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = r.json();
        String id = c.get("id").asText();
        assertThat(c.get("properties").get("hs_object_id").asText()).isEqualTo(id);
        assertThat(c.get("properties").get("createdate").asText()).isEqualTo("2026-03-02T09:00:00.000Z");
        assertThat(c.get("properties").get("lastmodifieddate").asText()).isEqualTo("2026-03-02T09:00:00.000Z");
        assertThat(c.get("properties").get("email").asText()).isEqualTo("ada@example.com");
        assertThat(c.get("createdAt").asText()).isEqualTo("2026-03-02T09:00:00.000Z");
        assertThat(c.get("archived").asBoolean()).isFalse();
        assertThat(sim.contact(id).orElseThrow().property("hs_lifecyclestage_lead_date"))
                .isEqualTo("2026-03-02T09:00:00.000Z");
    }

    @Test
    void readsPropertiesAndHistoryNewestFirstWithTheirSources() {
        String id = api.createContact(q("{'email':'bo@example.com','lifecyclestage':'lead'}"));
        clock.advance(Duration.ofMinutes(5));
        sim.actions().setProperty(id, "lifecyclestage", "marketingqualifiedlead", ChangeSource.crmUi(42));
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.patch("/crm/v3/objects/contacts/" + id,
                q("{'properties':{'lifecyclestage':'salesqualifiedlead'}}")).status()).isEqualTo(200);

        SimClient.Reply r = api.get("/crm/v3/objects/contacts/" + id
                + "?properties=lifecyclestage&properties=hs_lifecyclestage_marketingqualifiedlead_date,country"
                + "&propertiesWithHistory=lifecyclestage");
        assertThat(r.status()).isEqualTo(200);
        JsonNode props = r.json().get("properties");
        assertThat(props.get("lifecyclestage").asText()).isEqualTo("salesqualifiedlead");
        assertThat(props.get("hs_lifecyclestage_marketingqualifiedlead_date").asText())
                .isEqualTo("2026-03-02T09:05:00.000Z");
        assertThat(props.get("country").isNull()).isTrue();
        assertThat(props.get("lastmodifieddate").asText()).isEqualTo("2026-03-02T09:10:00.000Z");
        assertThat(props.has("email")).isFalse();

        JsonNode history = r.json().get("propertiesWithHistory").get("lifecyclestage");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("value").asText()).isEqualTo("salesqualifiedlead");
        assertThat(history.get(0).get("sourceType").asText()).isEqualTo("INTEGRATION");
        assertThat(history.get(0).get("sourceId").asText()).isEqualTo(Long.toString(APP_ID));
        assertThat(history.get(0).get("timestamp").asText()).isEqualTo("2026-03-02T09:10:00.000Z");
        assertThat(history.get(1).get("value").asText()).isEqualTo("marketingqualifiedlead");
        assertThat(history.get(1).get("sourceType").asText()).isEqualTo("CRM_UI");
        assertThat(history.get(1).get("sourceId").asText()).isEqualTo("userId:42");
        assertThat(history.get(1).get("updatedByUserId").asLong()).isEqualTo(42);
        assertThat(history.get(2).get("value").asText()).isEqualTo("lead");
        assertThat(r.json().get("updatedAt").asText()).isEqualTo("2026-03-02T09:10:00.000Z");
    }

    @Test
    void defaultReadReturnsHubSpotsDefaultProperties() {
        String id = api.createContact(q("{'email':'cy@example.com','country':'France'}"));
        JsonNode props = api.get("/crm/v3/objects/contacts/" + id).json().get("properties");
        assertThat(props.fieldNames()).toIterable().containsExactlyInAnyOrder("createdate", "email", "firstname",
                "hs_object_id", "lastmodifieddate", "lastname");
    }

    @Test
    void refusesASecondContactWithTheSameEmail() {
        String id = api.createContact(q("{'email':'dup@example.com'}"));
        SimClient.Reply r = api.post("/crm/v3/objects/contacts", q("{'properties':{'email':'DUP@example.com'}}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("category").asText()).isEqualTo("CONFLICT");
        assertThat(r.json().get("message").asText()).isEqualTo("Contact already exists. Existing ID: " + id);
    }

    @Test
    void unknownPropertyIsAPropertyDoesntExistValidationError() {
        String id = api.createContact(q("{'email':'e@example.com'}"));
        SimClient.Reply r = api.patch("/crm/v3/objects/contacts/" + id,
                q("{'properties':{'leadsla_missing':'x','firstname':'Eve'}}"));
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = r.json();
        assertThat(body.get("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.get("message").asText()).startsWith("Property values were not valid: [{\"isValid\":false,");
        assertThat(body.get("errors").get(0).get("code").asText()).isEqualTo("PROPERTY_DOESNT_EXIST");
        assertThat(body.get("errors").get(0).get("context").get("propertyName").get(0).asText())
                .isEqualTo("leadsla_missing");
        assertThat(sim.contact(id).orElseThrow().property("firstname")).isNull();
    }

    @Test
    void invalidOptionAndReadOnlyValuesAreRefused() {
        String id = api.createContact(q("{'email':'f@example.com'}"));
        SimClient.Reply badStage = api.patch("/crm/v3/objects/contacts/" + id,
                q("{'properties':{'lifecyclestage':'prospect'}}"));
        assertThat(badStage.status()).isEqualTo(400);
        assertThat(badStage.json().get("errors").get(0).get("code").asText()).isEqualTo("INVALID_OPTION");

        SimClient.Reply readOnly = api.patch("/crm/v3/objects/contacts/" + id,
                q("{'properties':{'lastmodifieddate':'2020-01-01T00:00:00Z'}}"));
        assertThat(readOnly.status()).isEqualTo(400);

        SimClient.Reply badOwner = api.patch("/crm/v3/objects/contacts/" + id,
                q("{'properties':{'hubspot_owner_id':'123'}}"));
        assertThat(badOwner.status()).isEqualTo(400);
        Owner owner = sim.actions().addOwner("rep@example.com", "Rita", "Rep");
        assertThat(api.patch("/crm/v3/objects/contacts/" + id,
                "{\"properties\":{\"hubspot_owner_id\":\"" + owner.id() + "\"}}").status()).isEqualTo(200);
    }

    @Test
    void datetimeValuesAreAcceptedAsEpochMillisAndReturnedAsIso() {
        String id = api.createContact(q("{'email':'g@example.com'}"));
        long ms = Instant.parse("2026-02-01T10:00:00Z").toEpochMilli();
        SimClient.Reply r = api.patch("/crm/v3/objects/contacts/" + id,
                "{\"properties\":{\"hs_lifecyclestage_lead_date\":" + ms + "}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("properties").get("hs_lifecyclestage_lead_date").asText())
                .isEqualTo("2026-02-01T10:00:00.000Z");
    }

    @Test
    void missingContactIsABare404AndPatchIsObjectNotFound() {
        SimClient.Reply get = api.get("/crm/v3/objects/contacts/999999");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.body()).isEmpty();
        SimClient.Reply patch = api.patch("/crm/v3/objects/contacts/999999", q("{'properties':{'firstname':'X'}}"));
        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.json().get("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    }

    @Test
    void deleteArchivesWith204AndIsIdempotent() {
        String id = api.createContact(q("{'email':'h@example.com'}"));
        assertThat(api.delete("/crm/v3/objects/contacts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/crm/v3/objects/contacts/" + id).status()).isEqualTo(404);
        assertThat(api.get("/crm/v3/objects/contacts/" + id + "?archived=true").json().get("archived").asBoolean())
                .isTrue();
        assertThat(api.delete("/crm/v3/objects/contacts/" + id).status()).isEqualTo(204);
        assertThat(sim.contacts()).isEmpty();
        // The archived contact's email is free again.
        assertThat(api.post("/crm/v3/objects/contacts", q("{'properties':{'email':'h@example.com'}}")).status())
                .isEqualTo(201);
    }

    @Test
    void batchReadReportsMissingIdsAs207() {
        String a = api.createContact(q("{'email':'i@example.com','firstname':'Ivy'}"));
        SimClient.Reply all = api.post("/crm/v3/objects/contacts/batch/read",
                "{\"properties\":[\"firstname\"],\"inputs\":[{\"id\":\"" + a + "\"}]}");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("status").asText()).isEqualTo("COMPLETE");
        assertThat(all.json().get("results").get(0).get("properties").get("firstname").asText()).isEqualTo("Ivy");

        SimClient.Reply some = api.post("/crm/v3/objects/contacts/batch/read",
                "{\"properties\":[\"firstname\"],\"inputs\":[{\"id\":\"" + a + "\"},{\"id\":\"424242\"}]}");
        assertThat(some.status()).isEqualTo(207);
        assertThat(some.json().get("numErrors").asInt()).isEqualTo(1);
        assertThat(some.json().get("errors").get(0).get("context").get("ids").get(0).asText()).isEqualTo("424242");
        assertThat(some.json().get("results")).hasSize(1);
    }

    @Test
    void mergedContactResolvesToThePrimaryAndKeepsTheMoreAdvancedStage() {
        ObjectSnapshot primary = sim.actions().createContact(Map.of("email", "p@example.com",
                "lifecyclestage", "lead"), ChangeSource.crmUi(1));
        ObjectSnapshot other = sim.actions().createContact(Map.of("email", "p2@example.com", "country", "Peru",
                "lifecyclestage", "marketingqualifiedlead"), ChangeSource.crmUi(1));
        ObjectSnapshot merged = sim.actions().mergeContacts(primary.id(), other.id(), ChangeSource.crmUi(1));
        assertThat(merged.property("country")).isEqualTo("Peru");
        assertThat(merged.property("lifecyclestage")).isEqualTo("marketingqualifiedlead");
        assertThat(merged.property("email")).isEqualTo("p@example.com");
        assertThat(api.get("/crm/v3/objects/contacts/" + other.id()).json().get("id").asText())
                .isEqualTo(primary.id());
        assertThat(sim.contacts()).extracting(ObjectSnapshot::id).containsExactly(primary.id());
    }

    @Test
    void userActionsRejectInvalidValues() {
        ObjectSnapshot c = sim.actions().createContact(Map.of("email", "j@example.com"), ChangeSource.crmUi(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        sim.actions().setProperty(c.id(), "hs_lead_status", "MAYBE", ChangeSource.crmUi(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INVALID_OPTION");
    }
}
