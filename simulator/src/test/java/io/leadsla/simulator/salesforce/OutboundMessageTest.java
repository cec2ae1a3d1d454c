package io.leadsla.simulator.salesforce;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.xml.XMLConstants;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundMessageTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<Duration> FAST_RETRIES = List.of(Duration.ofMillis(20), Duration.ofMillis(20),
            Duration.ofMillis(20));

    private SfFixture f;
    private OutboundReceiver receiver;
    private RecordSnapshot queue;
    private RecordSnapshot rep;

    @BeforeEach
    void start() throws Exception {
        f = SfFixture.start(b -> b.instanceUrl("https://acme.my.salesforce.com"));
        receiver = new OutboundReceiver();
        queue = f.sim.actions().addQueue("Inbound Leads", "Inbound_Leads");
        rep = f.sim.actions().addUser("rita@example.com", "Rita", "Rep", "rita@example.com");
    }

    @AfterEach
    void stop() {
        f.close();
        receiver.close();
    }

    private String configure(OutboundRule rule, List<Duration> retries) {
        return f.sim.outbound().configure(OutboundMessageConfig.builder("LeadSLA lead changes", receiver.uri())
                .fields("Id", "Status", "OwnerId", "LastName", "Email", "SystemModstamp").rule(rule)
                .retryDelays(retries).timeout(Duration.ofSeconds(2)).build());
    }

    private RecordSnapshot lead(String last) {
        return f.sim.actions().createLead(Map.of("LastName", last, "Company", "Acme"), queue.id(), rep.id());
    }

    @Test
    void deliversASalesforceShapedNotificationsEnvelope() throws Exception {
        String actionId = configure(OutboundRule.always(), FAST_RETRIES);
        RecordSnapshot lead = lead("Doe");
        assertThat(f.sim.outbound().awaitIdle(WAIT)).isTrue();

        assertThat(receiver.received).singleElement().satisfies(m -> {
            assertThat(m.contentType()).isEqualTo("text/xml; charset=utf-8");
            assertThat(m.soapAction()).isEqualTo("\"\"");
            assertThat(m.organizationId()).isEqualTo(f.sim.options().orgId());
            assertThat(m.actionId()).isEqualTo(actionId).startsWith("04k");
            assertThat(m.sessionId().getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil"))
                    .isEqualTo("true");
            String org15 = SalesforceIds.to15(f.sim.options().orgId());
            assertThat(m.enterpriseUrl()).isEqualTo("https://acme.my.salesforce.com/services/Soap/c/65.0/" + org15);
            assertThat(m.partnerUrl()).isEqualTo("https://acme.my.salesforce.com/services/Soap/u/65.0/" + org15);
            assertThat(m.notifications()).singleElement().satisfies(n -> {
                assertThat(n.id()).startsWith("04l").hasSize(18);
                assertThat(n.xsiType()).isEqualTo("sf:Lead");
                assertThat(n.sObjectNamespace()).isEqualTo("urn:sobject.enterprise.soap.sforce.com");
                assertThat(n.fields()).containsExactly(Map.entry("Id", lead.id()),
                        Map.entry("LastName", "Doe"), Map.entry("OwnerId", queue.id()),
                        Map.entry("Status", "Open - Not Contacted"),
                        Map.entry("SystemModstamp", "2026-11-23T08:00:00.000Z"));
            });
        });
        assertThat(f.sim.outbound().attempts()).singleElement().satisfies(a -> {
            assertThat(a.acknowledged()).isTrue();
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.attempt()).isEqualTo(1);
        });
    }

    @Test
    void retriesAfterA500AndAMissingAckWithTheSameNotificationIds() throws Exception {
        configure(OutboundRule.always(), FAST_RETRIES);
        receiver.script(OutboundReceiver.Answer.HTTP_500, OutboundReceiver.Answer.OK_WITHOUT_ACK,
                OutboundReceiver.Answer.ACK_FALSE);
        lead("Doe");
        assertThat(f.sim.outbound().awaitIdle(WAIT)).isTrue();

        List<OutboundAttempt> attempts = f.sim.outbound().attempts();
        assertThat(attempts).extracting(OutboundAttempt::attempt).containsExactly(1, 2, 3, 4);
        assertThat(attempts).extracting(OutboundAttempt::status).containsExactly(500, 200, 200, 200);
        assertThat(attempts).extracting(OutboundAttempt::acknowledged).containsExactly(false, false, false, true);
        String id = attempts.get(0).notificationIds().get(0);
        assertThat(attempts).allSatisfy(a -> assertThat(a.notificationIds()).containsExactly(id));
        assertThat(receiver.notificationIds()).containsExactly(id, id, id, id);
        assertThat(f.sim.outbound().abandoned()).isEmpty();
    }

    @Test
    void givesUpAfterTheLastRetry() throws Exception {
        configure(OutboundRule.always(), List.of(Duration.ofMillis(10), Duration.ofMillis(10)));
        receiver.script(OutboundReceiver.Answer.HTTP_500, OutboundReceiver.Answer.HTTP_500,
                OutboundReceiver.Answer.HTTP_500);
        RecordSnapshot lead = lead("Doe");
        assertThat(f.sim.outbound().awaitIdle(WAIT)).isTrue();
        assertThat(f.sim.outbound().attempts()).hasSize(3).noneMatch(OutboundAttempt::acknowledged);
        assertThat(f.sim.outbound().abandoned()).singleElement()
                .satisfies(n -> assertThat(n.record().id()).isEqualTo(lead.id()));
    }

    @Test
    void firesOnlyOnTheWatchedFieldsAndBatchesUpTo100() throws Exception {
        configure(OutboundRule.onChangeOf("Status", "OwnerId"), FAST_RETRIES);
        RecordSnapshot lead = lead("Doe");
        assertThat(f.sim.outbound().awaitIdle(WAIT)).isTrue();
        f.sim.actions().setField(lead.id(), "Country", "US", rep.id());
        f.sim.actions().setField(lead.id(), "Status", "Working - Contacted", rep.id());
        assertThat(f.sim.outbound().awaitIdle(WAIT)).isTrue();
        assertThat(receiver.received).hasSize(2);
        assertThat(receiver.received.get(1).notifications().get(0).fields().get("Status"))
                .isEqualTo("Working - Contacted");

        f.sim.outbound().pause();
        for (int i = 0; i < 150; i++) {
            lead("Bulk " + i);
        }
        f.sim.outbound().resume();
        assertThat(f.sim.outbound().awaitIdle(WAIT)).isTrue();
        assertThat(receiver.received.subList(2, receiver.received.size()))
                .extracting(m -> m.notifications().size()).containsExactly(100, 50);
    }

    @Test
    void criteriaRulesAndRedeliveryOfAnAcknowledgedNotification() throws Exception {
        configure(OutboundRule.whenCriteriaBecomeTrue(r -> "Working - Contacted".equals(r.get("Status"))),
                FAST_RETRIES);
        RecordSnapshot lead = lead("Doe");
        f.sim.actions().setField(lead.id(), "Status", "Working - Contacted", rep.id());
        f.sim.actions().setField(lead.id(), "Rating", "Hot", rep.id()); // still true: doesn't fire again
        assertThat(f.sim.outbound().awaitIdle(WAIT)).isTrue();
        assertThat(receiver.received).hasSize(1);

        f.sim.outbound().redeliverLastAcknowledged();
        assertThat(f.sim.outbound().awaitIdle(WAIT)).isTrue();
        List<String> ids = receiver.notificationIds();
        assertThat(ids).hasSize(2);
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(f.sim.outbound().acknowledgedIds()).containsExactly(ids.get(0), ids.get(0));
    }
}
