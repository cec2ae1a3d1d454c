package io.leadsla.simulator.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.PicklistEntry;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerApiTest {
    private SfFixture f;
    private PartnerConnection conn;
    private RecordSnapshot queue;
    private RecordSnapshot rep;

    @BeforeEach
    void start() {
        f = SfFixture.start(b -> b.dailyApiLimit(15_000));
        LeadSlaFields.deployTo(f.sim.schema());
        queue = f.sim.actions().addQueue("Inbound Leads", "Inbound_Leads");
        rep = f.sim.actions().addUser("rita@example.com", "Rita", "Rep", "rita@example.com");
        conn = f.connect();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private RecordSnapshot lead(String last) {
        return f.sim.actions().createLead(Map.of("LastName", last, "Company", "Acme"), queue.id(), rep.id());
    }

    @Test
    void createsLeadsAndPagesThroughThemWithQueryMore() throws Exception {
        assertThat(f.config("x").isCompression()).as("force-wsc gzips requests and accepts gzip").isTrue();
        List<String> created = new ArrayList<>();
        for (int batch : new int[] {200, 200, 50}) {
            SObject[] leads = new SObject[batch];
            for (int i = 0; i < batch; i++) {
                leads[i] = SfFixture.sObject("Lead", Map.of("LastName", String.format("Lead %04d", created.size() + i),
                        "Company", "Acme", "LeadSource", "Web"));
            }
            SaveResult[] results = conn.create(leads);
            assertThat(results).hasSize(batch).allMatch(SaveResult::isSuccess);
            Arrays.stream(results).forEach(r -> created.add(r.getId()));
        }
        assertThat(created).allMatch(id -> id.startsWith("00Q") && id.length() == 18);

        conn.setQueryOptions(200);
        QueryResult page = conn.query("SELECT Id, LastName, Company FROM Lead ORDER BY LastName");
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        while (true) {
            assertThat(page.getSize()).isEqualTo(450);
            pageSizes.add(page.getRecords().length);
            for (SObject r : page.getRecords()) {
                assertThat(r.getType()).isEqualTo("Lead");
                assertThat(r.getField("Company")).isEqualTo("Acme");
                seen.add(r.getId());
            }
            if (page.isDone()) {
                assertThat(page.getQueryLocator()).isNull();
                break;
            }
            assertThat(page.getQueryLocator()).startsWith("01g");
            page = conn.queryMore(page.getQueryLocator());
        }
        assertThat(pageSizes).containsExactly(200, 200, 50);
        assertThat(seen).containsExactlyElementsOf(created);

        SObject[] tooMany = new SObject[201];
        Arrays.setAll(tooMany, i -> SfFixture.sObject("Lead", Map.of("LastName", "X", "Company", "Y")));
        assertThatThrownBy(() -> conn.create(tooMany)).isInstanceOfSatisfying(UnexpectedErrorFault.class, e -> {
            assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.EXCEEDED_ID_LIMIT);
            assertThat(e.getExceptionMessage()).contains("cannot submit more than 200 records");
        });
        assertThat(f.sim.records("Lead")).hasSize(450);
        assertThatThrownBy(() -> conn.queryMore("01g5g0000000zzzAAA-200"))
                .isInstanceOf(InvalidQueryLocatorFault.class);
    }

    @Test
    void updateReportsPerRecordResultsForAMixOfGoodAndBadRecords() throws Exception {
        RecordSnapshot good = lead("Good");
        RecordSnapshot deleted = lead("Deleted");
        RecordSnapshot locked = lead("Locked");
        RecordSnapshot readOnly = lead("ReadOnly");
        f.sim.actions().delete(deleted.id(), rep.id());
        f.sim.lockRow(locked.id());
        String neverExisted = SalesforceIds.to18("00Q5g00000zzzzz");
        f.clock.advance(Duration.ofMinutes(5));

        SaveResult[] r = conn.update(new SObject[] {
                SfFixture.sObject("Lead", Map.of("Id", good.id(), "Status", "Working - Contacted",
                        LeadSlaFields.STATUS, "ON_TRACK")),
                SfFixture.sObject("Lead", Map.of("Id", neverExisted, "Status", "Working - Contacted")),
                SfFixture.sObject("Lead", Map.of("Id", deleted.id(), "Status", "Working - Contacted")),
                SfFixture.sObject("Lead", Map.of("Id", locked.id(), "Status", "Working - Contacted")),
                SfFixture.sObject("Lead", Map.of("Id", rep.id(), "Status", "Working - Contacted")),
                SfFixture.sObject("Lead", Map.of("Id", readOnly.id(), "IsConverted", true)),
                SfFixture.sObject("Lead", Map.of("Id", readOnly.id(), LeadSlaFields.STATUS, "Nonsense")),
        });

        assertThat(r).hasSize(7);
        assertThat(r[0].isSuccess()).isTrue();
        assertThat(r[0].getId()).isEqualTo(good.id());
        assertThat(r[0].getErrors()).isEmpty();
        assertThat(Arrays.stream(r).skip(1)).noneMatch(SaveResult::isSuccess).allMatch(x -> x.getId() == null);
        assertThat(code(r[1])).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(code(r[2])).isEqualTo("ENTITY_IS_DELETED");
        assertThat(r[2].getErrors()[0].getMessage()).isEqualTo("entity is deleted");
        assertThat(code(r[3])).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(r[3].getErrors()[0].getMessage()).startsWith("unable to obtain exclusive access to this record");
        assertThat(code(r[4])).isEqualTo("MALFORMED_ID");
        assertThat(r[4].getErrors()[0].getMessage()).isEqualTo("Lead ID: id value of incorrect type: " + rep.id());
        assertThat(code(r[5])).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThat(r[5].getErrors()[0].getFields()).containsExactly("IsConverted");
        assertThat(code(r[6])).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");

        RecordSnapshot after = f.sim.record(good.id()).orElseThrow();
        assertThat(after.string("Status")).isEqualTo("Working - Contacted");
        assertThat(after.get("LastModifiedById")).isEqualTo(f.sim.integrationUser().id());
        assertThat(after.instant("SystemModstamp")).isEqualTo(f.clock.instant());
        assertThat(f.sim.record(locked.id()).orElseThrow().string("Status")).isEqualTo("Open - Not Contacted");

        f.sim.unlockRow(locked.id());
        SaveResult retried = conn.update(new SObject[] {
                SfFixture.sObject("Lead", Map.of("Id", locked.id(), "Status", "Working - Contacted"))})[0];
        assertThat(retried.isSuccess()).isTrue();
    }

    @Test
    void anUnknownFieldFailsTheWholeCall() throws Exception {
        RecordSnapshot a = lead("A");
        SObject good = SfFixture.sObject("Lead", Map.of("Id", a.id(), "Status", "Working - Contacted"));
        SObject bad = SfFixture.sObject("Lead", Map.of("Id", a.id(), "Foo__c", "x"));
        assertThatThrownBy(() -> conn.update(new SObject[] {good, bad}))
                .isInstanceOfSatisfying(InvalidFieldFault.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
                    assertThat(e.getExceptionMessage()).startsWith("No such column 'Foo__c' on entity 'Lead'.");
                });
        assertThat(f.sim.record(a.id()).orElseThrow().string("Status")).isEqualTo("Open - Not Contacted");
    }

    @Test
    void createValidatesRequiredFieldsAndReferences() throws Exception {
        SaveResult[] r = conn.create(new SObject[] {
                SfFixture.sObject("Lead", Map.of("FirstName", "No", "LeadSource", "Web")),
                SfFixture.sObject("Lead", Map.of("LastName", "Doe", "Company", "Acme", "OwnerId", queue.id(),
                        "Rating", "Hot", LeadSlaFields.DUE_AT, java.util.Calendar.getInstance())),
                SfFixture.sObject("Task", Map.of("WhoId", queue.id(), "Subject", "Call")),
        });
        assertThat(code(r[0])).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(r[0].getErrors()[0].getMessage()).isEqualTo("Required fields are missing: [LastName, Company]");
        assertThat(r[0].getErrors()[0].getFields()).containsExactly("LastName", "Company");
        assertThat(r[1].isSuccess()).isTrue();
        RecordSnapshot created = f.sim.record(r[1].getId()).orElseThrow();
        assertThat(created.string("Status")).isEqualTo("Open - Not Contacted");
        assertThat(created.get("OwnerId")).isEqualTo(queue.id());
        assertThat(created.get("CreatedById")).isEqualTo(f.sim.integrationUser().id());
        assertThat(created.instant(LeadSlaFields.DUE_AT)).isNotNull();
        assertThat(code(r[2])).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        assertThat(r[2].getErrors()[0].getMessage()).isEqualTo("Name ID: id value of incorrect type: " + queue.id());
    }

    @Test
    void upsertTwiceWithTheSameExternalIdCreatesThenUpdates() throws Exception {
        RecordSnapshot l = lead("Doe");
        SObject first = SfFixture.sObject("Task", Map.of(LeadSlaFields.TASK_KEY, "sla-1:first-touch",
                "WhoId", l.id(), "Subject", "First touch due", "ActivityDate", java.util.Calendar.getInstance()));
        UpsertResult r1 = conn.upsert(LeadSlaFields.TASK_KEY, new SObject[] {first})[0];
        assertThat(r1.isSuccess()).isTrue();
        assertThat(r1.isCreated()).isTrue();
        assertThat(r1.getId()).startsWith("00T");

        SObject second = SfFixture.sObject("Task", Map.of(LeadSlaFields.TASK_KEY, "SLA-1:FIRST-TOUCH",
                "WhoId", l.id(), "Subject", "First touch overdue"));
        UpsertResult r2 = conn.upsert(LeadSlaFields.TASK_KEY, new SObject[] {second})[0];
        assertThat(r2.isSuccess()).isTrue();
        assertThat(r2.isCreated()).isFalse();
        assertThat(r2.getId()).isEqualTo(r1.getId());
        assertThat(f.sim.records("Task")).singleElement()
                .satisfies(t -> assertThat(t.string("Subject")).isEqualTo("First touch overdue"));

        UpsertResult[] dup = conn.upsert(LeadSlaFields.TASK_KEY, new SObject[] {
                SfFixture.sObject("Task", Map.of(LeadSlaFields.TASK_KEY, "k2", "Subject", "a")),
                SfFixture.sObject("Task", Map.of(LeadSlaFields.TASK_KEY, "k2", "Subject", "b"))});
        assertThat(dup).allSatisfy(d -> assertThat(d.getErrors()[0].getStatusCode().name())
                .isEqualTo("DUPLICATE_EXTERNAL_ID"));

        assertThatThrownBy(() -> conn.upsert("Subject", new SObject[] {second}))
                .isInstanceOfSatisfying(InvalidFieldFault.class, e -> assertThat(e.getExceptionMessage())
                        .isEqualTo("Field name provided, Subject is not an External ID or indexed field for Task"));
    }

    @Test
    void describeReportsStandardAndCustomFieldsWithPicklistValues() throws Exception {
        DescribeSObjectResult d = conn.describeSObject("Lead");
        assertThat(d.getName()).isEqualTo("Lead");
        assertThat(d.getKeyPrefix()).isEqualTo("00Q");
        assertThat(d.isUpdateable()).isTrue();
        Field status = field(d, "Status");
        assertThat(status.getType()).isEqualTo(FieldType.picklist);
        assertThat(Arrays.stream(status.getPicklistValues()).map(PicklistEntry::getValue)).containsExactly(
                "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted");
        assertThat(Arrays.stream(status.getPicklistValues()).filter(PicklistEntry::isDefaultValue)
                .map(PicklistEntry::getValue)).containsExactly("Open - Not Contacted");
        assertThat(Arrays.stream(field(d, "LeadSource").getPicklistValues()).map(PicklistEntry::getValue))
                .contains("Web", "Partner Referral", "Demo Request");
        Field owner = field(d, "OwnerId");
        assertThat(owner.getType()).isEqualTo(FieldType.reference);
        assertThat(owner.getReferenceTo()).containsExactly("Group", "User");
        assertThat(owner.getRelationshipName()).isEqualTo("Owner");
        Field slaStatus = field(d, LeadSlaFields.STATUS);
        assertThat(slaStatus.isCustom()).isTrue();
        assertThat(slaStatus.isRestrictedPicklist()).isTrue();
        assertThat(Arrays.stream(slaStatus.getPicklistValues()).map(PicklistEntry::getValue))
                .containsExactlyElementsOf(LeadSlaFields.DEFAULT_STATUSES);
        assertThat(field(d, LeadSlaFields.DUE_AT).getType()).isEqualTo(FieldType.datetime);
        assertThat(field(d, LeadSlaFields.DUE_AT).getSoapType().name()).isEqualTo("dateTime");
        assertThat(field(d, LeadSlaFields.ATTEMPTS).getType()).isEqualTo(FieldType._double);
        assertThat(field(d, "IsConverted").isUpdateable()).isFalse();

        Field key = field(conn.describeSObject("Task"), LeadSlaFields.TASK_KEY);
        assertThat(key.isExternalId()).isTrue();
        assertThat(key.isUnique()).isTrue();
        assertThat(key.getLength()).isEqualTo(255);
    }

    @Test
    void everyResponseCarriesTheLimitInfoHeaderMatchingRestLimits() throws Exception {
        conn.getUserInfo();
        conn.query("SELECT Id FROM Lead");
        LimitInfo info = conn.getLimitInfoHeader().getLimitInfo()[0];
        assertThat(info.getType()).isEqualTo("API REQUESTS");
        assertThat(info.getCurrent()).isEqualTo(2);
        assertThat(info.getLimit()).isEqualTo(15_000);
        assertThat(f.sim.apiUsage().used()).isEqualTo(2);
        assertThatThrownBy(() -> conn.query("SELECT Nope FROM Lead")).isInstanceOf(InvalidFieldFault.class);
        assertThat(conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).as("a counted call's fault reports it")
                .isEqualTo(3);

        Map.Entry<Integer, String> limits = f.get("/services/data/v65.0/limits", f.token());
        assertThat(limits.getKey()).isEqualTo(200);
        JsonNode daily = f.mapper.readTree(limits.getValue()).get("DailyApiRequests");
        assertThat(daily.get("Max").asLong()).isEqualTo(15_000);
        assertThat(daily.get("Remaining").asLong()).isEqualTo(15_000 - 4);
        assertThat(f.sim.requests().count("query")).isEqualTo(2);
        assertThat(f.sim.requests().count("getUserInfo")).isEqualTo(1);
        assertThat(f.sim.requests().count("limits")).isEqualTo(1);
    }

    @Test
    void getUserInfoDescribesTheIntegrationUser() throws Exception {
        GetUserInfoResult u = conn.getUserInfo();
        assertThat(u.getUserId()).isEqualTo(f.sim.integrationUser().id());
        assertThat(u.getUserName()).isEqualTo(f.sim.options().integrationUsername());
        assertThat(u.getOrganizationId()).isEqualTo(f.sim.options().orgId());
    }

    @Test
    void soapLoginGivesASessionOnTheOrgSpecificEndpoint() throws Exception {
        try (SfFixture withPassword = SfFixture.start(b -> b.integrationPassword("s3cret+token"))) {
            ConnectorConfig c = new ConnectorConfig();
            c.setAuthEndpoint(withPassword.sim.soapEndpoint());
            c.setUsername(withPassword.sim.options().integrationUsername());
            c.setPassword("s3cret+token");
            PartnerConnection logged = com.sforce.soap.partner.Connector.newConnection(c);
            assertThat(c.getServiceEndpoint()).endsWith("/services/Soap/u/65.0/"
                    + SalesforceIds.to15(withPassword.sim.options().orgId()));
            assertThat(logged.query("SELECT Id FROM User").getSize()).isEqualTo(1);

            ConnectorConfig wrong = new ConnectorConfig();
            wrong.setAuthEndpoint(withPassword.sim.soapEndpoint());
            wrong.setUsername(withPassword.sim.options().integrationUsername());
            wrong.setPassword("wrong");
            assertThatThrownBy(() -> com.sforce.soap.partner.Connector.newConnection(wrong))
                    .isInstanceOf(com.sforce.soap.partner.fault.LoginFault.class);
        }
    }

    private static String code(SaveResult r) {
        return r.getErrors()[0].getStatusCode().name();
    }

    private static Field field(DescribeSObjectResult d, String name) {
        Set<String> names = new HashSet<>();
        for (Field x : d.getFields()) {
            names.add(x.getName());
            if (x.getName().equals(name)) {
                return x;
            }
        }
        throw new AssertionError(name + " not in " + names);
    }
}
