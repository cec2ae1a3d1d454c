package io.leadsla.connector.hubspot.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.api.Poller;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incremental polling: windows on the modification time, paging, the 10,000 cap, history, activities. */
class HubSpotPollersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final String CONTACT_SEARCH = "/crm/v3/objects/contacts/search";

    private WireMockServer hubspot;
    private HubSpotClient client;

    @BeforeEach
    void start() {
        hubspot = new WireMockServer(wireMockConfig().dynamicPort());
        hubspot.start();
        HubSpotApiConfig config = new HubSpotApiConfig(hubspot.baseUrl(), "pat-na1-test", 10_000, 1_000, 1_000_000, 0.9,
                ZoneId.of("UTC"), Duration.ofSeconds(5), 2);
        client = new HubSpotClient(new HubSpotHttp(config, JSON, Clock.systemUTC(), Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        hubspot.stop();
    }

    private static String hit(String id, Instant modified) {
        return """
                {"id":"%s","properties":{"lastmodifieddate":"%s","hs_object_id":"%s","createdate":"2026-10-01T09:00:00Z"},\
                "createdAt":"2026-10-01T09:00:00Z","updatedAt":"%s","archived":false}""".formatted(id, modified, id, modified);
    }

    private static String contactWithHistory(String id) {
        return """
                {"id":"%s","properties":{"lifecyclestage":"marketingqualifiedlead","hubspot_owner_id":"77"},
                 "propertiesWithHistory":{"lifecyclestage":[
                   {"value":"marketingqualifiedlead","timestamp":"2026-11-20T08:15:00.000Z","sourceType":"CRM_UI","sourceId":"userId:9001"},
                   {"value":"lead","timestamp":"2026-11-02T10:00:00.000Z","sourceType":"FORM","sourceId":"form-1"}]},
                 "createdAt":"2026-10-01T09:00:00Z","updatedAt":"2026-11-20T08:15:00.000Z","archived":false}""".formatted(id);
    }

    @Test
    void readsWhatChangedSinceThePositionPageByPageWithHistory() throws Exception {
        Instant t1 = Instant.parse("2026-11-20T08:15:00Z");
        Instant t2 = Instant.parse("2026-11-20T08:16:30Z");
        hubspot.stubFor(post(urlEqualTo(CONTACT_SEARCH)).withRequestBody(equalToJson("""
                {"filterGroups":[{"filters":[{"propertyName":"lastmodifieddate","operator":"GTE","value":"1793491200000"}]}],
                 "sorts":[{"propertyName":"lastmodifieddate","direction":"ASCENDING"}],"properties":["lastmodifieddate"],"limit":200}"""))
                .willReturn(okJson("{\"total\":3,\"results\":[%s,%s],\"paging\":{\"next\":{\"after\":\"2\",\"link\":\"?after=2\"}}}"
                        .formatted(hit("5101", t1), hit("5102", t1)))));
        hubspot.stubFor(post(urlEqualTo(CONTACT_SEARCH)).withRequestBody(matchingJsonPath("$[?(@.after == '2')]"))
                .willReturn(okJson("{\"total\":3,\"results\":[%s]}".formatted(hit("5103", t2)))));
        hubspot.stubFor(post(urlEqualTo("/crm/v3/objects/contacts/batch/read")).willReturn(okJson("""
                {"status":"COMPLETE","results":[%s,%s,%s],"startedAt":"2026-11-20T08:20:00Z","completedAt":"2026-11-20T08:20:00.05Z"}"""
                .formatted(contactWithHistory("5101"), contactWithHistory("5102"), contactWithHistory("5103")))));

        HubSpotContactPoller poller = new HubSpotContactPoller(client, JSON, "62515", List.of("lifecyclestage", "hubspot_owner_id"),
                List.of("lifecyclestage"), OVERLAP, START, 1_000);
        Poller.Poll poll = poller.poll(Optional.empty());

        assertThat(poll.caughtUp()).isTrue();
        assertThat(poll.nextPosition()).as("the last change seen, less the overlap")
                .isEqualTo(Long.toString(t2.minus(OVERLAP).toEpochMilli()));
        assertThat(poll.pages()).singleElement().satisfies(page -> {
            assertThat(page.source()).isEqualTo(HubSpotContactPoller.SOURCE);
            JsonNode body = JSON.readTree(page.body());
            assertThat(body.get("portalId").asText()).isEqualTo("62515");
            assertThat(body.get("results")).hasSize(3);
            assertThat(body.at("/results/0/propertiesWithHistory/lifecyclestage/0/timestamp").asText())
                    .isEqualTo("2026-11-20T08:15:00.000Z");
            assertThat(page.dedupKey()).hasSize(64);
        });
        hubspot.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/batch/read")).withRequestBody(equalToJson("""
                {"inputs":[{"id":"5101"},{"id":"5102"},{"id":"5103"}],"properties":["lifecyclestage","hubspot_owner_id"],
                 "propertiesWithHistory":["lifecyclestage"]}""")));
        assertThat(poller.cursor()).isEqualTo("hubspot:62515:contacts");
    }

    @Test
    void theNextPositionNeverGoesBackAndAFullWindowMovesOn() {
        Instant from = Instant.parse("2026-11-20T08:00:00Z");
        ModifiedWindow.Read nothingNew = new ModifiedWindow.Read(List.of(), from, true);
        assertThat(ModifiedWindow.nextPosition(from, nothingNew, OVERLAP)).isEqualTo(Long.toString(from.toEpochMilli()));
        ModifiedWindow.Read midWay = new ModifiedWindow.Read(List.of(), from.plusSeconds(90), false);
        assertThat(ModifiedWindow.nextPosition(from, midWay, OVERLAP)).as("no overlap mid-way: the window must move")
                .isEqualTo(Long.toString(from.plusSeconds(90).toEpochMilli()));
        ModifiedWindow.Read stuck = new ModifiedWindow.Read(List.of(), from, false);
        assertThat(ModifiedWindow.nextPosition(from, stuck, OVERLAP)).isEqualTo(Long.toString(from.toEpochMilli() + 1));
    }

    @Test
    void stopsBeforeHubSpotsTenThousandResultCapAndResumesWithANewQuery() {
        StringBuilder results = new StringBuilder();
        Instant base = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < 200; i++) {
            results.append(i == 0 ? "" : ",").append(hit(Integer.toString(1000 + i), base.plusSeconds(i)));
        }
        hubspot.stubFor(post(urlEqualTo(CONTACT_SEARCH)).willReturn(okJson(
                "{\"total\":25000,\"results\":[" + results + "],\"paging\":{\"next\":{\"after\":\"200\"}}}")));
        ModifiedWindow window = new ModifiedWindow(client, "contacts", "lastmodifieddate", List.of("lastmodifieddate"), 50_000);

        ModifiedWindow.Read read = window.read(START);

        hubspot.verify(50, postRequestedFor(urlEqualTo(CONTACT_SEARCH)));
        assertThat(read.caughtUp()).isFalse();
        assertThat(read.objects()).hasSize(10_000);
        assertThat(read.lastModified()).isEqualTo(base.plusSeconds(199));
    }

    @Test
    void activitiesBecomeContactAttemptsOfTheirContacts() {
        hubspot.stubFor(post(urlEqualTo("/crm/v3/objects/calls/search")).willReturn(okJson("""
                {"total":3,"results":[
                 {"id":"301","properties":{"hs_timestamp":"2026-11-20T08:20:00Z","hubspot_owner_id":"77","hs_call_direction":"OUTBOUND",
                   "hs_call_disposition":"f240bbac-87c9-4f6e-bf70-924b57d47db7","hs_created_by_user_id":"9001",
                   "hs_lastmodifieddate":"2026-11-20T08:21:00Z"},"createdAt":"2026-11-20T08:21:00Z","updatedAt":"2026-11-20T08:21:00Z","archived":false},
                 {"id":"302","properties":{"hs_timestamp":"2026-11-20T08:30:00Z","hs_lastmodifieddate":"2026-11-20T08:31:00Z"},
                   "createdAt":"2026-11-20T08:31:00Z","updatedAt":"2026-11-20T08:31:00Z","archived":false},
                 {"id":"303","properties":{"hs_timestamp":"2026-11-20T08:40:00Z","hubspot_owner_id":"77","hs_lastmodifieddate":"2026-11-20T08:41:00Z"},
                   "createdAt":"2026-11-20T08:41:00Z","updatedAt":"2026-11-20T08:41:00Z","archived":false}]}""")));
        hubspot.stubFor(post(urlEqualTo("/crm/v4/associations/calls/contacts/batch/read")).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                 {"from":{"id":"301"},"to":[{"toObjectId":5101,"associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":194,"label":null}]}]},
                 {"from":{"id":"302"},"to":[{"toObjectId":5102,"associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":194,"label":null}]}]}],
                 "startedAt":"2026-11-20T08:45:00Z","completedAt":"2026-11-20T08:45:00.02Z"}""")));

        HubSpotActivityPoller poller = new HubSpotActivityPoller(client, JSON, "62515", "calls", OVERLAP, START, 1_000);
        Poller.Poll poll = poller.poll(Optional.of(Long.toString(START.toEpochMilli())));
        List<LeadEvent> events = new HubSpotActivityNormalizer(JSON).normalize(poll.pages().get(0).body());

        assertThat(events).extracting(LeadEvent::eventId, LeadEvent::recordId, LeadEvent::type, LeadEvent::occurredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hubspot:call:301:contact:5101", "5101", EventType.CONTACT_ATTEMPT,
                                Instant.parse("2026-11-20T08:20:00Z")),
                        org.assertj.core.groups.Tuple.tuple("hubspot:call:302:contact:5102", "5102", EventType.CONTACT_ATTEMPT,
                                Instant.parse("2026-11-20T08:30:00Z")));
        assertThat(events.get(0).attributes()).isEqualTo(Map.of("channel", "call", "ownerId", "77",
                "outcome", "f240bbac-87c9-4f6e-bf70-924b57d47db7"));
        assertThat(events.get(1).attributes()).as("nobody made call 302: an integration").containsEntry("automated", "true");
        assertThat(poll.nextPosition()).isEqualTo(Long.toString(Instant.parse("2026-11-20T08:36:00Z").toEpochMilli()));
        assertThat(poller.cursor()).isEqualTo("hubspot:62515:calls");
    }

    @Test
    void aBrokenActivityPageSaysWhere() {
        HubSpotActivityNormalizer normalizer = new HubSpotActivityNormalizer(JSON);
        assertThatThrownBy(() -> normalizer.normalize("{\"objectType\":\"calls\",\"results\":[{\"id\":\"1\",\"properties\":{}}]}"))
                .isInstanceOf(UnreadableDeliveryException.class).hasMessage("results[0].properties.hs_timestamp: missing");
        assertThatThrownBy(() -> normalizer.normalize("{\"objectType\":\"notes\",\"results\":[]}"))
                .hasMessageContaining("not an activity page");
        assertThat(normalizer.normalize("""
                {"objectType":"emails","results":[{"id":"9","properties":{"hs_timestamp":"1763626500000",
                "hs_email_direction":"INCOMING_EMAIL"},"contactIds":["5101"]}]}""")).as("the lead's own e-mail").isEmpty();
    }

    @Test
    void polledHistoryGivesTheSameEventsAsWebhooksAtTheTimeHubSpotRecorded() {
        io.leadsla.connector.hubspot.mapping.ContactChangeInterpreter interpreter =
                new io.leadsla.connector.hubspot.mapping.ContactChangeInterpreter(
                        io.leadsla.connector.hubspot.mapping.HubSpotMapping.defaults());
        String page = "{\"portalId\":\"62515\",\"objectType\":\"contacts\",\"results\":[" + contactWithHistory("5101") + "]}";

        List<LeadEvent> events = new HubSpotContactPageNormalizer(JSON, interpreter).normalize(page);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo("hubspot:contact:5101:lifecyclestage:" + Instant.parse("2026-11-20T08:15:00Z").toEpochMilli());
            assertThat(e.type()).isEqualTo(EventType.MQL_QUALIFIED);
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
        });
        assertThat(events.get(0)).as("the webhook of the same change").isEqualTo(
                new io.leadsla.connector.hubspot.webhook.HubSpotWebhookNormalizer(
                        io.leadsla.connector.hubspot.mapping.HubSpotMapping.defaults(), 62515).normalize("""
                        [{"eventId":1,"subscriptionId":2,"portalId":62515,"appId":3,"occurredAt":%d,
                          "subscriptionType":"contact.propertyChange","attemptNumber":0,"objectId":5101,
                          "propertyName":"lifecyclestage","propertyValue":"marketingqualifiedlead","changeSource":"CRM_UI",
                          "sourceId":"userId:9001"}]""".formatted(Instant.parse("2026-11-20T08:15:00Z").toEpochMilli())).get(0));
        assertThatThrownBy(() -> new HubSpotContactPageNormalizer(JSON, interpreter).normalize("""
                {"results":[{"id":"1","propertiesWithHistory":{"lifecyclestage":[{"value":"lead","timestamp":"yesterday"}]}}]}"""))
                .hasMessage("results[0].propertiesWithHistory.lifecyclestage[0].timestamp: 'yesterday' is not an instant");
    }
}
