package io.leadsla.connector.salesforce.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.connector.salesforce.api.LeadDescribe;
import io.leadsla.connector.salesforce.api.OrgBudget;
import io.leadsla.connector.salesforce.api.SalesforceAuthConfig;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import io.leadsla.connector.salesforce.api.SalesforceTokenClient;
import io.leadsla.connector.salesforce.mapping.OrgSchema;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.salesforce.setup.SalesforceSetup;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.SalesforceOptions;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against the stateful simulator through force-wsc: the mapping checked on describe, setup's plan. */
class SalesforceSimulatorContractTest {

    private SalesforceSimulator salesforce;
    private SalesforceSession session;

    @BeforeEach
    void start() {
        salesforce = SalesforceSimulator.start(SalesforceOptions.builder().build());
        SalesforceAuthConfig auth = new SalesforceAuthConfig(salesforce.baseUrl(), salesforce.options().clientId(),
                salesforce.options().clientSecret(), null, null, "65.0");
        session = new SalesforceSession(auth, new SalesforceTokenClient(auth, new ObjectMapper(), Clock.systemUTC()),
                new OrgBudget(0.75, 0.9), Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    @Test
    void setupSaysWhatIsMissingAndTheMappingIsCheckedAgainstTheOrgsLead() {
        assertThat(new SalesforceSetup(session).plan()).extracting(Object::toString)
                .contains("deploy   Lead.LeadSLA_Status__c", "deploy   Task.LeadSLA_Task_Key__c");
        OrgSchema before = LeadDescribe.read(session);
        assertThat(SalesforceMapping.defaults().problems(before)).as("the rejection reason field is not deployed yet")
                .anySatisfy(p -> assertThat(p).contains("salesforce.mapping.rejectionReasonField"));

        LeadSlaFields.deployTo(salesforce.schema());
        assertThat(new SalesforceSetup(session).plan()).filteredOn(s -> !s.field().equals("LeadSLA_Minutes_Remaining__c"))
                .allMatch(SalesforceSetup.Step::exists);
        OrgSchema after = LeadDescribe.read(session);
        assertThat(SalesforceMapping.defaults().problems(after)).isEmpty();
        SalesforceMapping qualified = new SalesforceMapping(List.of("Qualified"), null, null, null, null, null, null, null, null,
                null, null, null, null);
        assertThat(qualified.problems(after)).singleElement().satisfies(p -> assertThat(p)
                .contains("salesforce.mapping.mqlStatuses[0]").contains("Qualified").contains("Open - Not Contacted"));
        assertThat(LeadDescribe.integrationUserId(session)).isEqualTo(salesforce.integrationUser().id());
    }

    @Test
    void pollingReadsALeadsLifeWithItsHistoryAndItsCalls() {
        LeadSlaFields.deployTo(salesforce.schema());
        var marketing = salesforce.actions().addUser("mops@acme.example", "Mia", "Ops", "mops@acme.example");
        var rep = salesforce.actions().addUser("rita@acme.example", "Rita", "Rep", "rita@acme.example");
        var queue = salesforce.actions().addQueue("Marketing", "Marketing_Queue");
        var lead = salesforce.actions().createLead(java.util.Map.of("LastName", "Hopper", "Company", "Navy",
                "Status", "Open - Not Contacted", "LeadSource", "Web"), queue.id(), marketing.id());
        salesforce.actions().assignOwner(lead.id(), rep.id(), marketing.id());
        salesforce.actions().logCall(lead.id(), "First call", rep.id());
        salesforce.actions().setField(lead.id(), "Status", "Closed - Not Converted", rep.id());

        SalesforceMapping mapping = SalesforceMapping.defaults();
        io.leadsla.connector.salesforce.normalize.LeadChangeInterpreter interpreter =
                new io.leadsla.connector.salesforce.normalize.LeadChangeInterpreter(mapping);
        io.leadsla.connector.salesforce.mapping.SalesforceId org =
                io.leadsla.connector.salesforce.mapping.SalesforceId.of(salesforce.options().orgId());
        java.util.Map<String, io.leadsla.connector.api.Normalizer> bySource = new java.util.HashMap<>();
        io.leadsla.connector.salesforce.normalize.SalesforcePageNormalizer.all(interpreter, org)
                .forEach(n -> bySource.put(n.source(), n));
        List<io.leadsla.core.event.LeadEvent> events = new java.util.ArrayList<>();
        for (io.leadsla.connector.api.Poller poller : io.leadsla.connector.salesforce.poll.SoqlPoller.forLeads(session,
                new ObjectMapper(), org.value(), io.leadsla.connector.salesforce.normalize.WatchedFields.of(mapping), 2_000,
                Duration.ofMinutes(5), java.time.Instant.parse("2020-01-01T00:00:00Z"))) {
            io.leadsla.connector.api.Poller.Poll poll = poller.poll(java.util.Optional.empty());
            assertThat(poll.caughtUp()).isTrue();
            poll.pages().forEach(page -> events.addAll(bySource.get(page.source()).normalize(page.body())));
        }
        // the owner change and the rejection come with their true times from LeadHistory; the MQL
        // of a lead created as one, and dispositioned before any poll, from its creation status
        assertThat(events).extracting(io.leadsla.core.event.LeadEvent::type).contains(
                io.leadsla.core.event.EventType.MQL_QUALIFIED, io.leadsla.core.event.EventType.HANDED_OFF,
                io.leadsla.core.event.EventType.CONTACT_ATTEMPT, io.leadsla.core.event.EventType.REJECTED);
        assertThat(events).filteredOn(e -> e.type() == io.leadsla.core.event.EventType.MQL_QUALIFIED).singleElement()
                .satisfies(e -> {
                    assertThat(e.occurredAt()).isEqualTo(java.time.Instant.parse(lead.string("CreatedDate")));
                    assertThat(e.eventId()).isEqualTo("salesforce:lead:" + lead.id() + ":created:"
                            + java.time.Instant.parse(lead.string("CreatedDate")).toEpochMilli());
                });

        assertThat(events).filteredOn(e -> e.type() == io.leadsla.core.event.EventType.CONTACT_ATTEMPT).singleElement()
                .satisfies(e -> {
                    assertThat(e.attributes()).containsEntry("channel", "call");
                    assertThat(e.recordId()).isEqualTo(lead.id());
                });
    }
}
