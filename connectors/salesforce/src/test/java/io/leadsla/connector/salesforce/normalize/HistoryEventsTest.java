package io.leadsla.connector.salesforce.normalize;

import static io.leadsla.connector.salesforce.normalize.Sf.HISTORY_1;
import static io.leadsla.connector.salesforce.normalize.Sf.LEAD;
import static io.leadsla.connector.salesforce.normalize.Sf.LEADSLA_USER;
import static io.leadsla.connector.salesforce.normalize.Sf.QUEUE;
import static io.leadsla.connector.salesforce.normalize.Sf.REP_A;
import static io.leadsla.connector.salesforce.normalize.Sf.REP_A_15;
import static io.leadsla.connector.salesforce.normalize.Sf.REP_B;
import static io.leadsla.connector.salesforce.normalize.Sf.history;
import static io.leadsla.core.event.EventType.ACCEPTED;
import static io.leadsla.core.event.EventType.HANDED_OFF;
import static io.leadsla.core.event.EventType.MQL_QUALIFIED;
import static io.leadsla.core.event.EventType.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryEventsTest {

    private final LeadChangeInterpreter interpreter = Sf.interpreter();
    private final SalesforceRecords records = interpreter.records();

    private List<LeadEvent> events(String field, String oldValue, String newValue, String by) {
        return interpreter.eventsOf(records.history(history(HISTORY_1, field, oldValue, newValue, by)));
    }

    @ParameterizedTest(name = "{0} {2} → {3}")
    @CsvSource(nullValues = "null", value = {
            "Status, Working - Contacted, Open - Not Contacted, MQL_QUALIFIED, {}",
            "Status, Open - Not Contacted, Closed - Converted, ACCEPTED, {}",
            "Status, Working - Contacted, Closed - Not Converted, REJECTED, {}",
            "Status, Working - Contacted, Nurture, RECYCLED, {}",
            "Owner, 00G5e000000MktQEAS, 0055e000001RepAAAS, HANDED_OFF, '{ownerId=0055e000001RepAAAS, ownerRegion=EMEA}'",
            "ownerAssignment, null, 0055e000001RepBAAS, HANDED_OFF, '{ownerId=0055e000001RepBAAS, ownerRegion=NA}'",
            "Owner, 0055e000001RepAAAS, 00G5e000000MktQ, OWNER_CHANGED, '{ownerId=, ownerRegion=}'",
            "leadConverted, null, null, ACCEPTED, {}",
            "LeadSLA_Rejection_Reason__c, null, No budget, ATTRIBUTES_CHANGED, {reason=No budget}",
            "LeadSource, Web, Partner Referral, ATTRIBUTES_CHANGED, {leadSource=Partner Referral}",
            "Country, FR, null, ATTRIBUTES_CHANGED, {country=}",
    })
    void a_row_means_what_its_field_and_new_value_mean(String field, String oldValue, String newValue, EventType type,
                                                        String attributes) {
        List<LeadEvent> events = events(field, oldValue, newValue, REP_B);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(new TreeMap<>(e.attributes()).toString()).isEqualTo(attributes);
            assertThat(e.eventId()).isEqualTo("salesforce:lead:" + LEAD + ":history:" + HISTORY_1);
            assertThat(e.recordId()).isEqualTo(LEAD); // LeadId given with 15 characters
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-23T07:30:00Z")); // CreatedDate: the true time
        });
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(nullValues = "null", value = {
            "Owner, Marketing Queue, Jane Rep",         // the second row of an owner change: names, not ids
            "Status, Open - Not Contacted, Working - Contacted", // a status of no meaning
            "created, null, null",
            "Description, null, called twice",         // a field the mapping does not read
            "LeadSLA_SLA_Status__c, ON_TRACK, BREACHED", // leadsla's own field
    })
    void a_row_of_no_meaning_gives_nothing(String field, String oldValue, String newValue) {
        assertThat(events(field, oldValue, newValue, REP_B)).isEmpty();
    }

    @Test
    void nothing_leadsla_changed_itself_is_read_back() {
        assertThat(events("Status", "Working - Contacted", "Open - Not Contacted", LEADSLA_USER)).isEmpty();
        assertThat(events("Owner", QUEUE, REP_A_15, "0055e000001LsLa")).isEmpty();
        assertThat(events("Owner", QUEUE, REP_A, REP_B)).extracting(LeadEvent::type).containsExactly(HANDED_OFF);
    }

    @Test
    void a_conversion_row_is_no_acceptance_when_the_mapping_says_so() {
        LeadChangeInterpreter notAccepted = new LeadChangeInterpreter(new SalesforceMapping(null, null, null, null,
                false, null, null, null, null, null, null, null, null));

        assertThat(notAccepted.eventsOf(notAccepted.records().history(history(HISTORY_1, "leadConverted", null, null,
                REP_B)))).isEmpty();
        assertThat(events("leadConverted", null, null, REP_B)).extracting(LeadEvent::type).containsExactly(ACCEPTED);
    }

    @Test
    void the_same_row_read_twice_has_one_id_and_each_row_its_own() {
        LeadEvent first = events("Status", null, "Open - Not Contacted", REP_B).get(0);
        LeadEvent again = events("Status", null, "Open - Not Contacted", REP_B).get(0);
        LeadEvent other = interpreter.eventsOf(records.history(history(Sf.HISTORY_2, "Status", null,
                "Closed - Not Converted", REP_B))).get(0);

        assertThat(again).isEqualTo(first);
        assertThat(first.type()).isEqualTo(MQL_QUALIFIED);
        assertThat(other.eventId()).isNotEqualTo(first.eventId());
        assertThat(other.type()).isEqualTo(REJECTED);
    }

    @Test
    void refuses_a_row_without_its_lead_or_time() {
        Map<String, String> noLead = new HashMap<>(history(HISTORY_1, "Status", null, "x", REP_B));
        noLead.remove("LeadId");
        Map<String, String> noTime = new HashMap<>(history(HISTORY_1, "Status", null, "x", REP_B));
        noTime.put("CreatedDate", null);

        assertThatThrownBy(() -> records.history(noLead)).isInstanceOf(BadRecordException.class).hasMessage("no LeadId");
        assertThatThrownBy(() -> records.history(noTime)).isInstanceOf(BadRecordException.class)
                .hasMessage("no CreatedDate");
    }
}
