package io.leadsla.service.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.leadsla.connector.hubspot.webhook.SignatureV3;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.store.Backend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /webhooks/hubspot} on the real server: signed batches are stored before the answer
 * and become lead events; refused ones leave nothing behind.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HubSpotWebhookEndpointTest {

    private static final String SECRET = "7f3c1a9e-5b2d-4e8f-a6c4-0d9e8b7a6f51";
    private static final Path DATA = temporaryDirectory();
    private static final WireMockServer HUBSPOT = hubspot();

    static final DropwizardAppExtension<LeadslaConfiguration> APP = new DropwizardAppExtension<>(
            LeadslaApplication.class, Path.of("..", "config", "leadsla.yml").toAbsolutePath().toString(),
            ConfigOverride.config("policiesFile", Path.of("..", "config", "policies.yml").toString()),
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"),
            ConfigOverride.config("store.embeddedDirectory", DATA.toString()),
            ConfigOverride.config("hubspot.accessToken", "pat-na1-test"),
            ConfigOverride.config("hubspot.clientSecret", SECRET),
            ConfigOverride.config("hubspot.portalId", "62515"),
            ConfigOverride.config("hubspot.baseUrl", () -> HUBSPOT.baseUrl()),
            ConfigOverride.config("hubspot.polling.interval", "1h"));

    private static WireMockServer hubspot() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        // the portal's contact properties, read at start to check the mapping
        server.stubFor(get(urlEqualTo("/crm/v3/properties/contacts")).willReturn(okJson("""
                {"results":[
                 {"name":"lifecyclestage","label":"Lifecycle Stage","type":"enumeration","fieldType":"radio","groupName":"contactinformation",
                  "options":[{"label":"Lead","value":"lead"},{"label":"Marketing Qualified Lead","value":"marketingqualifiedlead"},
                   {"label":"Sales Qualified Lead","value":"salesqualifiedlead"},{"label":"Opportunity","value":"opportunity"},
                   {"label":"Customer","value":"customer"}]},
                 {"name":"hs_lead_status","label":"Lead Status","type":"enumeration","fieldType":"radio","groupName":"sales_properties",
                  "options":[{"label":"New","value":"NEW"},{"label":"Unqualified","value":"UNQUALIFIED"},{"label":"Bad timing","value":"BAD_TIMING"}]},
                 {"name":"hubspot_owner_id","label":"Contact owner","type":"enumeration","fieldType":"select","groupName":"sales_properties","options":[]},
                 {"name":"leadsla_rejection_reason","label":"Rejection reason","type":"string","fieldType":"text","groupName":"leadsla","options":[]},
                 {"name":"hs_analytics_source","label":"Original Traffic Source","type":"enumeration","fieldType":"select","groupName":"analyticsinformation","options":[]},
                 {"name":"hubspotscore","label":"HubSpot Score","type":"number","fieldType":"number","groupName":"contactinformation","options":[]},
                 {"name":"country","label":"Country/Region","type":"string","fieldType":"text","groupName":"contactinformation","options":[]}]}""")));
        return server;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("leadsla-webhook");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopHubSpot() {
        HUBSPOT.stop();
    }

    private static String url() {
        return "http://localhost:" + APP.getLocalPort() + "/webhooks/hubspot";
    }

    private static HttpResponse<String> post(String body, String signature, String timestamp) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-HubSpot-Signature-v3", signature);
        }
        if (timestamp != null) {
            request.header("X-HubSpot-Request-Timestamp", timestamp);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String batch(long contactId, long occurredAt) {
        return """
                [{"eventId":100,"subscriptionId":2001,"portalId":62515,"appId":3001,"occurredAt":%d,
                  "subscriptionType":"contact.propertyChange","attemptNumber":0,"objectId":%d,
                  "propertyName":"lifecyclestage","propertyValue":"marketingqualifiedlead","changeSource":"CRM_UI","sourceId":"userId:9001"},
                 {"eventId":101,"subscriptionId":2002,"portalId":62515,"appId":3001,"occurredAt":%d,
                  "subscriptionType":"contact.propertyChange","attemptNumber":0,"objectId":%d,
                  "propertyName":"hubspot_owner_id","propertyValue":"77","changeSource":"CRM_UI","sourceId":"userId:9001"}]"""
                .formatted(occurredAt, contactId, occurredAt + 60_000, contactId);
    }

    private static String sign(String body, long timestamp) {
        return new SignatureV3(SECRET, Clock.systemUTC()).sign("POST", url(), body.getBytes(StandardCharsets.UTF_8), timestamp);
    }

    private static List<String> stored(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Backend.embeddedUrl(DATA));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void aSignedBatchIsStoredThenBecomesLeadEvents() throws Exception {
        long now = System.currentTimeMillis();
        String body = batch(5101, now - 120_000);

        HttpResponse<String> answer = post(body, sign(body, now), Long.toString(now));

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(stored("SELECT dedup_key FROM inbox WHERE source = 'hubspot-webhook'")).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                stored("SELECT type FROM lead_events WHERE record_id = '5101' ORDER BY type"),
                types -> types.equals(List.of("HANDED_OFF", "MQL_QUALIFIED")));
        // HubSpot retries the same batch: kept once
        assertThat(post(body, sign(body, now), Long.toString(now)).statusCode()).isEqualTo(204);
        assertThat(stored("SELECT COUNT(*) FROM inbox WHERE source = 'hubspot-webhook' AND body LIKE '%5101%'"))
                .containsExactly("1");
    }

    @Test
    void aWrongOrStaleSignatureIsRefusedAndNothingIsStored() throws Exception {
        long now = System.currentTimeMillis();
        String body = batch(5202, now);
        HttpResponse<String> forged = post(body, sign(body.replace("5202", "5203"), now), Long.toString(now));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("WRONG_SIGNATURE");
        long old = now - Duration.ofMinutes(6).toMillis();
        HttpResponse<String> replayed = post(body, sign(body, old), Long.toString(old));
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("TOO_OLD");
        assertThat(post(body, null, Long.toString(now)).statusCode()).isEqualTo(401);
        assertThat(stored("SELECT COUNT(*) FROM inbox WHERE body LIKE '%5202%'")).containsExactly("0");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String item = "{\"x\":\"" + "a".repeat(1_000) + "\"},";
        String body = "[" + item.repeat(1_100) + "{}]"; // 1.1 MB
        long now = System.currentTimeMillis();
        HttpResponse<String> answer = post(body, sign(body, now), Long.toString(now));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("body over"); // the server-wide limit (1 MiB) or the endpoint's own (1 MB)
    }
}
