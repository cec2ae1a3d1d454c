package io.leadsla.connector.hubspot.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.followup.TaskKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.hubspot.mapping.ContactChangeInterpreter;
import io.leadsla.connector.hubspot.mapping.HubSpotMapping;
import io.leadsla.connector.hubspot.mapping.PortalProperties;
import io.leadsla.connector.hubspot.mapping.PropertyDefinition;
import io.leadsla.connector.hubspot.poll.HubSpotActivityNormalizer;
import io.leadsla.connector.hubspot.poll.HubSpotActivityPoller;
import io.leadsla.connector.hubspot.poll.HubSpotContactPageNormalizer;
import io.leadsla.connector.hubspot.poll.HubSpotContactPoller;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.connector.hubspot.writeback.HubSpotWriter;
import io.leadsla.connector.writeback.TaskTemplates;
import io.leadsla.connector.api.Poller;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.connector.api.TaskRequest;
import io.leadsla.connector.api.WriteBack;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.simulator.hubspot.AdjustableClock;
import io.leadsla.simulator.hubspot.ChangeSource;
import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.hubspot.ObjectSnapshot;
import io.leadsla.simulator.hubspot.SimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against the stateful simulator: setup, mapping check, write-back, tasks, polling. */
class HubSpotSimulatorContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final AdjustableClock clock = new AdjustableClock(T0);
    private HubSpotSimulator hubspot;
    private HubSpotClient client;

    @BeforeEach
    void start() {
        hubspot = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).accessToken("pat-sim").portalId(62515)
                .appId(4242).tenSecondLimit(100).searchPerSecondLimit(5).build());
        client = new HubSpotClient(new HubSpotHttp(HubSpotApiConfig.defaults(hubspot.baseUrl(), "pat-sim"), JSON, clock,
                Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        hubspot.close();
    }

    @Test
    void setupThenTheDefaultMappingFitsAndWritesAndTasksLand() {
        assertThat(client.account().portalId()).isEqualTo("62515");
        new HubSpotSetup(client).apply();
        assertThat(new HubSpotSetup(client).plan()).as("a second setup has nothing to do").allMatch(HubSpotSetup.Step::exists);
        List<PropertyDefinition> portal = client.properties("contacts").stream()
                .map(p -> new PropertyDefinition(p.name(), p.type(), p.options())).toList();
        assertThat(HubSpotMapping.defaults().problems(PortalProperties.of(portal))).isEmpty();

        ObjectSnapshot contact = hubspot.actions().createContact(Map.of("email", "ada@example.com"), ChangeSource.crmUi(9001));
        LeadKey lead = new LeadKey(Crm.HUBSPOT, contact.id());
        HubSpotWriter writer = new HubSpotWriter(client, "62515", TaskTemplates.defaults(ZoneId.of("Europe/Paris")), clock);
        RecordSla breached = new RecordSla(lead, 1, ClockStatus.BREACHED, "first-contact", T0, T0, 0);
        List<CrmWriter.Outcome> outcomes = writer.write(List.of(new WriteBack(lead, "contact", breached, 1, 0),
                new WriteBack(new LeadKey(Crm.HUBSPOT, "999999"), "contact", breached, 1, 0)));
        assertThat(outcomes).contains(new CrmWriter.Written(lead));
        assertThat(outcomes).filteredOn(o -> o.lead().recordId().equals("999999")).singleElement()
                .isInstanceOf(CrmWriter.Rejected.class);
        assertThat(hubspot.contact(contact.id()).orElseThrow().property("leadsla_sla_status")).isEqualTo("BREACHED");
        assertThat(hubspot.contact(contact.id()).orElseThrow().property("leadsla_sla_due_at"))
                .isIn(Long.toString(T0.toEpochMilli()), "2026-11-23T08:00:00Z", "2026-11-23T08:00:00.000Z");

        TaskRequest request = new TaskRequest(TaskRequest.key(lead, "first-contact", 1, TaskKind.BREACH), lead,
                "contact", TaskKind.BREACH, "first-contact", 1, null, T0, T0, 0);
        String first = writer.createTask(request);
        String again = writer.createTask(request);
        assertThat(again).as("the retry finds the task by its key").isEqualTo(first);
        assertThat(hubspot.tasksOf(contact.id())).singleElement()
                .satisfies(t -> assertThat(t.property("leadsla_task_key")).isEqualTo(request.key()));
    }

    @Test
    void pollingReadsChangesAtTheirHubSpotTimesAndCallsAsAttempts() {
        new HubSpotSetup(client).apply();
        ObjectSnapshot contact = hubspot.actions().createContact(Map.of("email", "grace@example.com", "hubspotscore", "90"),
                ChangeSource.crmUi(9001));
        clock.advance(Duration.ofMinutes(1));
        hubspot.actions().setProperty(contact.id(), "lifecyclestage", "marketingqualifiedlead", ChangeSource.workflow(7));
        clock.advance(Duration.ofMinutes(1));
        var owner = hubspot.actions().addOwner("rep@example.com", "Rita", "Rep");
        hubspot.actions().assignOwner(contact.id(), owner.id(), ChangeSource.crmUi(9001));
        clock.advance(Duration.ofMinutes(2));
        hubspot.actions().logCall(contact.id(), owner.id(), clock.instant(), "OUTBOUND", null, ChangeSource.crmUi(9001));
        clock.advance(Duration.ofMinutes(1));

        ContactChangeInterpreter interpreter = new ContactChangeInterpreter(HubSpotMapping.defaults());
        List<String> watched = List.copyOf(interpreter.watchedProperties());
        Poller.Poll contacts = new HubSpotContactPoller(client, JSON, "62515", watched, watched, Duration.ofMinutes(5),
                T0.minusSeconds(3600), 1_000).poll(Optional.empty());
        Poller.Poll calls = new HubSpotActivityPoller(client, JSON, "62515", "calls", Duration.ofMinutes(5),
                T0.minusSeconds(3600), 1_000).poll(Optional.empty());

        List<LeadEvent> events = new java.util.ArrayList<>();
        contacts.pages().forEach(p -> events.addAll(new HubSpotContactPageNormalizer(JSON, interpreter).normalize(p.body())));
        calls.pages().forEach(p -> events.addAll(new HubSpotActivityNormalizer(JSON).normalize(p.body())));
        assertThat(events).filteredOn(e -> e.type() != EventType.ATTRIBUTES_CHANGED)
                .extracting(LeadEvent::type, LeadEvent::occurredAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(EventType.MQL_QUALIFIED, T0.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple(EventType.HANDED_OFF, T0.plusSeconds(120)),
                        org.assertj.core.groups.Tuple.tuple(EventType.CONTACT_ATTEMPT, T0.plusSeconds(240)));
        assertThat(events).filteredOn(e -> e.type() == EventType.ATTRIBUTES_CHANGED)
                .anySatisfy(e -> assertThat(e.attributes()).containsEntry("score", "90"));
        assertThat(contacts.caughtUp()).isTrue();
    }
}
