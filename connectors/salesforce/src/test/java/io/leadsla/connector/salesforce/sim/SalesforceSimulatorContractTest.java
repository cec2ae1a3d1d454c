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
}
