package io.leadsla.simulator.salesforce;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.fault.ApiQueryFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoqlTest {
    private SfFixture f;
    private PartnerConnection conn;
    private RecordSnapshot obrien;
    private RecordSnapshot smith;
    private RecordSnapshot adams;

    @BeforeEach
    void start() {
        f = SfFixture.start();
        LeadSlaFields.deployTo(f.sim.schema());
        RecordSnapshot rep = f.sim.actions().addUser("rita@example.com", "Rita", "Rep", "rita@example.com");
        obrien = lead(rep, "O'Brien", "Acme", "Open - Not Contacted", "Web", "US", null, null);
        f.clock.advance(Duration.ofHours(1));
        smith = lead(rep, "Smith", "Beta", "Working - Contacted", "Partner Referral", "DE", "s@example.com", null);
        f.clock.advance(Duration.ofHours(1));
        adams = lead(rep, "Adams", "ACME", "Open - Not Contacted", "Demo Request", "US", null, 3);
        f.clock.advance(Duration.ofHours(1));
        lead(rep, "Zed", "Gamma", "Closed - Not Converted", null, "FR", null, null);
        RecordSnapshot gone = lead(rep, "Gone", "Acme", "Open - Not Contacted", "Web", "US", null, null);
        f.sim.actions().delete(gone.id(), rep.id());
        conn = f.connect();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private RecordSnapshot lead(RecordSnapshot owner, String last, String company, String status, String source,
                                String country, String email, Integer attempts) {
        Map<String, Object> v = new HashMap<>();
        v.put("LastName", last);
        v.put("Company", company);
        v.put("Status", status);
        v.put("LeadSource", source);
        v.put("Country", country);
        v.put("Email", email);
        v.put(LeadSlaFields.ATTEMPTS, attempts);
        v.values().removeIf(java.util.Objects::isNull);
        return f.sim.actions().createLead(v, owner.id(), owner.id());
    }

    private List<String> lastNames(String soql) throws Exception {
        return Arrays.stream(conn.query(soql).getRecords()).map(r -> (String) r.getField("LastName")).toList();
    }

    @Test
    void filtersWithEqualityIgnoringCaseAndEscapedQuotes() throws Exception {
        assertThat(lastNames("SELECT Id, LastName FROM Lead WHERE Company = 'acme' ORDER BY LastName"))
                .containsExactly("Adams", "O'Brien");
        QueryResult r = conn.query("select id, lastname from lead where LastName = 'O\\'Brien'");
        assertThat(r.getSize()).isEqualTo(1);
        SObject rec = r.getRecords()[0];
        assertThat(rec.getId()).isEqualTo(obrien.id());
        assertThat(rec.getField("LastName")).as("declared spelling in results").isEqualTo("O'Brien");
        assertThat(lastNames("SELECT LastName FROM Lead WHERE Company LIKE 'ac%' ORDER BY LastName DESC"))
                .containsExactly("O'Brien", "Adams");
    }

    @Test
    void combinesInNotEqualsOrderByDescAndLimit() throws Exception {
        assertThat(lastNames("SELECT LastName FROM Lead WHERE LeadSource IN ('Web', 'Demo Request') "
                + "AND Country != 'DE' ORDER BY CreatedDate DESC LIMIT 1")).containsExactly("Adams");
        assertThat(lastNames("SELECT LastName FROM Lead WHERE (Country = 'DE' OR Country = 'US') "
                + "AND Company != 'Acme' ORDER BY LastName")).containsExactly("Smith");
        assertThat(lastNames("SELECT LastName FROM Lead WHERE Status NOT IN ('Open - Not Contacted') "
                + "ORDER BY LastName")).containsExactly("Smith", "Zed");
    }

    @Test
    void nullChecksAndNullOrdering() throws Exception {
        assertThat(lastNames("SELECT LastName FROM Lead WHERE Email = null ORDER BY LastName"))
                .containsExactly("Adams", "O'Brien", "Zed");
        assertThat(lastNames("SELECT LastName FROM Lead WHERE Email != null")).containsExactly("Smith");
        assertThat(lastNames("SELECT LastName FROM Lead ORDER BY LeadSource, LastName"))
                .containsExactly("Zed", "Adams", "Smith", "O'Brien");
        assertThat(lastNames("SELECT LastName FROM Lead ORDER BY LeadSource DESC")).endsWith("Zed");
        assertThat(lastNames("SELECT LastName FROM Lead ORDER BY LeadSource DESC NULLS FIRST")).startsWith("Zed");
        SObject noEmail = conn.query("SELECT Email FROM Lead WHERE LastName = 'Zed'").getRecords()[0];
        assertThat(noEmail.getField("Email")).isNull();
        assertThat(noEmail.getId()).as("Id not selected comes back nil").isNull();
    }

    @Test
    void comparesUnquotedDateTimesNumbersAndIds() throws Exception {
        assertThat(lastNames("SELECT LastName FROM Lead WHERE SystemModstamp > 2026-11-23T08:30:00Z AND "
                + "SystemModstamp <= 2026-11-23T10:00:00.000+00:00 ORDER BY SystemModstamp, Id"))
                .containsExactly("Smith", "Adams");
        QueryResult attempts = conn.query("SELECT Id, " + LeadSlaFields.ATTEMPTS + " FROM Lead WHERE "
                + LeadSlaFields.ATTEMPTS + " >= 3");
        assertThat(attempts.getRecords()).singleElement().satisfies(r -> {
            assertThat(r.getId()).isEqualTo(adams.id());
            assertThat(r.getField(LeadSlaFields.ATTEMPTS)).isEqualTo("3.0");
        });
        assertThat(lastNames("SELECT LastName FROM Lead WHERE Id = '" + SalesforceIds.to15(smith.id()) + "'"))
                .containsExactly("Smith");
        SObject dated = conn.query("SELECT CreatedDate FROM Lead WHERE Id = '" + smith.id() + "'").getRecords()[0];
        assertThat(dated.getField("CreatedDate")).isEqualTo("2026-11-23T09:00:00.000Z");
        assertThat(conn.query("SELECT Id FROM Lead WHERE IsConverted = false").getSize()).isEqualTo(4);
    }

    @Test
    void countAndDeletedRecords() throws Exception {
        QueryResult count = conn.query("SELECT COUNT() FROM Lead WHERE Status = 'Open - Not Contacted'");
        assertThat(count.getSize()).isEqualTo(2);
        assertThat(count.getRecords()).isEmpty();
        assertThat(lastNames("SELECT LastName FROM Lead WHERE LastName = 'Gone'")).isEmpty();
    }

    @Test
    void anUnknownFieldIsAnInvalidFieldFaultPointingAtIt() {
        assertThatThrownBy(() -> conn.query("SELECT Id, Foo__c FROM Lead"))
                .isInstanceOfSatisfying(InvalidFieldFault.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
                    assertThat(e.getRow()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo(12);
                    assertThat(e.getExceptionMessage()).isEqualTo("\nSELECT Id, Foo__c FROM Lead\n           ^\n"
                            + "ERROR at Row:1:Column:12\nNo such column 'Foo__c' on entity 'Lead'. If you are "
                            + "attempting to use a custom field, be sure to append the '__c' after the custom field "
                            + "name. Please reference your WSDL or the describe call for the appropriate names.");
                });
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Lead WHERE CreatedDate > '2026-11-23T08:00:00Z'"))
                .isInstanceOfSatisfying(InvalidFieldFault.class, e -> assertThat(e.getExceptionMessage())
                        .endsWith("value of filter criterion for field 'CreatedDate' must be of type dateTime and "
                                + "should not be enclosed in quotes"));
        assertThatThrownBy(() -> conn.query("SELECT Owner.Name FROM Lead"))
                .isInstanceOfSatisfying(InvalidFieldFault.class, e -> assertThat(e.getExceptionMessage())
                        .contains("Didn't understand relationship 'Owner' in field path."));
    }

    @Test
    void unknownObjectsAndBadSyntaxFailLikeSalesforce() {
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Leads"))
                .isInstanceOfSatisfying(InvalidSObjectFault.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE);
                    assertThat(e.getExceptionMessage()).contains("sObject type 'Leads' is not supported.");
                    assertThat(e.getColumn()).isEqualTo(16);
                });
        assertThatThrownBy(() -> conn.query("SELECT Id Lead")).isInstanceOfSatisfying(MalformedQueryFault.class,
                e -> assertThat(e.getExceptionMessage()).endsWith("unexpected token: 'Lead'"));
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Lead WHERE")).isInstanceOf(MalformedQueryFault.class);
        assertThatThrownBy(() -> conn.query("SELECT Id FROM Lead LIMIT x")).isInstanceOf(ApiQueryFault.class);
    }

    @Test
    void queriesActivitiesAndHistoryObjects() throws Exception {
        RecordSnapshot rep = f.sim.records("User").stream().filter(u -> "Rep".equals(u.get("LastName")))
                .findFirst().orElseThrow();
        f.sim.actions().logCall(smith.id(), "Intro call", rep.id());
        f.sim.actions().logMeeting(smith.id(), "Demo", f.clock.instant().plus(Duration.ofDays(1)),
                Duration.ofMinutes(30), rep.id());
        QueryResult tasks = conn.query("SELECT Id, WhoId, TaskSubtype, Status, ActivityDate FROM Task WHERE WhoId = '"
                + SalesforceIds.to15(smith.id()) + "' AND TaskSubtype IN ('Call', 'Email')");
        assertThat(tasks.getRecords()).singleElement().satisfies(t -> {
            assertThat(t.getField("WhoId")).isEqualTo(smith.id());
            assertThat(t.getField("ActivityDate")).isEqualTo("2026-11-23");
            assertThat(t.getField("Status")).isEqualTo("Completed");
        });
        assertThat(conn.query("SELECT Id FROM Task WHERE ActivityDate = 2026-11-23").getSize()).isEqualTo(1);
        assertThat(conn.query("SELECT Id FROM Task WHERE ActivityDate < 2026-11-23").getSize()).isZero();
        assertThat(conn.query("SELECT Id, StartDateTime FROM Event WHERE WhoId = '" + smith.id() + "'").getSize())
                .isEqualTo(1);
        assertThat(conn.query("SELECT Id, Name FROM Group WHERE Type = 'Queue'").getSize()).isZero();
    }
}
