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

class TasksAndActivitiesTest {
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private HubSpotSimulator sim;
    private SimClient api;
    private Owner rep;

    @BeforeEach
    void start() {
        sim = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).searchPerSecondLimit(100).build());
        api = new SimClient(sim);
        rep = sim.actions().addOwner("rita@example.com", "Rita", "Rep", java.util.List.of(
                new Owner.Team("11", "Inbound", true)));
        assertThat(api.post("/crm/v3/properties/tasks", q("{'name':'leadsla_task_key','label':'leadsla task key',"
                + "'type':'string','fieldType':'text','groupName':'task'}")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        api.close();
        sim.close();
    }

    private String taskBody(String contactId, int typeId, String extra) {
        return "{\"properties\":{\"hs_timestamp\":\"2026-03-02T13:00:00Z\",\"hs_task_subject\":\"Call the lead\","
                + "\"hs_task_priority\":\"HIGH\",\"hs_task_type\":\"CALL\",\"hubspot_owner_id\":\"" + rep.id() + "\","
                + "\"leadsla_task_key\":\"sla-1\"" + extra + "},\"associations\":[{\"to\":{\"id\":\"" + contactId
                + "\"},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":" + typeId
                + "}]}]}";
    }

    @Test
    void taskAssociatedWith204ReadsBackFromTheContactAs203() {
        String contact = api.createContact(q("{'email':'t@example.com'}"));
        SimClient.Reply created = api.post("/crm/v3/objects/tasks", taskBody(contact, 204, ""));
        assertThat(created.status()).isEqualTo(201);
        String taskId = created.json().get("id").asText();
        assertThat(created.json().get("properties").get("hs_task_status").asText()).isEqualTo("NOT_STARTED");
        assertThat(created.json().get("properties").get("hs_createdate").asText())
                .isEqualTo("2026-03-02T09:00:00.000Z");

        JsonNode task = api.get("/crm/v3/objects/tasks/" + taskId
                + "?properties=hs_task_subject,leadsla_task_key,hs_timestamp&associations=contacts").json();
        assertThat(task.get("properties").get("leadsla_task_key").asText()).isEqualTo("sla-1");
        assertThat(task.get("properties").get("hs_timestamp").asText()).isEqualTo("2026-03-02T13:00:00.000Z");
        JsonNode assoc = task.get("associations").get("contacts").get("results").get(0);
        assertThat(assoc.get("id").asText()).isEqualTo(contact);
        assertThat(assoc.get("type").asText()).isEqualTo("task_to_contact");

        SimClient.Reply fromContact = api.get("/crm/v4/objects/contacts/" + contact + "/associations/tasks");
        assertThat(fromContact.status()).isEqualTo(200);
        JsonNode link = fromContact.json().get("results").get(0);
        assertThat(link.get("toObjectId").asText()).isEqualTo(taskId);
        assertThat(link.get("associationTypes").get(0).get("typeId").asInt()).isEqualTo(203);
        assertThat(link.get("associationTypes").get(0).get("category").asText()).isEqualTo("HUBSPOT_DEFINED");

        assertThat(sim.tasksOf(contact)).extracting(t -> t.property("leadsla_task_key")).containsExactly("sla-1");
        assertThat(sim.tasks()).hasSize(1);
    }

    @Test
    void refusesTasksWithoutTimestampWrongTypeOrUnknownContact() {
        String contact = api.createContact(q("{'email':'u@example.com'}"));
        String noTimestamp = taskBody(contact, 204, "").replace("\"hs_timestamp\":\"2026-03-02T13:00:00Z\",", "");
        assertThat(api.post("/crm/v3/objects/tasks", noTimestamp).status()).isEqualTo(400);
        assertThat(api.post("/crm/v3/objects/tasks", taskBody(contact, 203, "")).status()).isEqualTo(400);
        assertThat(api.post("/crm/v3/objects/tasks", taskBody("555555", 204, "")).status()).isEqualTo(400);
        SimClient.Reply unknownProp = api.post("/crm/v3/objects/tasks", taskBody(contact, 204, ",\"leadsla_x\":\"1\""));
        assertThat(unknownProp.status()).isEqualTo(400);
        assertThat(unknownProp.json().get("errors").get(0).get("code").asText()).isEqualTo("PROPERTY_DOESNT_EXIST");
        assertThat(sim.tasks()).isEmpty();
    }

    @Test
    void searchesTasksByContactAssociationAndCustomProperty() {
        String c1 = api.createContact(q("{'email':'v1@example.com'}"));
        String c2 = api.createContact(q("{'email':'v2@example.com'}"));
        String t1 = api.post("/crm/v3/objects/tasks", taskBody(c1, 204, "")).json().get("id").asText();
        api.post("/crm/v3/objects/tasks", taskBody(c2, 204, "").replace("sla-1", "sla-2"));
        JsonNode byContact = api.post("/crm/v3/objects/tasks/search", "{\"filterGroups\":[{\"filters\":[{"
                + "\"propertyName\":\"associations.contact\",\"operator\":\"EQ\",\"value\":\"" + c1 + "\"}]}],"
                + "\"properties\":[\"leadsla_task_key\"]}").json();
        assertThat(byContact.get("total").asInt()).isEqualTo(1);
        assertThat(byContact.get("results").get(0).get("id").asText()).isEqualTo(t1);
        assertThat(byContact.get("results").get(0).get("properties").get("leadsla_task_key").asText())
                .isEqualTo("sla-1");

        JsonNode byKey = api.post("/crm/v3/objects/tasks/search", q("{'filterGroups':[{'filters':[{'propertyName':"
                + "'leadsla_task_key','operator':'EQ','value':'sla-2'}]}]}")).json();
        assertThat(byKey.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void callsEmailsAndMeetingsAreCreatedWithTheirAssociationTypes() {
        String contact = api.createContact(q("{'email':'w@example.com'}"));
        String[][] kinds = {{"calls", "194", "hs_call_direction", "OUTBOUND"},
                {"emails", "198", "hs_email_direction", "EMAIL"},
                {"meetings", "200", "hs_meeting_outcome", "SCHEDULED"}};
        for (String[] k : kinds) {
            String body = "{\"properties\":{\"hs_timestamp\":\"1772442000000\",\"" + k[2] + "\":\"" + k[3]
                    + "\"},\"associations\":[{\"to\":{\"id\":\"" + contact + "\"},\"types\":[{\"associationCategory\":"
                    + "\"HUBSPOT_DEFINED\",\"associationTypeId\":" + k[1] + "}]}]}";
            SimClient.Reply r = api.post("/crm/v3/objects/" + k[0], body);
            assertThat(r.status()).as(k[0]).isEqualTo(201);
            String id = r.json().get("id").asText();
            assertThat(api.get("/crm/v3/objects/" + k[0] + "/" + id + "?properties=" + k[2]).json()
                    .get("properties").get(k[2]).asText()).isEqualTo(k[3]);
            JsonNode found = api.post("/crm/v3/objects/" + k[0] + "/search", "{\"filterGroups\":[{\"filters\":[{"
                    + "\"propertyName\":\"associations.contact\",\"operator\":\"EQ\",\"value\":\"" + contact
                    + "\"}]}]}").json();
            assertThat(found.get("results").get(0).get("id").asText()).as(k[0]).isEqualTo(id);
        }
        // Wrong direction type id for a call.
        assertThat(api.post("/crm/v3/objects/calls", "{\"properties\":{\"hs_timestamp\":\"1772442000000\"},"
                + "\"associations\":[{\"to\":{\"id\":\"" + contact + "\"},\"types\":[{\"associationCategory\":"
                + "\"HUBSPOT_DEFINED\",\"associationTypeId\":204}]}]}").status()).isEqualTo(400);
    }

    @Test
    void loggingACallMovesTheContactsLastContactedRollups() {
        ObjectSnapshot contact = sim.actions().createContact(Map.of("email", "x@example.com"),
                ChangeSource.crmUi(rep.userId()));
        clock.advance(Duration.ofMinutes(30));
        Instant callAt = clock.instant();
        sim.actions().logCall(contact.id(), rep.id(), callAt, "OUTBOUND", UserActions.CALL_CONNECTED,
                ChangeSource.crmUi(rep.userId()));
        ObjectSnapshot after = sim.contact(contact.id()).orElseThrow();
        assertThat(after.property("notes_last_contacted")).isEqualTo("2026-03-02T09:30:00.000Z");
        assertThat(after.property("num_contacted_notes")).isEqualTo("1");
        assertThat(after.property("lastmodifieddate")).isEqualTo("2026-03-02T09:30:00.000Z");
        assertThat(sim.activitiesOf(contact.id(), ObjectType.CALLS)).singleElement()
                .satisfies(c -> assertThat(c.property("hs_call_disposition")).isEqualTo(UserActions.CALL_CONNECTED));

        sim.actions().logEmail(contact.id(), rep.id(), callAt.plusSeconds(60), "EMAIL", "Hi", ChangeSource.crmUi(1));
        sim.actions().logMeeting(contact.id(), rep.id(), callAt.plusSeconds(120), "SCHEDULED", ChangeSource.crmUi(1));
        assertThat(sim.contact(contact.id()).orElseThrow().property("num_contacted_notes")).isEqualTo("3");
    }

    @Test
    void listsOwnersFilteredByEmailWithPaging() {
        sim.actions().addOwner("sam@example.com", "Sam", "Seller");
        JsonNode all = api.get("/crm/v3/owners?limit=1").json();
        assertThat(all.get("results")).hasSize(1);
        JsonNode first = all.get("results").get(0);
        assertThat(first.get("id").asText()).isEqualTo(rep.id());
        assertThat(first.get("type").asText()).isEqualTo("PERSON");
        assertThat(first.get("userId").asLong()).isEqualTo(rep.userId());
        assertThat(first.get("teams").get(0).get("name").asText()).isEqualTo("Inbound");
        assertThat(all.get("paging").get("next").get("after").asText()).isEqualTo("1");

        JsonNode second = api.get("/crm/v3/owners?limit=1&after=1").json();
        assertThat(second.get("results").get(0).get("email").asText()).isEqualTo("sam@example.com");
        assertThat(second.has("paging")).isFalse();

        JsonNode byEmail = api.get("/crm/v3/owners?email=sam%40example.com").json();
        assertThat(byEmail.get("results")).hasSize(1);
        assertThat(api.get("/crm/v3/owners/" + rep.id()).json().get("lastName").asText()).isEqualTo("Rep");
    }
}
