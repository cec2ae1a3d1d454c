package io.leadsla.connector.salesforce.writeback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.core.followup.TaskKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.leadsla.connector.salesforce.api.OrgBudget;
import io.leadsla.connector.salesforce.api.SalesforceApiException;
import io.leadsla.connector.salesforce.api.SalesforceAuthConfig;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import io.leadsla.connector.salesforce.api.SalesforceTokenClient;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.connector.api.TaskRequest;
import io.leadsla.connector.writeback.TaskTemplates;
import io.leadsla.connector.api.WriteBack;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Write-back and tasks through force-wsc's PartnerConnection against WireMock serving the Partner
 * API's SOAP shapes (token endpoint, update and upsert results, faults, LimitInfoHeader).
 */
class SalesforceWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:06:00Z");
    private static final Instant DUE = Instant.parse("2026-11-23T08:05:00Z");
    private static final String SOAP = "/services/Soap/u/65.0";
    private static final String TOKEN = "/services/oauth2/token";
    private static final String ENVELOPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Header><LimitInfoHeader><limitInfo>\
            <current>%d</current><limit>100000</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>\
            <soapenv:Body>%s</soapenv:Body></soapenv:Envelope>""";

    private WireMockServer salesforce;
    private SalesforceSession session;
    private SalesforceWriter writer;

    @BeforeEach
    void start() {
        salesforce = new WireMockServer(wireMockConfig().dynamicPort());
        salesforce.start();
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson("""
                {"access_token":"00D5g000004ABCD!AQ0AQtest","instance_url":"%s","id":"%s/id/00D5g000004ABCDEAZ/0055g00000AbCdEAAV",
                "token_type":"Bearer","issued_at":"1795420800000","signature":"c2lnbmF0dXJl","scope":"api"}"""
                .formatted(salesforce.baseUrl(), salesforce.baseUrl()))));
        SalesforceAuthConfig auth = new SalesforceAuthConfig(salesforce.baseUrl(), "3MVG9test", "secret", null, null, "65.0");
        session = new SalesforceSession(auth, new SalesforceTokenClient(auth, new ObjectMapper(), Clock.systemUTC()),
                new OrgBudget(0.75, 0.9), Duration.ofMillis(10));
        writer = new SalesforceWriter(session, "00D5g000004ABCDEAZ",
                TaskTemplates.defaults(ZoneId.of("Europe/Paris"), "High", "Call", "Normal", "Other"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        salesforce.stop();
    }

    private static String soap(int used, String body) {
        return ENVELOPE.formatted(used, body);
    }

    private static String fault(String code, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>sf:%s</faultcode>\
                <faultstring>%s: %s</faultstring><detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault">\
                <sf:exceptionCode>%s</sf:exceptionCode><sf:exceptionMessage>%s</sf:exceptionMessage></sf:UnexpectedErrorFault>\
                </detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>""".formatted(code, code, message, code, message);
    }

    private static WriteBack breached(String id) {
        LeadKey lead = new LeadKey(Crm.SALESFORCE, id);
        return new WriteBack(lead, "lead", new RecordSla(lead, 1, ClockStatus.BREACHED, "first-contact", DUE, DUE, 0),
                2, 0);
    }

    @Test
    void eachLeadSucceedsOrFailsOnItsOwn() {
        salesforce.stubFor(post(urlEqualTo(SOAP)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody(soap(1234, """
                        <updateResponse><result><id>00Q5g00000AaAaAEAV</id><success>true</success></result>\
                        <result><errors><message>entity is deleted</message><statusCode>ENTITY_IS_DELETED</statusCode></errors>\
                        <id xsi:nil="true"/><success>false</success></result>\
                        <result><errors><message>unable to obtain exclusive access to this record</message>\
                        <statusCode>UNABLE_TO_LOCK_ROW</statusCode></errors><id xsi:nil="true"/><success>false</success></result>\
                        </updateResponse>"""))));

        List<CrmWriter.Outcome> outcomes = writer.write(List.of(breached("00Q5g00000AaAaAEAV"), breached("00Q5g00000BbBbBEAV"),
                breached("00Q5g00000CcCcCEAV")));

        assertThat(outcomes.get(0)).isEqualTo(new CrmWriter.Written(new LeadKey(Crm.SALESFORCE, "00Q5g00000AaAaAEAV")));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(CrmWriter.Rejected.class,
                r -> assertThat(r.error()).contains("ENTITY_IS_DELETED"));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(CrmWriter.RetryLater.class,
                r -> assertThat(r.error()).contains("UNABLE_TO_LOCK_ROW"));
        salesforce.verify(postRequestedFor(urlEqualTo(SOAP)).withRequestBody(containing("<m:update "))
                .withRequestBody(containing("LeadSLA_Status__c xsi:type=\"xsd:string\">BREACHED<"))
                .withRequestBody(containing("LeadSLA_Due_At__c xsi:type=\"xsd:dateTime\">2026-11-23T08:05:00.000Z<"))
                .withRequestBody(containing("<sessionId>00D5g000004ABCD!AQ0AQtest</sessionId>")));
        assertThat(session.budget().used()).isEqualTo(1234);
        assertThat(session.budget().limit()).isEqualTo(100_000);
    }

    @Test
    void anExpiredSessionSignsInAgainOnceAndRepeatsTheCall() {
        salesforce.stubFor(post(urlEqualTo(SOAP)).inScenario("session").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=utf-8")
                        .withBody(fault("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session")))
                .willSetStateTo("signed in again"));
        salesforce.stubFor(post(urlEqualTo(SOAP)).inScenario("session").whenScenarioStateIs("signed in again")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8").withBody(soap(10,
                        "<updateResponse><result><id>00Q5g00000AaAaAEAV</id><success>true</success></result></updateResponse>"))));

        assertThat(writer.write(List.of(breached("00Q5g00000AaAaAEAV")))).singleElement().isInstanceOf(CrmWriter.Written.class);
        salesforce.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        salesforce.verify(2, postRequestedFor(urlEqualTo(SOAP)));
    }

    @Test
    void theDailyLimitIsNotRetriedAndAnOutageIs() {
        salesforce.stubFor(post(urlEqualTo(SOAP)).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody(fault("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."))));
        assertThatThrownBy(() -> writer.write(List.of(breached("00Q5g00000AaAaAEAV"))))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SalesforceApiException.Kind.DAILY_LIMIT);
                    assertThat(e.getMessage()).contains("TotalRequests Limit exceeded");
                });
        salesforce.verify(1, postRequestedFor(urlEqualTo(SOAP)));
        assertThat(session.budget().pauseNonEssential()).isTrue();

        salesforce.resetRequests();
        salesforce.stubFor(post(urlEqualTo(SOAP)).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=utf-8")
                        .withBody(fault("SERVER_UNAVAILABLE", "server temporarily unavailable"))).willSetStateTo("up"));
        salesforce.stubFor(post(urlEqualTo(SOAP)).inScenario("down").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8").withBody(soap(11,
                        "<updateResponse><result><id>00Q5g00000AaAaAEAV</id><success>true</success></result></updateResponse>"))));
        assertThat(writer.write(List.of(breached("00Q5g00000AaAaAEAV")))).singleElement().isInstanceOf(CrmWriter.Written.class);
        salesforce.verify(2, postRequestedFor(urlEqualTo(SOAP)));
    }

    @Test
    void aTaskIsUpsertedOnItsKeySoARetryNeverMakesASecondOne() {
        salesforce.stubFor(post(urlEqualTo(SOAP)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody(soap(20, "<upsertResponse><result><created>true</created><id>00T5g00000XyZaBEAV</id>"
                        + "<success>true</success></result></upsertResponse>"))));
        LeadKey lead = new LeadKey(Crm.SALESFORCE, "00Q5g00000AaAaAEAV");
        TaskRequest request = new TaskRequest(TaskRequest.key(lead, "first-contact", 1, TaskKind.BREACH), lead, "lead",
                TaskKind.BREACH, "first-contact", 1, "0055g00000RepAAAA", DUE, NOW, 0);

        assertThat(writer.createTask(request)).isEqualTo("00T5g00000XyZaBEAV");

        salesforce.verify(postRequestedFor(urlEqualTo(SOAP))
                .withRequestBody(containing("<m:externalIDFieldName>LeadSLA_Task_Key__c</m:externalIDFieldName>"))
                .withRequestBody(containing(">salesforce:00Q5g00000AaAaAEAV:first-contact:1:BREACH<"))
                .withRequestBody(containing("WhoId xsi:type=\"xsd:string\">00Q5g00000AaAaAEAV<"))
                .withRequestBody(containing("OwnerId xsi:type=\"xsd:string\">0055g00000RepAAAA<"))
                .withRequestBody(containing("Priority xsi:type=\"xsd:string\">High<"))
                // a date field: midnight UTC of the due day in the templates' zone
                .withRequestBody(containing("ActivityDate xsi:type=\"xsd:dateTime\">2026-11-23T00:00:00.000Z<")));
    }
}
