package io.leadsla.connector.salesforce.outbound;

import static io.leadsla.connector.salesforce.outbound.MalformedOutboundMessageException.Kind.FORBIDDEN_XML;
import static io.leadsla.connector.salesforce.outbound.MalformedOutboundMessageException.Kind.NOT_AN_OUTBOUND_MESSAGE;
import static io.leadsla.connector.salesforce.outbound.MalformedOutboundMessageException.Kind.NOT_XML;
import static io.leadsla.connector.salesforce.outbound.MalformedOutboundMessageException.Kind.TOO_LARGE;
import static io.leadsla.connector.salesforce.outbound.Om.ORG;
import static io.leadsla.connector.salesforce.outbound.Om.envelope;
import static io.leadsla.connector.salesforce.outbound.Om.message;
import static io.leadsla.connector.salesforce.outbound.Om.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundMessageParserTest {

    private static final String LEAD_FIELDS = "<sf:Id>00Q5e00000AbCdEEAV</sf:Id><sf:Status>Open - Not Contacted</sf:Status>";

    private final OutboundMessageParser parser = new OutboundMessageParser();

    /** A local HTTP server that counts every request: an external entity fetched would show up here. */
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] dtd = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
    }

    private static MalformedOutboundMessageException refused(OutboundMessageParser parser, String body) {
        return catchThrowableOfType(() -> parser.parse(body), MalformedOutboundMessageException.class);
    }

    private MalformedOutboundMessageException refused(String body) {
        MalformedOutboundMessageException fromText = refused(parser, body);
        MalformedOutboundMessageException fromBytes = catchThrowableOfType(
                () -> parser.parse(body.getBytes(StandardCharsets.UTF_8)), MalformedOutboundMessageException.class);
        assertThat(fromText).as("refused as text").isNotNull();
        assertThat(fromBytes).as("refused as bytes").isNotNull();
        assertThat(fromBytes.kind()).isEqualTo(fromText.kind());
        return fromText;
    }

    @Test
    void reads_the_documented_outbound_message() {
        OutboundMessage message = parser.parse(Om.documentedExample().getBytes(StandardCharsets.UTF_8));

        assertThat(message.organizationId()).isEqualTo(SalesforceId.of(ORG));
        assertThat(message.actionId()).isEqualTo("04k5e000000OmAcAAK");
        assertThat(message.sessionIdSent()).isFalse();
        assertThat(message.notificationIds()).extracting(SalesforceId::value)
                .containsExactly("04l5e00000Nt001AAB", "04l5e00000Nt002AAB");
        OutboundMessage.Notification first = message.notifications().get(0);
        assertThat(first.objectType()).isEqualTo("Lead");
        assertThat(first.fields()).containsEntry("Id", "00Q5e00000AbCdEEAV")
                .containsEntry("Status", "Open - Not Contacted")
                .containsEntry("OwnerId", "00G5e000000MktQEAS")
                .containsEntry("LastModifiedDate", "2026-11-23T08:00:00.000Z")
                .containsEntry("LeadSLA_Rejection_Reason__c", null) // xsi:nil
                .hasSize(11);
        assertThat(message.notifications().get(1).fields()).containsEntry("Rating", null)
                .containsEntry("LeadSource", "Partner Referral");
    }

    @Test
    void reads_a_15_character_organization_id_and_notes_a_session_id() {
        OutboundMessage message = parser.parse(envelope("<OrganizationId>00D5e000000KQ2e</OrganizationId>"
                + "<SessionId>00D5e000000KQ2e!AQ4AQFakeSession</SessionId>"
                + notification("04l5e00000Nt001AAB", "Lead", LEAD_FIELDS)));

        assertThat(message.organizationId().value()).isEqualTo(ORG);
        assertThat(message.actionId()).isNull();
        assertThat(message.sessionIdSent()).isTrue();
    }

    @Test
    void an_external_entity_pointing_at_a_local_file_is_refused_and_the_file_is_not_read(@TempDir Path dir)
            throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String body = "<?xml version=\"1.0\"?>\n<!DOCTYPE soapenv:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n" + message(ORG, notification("04l5e00000Nt001AAB", "Lead",
                "<sf:Id>00Q5e00000AbCdEEAV</sf:Id><sf:Status>&xxe;</sf:Status>")).replaceFirst("<\\?xml[^>]*>\n", "");

        MalformedOutboundMessageException e = refused(body);

        assertThat(e.kind()).isEqualTo(FORBIDDEN_XML);
        assertThat(e.getMessage()).startsWith("a DOCTYPE is not allowed (line 2, column ")
                .doesNotContain("TOP-SECRET");
    }

    @Test
    void external_entities_and_dtds_on_the_network_are_never_fetched() {
        String prolog = "<?xml version=\"1.0\"?>\n";
        String rest = message(ORG, notification("04l5e00000Nt001AAB", "Lead", LEAD_FIELDS))
                .replaceFirst("<\\?xml[^>]*>\n", "");
        String generalEntity = prolog + "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + url() + "\">]>" + rest.replace(
                "Open - Not Contacted", "&xxe;");
        String parameterEntity = prolog + "<!DOCTYPE x [<!ENTITY % remote SYSTEM \"" + url() + "\"> %remote;]>" + rest;
        String externalDtd = prolog + "<!DOCTYPE x SYSTEM \"" + url() + "\">" + rest;

        List<MalformedOutboundMessageException.Kind> kinds = new ArrayList<>();
        for (String body : new String[] {generalEntity, parameterEntity, externalDtd}) {
            kinds.add(catchThrowableOfType(() -> parser.parse(body), MalformedOutboundMessageException.class).kind());
        }
        assertThat(requests.get()).as("requests the parser made to the entity's URL").isZero();
        assertThat(kinds).containsOnly(FORBIDDEN_XML);
    }

    @Test
    void a_billion_laughs_is_refused_before_any_expansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        String body = dtd + message(ORG, notification("04l5e00000Nt001AAB", "Lead",
                "<sf:Id>00Q5e00000AbCdEEAV</sf:Id><sf:Status>&lol9;</sf:Status>")).replaceFirst("<\\?xml[^>]*>\n", "");

        long start = System.nanoTime();
        MalformedOutboundMessageException e = refused(body);

        assertThat(e.kind()).isEqualTo(FORBIDDEN_XML);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void xinclude_is_not_processed(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.xml");
        Files.writeString(secret, "<sf:Status xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">LEAKED</sf:Status>");
        String body = message(ORG, notification("04l5e00000Nt001AAB", "Lead", "<sf:Id>00Q5e00000AbCdEEAV</sf:Id>"
                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secret.toUri() + "\"/>"));

        MalformedOutboundMessageException e = refused(body);

        assertThat(e.kind()).isEqualTo(NOT_AN_OUTBOUND_MESSAGE);
        assertThat(e.getMessage()).contains("unexpected element 'include' (http://www.w3.org/2001/XInclude) in the sObject")
                .doesNotContain("LEAKED");
    }

    @Test
    void an_undeclared_entity_is_not_xml() {
        String body = message(ORG, notification("04l5e00000Nt001AAB", "Lead",
                "<sf:Id>00Q5e00000AbCdEEAV</sf:Id><sf:Status>&xxe;</sf:Status>"));

        MalformedOutboundMessageException e = refused(body);

        assertThat(e.kind()).isEqualTo(NOT_XML);
        assertThat(e.getMessage()).startsWith("not well-formed XML (line 2, column ").contains("xxe");
    }

    @Test
    void says_what_is_wrong_with_a_malformed_body() {
        Map<String, String> expected = new HashMap<>();
        expected.put("", "the body is empty (expected a SOAP envelope)");
        expected.put("{\"not\":\"xml\"}", "not well-formed XML (line 1, column 1): Content is not allowed in prolog.");
        expected.put("<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"/>",
                "not a Salesforce Outbound Message: the root element is 'notifications' "
                        + "(http://soap.sforce.com/2005/09/outbound), not a SOAP 1.1 Envelope "
                        + "(http://schemas.xmlsoap.org/soap/envelope/)");
        expected.put("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>",
                "not a Salesforce Outbound Message: the SOAP Envelope has no Body");
        expected.put(envelope("<ActionId>04k5e000000OmAcAAK</ActionId>"
                        + notification("04l5e00000Nt001AAB", "Lead", LEAD_FIELDS)),
                "not a Salesforce Outbound Message: notifications has no OrganizationId");
        expected.put(envelope("<OrganizationId>00Q5e00000AbCdEEAV</OrganizationId>"),
                "not a Salesforce Outbound Message: OrganizationId is not an organization id (00D…, 15 or 18 characters)");
        expected.put(message(ORG), "not a Salesforce Outbound Message: notifications holds no Notification");
        expected.put(message(ORG, "<Notification><sObject/></Notification>"),
                "not a Salesforce Outbound Message: Notification [0] has no Id");
        expected.put(message(ORG, "<Notification><Id>04l5e00000Nt001AAB</Id></Notification>"),
                "not a Salesforce Outbound Message: Notification [0] (Id 04l5e00000Nt001AAB) has no sObject");
        expected.put(message(ORG, "<Notification><Id>04l5e00000Nt001AAB</Id><sObject><sf:Id xmlns:sf="
                        + "\"urn:sobject.enterprise.soap.sforce.com\">x</sf:Id></sObject></Notification>"),
                "not a Salesforce Outbound Message: Notification [0] (Id 04l5e00000Nt001AAB): the sObject has no "
                        + "xsi:type (such as sf:Lead) in urn:sobject.enterprise.soap.sforce.com");
        expected.put(message(ORG, notification("04l5e00000Nt001AAB", "Lead", "<sf:Status><sf:x/></sf:Status>")),
                "not a Salesforce Outbound Message: Notification [0] (Id 04l5e00000Nt001AAB): the field Status holds "
                        + "elements, not a value");
        expected.put(message(ORG, notification("04l5e00000Nt001AAB", "Lead", LEAD_FIELDS + "<sf:Status>x</sf:Status>")),
                "not a Salesforce Outbound Message: Notification [0] (Id 04l5e00000Nt001AAB): the field Status appears "
                        + "twice");
        expected.put(message(ORG, notification("04l5e00000Nt001AAB", "Lead", LEAD_FIELDS)).replace("</notifications>",
                        "</notification>"),
                "not well-formed XML (line 2, column 547): The element type \"notifications\" must be terminated by "
                        + "the matching end-tag \"</notifications>\".");

        expected.forEach((body, message) -> {
            MalformedOutboundMessageException e = refused(body);
            assertThat(e.getMessage()).as(body).isEqualTo(message);
            assertThat(e.kind()).isNotEqualTo(TOO_LARGE);
        });
    }

    @Test
    void refuses_more_than_100_notifications() {
        String one = notification("04l5e00000Nt001AAB", "Lead", LEAD_FIELDS);

        assertThat(parser.parse(message(ORG, one.repeat(100))).notifications()).hasSize(100);
        assertThat(refused(message(ORG, one.repeat(101))).getMessage()).isEqualTo("not a Salesforce Outbound Message: "
                + "more than 100 notifications (Salesforce sends at most 100)");
    }

    @Test
    void refuses_an_oversized_body_unread() {
        OutboundMessageParser small = new OutboundMessageParser(1024);
        String body = message(ORG, notification("04l5e00000Nt001AAB", "Lead", LEAD_FIELDS + "<sf:Description>"
                + "x".repeat(2000) + "</sf:Description>"));

        MalformedOutboundMessageException e = refused(small, body);
        MalformedOutboundMessageException fromBytes = catchThrowableOfType(
                () -> small.parse(body.getBytes(StandardCharsets.UTF_8)), MalformedOutboundMessageException.class);

        assertThat(e.kind()).isEqualTo(TOO_LARGE);
        assertThat(fromBytes.getMessage()).isEqualTo("the body is " + body.length() + " bytes, over the limit of 1024 "
                + "(Salesforce sends at most 100 notifications; send fewer fields)");
        assertThatThrownBy(() -> new OutboundMessageParser(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
