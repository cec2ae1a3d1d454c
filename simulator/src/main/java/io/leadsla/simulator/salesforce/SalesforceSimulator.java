package io.leadsla.simulator.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.simulator.http.LocalHttpServer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful stand-in for one Salesforce org on localhost, spoken to with force-wsc's PartnerConnection: the
 * OAuth token endpoint (JWT bearer and client credentials), the SOAP Partner API (query, queryMore, create,
 * update, upsert, describeSObject, getUserInfo, login) with Salesforce's faults and per-record errors and the
 * LimitInfoHeader, the REST limits resource, field history, Outbound Messages, user actions and fault
 * injection. Typical use:
 *
 * <pre>{@code
 * try (SalesforceSimulator sf = SalesforceSimulator.start(SalesforceOptions.builder().clock(clock)
 *         .jwtPublicKey(publicKey).build())) {
 *     LeadSlaFields.deployTo(sf.schema());
 *     RecordSnapshot queue = sf.actions().addQueue("Inbound Leads", "Inbound_Leads");
 *     RecordSnapshot rep = sf.actions().addUser("rita@example.com", "Rita", "Rep", "rita@example.com");
 *     sf.outbound().configure(OutboundMessageConfig.builder("Lead changes", listenerUri)
 *             .fields("Id", "Status", "OwnerId").rule(OutboundRule.onChangeOf("Status", "OwnerId")).build());
 *     RecordSnapshot lead = sf.actions().createLead(Map.of("LastName", "Doe", "Company", "Acme"),
 *             queue.id(), rep.id());
 *     // point leadsla at sf.baseUrl(): token endpoint sf.baseUrl() + "/services/oauth2/token",
 *     // SOAP endpoint sf.soapEndpoint()
 * }
 * }</pre>
 */
public final class SalesforceSimulator implements AutoCloseable {
    private final SalesforceOptions options;
    private final Schema schema = new Schema();
    private final SalesforceIds ids;
    private final OrgStore store;
    private final TokenService tokens;
    private final UserDirectory users;
    private final ApiUsage usage;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requestLog;
    private final UserActions actions;
    private final OutboundDispatcher outbound;
    private final HttpFrontend frontend;
    private final RecordSnapshot integrationUser;
    private LocalHttpServer server;

    public SalesforceSimulator(SalesforceOptions options) {
        this.options = options;
        this.ids = new SalesforceIds(options.orgId());
        this.store = new OrgStore(options.clock(), schema, ids);
        this.tokens = new TokenService(options.clock(), options.orgId(), options.sessionTimeout());
        this.users = new UserDirectory(store, options);
        this.usage = new ApiUsage(options.clock(), options.dailyApiLimit());
        this.requestLog = new RequestLog(options.clock());
        this.actions = new UserActions(store, schema, options.clock());
        this.integrationUser = store.insertPlatformRecord(StandardObjects.USER, options.integrationUserId(),
                Map.of("Username", options.integrationUsername(), "FirstName", "Integration", "LastName", "User",
                        "Email", options.integrationUsername(), "TimeZoneSidKey", "GMT"), null);
        users.integrationUser(integrationUser.id());
        String org15 = SalesforceIds.to15(options.orgId());
        this.outbound = new OutboundDispatcher(options.clock(), ids, options.orgId(),
                () -> instanceUrl() + "/services/Soap/c/" + options.apiVersion() + "/" + org15,
                () -> instanceUrl() + "/services/Soap/u/" + options.apiVersion() + "/" + org15,
                userId -> tokens.issue(userId, "outbound-message").token(), users::integrationUserId);
        store.addListener(outbound::onChange);
        ObjectMapper mapper = new ObjectMapper();
        PartnerApi partner = new PartnerApi(schema, store, new QueryCursors(ids), users, options);
        OAuthEndpoint oauth = new OAuthEndpoint(options, tokens, users, mapper, this::instanceUrl);
        this.frontend = new HttpFrontend(options, partner, oauth, new RestApi(mapper, usage), tokens, users, usage,
                faults, requestLog, this::baseUrl);
    }

    /** Creates and starts a simulator. */
    public static SalesforceSimulator start(SalesforceOptions options) {
        SalesforceSimulator sim = new SalesforceSimulator(options);
        sim.start();
        return sim;
    }

    public synchronized SalesforceSimulator start() {
        if (server != null) {
            return this;
        }
        server = LocalHttpServer.start(options.port(), options.serverThreads(), "sf-sim-http", frontend);
        return this;
    }

    /** e.g. {@code http://127.0.0.1:54321} (no trailing slash): the login host and the instance. */
    public synchronized String baseUrl() {
        return started().baseUrl();
    }

    /** What tokens report as {@code instance_url}: the configured one, or {@link #baseUrl()}. */
    public String instanceUrl() {
        return options.instanceUrl() != null ? options.instanceUrl() : baseUrl();
    }

    /** The Partner SOAP endpoint for force-wsc's {@code ConnectorConfig.setServiceEndpoint}. */
    public String soapEndpoint() {
        return baseUrl() + "/services/Soap/u/" + options.apiVersion();
    }

    public String tokenEndpoint() {
        return baseUrl() + "/services/oauth2/token";
    }

    public SalesforceOptions options() {
        return options;
    }

    /** The org's objects and fields; add custom fields here. */
    public Schema schema() {
        return schema;
    }

    /** The org's users at work. */
    public UserActions actions() {
        return actions;
    }

    public OutboundDispatcher outbound() {
        return outbound;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requests() {
        return requestLog;
    }

    public TokenService tokens() {
        return tokens;
    }

    public ApiUsage apiUsage() {
        return usage;
    }

    /** The user the connected app runs as (JWT {@code sub}, client-credentials run-as user). */
    public RecordSnapshot integrationUser() {
        return integrationUser;
    }

    /** Issues a session for the integration user directly, skipping the token endpoint. */
    public String issueToken() {
        return tokens.issue(integrationUser.id(), options.clientId()).token();
    }

    /** Makes API writes to this record fail with UNABLE_TO_LOCK_ROW until {@link #unlockRow}. */
    public void lockRow(String id) {
        store.lock(id);
    }

    public void unlockRow(String id) {
        store.unlock(id);
    }

    /** The live (not deleted) records of an object, in creation order. */
    public List<RecordSnapshot> records(String objectName) {
        return store.live(objectName);
    }

    /** A record by id, deleted ones included (their IsDeleted is true). */
    public Optional<RecordSnapshot> record(String id) {
        return store.get(id);
    }

    /** LeadHistory rows of one lead, oldest first. */
    public List<RecordSnapshot> leadHistory(String leadId) {
        String id = SalesforceIds.normalize(leadId).orElse(leadId);
        return store.live(StandardObjects.LEAD_HISTORY).stream().filter(h -> id.equals(h.get("LeadId"))).toList();
    }

    /** Called with this simulator's monitor held. */
    private LocalHttpServer started() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        outbound.close();
    }
}
