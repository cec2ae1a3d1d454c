package io.leadsla.connector.salesforce.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadsla.connector.api.Poller;
import io.leadsla.connector.salesforce.api.OrgBudget;
import io.leadsla.connector.salesforce.api.SalesforceAuthConfig;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import io.leadsla.connector.salesforce.api.SalesforceTokenClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SOQL polling with queryMore against WireMock serving the Partner API's query shapes. */
class SoqlPollerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOAP = "/services/Soap/u/65.0";

    private WireMockServer salesforce;
    private SalesforceSession session;

    @BeforeEach
    void start() {
        salesforce = new WireMockServer(wireMockConfig().dynamicPort());
        salesforce.start();
        salesforce.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(okJson(
                "{\"access_token\":\"00D!AQtest\",\"instance_url\":\"" + salesforce.baseUrl() + "\",\"token_type\":\"Bearer\"}")));
        SalesforceAuthConfig auth = new SalesforceAuthConfig(salesforce.baseUrl(), "3MVG9test", "secret", null, null, "65.0");
        session = new SalesforceSession(auth, new SalesforceTokenClient(auth, JSON, Clock.systemUTC()), new OrgBudget(0.75, 0.9),
                Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        salesforce.stop();
    }

    private static String lead(String id, String status, String owner, String stamp) {
        return """
                <records xsi:type="sf:sObject"><sf:type>Lead</sf:type><sf:Id>%s</sf:Id><sf:Id>%s</sf:Id>\
                <sf:Status>%s</sf:Status><sf:OwnerId>%s</sf:OwnerId><sf:IsConverted>false</sf:IsConverted>\
                <sf:ConvertedDate xsi:nil="true"/><sf:CreatedDate>2026-11-20T08:00:00.000Z</sf:CreatedDate>\
                <sf:LastModifiedDate>%s</sf:LastModifiedDate><sf:LastModifiedById>0055g00000MktAAAA</sf:LastModifiedById>\
                <sf:SystemModstamp>%s</sf:SystemModstamp><sf:LeadSource>Demo Request</sf:LeadSource></records>"""
                .formatted(id, id, status, owner, stamp, stamp);
    }

    private static String queryResponse(String element, boolean done, String locator, int size, String records) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                xmlns="urn:partner.soap.sforce.com" xmlns:sf="urn:sobject.partner.soap.sforce.com" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Header><LimitInfoHeader><limitInfo>\
                <current>40</current><limit>100000</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>\
                <soapenv:Body><%s><result xsi:type="QueryResult"><done>%s</done>%s%s<size>%d</size></result></%s></soapenv:Body>\
                </soapenv:Envelope>""".formatted(element, done, locator == null ? "<queryLocator xsi:nil=\"true\"/>"
                : "<queryLocator>" + locator + "</queryLocator>", records, size, element);
    }

    @Test
    void readsLeadsChangedSinceThePositionWithQueryMore() throws Exception {
        salesforce.stubFor(post(urlEqualTo(SOAP)).withRequestBody(containing("<m:query ")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=utf-8").withBody(queryResponse("queryResponse", false,
                        "01g5g00000QLoc1-2", 3,
                        lead("00Q5g00000AaAaAEAV", "Open - Not Contacted", "00G5g00000MqQueAAA", "2026-11-23T08:00:00.000Z")
                                + lead("00Q5g00000BbBbBEAV", "Working - Contacted", "0055g00000RepAAAA", "2026-11-23T08:01:00.000Z")))));
        salesforce.stubFor(post(urlEqualTo(SOAP)).withRequestBody(containing("<m:queryMore ")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=utf-8").withBody(queryResponse("queryMoreResponse", true, null, 3,
                        lead("00Q5g00000CcCcCEAV", "Closed - Not Converted", "0055g00000RepAAAA", "2026-11-23T08:02:30.000Z")))));
        SoqlPoller poller = new SoqlPoller(session, JSON, "00D5g000004ABCDEAZ", "Lead", List.of("Id", "Status", "OwnerId",
                "IsConverted", "ConvertedDate", "CreatedDate", "LastModifiedDate", "LastModifiedById", "SystemModstamp",
                "LeadSource"), "SystemModstamp", null, "salesforce-poll-leads", 2_000, Duration.ofMinutes(2),
                Instant.parse("2026-11-01T00:00:00Z"));

        Poller.Poll poll = poller.poll(Optional.empty());

        salesforce.verify(postRequestedFor(urlEqualTo(SOAP)).withRequestBody(containing("SELECT Id, Status, OwnerId, IsConverted, "
                + "ConvertedDate, CreatedDate, LastModifiedDate, LastModifiedById, SystemModstamp, LeadSource FROM Lead "
                + "WHERE SystemModstamp ")).withRequestBody(containing("= 2026-11-01T00:00:00Z ORDER BY SystemModstamp, Id")));
        assertThat(poller.soql(Instant.parse("2026-11-01T00:00:00Z"))).contains("WHERE SystemModstamp >= 2026-11-01T00:00:00Z ORDER BY");
        salesforce.verify(postRequestedFor(urlEqualTo(SOAP)).withRequestBody(containing("<m:queryLocator>01g5g00000QLoc1-2<")));
        assertThat(poll.caughtUp()).isTrue();
        assertThat(poll.nextPosition()).as("last SystemModstamp less the overlap").isEqualTo("2026-11-23T08:00:30Z");
        assertThat(poll.pages()).singleElement().satisfies(page -> {
            assertThat(page.source()).isEqualTo("salesforce-poll-leads");
            JsonNode body = JSON.readTree(page.body());
            assertThat(body.get("orgId").asText()).isEqualTo("00D5g000004ABCDEAZ");
            assertThat(body.get("objectType").asText()).isEqualTo("Lead");
            assertThat(body.get("records")).hasSize(3);
            assertThat(body.at("/records/0/OwnerId").asText()).isEqualTo("00G5g00000MqQueAAA");
            assertThat(body.at("/records/0/ConvertedDate").isNull()).isTrue();
            assertThat(body.at("/records/2/Status").asText()).isEqualTo("Closed - Not Converted");
        });
        assertThat(poller.cursor()).isEqualTo("salesforce:00D5g000004ABCDEAZ:Lead");
        assertThat(session.budget().used()).isEqualTo(40);
    }

    @Test
    void anObjectTheOrgDoesNotOfferTurnsItsPollingOffInsteadOfFailing() {
        salesforce.stubFor(post(urlEqualTo(SOAP)).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=utf-8")
                .withBody("""
                        <?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                        xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>\
                        <soapenv:Fault><faultcode>sf:INVALID_TYPE</faultcode><faultstring>INVALID_TYPE: sObject type 'LeadHistory' is not \
                        supported.</faultstring><detail><sf:InvalidSObjectFault xsi:type="sf:InvalidSObjectFault"><sf:exceptionCode>\
                        INVALID_TYPE</sf:exceptionCode><sf:exceptionMessage>sObject type 'LeadHistory' is not supported.\
                        </sf:exceptionMessage><sf:row>-1</sf:row><sf:column>-1</sf:column></sf:InvalidSObjectFault></detail>\
                        </soapenv:Fault></soapenv:Body></soapenv:Envelope>""")));
        Poller history = SoqlPoller.forLeads(session, JSON, "00D5g000004ABCDEAZ",
                io.leadsla.connector.salesforce.normalize.WatchedFields.of(
                        io.leadsla.connector.salesforce.mapping.SalesforceMapping.defaults()),
                2_000, Duration.ofMinutes(2), Instant.parse("2026-11-01T00:00:00Z")).get(1);
        assertThat(((SoqlPoller) history).soql(Instant.parse("2026-11-20T00:00:00Z")))
                .contains("FROM LeadHistory WHERE CreatedDate >= 2026-11-20T00:00:00Z AND Field IN ('Status', 'Owner'");
        Poller.Poll poll = history.poll(Optional.of("2026-11-20T00:00:00Z"));
        assertThat(poll.pages()).isEmpty();
        assertThat(poll.caughtUp()).isTrue();
        assertThat(poll.nextPosition()).isEqualTo("2026-11-20T00:00:00Z");
    }
}
