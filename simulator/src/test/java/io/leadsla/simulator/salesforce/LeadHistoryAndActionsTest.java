package io.leadsla.simulator.salesforce;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadHistoryAndActionsTest {
    private SfFixture f;
    private RecordSnapshot queue;
    private RecordSnapshot rita;
    private RecordSnapshot sam;

    @BeforeEach
    void start() {
        f = SfFixture.start();
        LeadSlaFields.deployTo(f.sim.schema());
        queue = f.sim.actions().addQueue("Inbound Leads", "Inbound_Leads");
        rita = f.sim.actions().addUser("rita@example.com", "Rita", "Rep", "rita@example.com");
        sam = f.sim.actions().addUser("sam@example.com", "Sam", "Seller", "sam@example.com");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void statusAndOwnerChangesWriteLeadHistoryAndSystemFields() throws Exception {
        RecordSnapshot lead = f.sim.actions().createLead(Map.of("FirstName", "Jane", "LastName", "Doe",
                "Company", "Acme", "LeadSource", "Demo Request"), queue.id(), rita.id());
        assertThat(lead.id()).startsWith("00Q");
        assertThat(lead.string("Name")).isEqualTo("Jane Doe");
        assertThat(lead.instant("CreatedDate")).isEqualTo(SfFixture.START);

        Instant assignedAt = f.clock.advance(Duration.ofMinutes(7));
        RecordSnapshot assigned = f.sim.actions().assignOwner(lead.id(), sam.id(), rita.id());
        assertThat(assigned.instant("SystemModstamp")).isEqualTo(assignedAt);
        assertThat(assigned.instant("LastModifiedDate")).isEqualTo(assignedAt);
        assertThat(assigned.get("LastModifiedById")).isEqualTo(rita.id());

        Instant workedAt = f.clock.advance(Duration.ofMinutes(20));
        f.sim.actions().setField(lead.id(), "Status", "Working - Contacted", sam.id());
        f.sim.actions().setField(lead.id(), "Country", "US", sam.id()); // not tracked: no history

        List<RecordSnapshot> history = f.sim.leadHistory(lead.id());
        assertThat(history).extracting(h -> h.string("Field"))
                .containsExactly("created", "Owner", "Owner", "Status");
        RecordSnapshot ownerIds = history.get(1);
        assertThat(ownerIds.get("OldValue")).isEqualTo(queue.id());
        assertThat(ownerIds.get("NewValue")).isEqualTo(sam.id());
        assertThat(ownerIds.get("CreatedById")).isEqualTo(rita.id());
        assertThat(ownerIds.instant("CreatedDate")).isEqualTo(assignedAt);
        RecordSnapshot ownerNames = history.get(2);
        assertThat(ownerNames.get("OldValue")).isEqualTo("Inbound Leads");
        assertThat(ownerNames.get("NewValue")).isEqualTo("Sam Seller");
        assertThat(history.get(3).get("OldValue")).isEqualTo("Open - Not Contacted");
        assertThat(history.get(3).get("NewValue")).isEqualTo("Working - Contacted");
        assertThat(history.get(3).instant("CreatedDate")).isEqualTo(workedAt);
        assertThat(history).allMatch(h -> h.id().startsWith("017"));

        // leadsla reads the same rows through the API; OldValue/NewValue arrive typed as xsd:string
        PartnerConnection conn = f.connect();
        SObject[] rows = conn.query("SELECT LeadId, Field, OldValue, NewValue, CreatedDate, CreatedById FROM "
                + "LeadHistory WHERE LeadId = '" + lead.id() + "' AND Field IN ('Status', 'Owner') "
                + "ORDER BY CreatedDate").getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows[2].getField("NewValue")).isEqualTo("Working - Contacted");
        assertThat(rows[2].getChild("NewValue").getXmlType().getLocalPart()).isEqualTo("string");
        assertThat(rows[2].getField("CreatedDate")).isEqualTo("2026-11-23T08:27:00.000Z");
    }

    @Test
    void integrationWritesAreAttributedToTheIntegrationUserAndTrackedCustomFieldsToo() throws Exception {
        RecordSnapshot lead = f.sim.actions().createLead(Map.of("LastName", "Doe", "Company", "Acme"), sam.id(),
                rita.id());
        f.clock.advance(Duration.ofMinutes(1));
        PartnerConnection conn = f.connect();
        SaveResult r = conn.update(new SObject[] {SfFixture.sObject("Lead", Map.of("Id", lead.id(),
                LeadSlaFields.REJECTION_REASON, "NO_BUDGET", LeadSlaFields.BREACHED_AT, java.util.Calendar.getInstance()))})[0];
        assertThat(r.isSuccess()).isTrue();
        RecordSnapshot after = f.sim.record(lead.id()).orElseThrow();
        assertThat(after.get("LastModifiedById")).isEqualTo(f.sim.integrationUser().id());
        assertThat(f.sim.leadHistory(lead.id())).last().satisfies(h -> {
            assertThat(h.string("Field")).isEqualTo(LeadSlaFields.REJECTION_REASON);
            assertThat(h.get("NewValue")).isEqualTo("NO_BUDGET");
            assertThat(h.get("CreatedById")).isEqualTo(f.sim.integrationUser().id());
        });
        SObject fetched = conn.query("SELECT LastModifiedById, SystemModstamp FROM Lead WHERE Id = '" + lead.id()
                + "'").getRecords()[0];
        assertThat(fetched.getField("LastModifiedById")).isEqualTo(f.sim.integrationUser().id());
        assertThat(fetched.getField("SystemModstamp")).isEqualTo("2026-11-23T08:01:00.000Z");
    }

    @Test
    void loggedActivitiesPointAtTheLead() {
        RecordSnapshot lead = f.sim.actions().createLead(Map.of("LastName", "Doe", "Company", "Acme"), sam.id(),
                sam.id());
        RecordSnapshot call = f.sim.actions().logCall(lead.id(), "Left voicemail", sam.id());
        RecordSnapshot email = f.sim.actions().logEmail(lead.id(), "Intro", sam.id());
        RecordSnapshot meeting = f.sim.actions().logMeeting(lead.id(), "Discovery",
                SfFixture.START.plus(Duration.ofDays(2)), Duration.ofMinutes(45), sam.id());
        assertThat(call.id()).startsWith("00T");
        assertThat(call.get("WhoId")).isEqualTo(lead.id());
        assertThat(call.string("TaskSubtype")).isEqualTo("Call");
        assertThat(call.bool("IsClosed")).isTrue();
        assertThat(call.date("ActivityDate")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(email.string("TaskSubtype")).isEqualTo("Email");
        assertThat(meeting.id()).startsWith("00U");
        assertThat(meeting.instant("EndDateTime")).isEqualTo(SfFixture.START.plus(Duration.ofDays(2))
                .plus(Duration.ofMinutes(45)));
        assertThatThrownBy(() -> f.sim.actions().logCall(queue.id(), "x", sam.id()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FIELD_INTEGRITY_EXCEPTION");
    }

    @Test
    void convertingAndDeletingLeads() throws Exception {
        RecordSnapshot lead = f.sim.actions().createLead(Map.of("LastName", "Doe", "Company", "Acme"), sam.id(),
                sam.id());
        RecordSnapshot doomed = f.sim.actions().createLead(Map.of("LastName", "Gone", "Company", "Acme"), sam.id(),
                sam.id());
        f.clock.advance(Duration.ofDays(1));
        RecordSnapshot converted = f.sim.actions().convertLead(lead.id(), sam.id());
        assertThat(converted.bool("IsConverted")).isTrue();
        assertThat(converted.string("Status")).isEqualTo("Closed - Converted");
        assertThat(converted.date("ConvertedDate")).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(f.sim.leadHistory(lead.id())).extracting(h -> h.string("Field")).containsExactly("created",
                "Status");
        f.sim.actions().delete(doomed.id(), sam.id());
        assertThat(f.sim.record(doomed.id()).orElseThrow().bool("IsDeleted")).isTrue();

        PartnerConnection conn = f.connect();
        SaveResult[] r = conn.update(new SObject[] {
                SfFixture.sObject("Lead", Map.of("Id", lead.id(), "Rating", "Hot")),
                SfFixture.sObject("Lead", Map.of("Id", doomed.id(), "Rating", "Hot"))});
        assertThat(Arrays.stream(r).map(x -> x.getErrors()[0].getStatusCode().name()))
                .containsExactly("CANNOT_UPDATE_CONVERTED_LEAD", "ENTITY_IS_DELETED");
        assertThat(conn.query("SELECT Id FROM Lead").getSize()).isEqualTo(1);
        assertThat(conn.query("SELECT Id FROM Lead WHERE IsConverted = true").getSize()).isEqualTo(1);
    }

    @Test
    void customFieldsCanBeAddedAtRuntimeAndPicklistsCustomised() {
        f.sim.schema().addField("Lead", FieldDef.customText("Region__c", "Region", 20).withTracking());
        f.sim.schema().setPicklistValues("Lead", "Status", List.of(PicklistValue.defaultOf("Open"),
                PicklistValue.of("Contacted"), PicklistValue.of("Qualified"), PicklistValue.of("Unqualified")));
        RecordSnapshot lead = f.sim.actions().createLead(Map.of("LastName", "Doe", "Company", "Acme"), sam.id(),
                sam.id());
        assertThat(lead.string("Status")).isEqualTo("Open");
        f.sim.actions().setField(lead.id(), "region__c", "EMEA", sam.id());
        assertThat(f.sim.leadHistory(lead.id())).last().satisfies(h -> assertThat(h.string("Field"))
                .isEqualTo("Region__c"));
        assertThatThrownBy(() -> f.sim.schema().addField("Lead", FieldDef.customText("REGION__C", "Dup", 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.sim.actions().setField(lead.id(), "Region__c", "x".repeat(21), sam.id()))
                .hasMessageContaining("STRING_TOO_LONG");
    }
}
