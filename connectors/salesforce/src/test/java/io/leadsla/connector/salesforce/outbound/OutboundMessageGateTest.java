package io.leadsla.connector.salesforce.outbound;

import static io.leadsla.connector.salesforce.outbound.Om.ORG;
import static io.leadsla.connector.salesforce.outbound.Om.ORG_15;
import static io.leadsla.connector.salesforce.outbound.Om.OTHER_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.outbound.OutboundVerdict.Accepted;
import io.leadsla.connector.salesforce.outbound.OutboundVerdict.Reason;
import io.leadsla.connector.salesforce.outbound.OutboundVerdict.Refused;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class OutboundMessageGateTest {

    private static final String LEAD = Om.notification("04l5e00000Nt001AAB", "Lead",
            "<sf:Id>00Q5e00000AbCdEEAV</sf:Id><sf:Status>Open - Not Contacted</sf:Status>");

    private final OutboundMessageGate gate = new OutboundMessageGate(SalesforceId.of(ORG_15), new OutboundMessageParser());

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes(text)));
    }

    @Test
    void accepts_a_message_of_the_configured_org_in_either_id_form() {
        byte[] body = bytes(Om.message(ORG, LEAD));

        OutboundVerdict verdict = gate.check(body);

        assertThat(verdict).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.message().notificationIds()).extracting(SalesforceId::value)
                    .containsExactly("04l5e00000Nt001AAB");
            assertThat(accepted.deliveryKey()).hasSize(64).isEqualTo(DeliveryKey.of(body))
                    .isNotEqualTo(DeliveryKey.of(bytes(Om.message(ORG_15, LEAD))));
        });
        assertThat(gate.check(bytes(Om.documentedExample()))).isInstanceOf(Accepted.class);
    }

    @Test
    void refuses_a_message_of_another_org_without_revealing_the_configured_one() {
        OutboundVerdict verdict = gate.check(bytes(Om.message(OTHER_ORG, LEAD)));

        assertThat(verdict).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.WRONG_ORGANIZATION);
            assertThat(refused.httpStatus()).isEqualTo(403);
            assertThat(refused.detail()).contains(OTHER_ORG, ORG);
            assertThat(refused.soapFault()).doesNotContain(ORG).doesNotContain(ORG_15)
                    .contains("This endpoint does not accept messages from this organization.");
        });
    }

    @Test
    void refuses_malformed_forbidden_and_oversized_bodies() {
        OutboundMessageGate small = new OutboundMessageGate(SalesforceId.of(ORG), new OutboundMessageParser(512));
        String xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + Om.message(ORG, LEAD)
                .replaceFirst("<\\?xml[^>]*>\n", "");

        assertThat(gate.check(bytes("not xml"))).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(r.httpStatus()).isEqualTo(400);
            assertThat(r.detail()).startsWith("not well-formed XML (line 1, column 1)");
        });
        assertThat(gate.check(bytes(xxe))).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(r.detail()).startsWith("a DOCTYPE is not allowed");
        });
        assertThat(small.check(bytes(Om.message(ORG, LEAD.repeat(3))))).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(r.httpStatus()).isEqualTo(413);
        });
        assertThat(small.maxBytes()).isEqualTo(512);
    }

    @Test
    void the_acknowledgement_is_the_notifications_response_salesforce_waits_for() throws Exception {
        Element envelope = xml(OutboundResponses.ack()).getDocumentElement();

        assertThat(envelope.getNamespaceURI()).isEqualTo("http://schemas.xmlsoap.org/soap/envelope/");
        assertThat(envelope.getLocalName()).isEqualTo("Envelope");
        Element response = (Element) envelope.getElementsByTagNameNS("http://soap.sforce.com/2005/09/outbound",
                "notificationsResponse").item(0);
        assertThat(response).isNotNull();
        assertThat(response.getParentNode().getLocalName()).isEqualTo("Body");
        Element ack = (Element) response.getElementsByTagNameNS("http://soap.sforce.com/2005/09/outbound", "Ack").item(0);
        assertThat(ack.getTextContent()).isEqualTo("true");
        assertThat(OutboundResponses.CONTENT_TYPE).isEqualTo("text/xml; charset=utf-8");
    }

    @Test
    void a_fault_is_a_well_formed_soap_fault_whatever_its_text() throws Exception {
        String fault = ((Refused) gate.check(bytes("x"))).soapFault();
        Document odd = xml(OutboundResponses.fault("a < b & \"c\" \u0001 'd'"));

        Document document = xml(fault);
        assertThat(document.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Fault").getLength())
                .isEqualTo(1);
        assertThat(document.getElementsByTagName("faultcode").item(0).getTextContent()).isEqualTo("soapenv:Client");
        assertThat(document.getElementsByTagName("faultstring").item(0).getTextContent())
                .isEqualTo("The message is not a Salesforce Outbound Message leadsla can read.");
        assertThat(odd.getElementsByTagName("faultstring").item(0).getTextContent()).isEqualTo("a < b & \"c\"  'd'");
    }

    @Test
    void the_configured_org_must_be_an_org_id() {
        assertThatThrownBy(() -> new OutboundMessageGate(SalesforceId.of("00Q5e00000AbCdE"), new OutboundMessageParser()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SALESFORCE_ORG_ID");
    }
}
