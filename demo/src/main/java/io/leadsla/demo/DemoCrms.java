package io.leadsla.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.core.event.Crm;
import io.leadsla.demo.TrafficPlan.Accept;
import io.leadsla.demo.TrafficPlan.Attempt;
import io.leadsla.demo.TrafficPlan.Create;
import io.leadsla.demo.TrafficPlan.GiveReason;
import io.leadsla.demo.TrafficPlan.Lead;
import io.leadsla.demo.TrafficPlan.Nurture;
import io.leadsla.demo.TrafficPlan.Reject;
import io.leadsla.demo.TrafficPlan.Route;
import io.leadsla.simulator.hubspot.ChangeSource;
import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.hubspot.Owner;
import io.leadsla.simulator.hubspot.SimulatorOptions;
import io.leadsla.simulator.hubspot.UserActions;
import io.leadsla.simulator.hubspot.WebhookConfig;
import io.leadsla.simulator.salesforce.FieldDef;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.OutboundMessageConfig;
import io.leadsla.simulator.salesforce.OutboundRule;
import io.leadsla.simulator.salesforce.RecordSnapshot;
import io.leadsla.simulator.salesforce.SalesforceOptions;
import io.leadsla.simulator.salesforce.SalesforceSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's two CRMs: a HubSpot portal and a Salesforce org, simulated on localhost on the demo's
 * clock, set up as a customer of leadsla would have them (leadsla's properties and fields, a lead
 * source property, the MQL's required data, the sales team and marketing), and the people working
 * in them: each step of the {@link TrafficPlan} done through the simulators' user actions, so that
 * it reaches leadsla as it would from the real CRM (signed webhooks and Outbound Messages, and
 * polling).
 */
final class DemoCrms implements AutoCloseable {

    static final String HUBSPOT_TOKEN = "pat-demo-leadsla";
    static final String HUBSPOT_CLIENT_SECRET = "demo-hubspot-client-secret";
    static final long HUBSPOT_PORTAL = 62515;
    static final long HUBSPOT_APP = 1160452;
    /** The portal's custom properties the demo's mapping reads: attribute → contact property. */
    static final Map<String, String> HUBSPOT_DATA = Map.of("budget", "budget", "decisionMaker", "decision_maker",
            "need", "need");
    static final String HUBSPOT_SOURCE = "lead_source";
    /** The org's custom Lead fields the demo's mapping reads: attribute → field. */
    static final Map<String, String> SALESFORCE_DATA = Map.of("budget", "Budget__c", "decisionMaker",
            "Decision_Maker__c", "need", "Need__c");

    /** Delivery retries, in real time: the simulators wait on the wall clock between them. */
    private static final List<Duration> RETRIES = List.of(Duration.ofMillis(200), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60));
    private static final long FORM = 31;
    private static final long MQL_WORKFLOW = 101;
    private static final long ROUTING_WORKFLOW = 102;
    private static final long NURTURE_WORKFLOW = 103;

    private final Clock clock;
    private final HubSpotSimulator hubspot;
    private final SalesforceSimulator salesforce;
    private final Map<Rep, Owner> owners = new LinkedHashMap<>();
    private final Map<Rep, String> users = new LinkedHashMap<>();
    private final Owner hubspotMarketing;
    private final String salesforceMarketing;
    private final String salesforceQueue;

    private DemoCrms(Clock clock, HubSpotSimulator hubspot, SalesforceSimulator salesforce) {
        this.clock = clock;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.hubspotMarketing = hubspot.actions().addOwner("mia.ops@marketing.acme.example", "Mia", "Ops");
        for (Rep rep : Rep.of(Crm.HUBSPOT)) {
            owners.put(rep, hubspot.actions().addOwner(rep.email(), rep.firstName(), rep.lastName()));
        }
        this.salesforceMarketing = salesforce.actions().addUser("mia.ops@marketing.acme.example", "Mia", "Ops",
                "mia.ops@marketing.acme.example").id();
        this.salesforceQueue = salesforce.actions().addQueue("Marketing Inbound", "Marketing_Inbound").id();
        for (Rep rep : Rep.of(Crm.SALESFORCE)) {
            users.put(rep, salesforce.actions().addUser(rep.email(), rep.firstName(), rep.lastName(), rep.email()).id());
        }
    }

    /** Starts both simulators on free localhost ports, on the demo's clock, and sets them up. */
    static DemoCrms start(Clock clock) {
        // the portal counts its limits in simulated time: at the demo's speed they never bind
        HubSpotSimulator hubspot = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).accessToken(HUBSPOT_TOKEN)
                .portalId(HUBSPOT_PORTAL).appId(HUBSPOT_APP).tenSecondLimit(250).build());
        SalesforceSimulator salesforce = null;
        try {
            preparePortal(hubspot, clock);
            // a session dies after 2 hours without a call: simulated hours pass in seconds, so keep it a day
            salesforce = SalesforceSimulator.start(SalesforceOptions.builder().clock(clock).orgName("Acme (demo)")
                    .sessionTimeout(Duration.ofDays(1)).build());
            prepareOrg(salesforce);
            return new DemoCrms(clock, hubspot, salesforce);
        } catch (RuntimeException e) {
            hubspot.close();
            if (salesforce != null) {
                salesforce.close();
            }
            throw e;
        }
    }

    /** leadsla's properties (what {@code setup} creates), a lead source property and the MQL's required data. */
    private static void preparePortal(HubSpotSimulator hubspot, Clock clock) {
        HubSpotClient client = new HubSpotClient(new HubSpotHttp(HubSpotApiConfig.defaults(hubspot.baseUrl(), HUBSPOT_TOKEN),
                new ObjectMapper(), clock));
        new HubSpotSetup(client).apply();
        List<Map<String, Object>> options = new ArrayList<>();
        for (String source : TrafficPlan.HUBSPOT_SOURCES) {
            options.add(Map.of("label", source, "value", source, "displayOrder", options.size(), "hidden", false));
        }
        client.createProperty("contacts", property(HUBSPOT_SOURCE, "Lead source", "enumeration", "select", options));
        client.createProperty("contacts", property("budget", "Budget", "string", "text", null));
        client.createProperty("contacts", property("decision_maker", "Decision maker", "string", "text", null));
        client.createProperty("contacts", property("need", "Need", "string", "text", null));
    }

    private static Map<String, Object> property(String name, String label, String type, String fieldType,
                                                List<Map<String, Object>> options) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("label", label);
        p.put("type", type);
        p.put("fieldType", fieldType);
        p.put("groupName", "contactinformation");
        if (options != null) {
            p.put("options", options);
        }
        return p;
    }

    /** leadsla's package (its fields on Lead and Task) and the MQL's required data. */
    private static void prepareOrg(SalesforceSimulator salesforce) {
        LeadSlaFields.deployTo(salesforce.schema());
        salesforce.schema().addField("Lead", FieldDef.customText("Budget__c", "Budget", 80));
        salesforce.schema().addField("Lead", FieldDef.customText("Decision_Maker__c", "Decision maker", 80));
        salesforce.schema().addField("Lead", FieldDef.customText("Need__c", "Need", 255));
        // history of the SLA status, for the demo's own account of when leads went at risk or breached
        // (leadsla never reads its own fields back)
        salesforce.schema().track("Lead", LeadSlaFields.STATUS);
    }

    HubSpotSimulator hubspot() {
        return hubspot;
    }

    SalesforceSimulator salesforce() {
        return salesforce;
    }

    /** HubSpot owner id → region, for the connector's mapping. */
    Map<String, String> hubspotOwnerRegions() {
        Map<String, String> regions = new LinkedHashMap<>();
        owners.forEach((rep, owner) -> regions.put(owner.id(), rep.region()));
        return regions;
    }

    /** Salesforce user id → region, for the connector's mapping. */
    Map<String, String> salesforceOwnerRegions() {
        Map<String, String> regions = new LinkedHashMap<>();
        users.forEach((rep, user) -> regions.put(user, rep.region()));
        return regions;
    }

    /**
     * Points the portal's webhooks (signed with the app's client secret, timestamps on the demo's
     * clock, which leadsla checks against its own) and the org's Outbound Message at leadsla.
     */
    void deliverTo(URI hubspotWebhook, List<String> hubspotProperties, URI salesforceListener, List<String> leadFields) {
        hubspot.webhooks().configure(WebhookConfig.builder(hubspotWebhook, HUBSPOT_CLIENT_SECRET)
                .subscribe("contact.deletion")
                .subscribe("contact.merge")
                .contactPropertyChanges(hubspotProperties.toArray(String[]::new))
                .retryDelays(RETRIES)
                .signatureClock(clock)
                .build());
        // as the documented Flow does: on create, and when a field leadsla reads changes
        salesforce.outbound().configure(OutboundMessageConfig.builder("leadsla", salesforceListener)
                .object("Lead")
                .fields(leadFields.toArray(String[]::new))
                .rule(OutboundRule.onChangeOf(leadFields.toArray(String[]::new)))
                .retryDelays(RETRIES)
                .build());
    }

    /** Does one step of the plan; returns the record's id when the step created it. */
    String perform(TrafficPlan.Action action, String recordId, Crm crm) {
        return crm == Crm.HUBSPOT ? onHubSpot(action, recordId) : onSalesforce(action, recordId);
    }

    private String onHubSpot(TrafficPlan.Action action, String id) {
        UserActions act = hubspot.actions();
        Instant now = clock.instant();
        if (action instanceof Create create) {
            Lead lead = create.lead();
            Map<String, String> p = new LinkedHashMap<>();
            p.put("email", lead.email());
            p.put("firstname", lead.firstName());
            p.put("lastname", lead.lastName());
            p.put("company", lead.company());
            p.put("country", lead.country());
            p.put(HUBSPOT_SOURCE, lead.source());
            p.put("hubspotscore", Integer.toString(lead.score()));
            p.put("lifecyclestage", "lead");
            lead.data().forEach((attribute, value) -> p.put(HUBSPOT_DATA.get(attribute), value));
            // a form creates the contact, marketing's scoring workflow makes it an MQL
            String created = act.createContact(p, ChangeSource.of("FORM", Long.toString(FORM))).id();
            act.setProperty(created, "lifecyclestage", "marketingqualifiedlead", ChangeSource.workflow(MQL_WORKFLOW));
            return created;
        } else if (action instanceof Nurture) {
            // a sequence e-mail: no owner, no user: automated, never a first touch
            act.logEmail(id, null, now, "EMAIL", "Thanks for your interest in Acme", ChangeSource.workflow(NURTURE_WORKFLOW));
        } else if (action instanceof Route route) {
            act.assignOwner(id, owners.get(route.rep()).id(), route.manual()
                    ? ChangeSource.crmUi(hubspotMarketing.userId()) : ChangeSource.workflow(ROUTING_WORKFLOW));
        } else if (action instanceof Attempt attempt) {
            Owner owner = owners.get(attempt.rep());
            ChangeSource rep = ChangeSource.crmUi(owner.userId());
            switch (attempt.channel()) {
                case "call" -> act.logCall(id, owner.id(), now, "OUTBOUND", disposition(attempt.outcome()), rep);
                case "email" -> act.logEmail(id, owner.id(), now, "EMAIL", "Following up on your request", rep);
                default -> act.logMeeting(id, owner.id(), now, "COMPLETED", rep);
            }
            if (attempt.first()) {
                act.setProperty(id, "hs_lead_status", "ATTEMPTED_TO_CONTACT", rep);
            }
        } else if (action instanceof Accept accept) {
            act.setProperty(id, "lifecyclestage", "salesqualifiedlead", ChangeSource.crmUi(owners.get(accept.rep()).userId()));
        } else if (action instanceof Reject reject) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("hs_lead_status", "UNQUALIFIED");
            if (reject.reason() != null) {
                p.put("leadsla_rejection_reason", reject.reason());
            }
            act.setProperties(id, p, ChangeSource.crmUi(owners.get(reject.rep()).userId()));
        } else if (action instanceof GiveReason give) {
            act.setProperty(id, "leadsla_rejection_reason", give.reason(), ChangeSource.crmUi(owners.get(give.rep()).userId()));
        }
        return id;
    }

    private static String disposition(String outcome) {
        if (outcome == null) {
            return null;
        }
        return switch (outcome) {
            case "connected" -> UserActions.CALL_CONNECTED;
            case "no answer" -> UserActions.CALL_NO_ANSWER;
            default -> UserActions.CALL_LEFT_VOICEMAIL;
        };
    }

    private String onSalesforce(TrafficPlan.Action action, String id) {
        io.leadsla.simulator.salesforce.UserActions act = salesforce.actions();
        if (action instanceof Create create) {
            Lead lead = create.lead();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("FirstName", lead.firstName());
            f.put("LastName", lead.lastName());
            f.put("Company", lead.company());
            f.put("Email", lead.email());
            f.put("Country", lead.country());
            f.put("LeadSource", lead.source());
            f.put("Rating", lead.rating());
            f.put("Status", "Open - Not Contacted");
            lead.data().forEach((attribute, value) -> f.put(SALESFORCE_DATA.get(attribute), value));
            // web-to-lead: into marketing's queue, qualified by its status
            return act.createLead(f, salesforceQueue, salesforceMarketing).id();
        } else if (action instanceof Route route) {
            act.assignOwner(id, users.get(route.rep()), salesforceMarketing);
        } else if (action instanceof Attempt attempt) {
            String rep = users.get(attempt.rep());
            switch (attempt.channel()) {
                case "call" -> act.logCall(id, "Call", rep);
                case "email" -> act.logEmail(id, "Email: following up on your request", rep);
                default -> act.logMeeting(id, "Discovery meeting", clock.instant(), Duration.ofMinutes(30), rep);
            }
            if (attempt.first()) {
                act.setField(id, "Status", "Working - Contacted", rep);
            }
        } else if (action instanceof Accept accept) {
            act.convertLead(id, users.get(accept.rep()));
        } else if (action instanceof Reject reject) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("Status", "Closed - Not Converted");
            if (reject.reason() != null) {
                f.put(LeadSlaFields.REJECTION_REASON, reject.reason());
            }
            act.setFields(id, f, users.get(reject.rep()));
        } else if (action instanceof GiveReason give) {
            act.setField(id, LeadSlaFields.REJECTION_REASON, give.reason(), users.get(give.rep()));
        }
        // Nurture: no sequence e-mails in the demo org
        return id;
    }

    /** Waits (up to {@code timeout} each) until what the CRMs queued for leadsla was delivered or given up. */
    void drain(Duration timeout) throws InterruptedException {
        hubspot.webhooks().awaitIdle(timeout);
        salesforce.outbound().awaitIdle(timeout);
    }

    /** Leads in the org (a record of the Salesforce simulator). */
    List<RecordSnapshot> salesforceLeads() {
        return salesforce.records("Lead");
    }

    @Override
    public void close() {
        try {
            hubspot.close();
        } finally {
            salesforce.close();
        }
    }
}
