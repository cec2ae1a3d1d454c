package io.leadsla.connector.salesforce.normalize;

import static io.leadsla.connector.salesforce.normalize.Sf.LEAD;
import static io.leadsla.connector.salesforce.normalize.Sf.QUEUE;
import static io.leadsla.connector.salesforce.normalize.Sf.REP_A;
import static io.leadsla.connector.salesforce.normalize.Sf.REP_A_15;
import static io.leadsla.connector.salesforce.normalize.Sf.REP_B;
import static io.leadsla.connector.salesforce.normalize.Sf.SAVED_AT;
import static io.leadsla.connector.salesforce.normalize.Sf.lead;
import static io.leadsla.connector.salesforce.normalize.Sf.with;
import static io.leadsla.connector.salesforce.normalize.Sf.without;
import static io.leadsla.core.event.EventType.ACCEPTED;
import static io.leadsla.core.event.EventType.ATTRIBUTES_CHANGED;
import static io.leadsla.core.event.EventType.HANDED_OFF;
import static io.leadsla.core.event.EventType.MQL_QUALIFIED;
import static io.leadsla.core.event.EventType.OWNER_CHANGED;
import static io.leadsla.core.event.EventType.RECYCLED;
import static io.leadsla.core.event.EventType.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotEventsTest {

    private final LeadChangeInterpreter interpreter = Sf.interpreter();
    private final SalesforceRecords records = interpreter.records();

    private List<LeadEvent> events(Map<String, String> lead) {
        return interpreter.eventsOf(records.lead(lead));
    }

    private static String id(String field) {
        return "salesforce:lead:" + LEAD + ":" + field + ":" + SAVED_AT.toEpochMilli();
    }

    @Test
    void an_mql_waiting_in_a_queue_is_qualified_and_has_no_sales_owner() {
        List<LeadEvent> events = events(lead("Open - Not Contacted", QUEUE));

        assertThat(events).extracting(Sf::stateId, LeadEvent::type, LeadEvent::attributes).containsExactly(
                tuple(id("Status"), MQL_QUALIFIED, Map.of()),
                // a queue owner clears the owner: while one is set, the engine hands a re-MQL'd lead off at once
                tuple(id("OwnerId"), OWNER_CHANGED, Map.of("ownerId", "", "ownerRegion", "")),
                tuple(id("LeadSLA_Rejection_Reason__c"), ATTRIBUTES_CHANGED, Map.of("reason", "")),
                tuple(id("LeadSource"), ATTRIBUTES_CHANGED, Map.of("leadSource", "Web")),
                tuple(id("Rating"), ATTRIBUTES_CHANGED, Map.of("rating", "Hot")),
                tuple(id("Country"), ATTRIBUTES_CHANGED, Map.of("country", "FR")));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.occurredAt()).isEqualTo(SAVED_AT);
            assertThat(e.crm()).isEqualTo(Crm.SALESFORCE);
            assertThat(e.objectType()).isEqualTo("lead");
            assertThat(e.recordId()).isEqualTo(LEAD);
        });
    }

    @Test
    void a_user_becoming_the_owner_is_the_handoff_with_the_owners_region() {
        Map<String, LeadEvent> byRep = Sf.byId(events(lead("Open - Not Contacted", REP_A_15)));
        Map<String, LeadEvent> byOther = Sf.byId(events(lead("Open - Not Contacted", REP_B)));

        assertThat(byRep.get(id("OwnerId")).type()).isEqualTo(HANDED_OFF);
        // a 15-character id in the record and in ownerRegions: the event carries the 18-character form
        assertThat(byRep.get(id("OwnerId")).attributes()).isEqualTo(Map.of("ownerId", REP_A, "ownerRegion", "EMEA"));
        assertThat(byOther.get(id("OwnerId")).attributes()).isEqualTo(Map.of("ownerId", REP_B, "ownerRegion", "NA"));
    }

    @Test
    void without_regions_configured_an_owner_carries_no_region() {
        LeadChangeInterpreter plain = new LeadChangeInterpreter(SalesforceMapping.defaults());

        List<LeadEvent> events = plain.eventsOf(plain.records().lead(lead("Working - Contacted", QUEUE)));

        assertThat(Sf.byId(events).get(id("OwnerId")).attributes()).isEqualTo(Map.of("ownerId", ""));
        assertThat(Sf.byId(events)).doesNotContainKey(id("Status")); // a status of no meaning says nothing
    }

    @Test
    void a_handoff_status_hands_off_with_the_owner_when_a_user_holds_the_lead() {
        SalesforceMapping byStatus = new SalesforceMapping(null, List.of("Working - Contacted"), false, null, null,
                null, null, null, null, null, null, null, null);
        LeadChangeInterpreter interpreter = new LeadChangeInterpreter(byStatus);

        Map<String, LeadEvent> user = Sf.byId(interpreter.eventsOf(interpreter.records().lead(
                lead("Working - Contacted", REP_A))));
        Map<String, LeadEvent> queue = Sf.byId(interpreter.eventsOf(interpreter.records().lead(
                lead("Working - Contacted", QUEUE))));
        Map<String, LeadEvent> userNotHandedOff = Sf.byId(interpreter.eventsOf(interpreter.records().lead(
                lead("Open - Not Contacted", REP_A))));

        assertThat(user.get(id("Status")).type()).isEqualTo(HANDED_OFF);
        assertThat(user.get(id("Status")).attributes()).isEqualTo(Map.of("ownerId", REP_A));
        assertThat(queue.get(id("Status")).type()).isEqualTo(HANDED_OFF);
        assertThat(queue.get(id("Status")).attributes()).isEmpty();
        assertThat(queue.get(id("OwnerId")).type()).isEqualTo(OWNER_CHANGED);
        // handoffOnUserOwner false: a user owner is data, not a handoff, and does not mark the lead as sales'
        assertThat(userNotHandedOff.get(id("OwnerId")).type()).isEqualTo(ATTRIBUTES_CHANGED);
        assertThat(userNotHandedOff.get(id("OwnerId")).attributes()).isEqualTo(Map.of("ownerId", REP_A));
        assertThat(userNotHandedOff.get(id("Status")).type()).isEqualTo(MQL_QUALIFIED);
    }

    @Test
    void dispositions_follow_the_status_lists() {
        assertThat(Sf.byId(events(lead("Closed - Converted", REP_A))).get(id("Status")).type()).isEqualTo(ACCEPTED);
        assertThat(Sf.byId(events(lead("Closed - Not Converted", REP_A))).get(id("Status")).type()).isEqualTo(REJECTED);
        assertThat(Sf.byId(events(lead("Nurture", QUEUE))).get(id("Status")).type()).isEqualTo(RECYCLED);
    }

    @Test
    void a_conversion_is_one_acceptance_and_never_a_new_mql() {
        Map<String, String> converted = with(lead("Closed - Converted", REP_A), "IsConverted", "true");
        Map<String, String> convertedOtherStatus = with(lead("Qualified", REP_A), "IsConverted", "true");
        Map<String, String> convertedMqlStatus = with(lead("Open - Not Contacted", REP_A), "IsConverted", "true");

        assertThat(events(converted)).filteredOn(e -> e.type() == ACCEPTED).extracting(Sf::stateId)
                .containsExactly(id("Status"));
        assertThat(events(convertedOtherStatus)).filteredOn(e -> e.type() == ACCEPTED).extracting(Sf::stateId)
                .containsExactly(id("IsConverted"));
        assertThat(events(convertedMqlStatus)).extracting(LeadEvent::type).doesNotContain(MQL_QUALIFIED)
                .contains(ACCEPTED);
    }

    @Test
    void a_conversion_is_no_acceptance_when_the_mapping_says_so() {
        SalesforceMapping notAccepted = new SalesforceMapping(null, null, null, null, false, null, null, null, null,
                null, null, null, null);
        LeadChangeInterpreter interpreter = new LeadChangeInterpreter(notAccepted);

        List<LeadEvent> events = interpreter.eventsOf(interpreter.records().lead(
                with(lead("Working - Contacted", REP_A), "IsConverted", "true")));

        assertThat(events).extracting(LeadEvent::type).doesNotContain(ACCEPTED);
    }

    @Test
    void a_rejection_carries_its_reason_and_a_reason_alone_is_an_attribute_change() {
        Map<String, LeadEvent> withReason = Sf.byId(events(with(lead("Closed - Not Converted", REP_A),
                "LeadSLA_Rejection_Reason__c", "No budget")));
        Map<String, LeadEvent> withoutReason = Sf.byId(events(lead("Closed - Not Converted", REP_A)));
        Map<String, LeadEvent> lateReason = Sf.byId(events(with(lead("Working - Contacted", REP_A),
                "LeadSLA_Rejection_Reason__c", "Competitor")));

        assertThat(withReason.get(id("Status")).attributes()).isEqualTo(Map.of("reason", "No budget"));
        // not also a separate reason event at the same instant (it would go to an older rejection)
        assertThat(withReason).doesNotContainKey(id("LeadSLA_Rejection_Reason__c"));
        assertThat(withoutReason.get(id("Status")).attributes()).isEqualTo(Map.of("reason", ""));
        assertThat(lateReason.get(id("LeadSLA_Rejection_Reason__c")).type()).isEqualTo(ATTRIBUTES_CHANGED);
        assertThat(lateReason.get(id("LeadSLA_Rejection_Reason__c")).attributes())
                .isEqualTo(Map.of("reason", "Competitor"));
    }

    @Test
    void an_empty_field_clears_its_attribute_and_a_field_not_sent_says_nothing() {
        Map<String, LeadEvent> events = Sf.byId(events(without(with(lead("Working - Contacted", REP_A),
                "Country", null), "Rating")));

        assertThat(events.get(id("Country")).attributes()).isEqualTo(Map.of("country", ""));
        assertThat(events).doesNotContainKey(id("Rating"));
    }

    @Test
    void a_state_is_dated_by_last_modified_date_else_system_modstamp() {
        Map<String, String> noLastModified = with(without(lead("Open - Not Contacted", QUEUE), "LastModifiedDate"),
                "SystemModstamp", "2026-11-23T09:15:00Z");

        List<LeadEvent> events = events(noLastModified);

        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:15:00Z"));
            assertThat(Sf.stateId(e)).endsWith(":" + Instant.parse("2026-11-23T09:15:00Z").toEpochMilli());
        });
        assertThatThrownBy(() -> records.lead(without(noLastModified, "SystemModstamp")))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("lead " + LEAD + " has no LastModifiedDate (nor SystemModstamp): its state cannot be dated; "
                        + "send LastModifiedDate with it");
    }

    @Test
    void a_state_last_saved_by_leadsla_is_not_read_back() {
        Map<String, String> savedByLeadsla = with(lead("Open - Not Contacted", REP_A), "LastModifiedById",
                Sf.LEADSLA_USER); // configured as 15 characters, read as 18

        assertThat(events(savedByLeadsla)).isEmpty();
        assertThat(events(lead("Open - Not Contacted", REP_A))).isNotEmpty();
    }

    @Test
    void the_same_state_gives_the_same_ids_however_the_record_spells_its_fields() {
        Map<String, String> asPolled = Map.of("id", Sf.LEAD_15, "STATUS", "Open - Not Contacted", "ownerid", REP_A_15,
                "IsConverted", "false", "lastmodifieddate", "2026-11-23T08:00:00Z", "LeadSource", "Web",
                "Rating", "Hot", "Country", "FR", "LeadSLA_Rejection_Reason__c", "");

        assertThat(events(lead("Open - Not Contacted", REP_A))).isEqualTo(events(lead("Open - Not Contacted", REP_A)));
        assertThat(events(asPolled)).containsExactlyInAnyOrderElementsOf(events(lead("Open - Not Contacted", REP_A)));
    }

    @Test
    void refuses_a_record_that_is_not_a_lead() {
        assertThatThrownBy(() -> records.lead(with(lead("Open - Not Contacted", REP_A), "Id", Sf.CONTACT)))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("Id " + Sf.CONTACT + " is not a lead's id (lead ids start with 00Q)");
        assertThatThrownBy(() -> records.lead(with(lead("Open - Not Contacted", REP_A), "LastModifiedDate", "23/11/2026")))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("LastModifiedDate '23/11/2026' is not a date and time (expected ISO-8601 such as "
                        + "2026-11-23T08:00:00.000Z)");
        assertThatThrownBy(() -> records.lead(without(lead("Open - Not Contacted", REP_A), "Id")))
                .isInstanceOf(BadRecordException.class).hasMessage("no Id");
    }

    @Test
    void an_unusable_mapping_is_refused() {
        SalesforceMapping noMql = new SalesforceMapping(List.of(), null, null, null, null, null, null, null, null, null,
                null, null, null);

        assertThatThrownBy(() -> new LeadChangeInterpreter(noMql))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the Salesforce mapping cannot be used: salesforce.mapping.mqlStatuses: is empty");
    }

    @Test
    void tells_the_poller_and_the_outbound_message_which_fields_to_read() {
        WatchedFields fields = interpreter.watchedFields();

        assertThat(fields.lead()).containsExactly("Id", "Status", "OwnerId", "IsConverted", "LastModifiedDate",
                "LastModifiedById", "SystemModstamp", "LeadSLA_Rejection_Reason__c", "LeadSource", "Rating", "Country");
        assertThat(fields.leadHistoryFields()).containsExactly("Status", "Owner", "ownerAssignment", "leadConverted",
                "LeadSLA_Rejection_Reason__c", "LeadSource", "Rating", "Country");
        assertThat(fields.task()).contains("WhoId", "TaskSubtype", "CreatedDate", "LeadSLA_Task_Key__c");
        assertThat(fields.event()).contains("WhoId", "StartDateTime");
    }

    @Test
    void twoSavesInOneSecondWithDifferentValuesAreTwoEvents() {
        // Salesforce stamps saves to the second: a web-to-lead create in a queue, then its assignment
        List<LeadEvent> queued = events(lead("Open - Not Contacted", QUEUE));
        List<LeadEvent> assigned = events(lead("Open - Not Contacted", REP_A));
        LeadEvent fromQueue = Sf.byId(queued).get(id("OwnerId"));
        LeadEvent toRep = Sf.byId(assigned).get(id("OwnerId"));
        assertThat(fromQueue.type()).isEqualTo(OWNER_CHANGED);
        assertThat(toRep.type()).isEqualTo(HANDED_OFF);
        assertThat(toRep.eventId()).as("same field, same stamp, another value").isNotEqualTo(fromQueue.eventId());
        assertThat(Sf.byId(assigned).get(id("Status")).eventId()).as("the same status in both saves is one fact")
                .isEqualTo(Sf.byId(queued).get(id("Status")).eventId());
    }
}
