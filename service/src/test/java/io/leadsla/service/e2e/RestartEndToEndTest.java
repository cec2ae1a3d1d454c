package io.leadsla.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.DropwizardTestSupport;
import io.leadsla.connector.Sha256;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.connector.hubspot.webhook.HubSpotWebhookNormalizer;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.salesforce.normalize.WatchedFields;
import io.leadsla.connector.salesforce.outbound.SalesforceOutboundNormalizer;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.simulator.hubspot.AdjustableClock;
import io.leadsla.simulator.hubspot.ChangeSource;
import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.hubspot.ObjectSnapshot;
import io.leadsla.simulator.hubspot.Owner;
import io.leadsla.simulator.hubspot.SimulatorOptions;
import io.leadsla.simulator.hubspot.WebhookAttempt;
import io.leadsla.simulator.hubspot.WebhookConfig;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.OutboundAttempt;
import io.leadsla.simulator.salesforce.OutboundMessageConfig;
import io.leadsla.simulator.salesforce.OutboundRule;
import io.leadsla.simulator.salesforce.RecordSnapshot;
import io.leadsla.simulator.salesforce.SalesforceOptions;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restarts in the middle of leads' lives, over real HTTP, with both CRMs: HubSpot by signed
 * webhooks, Salesforce by Outbound Messages (and its polling of Tasks). The servers run one after
 * the other on one embedded store (files in a temporary directory), one address (the CRMs' retries
 * reach the next server) and one test clock. Whatever was acknowledged to a CRM must be in the
 * store and in the clocks after the restart; every breach must end with exactly one CRM task, and
 * every record with its latest SLA state.
 */
class RestartEndToEndTest {

