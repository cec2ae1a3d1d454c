package io.leadsla.simulator.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.xml.namespace.QName;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionAndFaultsTest {
    private SfFixture f;

    @BeforeEach
    void start() {
        f = SfFixture.start(b -> b.dailyApiLimit(5).sessionTimeout(Duration.ofHours(2)));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void anExpiredOrTimedOutSessionGetsInvalidSessionId() throws Exception {
        String token = f.token();
        PartnerConnection conn = f.connect(token);
        assertThat(conn.query("SELECT Id FROM User").getSize()).isEqualTo(1);

        f.sim.tokens().expire(token);
        assertThatThrownBy(() -> conn.query("SELECT Id FROM User"))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
                    assertThat(e.getExceptionMessage()).startsWith("Invalid Session ID found in SessionHeader: "
                            + "Illegal Session");
                });

        PartnerConnection fresh = f.connect(f.token());
        f.clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThatThrownBy(() -> fresh.getUserInfo()).isInstanceOfSatisfying(UnexpectedErrorFault.class,
                e -> assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));
        assertThat(f.sim.requests().entries()).filteredOn(e -> "INVALID_SESSION_ID".equals(e.faultCode()))
                .hasSize(2).allMatch(e -> e.status() == 500);
    }

    @Test
    void forceWscRenewsTheSessionThroughASessionRenewerOnInvalidSessionId() throws Exception {
        String token = f.token();
        ConnectorConfig c = f.config(token);
        AtomicInteger renewals = new AtomicInteger();
        c.setSessionRenewer(cfg -> {
            renewals.incrementAndGet();
            String renewed = f.token();
            cfg.setSessionId(renewed);
            SessionHeader_element header = new SessionHeader_element();
            header.setSessionId(renewed);
            SessionRenewer.SessionRenewalHeader h = new SessionRenewer.SessionRenewalHeader();
            h.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
            h.headerElement = header;
            return h;
        });
        PartnerConnection conn = Connector.newConnection(c);
        f.sim.tokens().expire(token);
        assertThat(conn.getUserInfo().getUserId()).isEqualTo(f.sim.integrationUser().id());
        assertThat(renewals).hasValue(1);
    }

    @Test
    void injectedRequestLimitExceededFailsTheNextCallsOnly() throws Exception {
        PartnerConnection conn = f.connect();
        f.sim.faults().failNext(2, "REQUEST_LIMIT_EXCEEDED");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> conn.query("SELECT Id FROM Lead"))
                    .isInstanceOfSatisfying(UnexpectedErrorFault.class, e -> {
                        assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED);
                        assertThat(e.getExceptionMessage()).isEqualTo("TotalRequests Limit exceeded.");
                    });
        }
        assertThat(conn.query("SELECT Id FROM Lead").getSize()).isZero();
        f.sim.faults().failNext(1, "SERVER_UNAVAILABLE");
        assertThatThrownBy(() -> conn.getUserInfo()).isInstanceOfSatisfying(ApiFault.class,
                e -> assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.SERVER_UNAVAILABLE));
    }

    @Test
    void theDailyAllowanceRunsOutAndComesBackAfterTwentyFourHours() throws Exception {
        PartnerConnection conn = f.connect();
        for (int i = 1; i <= 5; i++) {
            conn.query("SELECT Id FROM Lead");
            assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(i);
        }
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Lead"))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED));
        Map.Entry<Integer, String> rest = f.get("/services/data/v65.0/limits", f.token());
        assertThat(rest.getKey()).isEqualTo(403);
        assertThat(rest.getValue()).contains("\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"");

        f.clock.advance(Duration.ofHours(24).plusMinutes(1));
        PartnerConnection next = f.connect();
        next.query("SELECT Id FROM Lead");
        assertThat(next.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(1);
        assertThat(f.sim.apiUsage().remaining()).isEqualTo(4);
    }

    @Test
    void anOutageAnswers503OrServerUnavailable() throws Exception {
        PartnerConnection conn = f.connect();
        f.sim.faults().outage(true);
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Lead")).isInstanceOf(ConnectionException.class)
                .isNotInstanceOf(ApiFault.class);
        assertThat(f.get("/services/data/v65.0/limits", "t").getKey()).isEqualTo(503);

        f.sim.faults().outage(true, FaultInjector.OutageStyle.SOAP_SERVER_UNAVAILABLE);
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Lead"))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class,
                        e -> assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.SERVER_UNAVAILABLE));

        f.sim.faults().outage(false);
        assertThat(conn.query("SELECT Id FROM Lead").isDone()).isTrue();
        assertThat(f.sim.apiUsage().used()).as("refused calls don't count").isEqualTo(1);
    }

    @Test
    void restLimitsNeedsAValidBearerToken() throws Exception {
        Map.Entry<Integer, String> r = f.get("/services/data/v65.0/limits", "00Dbogus!token");
        assertThat(r.getKey()).isEqualTo(401);
        JsonNode body = f.mapper.readTree(r.getValue());
        assertThat(body.get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(body.get(0).get("message").asText()).isEqualTo("Session expired or invalid");
        assertThat(f.get("/services/data/v65.0/nothing", f.token()).getKey()).isEqualTo(404);
    }
}
