package io.leadsla.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.simulator.hubspot.AdjustableClock;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.RecordSnapshot;
import io.leadsla.simulator.salesforce.SalesforceOptions;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Salesforce with no Outbound Message at all: leadsla learns everything by polling — SOQL on Lead,
 * LeadHistory, Task and Event — over force-wsc against the simulated org, and writes the SLA
 * fields and Tasks back. The poll interval (10 s) and every deadline run on the test's clock: the
 * test moves it, so each step below is one poll, with no waiting for real time.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforcePollingEndToEndTest {

    /** Monday 09:00 in Paris. */
    private static final AdjustableClock CLOCK = new AdjustableClock(Instant.parse("2026-11-23T08:00:00Z"));
    /** More than the poll interval: each move of the clock lets every poller run once. */
    private static final Duration POLL = Duration.ofSeconds(15);
    private static final SalesforceSimulator SALESFORCE = orgWithLeadslaFields();
    private static final Path STORE = E2eServer.temporaryDirectory("leadsla-sf-poll-e2e");
    private static final StoreProbe PROBE = new StoreProbe(STORE);

    static final DropwizardAppExtension<LeadslaConfiguration> APP = new DropwizardAppExtension<>(
            E2eServer.on(CLOCK, STORE, 0).salesforce(SALESFORCE, "10s").build());

    private static final RecordSnapshot MARKETING = SALESFORCE.actions().addUser("mops@acme.example", "Mia", "Ops",
            "mops@acme.example");
    private static final RecordSnapshot REP = SALESFORCE.actions().addUser("rita@acme.example", "Rita", "Rep",
            "rita@acme.example");
    private static final RecordSnapshot QUEUE = SALESFORCE.actions().addQueue("Marketing", "Marketing_Queue");

    private static SalesforceSimulator orgWithLeadslaFields() {
        SalesforceSimulator salesforce = SalesforceSimulator.start(SalesforceOptions.builder().clock(CLOCK).build());
        LeadSlaFields.deployTo(salesforce.schema());
        return salesforce;
    }

    @AfterAll
    static void stop() {
        SALESFORCE.close();
    }

    private static Object field(String id, String field) {
        return SALESFORCE.record(id).orElseThrow().get(field);
    }

    /** Tasks on the lead that leadsla made (they carry its key). */
    private static List<RecordSnapshot> leadslaTasks(String leadId) {
        return SALESFORCE.records("Task").stream()
                .filter(t -> leadId.equals(t.string("WhoId")) && t.string(LeadSlaFields.TASK_KEY) != null).toList();
    }

    private static long soql() {
        return SALESFORCE.requests().count("query");
    }

    /** Moves the clock past the poll interval and waits until a poll of Lead has run at the new time. */
    private static void nextPoll() {
        long before = soql();
        CLOCK.advance(POLL);
        // Lead, LeadHistory, Task, Event, and the lead's first Status rows: at least 4 queries
        await().atMost(Duration.ofSeconds(10)).until(() -> soql() >= before + 4);
    }

    private static RecordSnapshot demoRequestInTheQueue(String lastName) {
        return SALESFORCE.actions().createLead(Map.of("LastName", lastName, "Company", lastName + " Ltd",
                "Status", "Open - Not Contacted", "LeadSource", "Demo Request"), QUEUE.id(), MARKETING.id());
    }

    @Test
    @Order(1)
    void aCallTheRepLoggedStopsTheFirstContactClockAsMet() {
        RecordSnapshot lead = demoRequestInTheQueue("Hopper");
        CLOCK.advance(Duration.ofSeconds(30));
        SALESFORCE.actions().assignOwner(lead.id(), REP.id(), MARKETING.id());
        Instant handoff = CLOCK.instant();
        nextPoll();
        await().atMost(Duration.ofSeconds(10)).until(() -> "first-contact".equals(field(lead.id(), LeadSlaFields.POLICY))
                && "ON_TRACK".equals(field(lead.id(), LeadSlaFields.STATUS)));

        CLOCK.advance(Duration.ofMinutes(2)); // within the 5 minutes of a demo request
        RecordSnapshot call = SALESFORCE.actions().logCall(lead.id(), "Intro call", REP.id());
        nextPoll();
        await().atMost(Duration.ofSeconds(10)).until(() -> PROBE.clock("salesforce", lead.id(), "first-contact")
                .map(c -> c.status().equals("MET")).orElse(false));
        StoreProbe.ClockRow firstContact = PROBE.clock("salesforce", lead.id(), "first-contact").orElseThrow();
        assertThat(firstContact.startedAt()).as("the rep's clock starts at the assignment (LeadHistory)").isEqualTo(handoff);
        assertThat(firstContact.stoppedAt()).as("stopped by the call, at its CreatedDate")
                .isEqualTo(call.instant("CreatedDate"));
        assertThat(firstContact.breachedAt()).isNull();
        assertThat(PROBE.events("salesforce", lead.id())).extracting(StoreProbe.EventRow::type)
                .contains("MQL_QUALIFIED", "HANDED_OFF", "CONTACT_ATTEMPT");
        // what the rep sees moves on to the next promise, with the attempt counted
        await().atMost(Duration.ofSeconds(10)).until(() -> field(lead.id(), LeadSlaFields.ATTEMPTS) instanceof Number n && n.intValue() == 1
                && !"first-contact".equals(field(lead.id(), LeadSlaFields.POLICY)));
        assertThat(field(lead.id(), LeadSlaFields.STATUS)).isEqualTo("ON_TRACK");

        // well past the 5 minutes: no breach, no task
        CLOCK.advance(Duration.ofMinutes(10));
        nextPoll();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> leadslaTasks(lead.id()).isEmpty());
        assertThat(PROBE.clock("salesforce", lead.id(), "first-contact").orElseThrow().status()).isEqualTo("MET");
        assertThat(PROBE.taskRequests("salesforce", lead.id())).isEmpty();
        assertThat(field(lead.id(), LeadSlaFields.BREACHED_AT)).isNull();
    }

    @Test
    @Order(2)
    void aLeadNobodyCallsGoesAtRiskThenBreachesWithOneTaskAndARejectionWithoutReasonAsksForOneOnceItsGraceRanOut() {
        RecordSnapshot lead = demoRequestInTheQueue("Lovelace");
        Instant mql = CLOCK.instant();
        CLOCK.advance(Duration.ofSeconds(30));
        SALESFORCE.actions().assignOwner(lead.id(), REP.id(), MARKETING.id());
        Instant handoff = CLOCK.instant();
        nextPoll();

        // MQL from the queue, then routed to the rep: the rep's 5 minutes run from the assignment
        await().atMost(Duration.ofSeconds(10)).until(() -> "first-contact".equals(field(lead.id(), LeadSlaFields.POLICY))
                && "ON_TRACK".equals(field(lead.id(), LeadSlaFields.STATUS)));
        StoreProbe.ClockRow clock = PROBE.clock("salesforce", lead.id(), "first-contact").orElseThrow();
        assertThat(clock.startedAt()).isEqualTo(handoff);
        assertThat(clock.dueAt()).isEqualTo(handoff.plus(Duration.ofMinutes(5)));
        assertThat(PROBE.clock("salesforce", lead.id(), "mql-handoff").orElseThrow())
                .satisfies(c -> {
                    assertThat(c.startedAt()).as("the MQL: the lead was created as one").isEqualTo(mql);
                    assertThat(c.status()).isEqualTo("MET");
                });
        assertThat(SALESFORCE.record(lead.id()).orElseThrow().instant(LeadSlaFields.DUE_AT))
                .as("the countdown the rep sees").isEqualTo(handoff.plus(Duration.ofMinutes(5)));

        CLOCK.set(handoff.plus(Duration.ofMinutes(4))); // past 75 % of the 5 minutes
        nextPoll();
        await().atMost(Duration.ofSeconds(10)).until(() -> "AT_RISK".equals(field(lead.id(), LeadSlaFields.STATUS)));
        assertThat(leadslaTasks(lead.id())).isEmpty();

        CLOCK.set(handoff.plus(Duration.ofMinutes(6)));
        nextPoll();
        await().atMost(Duration.ofSeconds(10)).until(() -> "BREACHED".equals(field(lead.id(), LeadSlaFields.STATUS))
                && leadslaTasks(lead.id()).size() == 1);
        RecordSnapshot task = leadslaTasks(lead.id()).get(0);
        String breachKey = "salesforce:" + lead.id() + ":first-contact:1:BREACH";
        assertThat(task.string("OwnerId")).as("the rep's task").isEqualTo(REP.id());
        assertThat(task.string(LeadSlaFields.TASK_KEY)).isEqualTo(breachKey);
        assertThat(field(lead.id(), LeadSlaFields.BREACHED_AT)).isNotNull();
        assertThat(PROBE.taskRequests("salesforce", lead.id())).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(breachKey);
            assertThat(r.crmTaskId()).isEqualTo(task.id());
            assertThat(r.doneAt()).isNotNull();
        });

        // leadsla's own writes and its Task come back in the next polls: no loop, no attempt, no second task
        for (int i = 0; i < 3; i++) {
            nextPoll();
        }
        long updates = SALESFORCE.requests().count("update");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
                .until(() -> SALESFORCE.requests().count("update") == updates);
        assertThat(leadslaTasks(lead.id())).hasSize(1);
        assertThat(field(lead.id(), LeadSlaFields.STATUS)).isEqualTo("BREACHED");
        assertThat(PROBE.clock("salesforce", lead.id(), "first-contact").orElseThrow().attempts())
                .as("leadsla's task is not a contact attempt").isZero();

        // the rep rejects the lead, without a reason: 4 business hours to give one, then a task asks for it
        CLOCK.advance(Duration.ofMinutes(1));
        SALESFORCE.actions().setField(lead.id(), "Status", "Closed - Not Converted", REP.id());
        nextPoll();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "rejection-reason".equals(field(lead.id(), LeadSlaFields.POLICY)));
        assertThat(PROBE.events("salesforce", lead.id())).extracting(StoreProbe.EventRow::type).contains("REJECTED");
        CLOCK.advance(Duration.ofHours(3)); // 3 business hours later: still within its grace
        nextPoll();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> leadslaTasks(lead.id()).size() == 1);

        CLOCK.advance(Duration.ofHours(2)); // past the 4 business hours (a lunch break of one hour in between)
        nextPoll();
        String reasonKey = "salesforce:" + lead.id() + ":rejection-reason:1:MISSING_REASON";
        await().atMost(Duration.ofSeconds(10)).until(() -> leadslaTasks(lead.id()).size() == 2);
        RecordSnapshot ask = leadslaTasks(lead.id()).stream().filter(t -> reasonKey.equals(t.string(LeadSlaFields.TASK_KEY)))
                .findFirst().orElseThrow();
        assertThat(ask.string("Subject")).isEqualTo("Add a rejection reason");
        assertThat(ask.string("OwnerId")).isEqualTo(REP.id());
        for (int i = 0; i < 2; i++) {
            nextPoll();
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> leadslaTasks(lead.id()).size() == 2);
        assertThat(PROBE.taskRequests("salesforce", lead.id())).extracting(StoreProbe.TaskRequestRow::key)
                .containsExactly(breachKey, reasonKey);
        // all of it came by polling, and every page was read
        assertThat(PROBE.inbox()).isNotEmpty().allSatisfy(item -> {
            assertThat(item.source()).startsWith("salesforce-poll-");
            assertThat(item.failedAt()).as("set aside: %s", item).isNull();
        });
    }
}
