package io.leadsla.connector.hubspot.writeback;

import io.leadsla.core.followup.TaskKind;
import io.leadsla.connector.writeback.TaskTemplates;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.connector.api.TaskRequest;
import io.leadsla.connector.api.WriteBack;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SLA properties and tasks onto HubSpot contacts, against WireMock stubs in HubSpot's documented shapes. */
class HubSpotWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:06:00Z");
    private static final Instant DUE = Instant.parse("2026-11-23T08:05:00Z");
    private static final String BATCH_UPDATE = "/crm/v3/objects/contacts/batch/update";
    private static final String TASK_SEARCH = "/crm/v3/objects/tasks/search";
    private static final String TASKS = "/crm/v3/objects/tasks";

    private WireMockServer hubspot;
    private HubSpotWriter writer;

    @BeforeEach
    void start() {
        hubspot = new WireMockServer(wireMockConfig().dynamicPort());
        hubspot.start();
        HubSpotApiConfig config = HubSpotApiConfig.defaults(hubspot.baseUrl(), "pat-na1-test").withMaxAttempts(2);
        HubSpotClient client = new HubSpotClient(new HubSpotHttp(config, new ObjectMapper(), Clock.systemUTC(),
                Duration.ofMillis(10)));
        TaskTemplates templates = new TaskTemplates(
                new TaskTemplates.Template("SLA breached: {policy}", "Due {dueAt}, lead {recordId}, cycle {cycle}", "HIGH", "CALL"),
                TaskTemplates.defaults(ZoneId.of("Europe/Paris")).missingReason(),
                Map.of("attempts", "manager-9"), ZoneId.of("Europe/Paris"));
        writer = new HubSpotWriter(client, "62515", templates, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        hubspot.stop();
    }

    private static WriteBack breached(String id) {
        LeadKey lead = new LeadKey(Crm.HUBSPOT, id);
        return new WriteBack(lead, "contact",
                new RecordSla(lead, 1, ClockStatus.BREACHED, "first-contact", DUE, DUE, 0), 3, 0);
    }

    private static String contact(String id) {
        return """
                {"id":"%s","properties":{"leadsla_sla_status":"BREACHED","hs_object_id":"%s"},\
                "createdAt":"2026-11-20T08:00:00.000Z","updatedAt":"2026-11-23T08:06:00.123Z","archived":false}""".formatted(id, id);
    }

    @Test
    void writesTheSlaPropertiesOfABatchInOneCall() {
        hubspot.stubFor(post(urlEqualTo(BATCH_UPDATE)).willReturn(okJson("""
                {"status":"COMPLETE","results":[%s,%s],"startedAt":"2026-11-23T08:06:00.100Z","completedAt":"2026-11-23T08:06:00.180Z"}"""
                .formatted(contact("5101"), contact("5102")))));

        List<CrmWriter.Outcome> outcomes = writer.write(List.of(breached("5101"), breached("5102")));

        assertThat(outcomes).containsExactlyInAnyOrder(new CrmWriter.Written(new LeadKey(Crm.HUBSPOT, "5101")),
                new CrmWriter.Written(new LeadKey(Crm.HUBSPOT, "5102")));
        hubspot.verify(1, postRequestedFor(urlEqualTo(BATCH_UPDATE)).withRequestBody(equalToJson("""
                {"inputs":[
                  {"id":"5101","objectWriteTraceId":"5101","properties":{"leadsla_sla_status":"BREACHED",
                   "leadsla_sla_due_at":"1795421100000","leadsla_sla_policy":"first-contact",
                   "leadsla_breached_at":"1795421100000","leadsla_attempts":"0"}},
                  {"id":"5102","objectWriteTraceId":"5102","properties":{"leadsla_sla_status":"BREACHED",
                   "leadsla_sla_due_at":"1795421100000","leadsla_sla_policy":"first-contact",
                   "leadsla_breached_at":"1795421100000","leadsla_attempts":"0"}}]}""")));
        assertThat(DUE.toEpochMilli()).isEqualTo(1795421100000L);
    }

    @Test
    void aMultiStatusAnswerFailsOnlyTheRecordsHubSpotNamed() {
        hubspot.stubFor(post(urlEqualTo(BATCH_UPDATE)).willReturn(aResponse().withStatus(207)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status":"COMPLETE","results":[%s],"numErrors":1,"errors":[{"status":"error","category":"OBJECT_NOT_FOUND",
                        "message":"Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.",
                        "context":{"ids":["999"]}}],"startedAt":"2026-11-23T08:06:00.100Z","completedAt":"2026-11-23T08:06:00.180Z"}"""
                        .formatted(contact("5101")))));

        List<CrmWriter.Outcome> outcomes = writer.write(List.of(breached("5101"), breached("999"), breached("5103")));

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes).contains(new CrmWriter.Written(new LeadKey(Crm.HUBSPOT, "5101")));
        assertThat(outcomes).filteredOn(o -> o.lead().recordId().equals("999")).singleElement()
                .isInstanceOfSatisfying(CrmWriter.Rejected.class, r -> assertThat(r.error()).contains("deleted or merged"));
        assertThat(outcomes).filteredOn(o -> o.lead().recordId().equals("5103")).singleElement()
                .isInstanceOf(CrmWriter.RetryLater.class);
    }

    private static TaskRequest breach(String policy) {
        LeadKey lead = new LeadKey(Crm.HUBSPOT, "5101");
        return new TaskRequest(TaskRequest.key(lead, policy, 1, TaskKind.BREACH), lead, "contact",
                TaskKind.BREACH, policy, 1, "77", DUE, NOW, 0);
    }

    @Test
    void createsATaskForTheOwnerAssociatedToTheContactWithItsKey() {
        hubspot.stubFor(post(urlEqualTo(TASK_SEARCH)).willReturn(okJson("{\"total\":0,\"results\":[]}")));
        hubspot.stubFor(post(urlEqualTo(TASKS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"88001","properties":{"hs_task_subject":"SLA breached: first-contact","hs_object_id":"88001"},
                        "createdAt":"2026-11-23T08:06:00.200Z","updatedAt":"2026-11-23T08:06:00.200Z","archived":false}""")));

        assertThat(writer.createTask(breach("first-contact"))).isEqualTo("88001");

        hubspot.verify(postRequestedFor(urlEqualTo(TASK_SEARCH)).withRequestBody(equalToJson("""
                {"filterGroups":[{"filters":[{"propertyName":"leadsla_task_key","operator":"EQ",
                 "value":"hubspot:5101:first-contact:1:BREACH"}]}],"properties":["leadsla_task_key"],"limit":1}""")));
        hubspot.verify(postRequestedFor(urlEqualTo(TASKS)).withRequestBody(equalToJson("""
                {"properties":{"hs_timestamp":"1795421160000","hs_task_subject":"SLA breached: first-contact",
                 "hs_task_body":"Due Mon 23 Nov 09:05 CET, lead 5101, cycle 1","hs_task_status":"NOT_STARTED",
                 "hs_task_priority":"HIGH","hs_task_type":"CALL","hubspot_owner_id":"77",
                 "leadsla_task_key":"hubspot:5101:first-contact:1:BREACH"},
                 "associations":[{"to":{"id":"5101"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":204}]}]}""")));
    }

    @Test
    void aTaskMadeBeforeACrashIsFoundByItsKeyNotMadeAgain() {
        hubspot.stubFor(post(urlEqualTo(TASK_SEARCH)).willReturn(okJson("""
                {"total":1,"results":[{"id":"88001","properties":{"leadsla_task_key":"hubspot:5101:first-contact:1:BREACH",
                "hs_object_id":"88001"},"createdAt":"2026-11-23T08:06:00.200Z","updatedAt":"2026-11-23T08:06:00.200Z","archived":false}]}""")));
        assertThat(writer.createTask(breach("first-contact"))).isEqualTo("88001");
        hubspot.verify(0, postRequestedFor(urlEqualTo(TASKS)));
    }

    @Test
    void aBreachOfAnEscalatedPolicyGoesToTheManagerAndARefusalIsFinal() {
        hubspot.stubFor(post(urlEqualTo(TASK_SEARCH)).willReturn(okJson("{\"total\":0,\"results\":[]}")));
        hubspot.stubFor(post(urlEqualTo(TASKS)).withRequestBody(matchingJsonPath("$.properties[?(@.hubspot_owner_id == 'manager-9')]"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"status":"error","message":"Property values were not valid","correlationId":"aa5a4c1e-1b1e-4d35-9d7e-2f0c8b7d6e5f",
                        "category":"VALIDATION_ERROR"}""")));
        assertThatThrownBy(() -> writer.createTask(breach("attempts"))).isInstanceOfSatisfying(CrmWriter.Refused.class,
                e -> assertThat(e.getMessage()).contains("VALIDATION_ERROR").contains("aa5a4c1e"));
        hubspot.verify(1, postRequestedFor(urlEqualTo(TASKS)));
    }

    @Test
    void aContactMergedAwayIsNotRetriedForeverOntoItsSurvivor() {
        // HubSpot writes a merged-away id onto the surviving contact and answers with the survivor's id
        hubspot.stubFor(post(urlEqualTo(BATCH_UPDATE)).willReturn(okJson("""
                {"status":"COMPLETE","results":[%s,%s],"startedAt":"2026-11-23T08:06:00.100Z","completedAt":"2026-11-23T08:06:00.180Z"}"""
                .formatted(contact("5101"), contact("7777")))));
        List<CrmWriter.Outcome> outcomes = writer.write(List.of(breached("5101"), breached("5102")));
        assertThat(outcomes).contains(new CrmWriter.Written(new LeadKey(Crm.HUBSPOT, "5101")));
        assertThat(outcomes).filteredOn(o -> o.lead().recordId().equals("5102")).singleElement()
                .isInstanceOfSatisfying(CrmWriter.Rejected.class, r -> assertThat(r.error()).contains("merged"));
    }

    @Test
    void aTaskCreateThatTimesOutIsNotBlindlyRepeated() {
        hubspot.stubFor(post(urlEqualTo(TASK_SEARCH)).willReturn(okJson("{\"total\":0,\"results\":[]}")));
        hubspot.stubFor(post(urlEqualTo(TASKS)).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        assertThatThrownBy(() -> writer.createTask(breach("first-contact"))).isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(CrmWriter.Refused.class);
        hubspot.verify(1, postRequestedFor(urlEqualTo(TASKS)));
    }
}