    /** Monday 09:00 in Paris. */
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    /** The CRMs keep retrying deliveries for ~20 s, longer than a restart here. */
    private static final List<Duration> RETRIES = List.of(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(8));
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A lead in one of the CRMs, and when it was handed to the rep (the rep's clock starts there). */
    private record Lead(String crm, String id, Instant handoff) {
        String breachKey() {
            return crm + ":" + id + ":first-contact:1:BREACH";
        }
    }

    private AdjustableClock clock;
    private HubSpotSimulator hubspot;
    private SalesforceSimulator salesforce;
    private Path store;
    private StoreProbe probe;
    private int port;
    private DropwizardTestSupport<LeadslaConfiguration> server;
    private Owner hubspotRep;
    private RecordSnapshot marketing;
    private RecordSnapshot salesforceRep;
    private RecordSnapshot queue;

    @BeforeEach
    void crmsAndAnEmptyStore() {
        clock = new AdjustableClock(T0);
        hubspot = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).accessToken(E2eServer.HUBSPOT_TOKEN)
                .portalId(62515).appId(E2eServer.HUBSPOT_APP_ID).tenSecondLimit(100).build());
        // leadsla's properties, created as setup does (unpaced: the portal is empty, and setup's calls are few)
        new HubSpotSetup(new HubSpotClient(new HubSpotHttp(HubSpotApiConfig.defaults(hubspot.baseUrl(), E2eServer.HUBSPOT_TOKEN)
                .withRequestsPer10Seconds(1_000), new ObjectMapper(), clock))).apply();
        salesforce = SalesforceSimulator.start(SalesforceOptions.builder().clock(clock).build());
        LeadSlaFields.deployTo(salesforce.schema());
        store = E2eServer.temporaryDirectory("leadsla-restart-e2e");
        probe = new StoreProbe(store);
        port = E2eServer.freePort();
        hubspotRep = hubspot.actions().addOwner("rita@example.com", "Rita", "Rep");
        marketing = salesforce.actions().addUser("mops@acme.example", "Mia", "Ops", "mops@acme.example");
        salesforceRep = salesforce.actions().addUser("rita@acme.example", "Rita", "Rep", "rita@acme.example");
        queue = salesforce.actions().addQueue("Marketing", "Marketing_Queue");
        URI base = URI.create("http://localhost:" + port);
        hubspot.webhooks().configure(WebhookConfig.builder(base.resolve("/webhooks/hubspot"), E2eServer.HUBSPOT_SECRET)
                .subscribe("contact.deletion")
                .contactPropertyChanges("lifecyclestage", "hs_lead_status", "hubspot_owner_id", "hubspotscore",
                        "leadsla_rejection_reason", "leadsla_sla_status")
                .retryDelays(RETRIES)
                .signatureClock(clock)
                .build());
        salesforce.outbound().configure(OutboundMessageConfig.builder("leadsla", base.resolve("/webhooks/salesforce?secret=" + E2eServer.SALESFORCE_SECRET))
                .object("Lead")
                .fields(WatchedFields.of(SalesforceMapping.defaults()).lead().toArray(String[]::new))
                .rule(OutboundRule.always())
                .retryDelays(RETRIES)
                .build());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (server != null) {
            server.after();
        }
        hubspot.close();
        salesforce.close();
        probe.close();
    }

    private void startServer() {
        // polling hourly: webhooks and Outbound Messages carry the traffic; each server polls once at its start
        server = E2eServer.on(clock, store, port).hubspot(hubspot, "1h").salesforce(salesforce, "1h").start();
    }

    private void stopServer() {
        server.after();
        server = null;
    }

    // ---- the CRMs' people ----

    /** A contact with a score of 95 (hot: 5 minutes), qualified and assigned to the rep by a workflow. */
    private Lead hotContact(String email) {
        ChangeSource workflow = ChangeSource.workflow(77);
        ObjectSnapshot contact = hubspot.actions().createContact(Map.of("email", email, "hubspotscore", "95"), workflow);
        hubspot.actions().setProperty(contact.id(), "lifecyclestage", "marketingqualifiedlead", workflow);
        hubspot.actions().assignOwner(contact.id(), hubspotRep.id(), workflow);
        return new Lead("hubspot", contact.id(), clock.instant());
    }

    /** A demo request (hot: 5 minutes) created in the marketing queue, routed to the rep 10 s later. */
    private Lead demoRequest(String lastName) {
        RecordSnapshot lead = salesforce.actions().createLead(Map.of("LastName", lastName, "Company", lastName + " Ltd",
                "Status", "Open - Not Contacted", "LeadSource", "Demo Request"), queue.id(), marketing.id());
        clock.advance(Duration.ofSeconds(10));
        salesforce.actions().assignOwner(lead.id(), salesforceRep.id(), marketing.id());
        return new Lead("salesforce", lead.id(), clock.instant());
    }

    private String status(Lead lead) {
        return lead.crm().equals("hubspot") ? hubspot.contact(lead.id()).orElseThrow().property("leadsla_sla_status")
                : (String) salesforce.record(lead.id()).orElseThrow().get(LeadSlaFields.STATUS);
    }

    private Object breachedAt(Lead lead) {
        return lead.crm().equals("hubspot") ? hubspot.contact(lead.id()).orElseThrow().property("leadsla_breached_at")
                : salesforce.record(lead.id()).orElseThrow().get(LeadSlaFields.BREACHED_AT);
    }

    /** The tasks leadsla made on the record, as the CRM has them: id → leadsla's key. */
    private Map<String, String> tasks(Lead lead) {
        if (lead.crm().equals("hubspot")) {
            return hubspot.tasksOf(lead.id()).stream()
                    .collect(java.util.stream.Collectors.toMap(ObjectSnapshot::id, t -> String.valueOf(t.property("leadsla_task_key"))));
        }
        return salesforce.records("Task").stream()
                .filter(t -> lead.id().equals(t.string("WhoId")) && t.string(LeadSlaFields.TASK_KEY) != null)
                .collect(java.util.stream.Collectors.toMap(RecordSnapshot::id, t -> t.string(LeadSlaFields.TASK_KEY)));
    }

    private boolean breachedWithOneTask(Lead lead) {
        return "BREACHED".equals(status(lead)) && tasks(lead).size() == 1;
    }

    private long crmTaskCalls() {
        return hubspot.requests().count("POST /crm/v3/objects/{objectType}") + salesforce.requests().count("upsert");
    }

    // ---- what must hold after a restart ----

    /**
     * Every delivery a CRM was told we had (2xx, SOAP Ack) is in the inbox — at once, that is the
     * promise — and gets read (the pipeline may still be busy with a poll).
     */
    private void nothingAcknowledgedIsLost() {
        List<WebhookAttempt> webhooks = hubspot.webhooks().attempts().stream().filter(WebhookAttempt::succeeded).toList();
        List<OutboundAttempt> messages = salesforce.outbound().attempts().stream().filter(OutboundAttempt::acknowledged).toList();
        assertThat(webhooks).as("HubSpot webhook deliveries acknowledged").isNotEmpty();
        assertThat(messages).as("Outbound Messages acknowledged").isNotEmpty();
        List<Long> rows = new java.util.ArrayList<>();
        for (WebhookAttempt w : webhooks) {
            rows.add(probe.inbox(HubSpotWebhookNormalizer.SOURCE, Sha256.hex(w.body()))
                    .orElseThrow(() -> new AssertionError("lost: a HubSpot webhook acknowledged at " + w.sentAt()
                            + " with " + w.events())).id());
        }
        for (OutboundAttempt m : messages) {
            rows.add(probe.inbox(SalesforceOutboundNormalizer.SOURCE, Sha256.hex(m.requestBody()))
                    .orElseThrow(() -> new AssertionError("lost: an Outbound Message acknowledged at " + m.at() + ": "
                            + m.requestBody())).id());
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe.inbox())
                .filteredOn(row -> rows.contains(row.id()))
                .as("acknowledged deliveries, read and not set aside")
                .allSatisfy(row -> assertThat(row.processedAt() != null && row.failedAt() == null).as("%s", row).isTrue()));
        assertThat(probe.inbox()).as("nothing set aside").allSatisfy(row -> assertThat(row.failedAt()).isNull());
    }

    /** The lead's MQL and handoff are events, and its rep's clock started at the handoff. */
    private void learned(Lead lead) {
        assertThat(probe.events(lead.crm(), lead.id())).extracting(StoreProbe.EventRow::type)
                .as("%s", lead).contains("MQL_QUALIFIED", "HANDED_OFF");
        assertThat(probe.clock(lead.crm(), lead.id(), "first-contact")).as("%s", lead)
                .hasValueSatisfying(c -> assertThat(c.startedAt()).isEqualTo(lead.handoff()));
    }

    /** Exactly one task on the record: the breach's, with its key, recorded by leadsla under the CRM's id. */
    private void oneBreachTask(Lead lead) {
        Map<String, String> tasks = tasks(lead);
        assertThat(tasks).as("tasks on %s", lead).hasSize(1).containsValue(lead.breachKey());
        assertThat(probe.taskRequests(lead.crm(), lead.id())).as("task requests of %s", lead).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(lead.breachKey());
            assertThat(r.crmTaskId()).isIn(tasks.keySet());
            assertThat(r.doneAt()).isNotNull();
            assertThat(r.failedAt()).isNull();
        });
        assertThat(status(lead)).as("%s shows its latest state", lead).isEqualTo("BREACHED");
        assertThat(breachedAt(lead)).as("%s", lead).isNotNull();
        assertThat(probe.clock(lead.crm(), lead.id(), "first-contact").orElseThrow().status()).isEqualTo("BREACHED");
    }

    /** Quiet for half a second (25 pipeline rounds): no task created, nothing written again. */
    private void settled() throws InterruptedException {
        assertThat(hubspot.webhooks().awaitIdle(WAIT)).isTrue();
        assertThat(salesforce.outbound().awaitIdle(WAIT)).isTrue();
        long taskCalls = crmTaskCalls();
        long writes = hubspot.requests().count("POST /crm/v3/objects/{objectType}/batch/update")
                + salesforce.requests().count("update");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> crmTaskCalls() == taskCalls
                && hubspot.requests().count("POST /crm/v3/objects/{objectType}/batch/update")
                + salesforce.requests().count("update") == writes);
        assertThat(probe.outbox("hubspot")).as("HubSpot write-backs pending").isEmpty();
        assertThat(probe.outbox("salesforce")).as("Salesforce write-backs pending").isEmpty();
    }

    @Test
    void aGracefulRestartInTheMiddleLosesNothingAndCreatesNoDuplicateTask() throws Exception {
        startServer();
        Lead h1 = hotContact("h1@example.com");
        Lead s1 = demoRequest("Lovelace");
        await().atMost(WAIT).until(() -> "ON_TRACK".equals(status(h1)) && "ON_TRACK".equals(status(s1)));
        clock.advance(Duration.ofMinutes(2));
        Lead h2 = hotContact("h2@example.com");
        Lead s2 = demoRequest("Hopper");
        await().atMost(WAIT).until(() -> "ON_TRACK".equals(status(h2)) && "ON_TRACK".equals(status(s2)));

        // HubSpot's API goes down; h1 and s1 breach: h1's task is asked for and cannot be created,
        // s1's is created in Salesforce (before the stop)
        hubspot.outage(true);
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(30));
        await().atMost(WAIT).until(() -> probe.taskRequests("hubspot", h1.id()).stream().anyMatch(r -> r.attempts() >= 1)
                && probe.taskRequests("salesforce", s1.id()).stream().anyMatch(r -> r.doneAt() != null));
        assertThat(probe.taskRequests("hubspot", h1.id())).singleElement()
                .satisfies(r -> assertThat(r.crmTaskId()).as("pending").isNull());
        assertThat(tasks(h1)).isEmpty();
        assertThat(status(h1)).as("the BREACHED write-back cannot go out either").isNotEqualTo("BREACHED");
        assertThat(tasks(s1)).hasSize(1);
        // new leads keep coming while HubSpot's API is down: acknowledged, not yet breached at the stop
        Lead h3 = hotContact("h3@example.com");
        Lead s3 = demoRequest("Turing");
        assertThat(hubspot.webhooks().awaitIdle(WAIT)).isTrue();
        assertThat(salesforce.outbound().awaitIdle(WAIT)).isTrue();
        for (Lead l : List.of(h2, s2)) {
            assertThat(probe.clock(l.crm(), l.id(), "first-contact").orElseThrow().status()).as("%s at the stop", l)
                    .isEqualTo("ON_TRACK");
        }
        stopServer();
        probe.close(); // the next server reads the files

        // while leadsla is down: a rep calls s2 in time (only polling sees a Task), two more leads arrive
        clock.advance(Duration.ofSeconds(20));
        RecordSnapshot call = salesforce.actions().logCall(s2.id(), "Intro call", salesforceRep.id());
        Lead h4 = hotContact("h4@example.com");
        Lead s4 = demoRequest("Hamilton");
        hubspot.outage(false);

        startServer();
        await().atMost(WAIT).until(() -> probe.events("salesforce", s2.id()).stream().anyMatch(e -> e.type().equals("CONTACT_ATTEMPT"))
                && !probe.events("hubspot", h4.id()).isEmpty() && !probe.events("salesforce", s4.id()).isEmpty());
        clock.set(T0.plus(Duration.ofMinutes(15)));
        List<Lead> breached = List.of(h1, s1, h2, h3, s3, h4, s4);
        await().atMost(WAIT).until(() -> breached.stream().allMatch(this::breachedWithOneTask));
        settled();

        nothingAcknowledgedIsLost();
        for (Lead l : List.of(h1, s1, h2, s2, h3, s3, h4, s4)) {
            learned(l);
        }
        for (Lead l : breached) {
            oneBreachTask(l);
        }
        assertThat(probe.clock("salesforce", s2.id(), "first-contact").orElseThrow()).satisfies(c -> {
            assertThat(c.status()).as("the call during the restart, learned by polling").isEqualTo("MET");
            assertThat(c.stoppedAt()).isEqualTo(call.instant("CreatedDate"));
        });
        assertThat(tasks(s2)).isEmpty();
        assertThat(probe.taskRequests("salesforce", s2.id())).isEmpty();
        assertThat(status(s2)).isEqualTo("ON_TRACK");
    }

    /**
     * The window a graceful stop never opens: the CRM created the task, and leadsla dies before it
     * records so. The store is cut from under the server while the CRM's answer is on its way (the
     * simulator answers 0.6 s late), then the database closes as a killed process leaves it. Twice:
     * HubSpot (the writer searches the key first), then Salesforce (upsert on the key).
     */
    @Test
    void aCrashBetweenTheCrmCreatingATaskAndLeadslaRecordingItMakesNoSecondTask() throws Exception {
        startServer();
        Lead h1 = hotContact("h1@example.com");
        clock.advance(Duration.ofMinutes(1));
        Lead s1 = demoRequest("Lovelace");
        await().atMost(WAIT).until(() -> "ON_TRACK".equals(status(h1)) && "ON_TRACK".equals(status(s1)));

        hubspot.faults().responseDelay(Duration.ofMillis(600));
        clock.set(h1.handoff().plus(Duration.ofMinutes(5)).plusSeconds(10)); // h1 breached, s1 not yet
        crashOnceTheCrmHasTheTask(h1);
        hubspot.faults().responseDelay(Duration.ZERO);

        startServer();
        // the dead server still holds the CRM accounts' lease: nothing is written until it runs out
        assertThat(probe.taskRequests("hubspot", h1.id())).as("the crash lost the task's id").singleElement()
                .satisfies(r -> assertThat(r.doneAt()).isNull());
        assertThat(tasks(h1)).hasSize(1);
        clock.advance(Duration.ofSeconds(31));
        await().atMost(WAIT).until(() -> probe.taskRequests("hubspot", h1.id()).stream().allMatch(r -> r.doneAt() != null)
                && "BREACHED".equals(status(h1)));

        salesforce.faults().responseDelay(Duration.ofMillis(600));
        clock.set(s1.handoff().plus(Duration.ofMinutes(5)).plusSeconds(10));
        crashOnceTheCrmHasTheTask(s1);
        salesforce.faults().responseDelay(Duration.ZERO);

        startServer();
        assertThat(probe.taskRequests("salesforce", s1.id())).singleElement().satisfies(r -> assertThat(r.doneAt()).isNull());
        clock.advance(Duration.ofSeconds(31));
        await().atMost(WAIT).until(() -> probe.taskRequests("salesforce", s1.id()).stream().allMatch(r -> r.doneAt() != null)
                && "BREACHED".equals(status(s1)));
        settled();

        nothingAcknowledgedIsLost();
        for (Lead l : List.of(h1, s1)) {
            learned(l);
            oneBreachTask(l);
        }
    }

    /** Waits until the CRM holds the lead's breach task, then kills the server while the CRM's answer is on its way. */
    private void crashOnceTheCrmHasTheTask(Lead lead) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> tasks(lead).size() == 1);
        crash();
    }

    /**
     * The server dies now: its store connections are gone (nothing more commits), the database is
     * closed without writing what it had not written yet, as {@code kill -9} leaves it; then its
     * remains (Jetty, threads) are stopped. Its leases are not given up.
     */
    private void crash() {
        E2eServer.closeStoreUnder(server);
        probe.crash();
        stopServer();
    }

    /**
     * SPEC: "2xx only once the batch is durably stored". A webhook and an Outbound Message are
     * acknowledged, then the process dies at once (the database closed without writing what it
     * had not written yet, as {@code kill -9} leaves it).
     */
    @Test
    void deliveriesAcknowledgedJustBeforeACrashAreNotLost() throws Exception {
        startServer();
        Lead h1 = hotContact("h1@example.com");
        Lead s1 = demoRequest("Lovelace");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() ->
                hubspot.webhooks().attempts().stream().anyMatch(a -> a.succeeded() && a.events().stream()
                        .anyMatch(e -> "hubspot_owner_id".equals(e.propertyName()) && Long.toString(e.objectId()).equals(h1.id())))
                && salesforce.outbound().attempts().stream().anyMatch(a -> a.acknowledged()
                        && a.requestBody().contains(salesforceRep.id())));
        // the crash comes within milliseconds of the acknowledgements: with H2's default 0.5 s write
        // delay this test lost the HubSpot delivery in 4 runs out of 4 (no timing assertion here: a
        // slow machine must not fail it)
        crash();
        probe.close();

        startServer();
        nothingAcknowledgedIsLost();
    }
}
