package io.leadsla.service.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.simulator.hubspot.AdjustableClock;
import io.leadsla.simulator.hubspot.ChangeSource;
import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.hubspot.ObjectSnapshot;
import io.leadsla.simulator.hubspot.Owner;
import io.leadsla.simulator.hubspot.SimulatorOptions;
import io.leadsla.simulator.hubspot.WebhookConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HubSpot connector end to end, over real HTTP: the simulator's users qualify and assign
 * contacts, signed webhooks reach the server, the pipeline runs the clocks, and the SLA state and
 * tasks come back onto the contacts. Time is the test's: one adjustable clock for HubSpot and
 * leadsla; no waiting for a deadline.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class HubSpotEndToEndTest {

    /** Monday 09:00 in Paris. */
    private static final AdjustableClock CLOCK = new AdjustableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private static final long APP_ID = 4242;
    private static final String SECRET = "3c9b8f0e-2f8d-4a7e-9b1c-5d6e7f8a9b0c";
    private static final HubSpotSimulator HUBSPOT = portalWithLeadslaProperties();

    static final DropwizardAppExtension<LeadslaConfiguration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(LeadslaApplication.class,
                    Path.of("..", "config", "leadsla.yml").toAbsolutePath().toString(),
                    ConfigOverride.config("policiesFile", Path.of("..", "config", "policies.yml").toString()),
                    ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                    ConfigOverride.config("server.adminConnectors[0].port", "0"),
                    ConfigOverride.config("store.embeddedDirectory", temporaryDirectory()),
                    ConfigOverride.config("pipeline.idlePoll", "20ms"),
                    ConfigOverride.config("hubspot.accessToken", "pat-e2e"),
                    ConfigOverride.config("hubspot.clientSecret", SECRET),
                    ConfigOverride.config("hubspot.baseUrl", HUBSPOT.baseUrl()),
                    ConfigOverride.config("hubspot.mapping.appId", Long.toString(APP_ID)),
                    ConfigOverride.config("hubspot.polling.interval", "1h")) {
                @Override
                public Application<LeadslaConfiguration> newApplication() {
                    return new LeadslaApplication(CLOCK);
                }
            });

    private static HubSpotSimulator portalWithLeadslaProperties() {
        HubSpotSimulator hubspot = HubSpotSimulator.start(SimulatorOptions.builder().clock(CLOCK).accessToken("pat-e2e")
                .portalId(62515).appId(APP_ID).tenSecondLimit(100).build());
        new HubSpotSetup(new HubSpotClient(new HubSpotHttp(HubSpotApiConfig.defaults(hubspot.baseUrl(), "pat-e2e"),
                new ObjectMapper(), CLOCK))).apply();
        return hubspot;
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("leadsla-e2e").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        HUBSPOT.close();
    }

    private static void webhooksToLeadsla() {
        HUBSPOT.webhooks().configure(WebhookConfig.builder(
                        URI.create("http://localhost:" + APP.getLocalPort() + "/webhooks/hubspot"), SECRET)
                .subscribe("contact.deletion")
                // leadsla's own properties too: its writes come back and must not loop
                .contactPropertyChanges("lifecyclestage", "hs_lead_status", "hubspot_owner_id", "hubspotscore",
                        "leadsla_rejection_reason", "leadsla_sla_status")
                .retryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1)))
                .signatureClock(CLOCK)
                .build());
    }

    private static String status(String contactId) {
        return HUBSPOT.contact(contactId).orElseThrow().property("leadsla_sla_status");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aHotLeadNobodyCallsGoesAtRiskThenBreachesWithOneTaskAndARejectionWithoutReasonAsksForOne() throws Exception {
        webhooksToLeadsla();
        Owner rep = HUBSPOT.actions().addOwner("rita@example.com", "Rita", "Rep");
        ChangeSource marketing = ChangeSource.workflow(77);
        ObjectSnapshot hot = HUBSPOT.actions().createContact(Map.of("email", "demo@example.com", "hubspotscore", "95"), marketing);
        HUBSPOT.actions().setProperty(hot.id(), "lifecyclestage", "marketingqualifiedlead", marketing);
        HUBSPOT.actions().assignOwner(hot.id(), rep.id(), marketing);

        // the MQL and the assignment may be folded apart: first the handoff clock shows (mql-handoff),
        // then, once the owner's change is in, the rep's clock
        await().atMost(Duration.ofSeconds(20)).until(() -> "ON_TRACK".equals(status(hot.id()))
                && "first-contact".equals(HUBSPOT.contact(hot.id()).orElseThrow().property("leadsla_sla_policy")));

        CLOCK.advance(Duration.ofMinutes(4)); // past 75 % of the 5 minutes
        await().atMost(Duration.ofSeconds(20)).until(() -> "AT_RISK".equals(status(hot.id())));

        CLOCK.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> "BREACHED".equals(status(hot.id()))
                && HUBSPOT.tasksOf(hot.id()).size() == 1);
        ObjectSnapshot task = HUBSPOT.tasksOf(hot.id()).get(0);
        assertThat(task.property("hubspot_owner_id")).isEqualTo(rep.id());
        assertThat(task.property("hs_task_subject")).contains("first-contact");
        assertThat(HUBSPOT.contact(hot.id()).orElseThrow().property("leadsla_breached_at")).isNotBlank();

        // a standard lead the rep rejects without a reason: a task asks for it
        ObjectSnapshot cold = HUBSPOT.actions().createContact(Map.of("email", "cold@example.com", "hubspotscore", "20"), marketing);
        HUBSPOT.actions().setProperty(cold.id(), "lifecyclestage", "marketingqualifiedlead", marketing);
        HUBSPOT.actions().assignOwner(cold.id(), rep.id(), marketing);
        CLOCK.advance(Duration.ofMinutes(10));
        HUBSPOT.actions().setProperty(cold.id(), "hs_lead_status", "UNQUALIFIED", ChangeSource.crmUi(9001));
        await().atMost(Duration.ofSeconds(20)).until(() -> "BREACHED".equals(status(hot.id()))
                && "rejection-reason".equals(HUBSPOT.contact(cold.id()).orElseThrow().property("leadsla_sla_policy")));
        assertThat(HUBSPOT.tasksOf(cold.id())).as("the rep has 4 business hours to give the reason").isEmpty();
        CLOCK.advance(Duration.ofHours(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> HUBSPOT.tasksOf(cold.id()).size() == 1);
        assertThat(HUBSPOT.tasksOf(cold.id()).get(0).property("hs_task_subject")).isEqualTo("Add a rejection reason");

        // leadsla's own writes came back as webhooks and changed nothing: still one task each, and quiet
        HUBSPOT.webhooks().awaitIdle(Duration.ofSeconds(10));
        long writes = HUBSPOT.requests().count("POST /crm/v3/objects/{objectType}/batch/update");
        // for half a second (25 pipeline rounds), no further write: a loop would write again
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> HUBSPOT.requests().count("POST /crm/v3/objects/{objectType}/batch/update") == writes);
        assertThat(HUBSPOT.tasksOf(hot.id())).hasSize(1);
    }

    /**
     * Runs first: the other test moves the clock by hours, after which the pollers (hourly here)
     * would also meet the outage and could open the circuit breaker for its 30 real seconds.
     */
    @Test
    @org.junit.jupiter.api.Order(1)
    void writesHubSpotRefusedDuringAnOutageGoOutOnceItIsBack() throws Exception {
        webhooksToLeadsla();
        Owner rep = HUBSPOT.actions().addOwner("otto@example.com", "Otto", "Rep");
        ChangeSource marketing = ChangeSource.workflow(77);
        // the first polls (contacts, calls, e-mails, meetings) run at start: let them finish first
        await().atMost(Duration.ofSeconds(20)).until(() -> HUBSPOT.requests().count("POST /crm/v3/objects/{objectType}/search") >= 4);
        HUBSPOT.outage(true); // the API answers 503; webhooks keep coming and are stored
        ObjectSnapshot lead = HUBSPOT.actions().createContact(Map.of("email", "outage@example.com", "hubspotscore", "95"),
                marketing);
        HUBSPOT.actions().setProperty(lead.id(), "lifecyclestage", "marketingqualifiedlead", marketing);
        HUBSPOT.actions().assignOwner(lead.id(), rep.id(), marketing);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                HUBSPOT.requests().statusCounts().entrySet().stream().anyMatch(e -> e.getKey().contains("batch/update")
                        && e.getKey().endsWith("-> 503")));
        assertThat(status(lead.id())).as("nothing written while HubSpot is down").isNull();

        HUBSPOT.outage(false);
        CLOCK.advance(Duration.ofMinutes(1)); // past the outbox's backoff
        await().atMost(Duration.ofSeconds(20)).until(() -> "ON_TRACK".equals(status(lead.id())));
    }
}
