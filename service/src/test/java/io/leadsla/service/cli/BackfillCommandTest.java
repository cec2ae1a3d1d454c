package io.leadsla.service.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.store.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backfill CONFIG --since DATE} against HubSpot stubs: history becomes events and clocks, once. */
class BackfillCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path temp;

    private WireMockServer hubspot;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        hubspot = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        hubspot.start();
        hubspot.stubFor(post(urlEqualTo("/crm/v3/objects/contacts/search")).willReturn(okJson("""
                {"total":1,"results":[{"id":"5101","properties":{"lastmodifieddate":"2026-11-23T08:04:00Z","hs_object_id":"5101"},
                "createdAt":"2026-11-02T10:00:00Z","updatedAt":"2026-11-23T08:04:00Z","archived":false}]}""")));
        hubspot.stubFor(post(urlEqualTo("/crm/v3/objects/contacts/batch/read")).willReturn(okJson("""
                {"status":"COMPLETE","results":[{"id":"5101","properties":{"lifecyclestage":"marketingqualifiedlead"},
                 "propertiesWithHistory":{
                  "lifecyclestage":[{"value":"marketingqualifiedlead","timestamp":"2026-11-23T08:00:00.000Z","sourceType":"CRM_UI","sourceId":"userId:9001"},
                                    {"value":"lead","timestamp":"2026-11-02T10:00:00.000Z","sourceType":"FORM","sourceId":"form-1"}],
                  "hubspot_owner_id":[{"value":"77","timestamp":"2026-11-23T08:01:00.000Z","sourceType":"WORKFLOW","sourceId":"flow-5"}],
                  "hubspotscore":[{"value":"95","timestamp":"2026-11-23T07:59:00.000Z","sourceType":"CALCULATED","sourceId":"score"}]},
                 "createdAt":"2026-11-02T10:00:00Z","updatedAt":"2026-11-23T08:04:00Z","archived":false}],
                 "startedAt":"2026-11-23T12:00:00Z","completedAt":"2026-11-23T12:00:00.05Z"}""")));
        hubspot.stubFor(post(urlEqualTo("/crm/v3/objects/calls/search")).willReturn(okJson("""
                {"total":1,"results":[{"id":"301","properties":{"hs_timestamp":"2026-11-23T08:03:00Z","hubspot_owner_id":"77",
                "hs_created_by_user_id":"9001","hs_lastmodifieddate":"2026-11-23T08:03:30Z"},
                "createdAt":"2026-11-23T08:03:30Z","updatedAt":"2026-11-23T08:03:30Z","archived":false}]}""")));
        hubspot.stubFor(post(urlEqualTo("/crm/v4/associations/calls/contacts/batch/read")).willReturn(okJson("""
                {"status":"COMPLETE","results":[{"from":{"id":"301"},"to":[{"toObjectId":5101,
                "associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":194,"label":null}]}]}]}""")));
        hubspot.stubFor(post(urlMatching("/crm/v3/objects/(emails|meetings)/search")).willReturn(okJson("{\"total\":0,\"results\":[]}")));
        config = temp.resolve("leadsla.yml");
        Files.writeString(config, """
                policiesFile: ../config/policies.yml
                store:
                  embeddedDirectory: %s
                hubspot:
                  accessToken: pat-na1-test
                  clientSecret: secret
                  portalId: "62515"
                  baseUrl: %s
                """.formatted(temp.resolve("data"), hubspot.baseUrl()));
    }

    @AfterEach
    void stop() {
        hubspot.stop();
    }

    private String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Bootstrap<LeadslaConfiguration> bootstrap = new Bootstrap<>(new LeadslaApplication());
        bootstrap.addCommand(new BackfillCommand(Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8)));
        Cli cli = new Cli(new JarLocation(BackfillCommandTest.class), bootstrap, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cli.run(args)).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Backend.embeddedUrl(temp.resolve("data")));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void historyBecomesEventsAtTheirTrueTimesAndClocksOnce() throws Exception {
        String first = run("backfill", config.toString(), "--since", "2026-11-01");

        assertThat(first).contains("hubspot:62515:contacts since 2026-11-01T00:00:00Z: 1 page(s)")
                .contains("hubspot:62515:emails since 2026-11-01T00:00:00Z: 0 page(s)")
                .contains("Backfill: 2 page(s), 4 new event(s), 1 lead(s) folded");
        assertThat(rows("SELECT type || ' ' || occurred_at FROM lead_events ORDER BY occurred_at, type")).containsExactly(
                "ATTRIBUTES_CHANGED 2026-11-23 07:59:00+00",
                "MQL_QUALIFIED 2026-11-23 08:00:00+00", "HANDED_OFF 2026-11-23 08:01:00+00",
                "CONTACT_ATTEMPT 2026-11-23 08:03:00+00");
        assertThat(rows("SELECT status FROM clocks WHERE policy_id = 'first-contact'"))
                .as("a hot lead (score 95) called 2 minutes after the handoff").containsExactly("MET");

        String again = run("backfill", config.toString(), "--since", "2026-11-01");
        assertThat(again).contains("Backfill: 2 page(s), 0 new event(s)");
        assertThat(rows("SELECT COUNT(*) FROM lead_events")).containsExactly("4");
    }

    @Test
    void aSinceThatIsNoDateIsRefusedClearly() {
        assertThatThrownBy(() -> BackfillCommand.since("last week")).hasMessageContaining("--since 'last week' is neither a date");
    }
}
