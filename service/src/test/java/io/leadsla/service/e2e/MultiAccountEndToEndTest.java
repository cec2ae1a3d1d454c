package io.leadsla.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.salesforce.normalize.WatchedFields;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.simulator.hubspot.AdjustableClock;
import io.leadsla.simulator.hubspot.ChangeSource;
import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.hubspot.ObjectSnapshot;
import io.leadsla.simulator.hubspot.Owner;
import io.leadsla.simulator.hubspot.SimulatorOptions;
import io.leadsla.simulator.hubspot.WebhookConfig;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.OutboundMessageConfig;
import io.leadsla.simulator.salesforce.OutboundRule;
import io.leadsla.simulator.salesforce.RecordSnapshot;
import io.leadsla.simulator.salesforce.SalesforceOptions;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two HubSpot portals and two Salesforce orgs behind one server, against four simulators that
 * number their records alike (both portals' first contact is 1001; both orgs' first Lead has the
 * same id): each account's leads, write-backs, tasks, leases and KPIs stay its own.
 */
class MultiAccountEndToEndTest {

    /** Monday 09:00 in Paris. */
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final List<AutoCloseable> running = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private HubSpotSimulator portal(long portalId, String token) {
        HubSpotSimulator hubspot = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).accessToken(token)
                .portalId(portalId).appId(4242).tenSecondLimit(100).build());
        running.add(hubspot);
        new HubSpotSetup(new HubSpotClient(new HubSpotHttp(HubSpotApiConfig.defaults(hubspot.baseUrl(), token), json, clock)))
                .apply();
        return hubspot;
    }

    private SalesforceSimulator org(String orgId) {
        SalesforceSimulator salesforce = SalesforceSimulator.start(SalesforceOptions.builder().clock(clock).orgId(orgId).build());
        running.add(salesforce);
        LeadSlaFields.deployTo(salesforce.schema());
        return salesforce;
    }

    @Test
    void eachAccountsLeadsWriteBacksTasksLeasesAndKpisStayApart() throws Exception {
        HubSpotSimulator emea = portal(62515, "pat-emea");
        HubSpotSimulator na = portal(70001, "pat-na");
        SalesforceSimulator eu = org("00D5g000004EURO");
        SalesforceSimulator us = org("00D5g000004USAO");
        Path dir = Files.createTempDirectory("leadsla-accounts");
        Path config = dir.resolve("leadsla.yml");
        Files.writeString(config, """
                policiesFile: %s
                store: {embeddedDirectory: %s}
                pipeline: {idlePoll: 20ms}
                logging: {level: WARN}
                server:
                  applicationConnectors: [{type: http, port: 0}]
                  adminConnectors: [{type: http, port: 0}]
                hubspot:
                  accounts:
                    - {name: emea, accessToken: pat-emea, clientSecret: secret-emea, baseUrl: '%s', mapping: {appId: 4242}, polling: {interval: 1h}}
                    - {name: na, accessToken: pat-na, clientSecret: secret-na, baseUrl: '%s', mapping: {appId: 4242}, polling: {interval: 1h}}
                salesforce:
                  accounts:
                    - {name: eu, loginUrl: '%s', clientId: %s, clientSecret: %s, orgId: %s, endpointSecret: eu-outbound-secret-0123456789abcdef, mapping: {integrationUserId: %s}, polling: {interval: 1h}}
                    - {name: us, loginUrl: '%s', clientId: %s, clientSecret: %s, orgId: %s, endpointSecret: us-outbound-secret-0123456789abcdef, mapping: {integrationUserId: %s}, polling: {interval: 1h}}
                """.formatted(Path.of("..", "config", "policies.yml").toAbsolutePath(), dir.resolve("store"),
                emea.baseUrl(), na.baseUrl(),
                eu.baseUrl(), eu.options().clientId(), eu.options().clientSecret(), eu.options().orgId(), eu.integrationUser().id(),
                us.baseUrl(), us.options().clientId(), us.options().clientSecret(), us.options().orgId(), us.integrationUser().id()));
        DropwizardTestSupport<LeadslaConfiguration> server = new DropwizardTestSupport<>(LeadslaApplication.class,
                config.toString()) {
            @Override
            public Application<LeadslaConfiguration> newApplication() {
                return new LeadslaApplication(clock);
            }
        };
        server.before();
        running.add(server::after);
        int port = server.getLocalPort();

        // each portal's app signs with its own secret and calls its account's path
        webhooks(emea, port, "emea", "secret-emea");
        webhooks(na, port, "na", "secret-na");
        // both orgs post to the one Outbound Message endpoint: their OrganizationId tells them apart
        outbound(eu, port, "eu-outbound-secret-0123456789abcdef");
        outbound(us, port, "us-outbound-secret-0123456789abcdef");

        // the same contact id in both portals: a hot lead in EMEA nobody calls, a standard one in NA
        ObjectSnapshot hot = mql(emea, "95");
        ObjectSnapshot standard = mql(na, "20");
        assertThat(hot.id()).as("the portals number alike").isEqualTo(standard.id());
        // the same Lead id in both orgs: a demo request in Europe, a web lead in the US
        RecordSnapshot euLead = routedLead(eu, "Demo Request");
        RecordSnapshot usLead = routedLead(us, "Web");
        assertThat(euLead.id()).as("the orgs number alike").isEqualTo(usLead.id());

        await().atMost(Duration.ofSeconds(20)).until(() -> "ON_TRACK".equals(property(emea, hot.id()))
                && "ON_TRACK".equals(property(na, standard.id()))
                && "ON_TRACK".equals(field(eu, euLead.id())) && "ON_TRACK".equals(field(us, usLead.id())));

        clock.advance(Duration.ofMinutes(6)); // the hot lead's and the demo request's 5 minutes run out
        await().atMost(Duration.ofSeconds(20)).until(() -> "BREACHED".equals(property(emea, hot.id()))
                && "BREACHED".equals(field(eu, euLead.id())) && emea.tasksOf(hot.id()).size() == 1 && tasks(eu, euLead.id()) == 1);
        emea.webhooks().awaitIdle(Duration.ofSeconds(10));
        na.webhooks().awaitIdle(Duration.ofSeconds(10));
        eu.outbound().awaitIdle(Duration.ofSeconds(10));
        us.outbound().awaitIdle(Duration.ofSeconds(10));

        // the other account's record with the same id: still on track, written to, and no task
        assertThat(property(na, standard.id())).isEqualTo("ON_TRACK");
        assertThat(na.tasksOf(standard.id())).isEmpty();
        assertThat(field(us, usLead.id())).isEqualTo("ON_TRACK");
        assertThat(tasks(us, usLead.id())).isZero();
        // each portal's write-backs went to that portal only
        assertThat(emea.requests().count("POST /crm/v3/objects/{objectType}/batch/update")).isPositive();
        assertThat(na.requests().count("POST /crm/v3/objects/{objectType}/batch/update")).isPositive();

        // the API tells the two leads of one id apart by their account
        JsonNode hotLead = get(port, "/api/leads/hubspot/" + hot.id() + "?account=emea");
        JsonNode naLead = get(port, "/api/leads/hubspot/" + standard.id() + "?account=na");
        assertThat(status(hotLead, "first-contact")).isEqualTo("BREACHED");
        assertThat(status(naLead, "first-contact")).isEqualTo("ON_TRACK");
        assertThat(hotLead.path("tasks")).hasSize(1);
        assertThat(hotLead.path("tasks").get(0).path("key").asText()).startsWith("hubspot@emea:" + hot.id() + ":first-contact:1");
        assertThat(naLead.path("tasks")).isEmpty();
        assertThat(status(get(port, "/api/leads/salesforce/" + euLead.id() + "?account=eu"), "first-contact")).isEqualTo("BREACHED");
        assertThat(status(get(port, "/api/leads/salesforce/" + usLead.id() + "?account=us"), "first-contact")).isEqualTo("ON_TRACK");
        assertThat(http(port, "/api/leads/hubspot/" + hot.id()).statusCode()).as("no default account here").isEqualTo(404);

        // KPIs split by account: one MQL each, handed over, none accepted yet
        JsonNode byAccount = get(port, "/api/kpis?groupBy=account").path("groups");
        assertThat(byAccount.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("hubspot/emea", "hubspot/na", "salesforce/eu", "salesforce/us");
        byAccount.forEach(group -> assertThat(group.path("mqls").asInt()).isEqualTo(1));

        // one lease per account's API, each held; four write steps, each polling and writing its own account
        server.after();
        running.remove(running.size() - 1);
        try (Connection c = org.h2.Driver.load().connect(io.leadsla.store.Backend.embeddedUrl(dir.resolve("store")),
                new java.util.Properties()); Statement s = c.createStatement()) {
            List<String> leases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM leases ORDER BY name")) {
                while (rs.next()) {
                    leases.add(rs.getString(1));
                }
            }
            assertThat(leases).containsExactlyInAnyOrder("account:hubspot:62515", "account:hubspot:70001",
                    "account:salesforce:" + eu.options().orgId(), "account:salesforce:" + us.options().orgId());
            List<String> leads = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT crm, account, record_id FROM leads ORDER BY crm, account")) {
                while (rs.next()) {
                    leads.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3));
                }
            }
            assertThat(leads).containsExactly("hubspot/emea/" + hot.id(), "hubspot/na/" + standard.id(),
                    "salesforce/eu/" + euLead.id(), "salesforce/us/" + usLead.id());
            List<String> usage = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT account FROM api_usage ORDER BY account")) {
                while (rs.next()) {
                    usage.add(rs.getString(1));
                }
            }
            assertThat(usage).as("API calls counted per CRM account").contains("hubspot:62515", "hubspot:70001");
        }
    }

    private ObjectSnapshot mql(HubSpotSimulator hubspot, String score) {
        Owner rep = hubspot.actions().addOwner("rep@example.com", "Rita", "Rep");
        ChangeSource marketing = ChangeSource.workflow(77);
        ObjectSnapshot contact = hubspot.actions().createContact(Map.of("email", "lead@example.com", "hubspotscore", score),
                marketing);
        hubspot.actions().setProperty(contact.id(), "lifecyclestage", "marketingqualifiedlead", marketing);
        hubspot.actions().assignOwner(contact.id(), rep.id(), marketing);
        return contact;
    }

    private RecordSnapshot routedLead(SalesforceSimulator salesforce, String source) {
        RecordSnapshot marketing = salesforce.actions().addUser("mops@acme.example", "Mia", "Ops", "mops@acme.example");
        RecordSnapshot rep = salesforce.actions().addUser("rita@acme.example", "Rita", "Rep", "rita@acme.example");
        RecordSnapshot lead = salesforce.actions().createLead(Map.of("LastName", "Lovelace", "Company", "Analytical Engines",
                "Status", "Open - Not Contacted", "LeadSource", source), rep.id(), marketing.id());
        return lead;
    }

    private void webhooks(HubSpotSimulator hubspot, int port, String account, String secret) {
        hubspot.webhooks().configure(WebhookConfig.builder(URI.create("http://localhost:" + port + "/webhooks/hubspot/" + account),
                        secret)
                .subscribe("contact.deletion")
                .contactPropertyChanges("lifecyclestage", "hs_lead_status", "hubspot_owner_id", "hubspotscore",
                        "leadsla_rejection_reason", "leadsla_sla_status")
                .retryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1)))
                .signatureClock(clock)
                .build());
    }

    private void outbound(SalesforceSimulator salesforce, int port, String secret) {
        salesforce.outbound().configure(OutboundMessageConfig.builder("leadsla",
                        URI.create("http://localhost:" + port + "/webhooks/salesforce?secret=" + secret))
                .object("Lead")
                .fields(WatchedFields.of(SalesforceMapping.defaults()).lead().toArray(String[]::new))
                .rule(OutboundRule.always())
                .retryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1)))
                .build());
    }

    private static String property(HubSpotSimulator hubspot, String id) {
        return hubspot.contact(id).orElseThrow().property("leadsla_sla_status");
    }

    private static Object field(SalesforceSimulator salesforce, String id) {
        return salesforce.record(id).orElseThrow().get(LeadSlaFields.STATUS);
    }

    private static long tasks(SalesforceSimulator salesforce, String leadId) {
        return salesforce.records("Task").stream().filter(t -> leadId.equals(t.string("WhoId"))).count();
    }

    private static String status(JsonNode lead, String policy) {
        for (JsonNode clock : lead.path("clocks")) {
            if (policy.equals(clock.path("policyId").asText()) && clock.path("cycle").asInt() == 1) {
                return clock.path("status").asText();
            }
        }
        throw new AssertionError("no " + policy + " clock in " + lead);
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http(port, path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> http(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
