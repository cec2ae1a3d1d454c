package io.leadsla.connector.salesforce.normalize;

import static io.leadsla.connector.salesforce.normalize.Sf.LEAD;
import static io.leadsla.connector.salesforce.normalize.Sf.ORG;
import static io.leadsla.core.event.EventType.CONTACT_ATTEMPT;
import static io.leadsla.core.event.EventType.HANDED_OFF;
import static io.leadsla.core.event.EventType.MQL_QUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.core.event.LeadEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesforcePageNormalizerTest {

    private final LeadChangeInterpreter interpreter = Sf.interpreter();
    private final List<SalesforcePageNormalizer> normalizers = SalesforcePageNormalizer.all(interpreter,
            SalesforceId.of(ORG));
    private final SalesforcePageNormalizer leads = normalizers.get(0);
    private final SalesforcePageNormalizer history = normalizers.get(1);
    private final SalesforcePageNormalizer activities = normalizers.get(2);

    @Test
    void each_kind_of_page_is_its_own_source() {
        assertThat(normalizers).extracting(SalesforcePageNormalizer::source)
                .containsExactly("salesforce-poll-leads", "salesforce-poll-history", "salesforce-poll-activities");
    }

    @Test
    void a_lead_page_gives_the_events_of_each_leads_state() {
        String page = """
                {"orgId":"00D5e000000KQ2eEAG","objectType":"Lead","records":[
                 {"Id":"00Q5e00000AbCdE","Status":"Open - Not Contacted","OwnerId":"0055e000001RepA",
                  "IsConverted":"false","LastModifiedDate":"2026-11-23T08:00:00.000Z","LastModifiedById":"0055e000001RepB"},
                 {"Id":"00Q5e00000AbCdE","Status":"Open - Not Contacted","OwnerId":"0055e000001RepA",
                  "IsConverted":false,"LastModifiedDate":"2026-11-23T08:00:00.000Z","LastModifiedById":"0055e000001RepB"},
                 {"Id":"00Q5e00000XyZzY","Status":"Open - Not Contacted","OwnerId":"0055e000001RepA","IsConverted":"false",
                  "LastModifiedDate":"2026-11-23T09:00:00.000Z","LastModifiedById":"0055e000001LsLa"}]}""";

        List<LeadEvent> events = leads.normalize(page);

        // the same state twice (overlapping polls) once; the lead last saved by leadsla not at all
        assertThat(events).extracting(LeadEvent::recordId, LeadEvent::type)
                .containsExactly(tuple(LEAD, MQL_QUALIFIED),
                        tuple(LEAD, HANDED_OFF));
    }

    @Test
    void history_and_activity_pages_go_through_the_same_interpreter() {
        String historyPage = """
                {"orgId":"00D5e000000KQ2eEAG","objectType":"LeadHistory","records":[
                 {"Id":"0175e00000HiSt1AAF","LeadId":"00Q5e00000AbCdEEAV","Field":"Status","OldValue":null,
                  "NewValue":"Open - Not Contacted","CreatedDate":"2026-11-23T07:30:00.000Z","CreatedById":"0055e000001RepBAAS"},
                 {"Id":"0175e00000HiSt2AAF","LeadId":"00Q5e00000AbCdEEAV","Field":"created","OldValue":null,
                  "NewValue":null,"CreatedDate":"2026-11-23T07:00:00.000Z","CreatedById":"0055e000001RepBAAS"}]}""";
        String activityPage = """
                {"orgId":"00D5e000000KQ2eEAG","objectType":"Event","records":[
                 {"Id":"00U5e00000EvNt1EAF","WhoId":"00Q5e00000AbCdEEAV","OwnerId":"0055e000001RepAAAS",
                  "StartDateTime":"2026-11-24T14:00:00.000Z","CreatedById":"0055e000001RepAAAS"}]}""";

        assertThat(history.normalize(historyPage)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MQL_QUALIFIED);
            assertThat(e.eventId()).isEqualTo("salesforce:lead:" + LEAD + ":history:0175e00000HiSt1AAF");
        });
        assertThat(activities.normalize(activityPage)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CONTACT_ATTEMPT);
            assertThat(e.attributes()).containsEntry("channel", "meeting");
        });
        assertThat(activities.normalize(activityPage.replace("\"Event\"", "\"Task\"").replace("StartDateTime",
                "CreatedDate"))).isEmpty(); // a task without TaskSubtype is a to-do
    }

    @Test
    void refuses_a_page_it_cannot_read_and_says_where() {
        String otherOrg = "{\"orgId\":\"00D5e000000OtHrEAK\",\"objectType\":\"Lead\",\"records\":[]}";
        String historyOnLeads = "{\"orgId\":\"" + ORG + "\",\"objectType\":\"LeadHistory\",\"records\":[]}";
        String badRecord = "{\"orgId\":\"" + ORG + "\",\"objectType\":\"Lead\",\"records\":[{\"Id\":\"" + LEAD
                + "\",\"Status\":\"x\"}]}";
        String nested = "{\"orgId\":\"" + ORG + "\",\"objectType\":\"Lead\",\"records\":[{\"Owner\":{\"Name\":\"x\"}}]}";

        assertThatThrownBy(() -> leads.normalize(otherOrg)).isInstanceOf(UnreadableDeliveryException.class)
                .hasMessage("Salesforce poll page (salesforce-poll-leads): orgId '00D5e000000OtHrEAK' is not the configured "
                        + "org " + ORG + " (SALESFORCE_ORG_ID): the poller reads another org than the one configured");
        assertThatThrownBy(() -> leads.normalize(historyOnLeads)).isInstanceOf(UnreadableDeliveryException.class)
                .hasMessage("Salesforce poll page (salesforce-poll-leads): objectType 'LeadHistory' is not one of [Lead] "
                        + "(a salesforce-poll-leads page)");
        assertThatThrownBy(() -> leads.normalize(badRecord)).isInstanceOf(UnreadableDeliveryException.class)
                .hasMessage("Salesforce poll page (salesforce-poll-leads): records[0] (Id " + LEAD + "): lead " + LEAD
                        + " has no LastModifiedDate (nor SystemModstamp): its state cannot be dated; send "
                        + "LastModifiedDate with it");
        assertThatThrownBy(() -> leads.normalize(nested)).isInstanceOf(UnreadableDeliveryException.class)
                .hasMessage("Salesforce poll page (salesforce-poll-leads): records[0].Owner is not a text value (records "
                        + "are flat: field name → text or null)");
        assertThatThrownBy(() -> leads.normalize("[1,2")).isInstanceOf(UnreadableDeliveryException.class)
                .hasMessageStartingWith("Salesforce poll page (salesforce-poll-leads): not valid JSON at line 1, column");
        assertThatThrownBy(() -> leads.normalize("[]")).isInstanceOf(UnreadableDeliveryException.class)
                .hasMessage("Salesforce poll page (salesforce-poll-leads): expected a JSON object with orgId, objectType "
                        + "and records");
    }
}
