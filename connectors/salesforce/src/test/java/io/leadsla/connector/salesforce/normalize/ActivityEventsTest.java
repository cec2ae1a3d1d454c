package io.leadsla.connector.salesforce.normalize;

import static io.leadsla.connector.salesforce.normalize.Sf.CONTACT;
import static io.leadsla.connector.salesforce.normalize.Sf.EVENT;
import static io.leadsla.connector.salesforce.normalize.Sf.LEAD;
import static io.leadsla.connector.salesforce.normalize.Sf.LEAD_15;
import static io.leadsla.connector.salesforce.normalize.Sf.REP_A;
import static io.leadsla.connector.salesforce.normalize.Sf.REP_A_15;
import static io.leadsla.connector.salesforce.normalize.Sf.TASK;
import static io.leadsla.core.event.EventType.CONTACT_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityEventsTest {

    private final LeadChangeInterpreter interpreter = Sf.interpreter();
    private final SalesforceRecords records = interpreter.records();

    private static Map<String, String> task(String subtype, String who) {
        Map<String, String> task = new HashMap<>();
        task.put("Id", TASK);
        task.put("WhoId", who);
        task.put("OwnerId", REP_A_15);
        task.put("CreatedDate", "2026-11-23T10:05:00.000Z");
        task.put("CreatedById", REP_A_15);
        task.put("TaskSubtype", subtype);
        task.put("CallDisposition", null);
        task.put("LeadSLA_Task_Key__c", null);
        return task;
    }

    private static Map<String, String> event(String who) {
        Map<String, String> event = new HashMap<>();
        event.put("Id", EVENT);
        event.put("WhoId", who);
        event.put("OwnerId", REP_A);
        event.put("StartDateTime", "2026-11-24T14:00:00.000Z");
        event.put("CreatedById", REP_A);
        return event;
    }

    private List<LeadEvent> ofTask(Map<String, String> task) {
        return interpreter.eventsOf(records.task(task));
    }

    @ParameterizedTest(name = "TaskSubtype {0} → {1}")
    @CsvSource({"Call, call", "Email, email", "call, call"})
    void a_logged_call_or_sent_email_is_a_contact_attempt_at_its_creation(String subtype, String channel) {
        assertThat(ofTask(task(subtype, LEAD_15))).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CONTACT_ATTEMPT);
            assertThat(e.eventId()).isEqualTo("salesforce:task:" + TASK);
            assertThat(e.recordId()).isEqualTo(LEAD);
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
            assertThat(e.attributes()).isEqualTo(Map.of("channel", channel, "ownerId", REP_A));
        });
    }

    @Test
    void a_meeting_is_an_attempt_at_its_start() {
        assertThat(interpreter.eventsOf(records.event(event(LEAD)))).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo("salesforce:event:" + EVENT);
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
            assertThat(e.attributes()).isEqualTo(Map.of("channel", "meeting", "ownerId", REP_A));
        });
    }

    @Test
    void a_call_keeps_its_disposition_as_outcome() {
        Map<String, String> call = task("Call", LEAD);
        call.put("CallDisposition", "Left voicemail");

        assertThat(ofTask(call).get(0).attributes()).containsEntry("outcome", "Left voicemail");
    }

    @Test
    void to_dos_and_activities_about_others_are_not_attempts() {
        assertThat(ofTask(task("Task", LEAD))).isEmpty();
        assertThat(ofTask(task(null, LEAD))).isEmpty();
        assertThat(ofTask(task("Call", CONTACT))).isEmpty();
        assertThat(ofTask(task("Call", null))).isEmpty();
        assertThat(interpreter.eventsOf(records.event(event(CONTACT)))).isEmpty();
    }

    @Test
    void leadslas_own_tasks_never_count_as_attempts() {
        Map<String, String> keyed = task("Call", LEAD);
        keyed.put("LeadSLA_Task_Key__c", "breach:first-contact:" + LEAD + ":1");
        Map<String, String> createdByLeadsla = task("Call", LEAD);
        createdByLeadsla.put("CreatedById", Sf.LEADSLA_USER);

        assertThat(ofTask(keyed).get(0).attributes()).containsEntry("automated", "true");
        assertThat(ofTask(createdByLeadsla).get(0).attributes()).containsEntry("automated", "true");
        assertThat(ofTask(task("Call", LEAD)).get(0).attributes()).doesNotContainKey("automated");
    }

    @Test
    void refuses_an_activity_without_its_time() {
        Map<String, String> noStart = event(LEAD);
        noStart.remove("StartDateTime");
        Map<String, String> noCreated = task("Call", LEAD);
        noCreated.remove("CreatedDate");

        assertThatThrownBy(() -> records.event(noStart)).isInstanceOf(BadRecordException.class)
                .hasMessage("Event " + EVENT + " has no StartDateTime");
        assertThatThrownBy(() -> records.task(noCreated)).isInstanceOf(BadRecordException.class)
                .hasMessage("no CreatedDate");
    }
}
