package io.leadsla.connector.salesforce.outbound;

import static io.leadsla.connector.salesforce.outbound.Om.ORG;
import static io.leadsla.connector.salesforce.outbound.Om.OTHER_ORG;
import static io.leadsla.connector.salesforce.outbound.Om.message;
import static io.leadsla.connector.salesforce.outbound.Om.notification;
import static io.leadsla.core.event.EventType.ATTRIBUTES_CHANGED;
import static io.leadsla.core.event.EventType.CONTACT_ATTEMPT;
import static io.leadsla.core.event.EventType.HANDED_OFF;
import static io.leadsla.core.event.EventType.MQL_QUALIFIED;
import static io.leadsla.core.event.EventType.OWNER_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.salesforce.normalize.LeadChangeInterpreter;
import io.leadsla.connector.salesforce.normalize.SalesforcePageNormalizer;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceOutboundNormalizerTest {

    private static final String LEAD = "00Q5e00000AbCdEEAV";
    private static final String OTHER_LEAD = "00Q5e00000XyZzYEAV";
    private static final String REP_A = "0055e000001RepAAAS";
    private static final String LEADSLA_USER = "0055e000001LsLaAAK";

    private final SalesforceMapping mapping = new SalesforceMapping(null, null, null, null, null, null, null, null, null,
            null, null, null, LEADSLA_USER);
    private final LeadChangeInterpreter interpreter = new LeadChangeInterpreter(mapping);
    private final SalesforceOutboundNormalizer normalizer = new SalesforceOutboundNormalizer(new OutboundMessageParser(),
            interpreter, SalesforceId.of(ORG));

    /** A lead state event's id without its value digest. */
    private static String stateId(LeadEvent e) {
        return e.eventId().replaceFirst(":[0-9a-f]{8}$", "");
    }

    private static String id(String lead, String field, String at) {
        return "salesforce:lead:" + lead + ":" + field + ":" + Instant.parse(at).toEpochMilli();
    }

    @Test
    void each_lead_notification_is_the_leads_state_at_its_last_modification() {
        List<LeadEvent> events = normalizer.normalize(Om.documentedExample());

        assertThat(normalizer.source()).isEqualTo("salesforce-outbound");
        assertThat(events).filteredOn(e -> e.type() != ATTRIBUTES_CHANGED)
                .extracting(SalesforceOutboundNormalizerTest::stateId, LeadEvent::type, LeadEvent::attributes)
                .containsExactly(
                        tuple(id(LEAD, "Status", "2026-11-23T08:00:00Z"), MQL_QUALIFIED, Map.of()),
                        tuple(id(LEAD, "OwnerId", "2026-11-23T08:00:00Z"), OWNER_CHANGED, Map.of("ownerId", "")),
                        tuple(id(OTHER_LEAD, "Status", "2026-11-23T08:05:00Z"), MQL_QUALIFIED, Map.of()),
                        tuple(id(OTHER_LEAD, "OwnerId", "2026-11-23T08:05:00Z"), HANDED_OFF, Map.of("ownerId", REP_A)));
        assertThat(events).filteredOn(e -> stateId(e).equals(id(OTHER_LEAD, "Rating", "2026-11-23T08:05:00Z")))
                .singleElement().extracting(LeadEvent::attributes).isEqualTo(Map.of("rating", ""));
    }

    @Test
    void a_resent_message_gives_the_same_events() {
        String body = Om.documentedExample();

        assertThat(normalizer.normalize(body)).isEqualTo(normalizer.normalize(body));
        // Salesforce's retry may batch the notification alone: another body, the same events
        String alone = Om.documentedExample().replaceAll("(?s)<Notification>\\s*<Id>04l5e00000Nt002AAB.*?</Notification>",
                "");
        assertThat(DeliveryKey.of(alone)).isNotEqualTo(DeliveryKey.of(body));
        assertThat(normalizer.normalize(body)).containsAll(normalizer.normalize(alone));
    }

    @Test
    void an_outbound_message_and_a_poll_of_the_same_state_give_the_same_event_ids() {
        String page = """
                {"orgId":"00D5e000000KQ2e","objectType":"Lead","records":[
                 {"Id":"00Q5e00000AbCdEEAV","Status":"Open - Not Contacted","OwnerId":"00G5e000000MktQEAS",
                  "IsConverted":"false","LastModifiedDate":"2026-11-23T08:00:00Z","SystemModstamp":"2026-11-23T08:00:00Z",
                  "LastModifiedById":"0055e000001RepBAAS","LeadSLA_Rejection_Reason__c":null,"LeadSource":"Web",
                  "Rating":"Hot","Country":"FR"}]}""";
        SalesforcePageNormalizer poll = new SalesforcePageNormalizer(SalesforcePageNormalizer.Page.LEADS, interpreter,
                SalesforceId.of(ORG));

        List<LeadEvent> polled = poll.normalize(page);
        List<LeadEvent> pushed = normalizer.normalize(Om.documentedExample()).stream()
                .filter(e -> e.recordId().equals(LEAD)).toList();

        assertThat(polled).hasSize(6).containsExactlyInAnyOrderElementsOf(pushed);
    }

    @Test
    void a_state_saved_by_leadsla_itself_gives_nothing() {
        String body = Om.documentedExample().replace("<sf:LastModifiedById>0055e000001RepBAAS</sf:LastModifiedById>",
                "<sf:LastModifiedById>" + LEADSLA_USER + "</sf:LastModifiedById>");

        assertThat(normalizer.normalize(body)).isEmpty();
    }

    @Test
    void task_notifications_are_attempts_and_other_objects_are_ignored() {
        String body = message(ORG,
                notification("04l5e00000Nt001AAB", "Task", "<sf:Id>00T5e00000TaSk1EAF</sf:Id><sf:WhoId>" + LEAD
                        + "</sf:WhoId><sf:OwnerId>" + REP_A + "</sf:OwnerId><sf:TaskSubtype>Call</sf:TaskSubtype>"
                        + "<sf:CreatedDate>2026-11-23T10:05:00.000Z</sf:CreatedDate>"),
                notification("04l5e00000Nt002AAB", "Contact", "<sf:Id>0035e00000CoNtAAAV</sf:Id>"));

        assertThat(normalizer.normalize(body)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CONTACT_ATTEMPT);
            assertThat(e.eventId()).isEqualTo("salesforce:task:00T5e00000TaSk1EAF");
            assertThat(e.attributes()).isEqualTo(Map.of("channel", "call", "ownerId", REP_A));
        });
    }

    @Test
    void a_stored_message_it_cannot_read_is_set_aside_with_the_reason() {
        String noDate = message(ORG, notification("04l5e00000Nt001AAB", "Lead", "<sf:Id>" + LEAD + "</sf:Id>"
                + "<sf:Status>Open - Not Contacted</sf:Status>"));

        assertThatThrownBy(() -> normalizer.normalize("<x/>"))
                .isInstanceOf(UnreadableDeliveryException.class)
                .hasMessageStartingWith("Salesforce Outbound Message: not a Salesforce Outbound Message: the root "
                        + "element is 'x'");
        assertThatThrownBy(() -> normalizer.normalize(noDate))
                .isInstanceOf(UnreadableDeliveryException.class)
                .hasMessage("Salesforce Outbound Message: Notification [0] (Id 04l5e00000Nt001AAB, Lead): lead " + LEAD
                        + " has no LastModifiedDate (nor SystemModstamp): its state cannot be dated; send "
                        + "LastModifiedDate with it");
        assertThatThrownBy(() -> normalizer.normalize(Om.documentedExample().replace(ORG, OTHER_ORG)))
                .isInstanceOf(UnreadableDeliveryException.class)
                .hasMessage("Salesforce Outbound Message: OrganizationId " + OTHER_ORG + " is not the configured org "
                        + ORG);
    }
}
