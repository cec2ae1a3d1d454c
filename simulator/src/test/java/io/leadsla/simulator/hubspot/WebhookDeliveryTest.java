package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryTest {
    private static final String SECRET = "7b0d7c8e-1111-4c2a-9d55-0a1b2c3d4e5f";
    private static final long APP_ID = 4242;
    private static final long PORTAL_ID = 99_001;
    private static final List<Duration> FAST_RETRIES = List.of(Duration.ofMillis(20), Duration.ofMillis(20));

    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private HubSpotSimulator sim;
    private SimClient api;
    private TestWebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        sim = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).appId(APP_ID).portalId(PORTAL_ID)
                .build());
        api = new SimClient(sim);
        receiver = new TestWebhookReceiver(SECRET);
    }

    @AfterEach
    void stop() {
        api.close();
        sim.close();
        receiver.close();
    }

    private WebhookConfig.Builder config() {
        return WebhookConfig.builder(receiver.uri(), SECRET).retryDelays(FAST_RETRIES);
    }

    private void awaitIdle() throws InterruptedException {
        assertThat(sim.webhooks().awaitIdle(Duration.ofSeconds(10))).as("deliveries settle").isTrue();
    }

    private static void await(BooleanSupplier condition) {
        org.awaitility.Awaitility.await("condition reached in time").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
    }

    @Test
    void deliversSignedEventsWithHubSpotsFieldsAndSourcesThatLetTheAppFilterItsOwnWrites() throws Exception {
        sim.webhooks().configure(config().subscribe(WebhookSubscription.contactCreation(11))
                .subscribe(WebhookSubscription.contactPropertyChange(12, "lifecyclestage"))
                .subscribe(WebhookSubscription.contactDeletion(13)).build());

        ObjectSnapshot c = sim.actions().createContact(Map.of("email", "w@example.com", "lifecyclestage", "lead"),
                ChangeSource.crmUi(42));
        clock.advance(Duration.ofMinutes(1));
        api.patch("/crm/v3/objects/contacts/" + c.id(), "{\"properties\":{\"lifecyclestage\":\"marketingqualifiedlead\"}}");
        clock.advance(Duration.ofMinutes(1));
        api.delete("/crm/v3/objects/contacts/" + c.id());
        awaitIdle();

        assertThat(receiver.received()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.v3Valid()).as("v3 signature").isTrue();
            assertThat(r.v1Valid()).as("v1 signature").isTrue();
            assertThat(r.timestampFresh()).isTrue();
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.signatureVersion()).isEqualTo("v1");
        });
        // Several requests can be in flight, so arrival order is not change order: sort by event id.
        List<JsonNode> events = receiver.events().stream()
                .sorted(java.util.Comparator.comparingLong(e -> e.get("eventId").asLong())).toList();
        assertThat(events).hasSize(4);
        Set<Long> eventIds = new HashSet<>();
        for (JsonNode e : events) {
            eventIds.add(e.get("eventId").asLong());
            assertThat(e.get("portalId").asLong()).isEqualTo(PORTAL_ID);
            assertThat(e.get("appId").asLong()).isEqualTo(APP_ID);
            assertThat(e.get("attemptNumber").asInt()).isZero();
            assertThat(e.get("objectId").asText()).isEqualTo(c.id());
        }
        assertThat(eventIds).hasSize(4);

        JsonNode created = byType(events, "contact.creation").get(0);
        assertThat(created.get("subscriptionId").asLong()).isEqualTo(11);
        assertThat(created.get("changeFlag").asText()).isEqualTo("CREATED");
        assertThat(created.get("changeSource").asText()).isEqualTo("CRM_UI");
        assertThat(created.get("sourceId").asText()).isEqualTo("userId:42");
        assertThat(created.get("occurredAt").asLong()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z").toEpochMilli());

        List<JsonNode> changes = byType(events, "contact.propertyChange");
        assertThat(changes).extracting(e -> e.get("propertyValue").asText())
                .containsExactly("lead", "marketingqualifiedlead");
        JsonNode byApp = changes.get(1);
        assertThat(byApp.get("propertyName").asText()).isEqualTo("lifecyclestage");
        assertThat(byApp.get("changeSource").asText()).isEqualTo("INTEGRATION");
        assertThat(byApp.get("sourceId").asText()).isEqualTo(Long.toString(APP_ID));
        assertThat(byApp.get("occurredAt").asLong()).isEqualTo(Instant.parse("2026-03-02T09:01:00Z").toEpochMilli());

        JsonNode deleted = byType(events, "contact.deletion").get(0);
        assertThat(deleted.get("changeFlag").asText()).isEqualTo("DELETED");
        assertThat(deleted.get("subscriptionId").asLong()).isEqualTo(13);
    }

    @Test
    void retriesAfterA500WithTheSameEventIdAndAHigherAttemptNumber() throws Exception {
        receiver.answer(i -> i == 0 ? 500 : 200);
        sim.webhooks().configure(config().subscribe("contact.creation").build());
        sim.actions().createContact(Map.of("email", "r@example.com"), ChangeSource.crmUi(1));
        awaitIdle();

        List<WebhookAttempt> attempts = sim.webhooks().attempts();
        assertThat(attempts).extracting(WebhookAttempt::status).containsExactly(500, 200);
        WebhookEvent first = attempts.get(0).events().get(0);
        WebhookEvent retried = attempts.get(1).events().get(0);
        assertThat(retried.eventId()).isEqualTo(first.eventId());
        assertThat(first.attemptNumber()).isZero();
        assertThat(retried.attemptNumber()).isEqualTo(1);
        assertThat(receiver.events()).extracting(e -> e.get("attemptNumber").asInt()).containsExactly(0, 1);
        assertThat(sim.webhooks().delivered()).hasSize(1);
    }

    @Test
    void aSlowAnswerIsATimeoutAndIsRetried() throws Exception {
        receiver.delayRequest(0, 700);
        sim.webhooks().configure(config().timeout(Duration.ofMillis(200)).subscribe("contact.creation").build());
        sim.actions().createContact(Map.of("email", "s@example.com"), ChangeSource.crmUi(1));
        awaitIdle();
        List<WebhookAttempt> attempts = sim.webhooks().attempts();
        assertThat(attempts.get(0).status()).isEqualTo(-1);
        assertThat(attempts.get(0).error()).containsIgnoringCase("timed out");
        assertThat(attempts.get(attempts.size() - 1).succeeded()).isTrue();
        assertThat(attempts.get(attempts.size() - 1).events().get(0).attemptNumber()).isPositive();
    }

    @Test
    void givesUpAfterTheLastRetryAndCountsRefusedConnectionsAsFailures() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        sim.webhooks().configure(WebhookConfig.builder(URI.create("http://127.0.0.1:" + closedPort + "/hooks"),
                SECRET).retryDelays(FAST_RETRIES).subscribe("contact.creation").build());
        sim.actions().createContact(Map.of("email", "g@example.com"), ChangeSource.crmUi(1));
        awaitIdle();
        assertThat(sim.webhooks().attempts()).hasSize(3).allSatisfy(a -> assertThat(a.status()).isEqualTo(-1));
        assertThat(sim.webhooks().abandoned()).singleElement()
                .satisfies(e -> assertThat(e.attemptNumber()).isEqualTo(2));
    }

    @Test
    void sendsBatchesOfAtMostOneHundredWithAtMostTenInFlight() throws Exception {
        receiver.delayEach(150);
        sim.webhooks().configure(config().subscribe("contact.creation").build());
        sim.webhooks().pause();
        for (int i = 0; i < 1_050; i++) {
            sim.actions().createContact(Map.of("firstname", "n" + i), ChangeSource.crmUi(1));
        }
        assertThat(sim.webhooks().queued()).isEqualTo(1_050);
        sim.webhooks().resume();
        awaitIdle();

        assertThat(receiver.received()).hasSize(11).allSatisfy(r -> assertThat(r.events().size()).isLessThanOrEqualTo(100));
        Set<Long> ids = new HashSet<>();
        receiver.events().forEach(e -> ids.add(e.get("eventId").asLong()));
        assertThat(ids).hasSize(1_050);
        assertThat(receiver.maxConcurrent()).isBetween(2, 10);
    }

    @Test
    void retriedEventsCanArriveAfterNewerOnes() throws Exception {
        receiver.answer(i -> i == 0 ? 503 : 200);
        sim.webhooks().configure(config().retryDelays(List.of(Duration.ofMillis(600)))
                .contactPropertyChanges("hs_lead_status").build());
        ObjectSnapshot c = sim.actions().createContact(Map.of("email", "o@example.com"), ChangeSource.crmUi(1));
        sim.actions().setProperty(c.id(), "hs_lead_status", "NEW", ChangeSource.crmUi(1));
        await(() -> sim.webhooks().attempts().size() == 1);
        sim.actions().setProperty(c.id(), "hs_lead_status", "OPEN", ChangeSource.crmUi(1));
        awaitIdle();
        assertThat(sim.webhooks().delivered()).extracting(WebhookEvent::propertyValue).containsExactly("OPEN", "NEW");
    }

    @Test
    void mergeEventsCarryThePrimaryAndMergedIds() throws Exception {
        sim.webhooks().configure(config().subscribe("contact.merge").build());
        ObjectSnapshot a = sim.actions().createContact(Map.of("email", "a@example.com"), ChangeSource.crmUi(1));
        ObjectSnapshot b = sim.actions().createContact(Map.of("email", "b@example.com", "country", "Chile"),
                ChangeSource.crmUi(1));
        sim.actions().mergeContacts(a.id(), b.id(), ChangeSource.crmUi(5));
        awaitIdle();
        JsonNode e = receiver.events().get(0);
        assertThat(e.get("subscriptionType").asText()).isEqualTo("contact.merge");
        assertThat(e.get("primaryObjectId").asText()).isEqualTo(a.id());
        assertThat(e.get("mergedObjectIds").get(0).asText()).isEqualTo(b.id());
        assertThat(e.get("newObjectId").asText()).isEqualTo(a.id());
        assertThat(e.get("numberOfPropertiesMoved").asInt()).isEqualTo(1);
        assertThat(e.get("sourceId").asText()).isEqualTo("userId:5");
    }

    @Test
    void signatureTimestampComesFromTheInjectedSource() throws Exception {
        Instant fixed = Instant.ofEpochMilli(System.currentTimeMillis() - 60_000);
        sim.webhooks().configure(config().signatureClock(Clock.fixed(fixed, ZoneOffset.UTC))
                .subscribe("contact.creation").build());
        sim.actions().createContact(Map.of("email", "t@example.com"), ChangeSource.crmUi(1));
        awaitIdle();
        TestWebhookReceiver.Received r = receiver.received().get(0);
        assertThat(r.timestampHeader()).isEqualTo(Long.toString(fixed.toEpochMilli()));
        assertThat(r.v3Valid()).isTrue();
    }

    @Test
    void apiRequestsAreNotSlowedByWebhooksAndDeliveriesAreNotApiRequests() throws Exception {
        sim.webhooks().configure(config().subscribe("contact.creation").build());
        api.createContact("{\"email\":\"n@example.com\"}");
        awaitIdle();
        assertThat(receiver.events()).hasSize(1);
        assertThat(sim.requests().total()).isEqualTo(1);
    }

    private static List<JsonNode> byType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("subscriptionType").asText().equals(type)).toList();
    }
}
