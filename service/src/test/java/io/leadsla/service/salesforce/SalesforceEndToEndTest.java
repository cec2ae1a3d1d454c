package io.leadsla.service.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.salesforce.normalize.WatchedFields;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.simulator.hubspot.AdjustableClock;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.OutboundMessageConfig;
import io.leadsla.simulator.salesforce.OutboundRule;
import io.leadsla.simulator.salesforce.RecordSnapshot;
import io.leadsla.simulator.salesforce.SalesforceOptions;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
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
 * The Salesforce connector end to end, over real HTTP: the simulated org's users route a lead,
 * Outbound Messages reach the server, the clocks run on the test's clock, and the SLA fields and
 * a breach Task come back onto the Lead through force-wsc.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SalesforceEndToEndTest {

    /** Monday 09:00 in Paris. */
    private static final AdjustableClock CLOCK = new AdjustableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private static final String SECRET = "sf-outbound-secret-0123456789abcdef";
    private static final SalesforceSimulator SALESFORCE = orgWithLeadslaFields();

    static final DropwizardAppExtension<LeadslaConfiguration> APP = new DropwizardAppExtension<>(
            new DropwizardTestSupport<>(LeadslaApplication.class,
                    Path.of("..", "config", "leadsla.yml").toAbsolutePath().toString(),
                    ConfigOverride.config("policiesFile", Path.of("..", "config", "policies.yml").toString()),
                    ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                    ConfigOverride.config("server.adminConnectors[0].port", "0"),
                    ConfigOverride.config("store.embeddedDirectory", temporaryDirectory()),
                    ConfigOverride.config("pipeline.idlePoll", "20ms"),
                    ConfigOverride.config("salesforce.loginUrl", SALESFORCE.baseUrl()),
                    ConfigOverride.config("salesforce.clientId", SALESFORCE.options().clientId()),
                    ConfigOverride.config("salesforce.clientSecret", SALESFORCE.options().clientSecret()),
                    ConfigOverride.config("salesforce.orgId", SALESFORCE.options().orgId()),
                    ConfigOverride.config("salesforce.endpointSecret", SECRET),
                    ConfigOverride.config("salesforce.mapping.integrationUserId", SALESFORCE.integrationUser().id()),
                    ConfigOverride.config("salesforce.polling.interval", "1h")) {
                @Override
                public Application<LeadslaConfiguration> newApplication() {
                    return new LeadslaApplication(CLOCK);
                }
            });

    private static SalesforceSimulator orgWithLeadslaFields() {
        SalesforceSimulator salesforce = SalesforceSimulator.start(SalesforceOptions.builder().clock(CLOCK).build());
        LeadSlaFields.deployTo(salesforce.schema());
        return salesforce;
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("leadsla-sf-e2e").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        SALESFORCE.close();
    }

    private static Object field(String id, String field) {
        return SALESFORCE.record(id).orElseThrow().get(field);
    }

    @Test
    void aDemoRequestRoutedToARepWhoNeverCallsBreachesWithOneTaskOnTheLead() throws Exception {
        SALESFORCE.outbound().configure(OutboundMessageConfig.builder("leadsla",
                        URI.create("http://localhost:" + APP.getLocalPort() + "/webhooks/salesforce?secret=" + SECRET))
                .object("Lead")
                .fields(WatchedFields.of(SalesforceMapping.defaults()).lead().toArray(String[]::new))
                .rule(OutboundRule.always()) // leadsla's own writes come back too, and must not loop
                .retryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1)))
                .build());
        RecordSnapshot marketing = SALESFORCE.actions().addUser("mops@acme.example", "Mia", "Ops", "mops@acme.example");
        RecordSnapshot rep = SALESFORCE.actions().addUser("rita@acme.example", "Rita", "Rep", "rita@acme.example");
        RecordSnapshot queue = SALESFORCE.actions().addQueue("Marketing", "Marketing_Queue");
        RecordSnapshot lead = SALESFORCE.actions().createLead(Map.of("LastName", "Lovelace", "Company", "Analytical Engines",
                "Status", "Open - Not Contacted", "LeadSource", "Demo Request"), queue.id(), marketing.id());
        CLOCK.advance(Duration.ofSeconds(30)); // the assignment, a moment later
        SALESFORCE.actions().assignOwner(lead.id(), rep.id(), marketing.id());

        // the MQL from the queue starts marketing's handoff clock; the rep's assignment the rep's
        await().atMost(Duration.ofSeconds(20)).until(() -> "ON_TRACK".equals(field(lead.id(), LeadSlaFields.STATUS))
                && "first-contact".equals(field(lead.id(), LeadSlaFields.POLICY)));

        CLOCK.advance(Duration.ofMinutes(6)); // a demo request: 5 minutes to a first contact
        await().atMost(Duration.ofSeconds(20)).until(() -> "BREACHED".equals(field(lead.id(), LeadSlaFields.STATUS))
                && !tasksOf(lead.id()).isEmpty());
        RecordSnapshot task = tasksOf(lead.id()).get(0);
        assertThat(task.string("OwnerId")).isEqualTo(rep.id());
        assertThat(task.string(LeadSlaFields.TASK_KEY)).startsWith("salesforce:" + lead.id() + ":first-contact:1:BREACH");
        assertThat(field(lead.id(), LeadSlaFields.BREACHED_AT)).isNotNull();

        // leadsla's writes came back as Outbound Messages from its own user: nothing more happens
        SALESFORCE.outbound().awaitIdle(Duration.ofSeconds(10));
        long updates = SALESFORCE.requests().count("update");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> SALESFORCE.requests().count("update") == updates);
        assertThat(tasksOf(lead.id())).hasSize(1);
    }

    private static List<RecordSnapshot> tasksOf(String leadId) {
        return SALESFORCE.records("Task").stream().filter(t -> leadId.equals(t.string("WhoId"))).toList();
    }
}
