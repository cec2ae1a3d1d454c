package io.leadsla.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.salesforce.normalize.WatchedFields;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.simulator.hubspot.AdjustableClock;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.OutboundAttempt;
import io.leadsla.simulator.salesforce.OutboundMessageConfig;
import io.leadsla.simulator.salesforce.OutboundRule;
import io.leadsla.simulator.salesforce.RecordSnapshot;
import io.leadsla.simulator.salesforce.SalesforceOptions;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A forger knows the org id (it is printed in every Web-to-Lead form) and can post a perfect
 * Outbound Message: here the simulated org itself sends genuine messages, to the endpoint without
 * the secret and with a wrong one. Nothing is stored, no clock starts; the same message with the
 * secret then starts the lead's clocks (so the refusal is the secret's doing, not a broken path).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ForgedOutboundMessageTest {

    private static final AdjustableClock CLOCK = new AdjustableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private static final SalesforceSimulator SALESFORCE = orgWithLeadslaFields();
    private static final Path STORE = E2eServer.temporaryDirectory("leadsla-sf-forged");
    private static final StoreProbe PROBE = new StoreProbe(STORE);

    // polling every hour on a clock that does not move: only Outbound Messages can tell leadsla anything
    static final DropwizardAppExtension<LeadslaConfiguration> APP = new DropwizardAppExtension<>(
            E2eServer.on(CLOCK, STORE, 0).salesforce(SALESFORCE, "1h").build());

    private static SalesforceSimulator orgWithLeadslaFields() {
        SalesforceSimulator salesforce = SalesforceSimulator.start(SalesforceOptions.builder().clock(CLOCK).build());
        LeadSlaFields.deployTo(salesforce.schema());
        return salesforce;
    }

    @AfterAll
    static void stop() {
        SALESFORCE.close();
    }

    private static String sendTo(String pathAndQuery) {
        return SALESFORCE.outbound().configure(OutboundMessageConfig.builder("leadsla-" + pathAndQuery.hashCode(),
                        URI.create("http://localhost:" + APP.getLocalPort() + pathAndQuery))
                .object("Lead")
                .fields(WatchedFields.of(SalesforceMapping.defaults()).lead().toArray(String[]::new))
                .rule(OutboundRule.always())
                .retryDelays(List.of())
                .build());
    }

    @Test
    void aMessageWithTheRightOrgIdButNotTheSecretChangesNothing() throws Exception {
        String noSecret = sendTo("/webhooks/salesforce");
        String wrongSecret = sendTo("/webhooks/salesforce?secret=" + "x".repeat(36));
        String wrongAccount = sendTo("/webhooks/salesforce/default?secret=" + "y".repeat(36));
        RecordSnapshot rep = SALESFORCE.actions().addUser("rita@acme.example", "Rita", "Rep", "rita@acme.example");
        RecordSnapshot lead = SALESFORCE.actions().createLead(Map.of("LastName", "Forged", "Company", "Nobody Ltd",
                "Status", "Open - Not Contacted", "LeadSource", "Demo Request"), rep.id(), rep.id());
        assertThat(SALESFORCE.outbound().awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<OutboundAttempt> attempts = SALESFORCE.outbound().attempts();
        assertThat(attempts).as("one message per definition").hasSize(3);
        assertThat(attempts).allSatisfy(a -> assertThat(a.status()).as(a.actionId()).isEqualTo(403));
        assertThat(PROBE.inbox()).as("nothing stored").isEmpty();
        assertThat(PROBE.events("salesforce", lead.id())).isEmpty();
        assertThat(PROBE.clock("salesforce", lead.id(), "first-contact")).isEmpty();
        assertThat(SALESFORCE.records("Task")).isEmpty();
        SALESFORCE.outbound().remove(noSecret);
        SALESFORCE.outbound().remove(wrongSecret);
        SALESFORCE.outbound().remove(wrongAccount);

        // the genuine definition, with the secret: the same kind of message now counts
        sendTo("/webhooks/salesforce?secret=" + E2eServer.SALESFORCE_SECRET);
        SALESFORCE.actions().setField(lead.id(), "Company", "Somebody Ltd", rep.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> PROBE.clock("salesforce", lead.id(), "first-contact").isPresent());
        assertThat(SALESFORCE.outbound().attempts().get(attempts.size()).status()).isEqualTo(200);
    }
}
