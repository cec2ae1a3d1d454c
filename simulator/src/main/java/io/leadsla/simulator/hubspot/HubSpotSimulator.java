package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.simulator.http.LocalHttpServer;

import java.util.List;
import java.util.Optional;

/**
 * A stateful stand-in for one HubSpot portal on localhost, speaking the CRM v3 API (properties, contacts,
 * tasks, calls, emails, meetings, search, owners, v4 associations) with HubSpot's status codes, error
 * bodies, rate limits and webhooks. Typical use:
 *
 * <pre>{@code
 * try (HubSpotSimulator hs = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).build())) {
 *     Owner rep = hs.actions().addOwner("rep@example.com", "Rita", "Rep");
 *     hs.webhooks().configure(WebhookConfig.builder(receiverUri, secret)
 *             .subscribe("contact.creation").contactPropertyChanges("lifecyclestage").build());
 *     ObjectSnapshot c = hs.actions().createContact(Map.of("email", "a@b.c"), ChangeSource.crmUi(1));
 *     // point the client under test at hs.baseUrl() with hs.options().accessToken()
 * }
 * }</pre>
 */
public final class HubSpotSimulator implements AutoCloseable {
    private final SimulatorOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final PropertyCatalog catalog;
    private final CrmStore store;
    private final WebhookDispatcher webhooks;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requestLog;
    private final UserActions actions;
    private final HttpFrontend frontend;
    private LocalHttpServer server;

    public HubSpotSimulator(SimulatorOptions options) {
        this.options = options;
        this.catalog = new PropertyCatalog(options.clock());
        DefaultProperties.load(catalog, options.clock().instant());
        this.webhooks = new WebhookDispatcher(mapper, options.portalId(), options.appId());
        this.store = new CrmStore(options.clock(), catalog, options.searchIndexDelay(), webhooks::onChange);
        this.requestLog = new RequestLog(options.clock());
        this.actions = new UserActions(store);
        JsonViews views = new JsonViews(mapper);
        Router router = new Router();
        new PropertiesApi(catalog, views).register(router);
        new SearchApi(store, catalog, views).register(router);
        new ObjectsApi(store, views, options.clock(), options.appId()).register(router);
        new AssociationsApi(store, views).register(router);
        new OwnersApi(store, views).register(router);
        new AccountApi(options, views).register(router);
        this.frontend = new HttpFrontend(options, router, mapper, new ErrorBodies(mapper, options.portalId()),
                faults, requestLog);
    }

    /** Creates and starts a simulator. */
    public static HubSpotSimulator start(SimulatorOptions options) {
        HubSpotSimulator sim = new HubSpotSimulator(options);
        sim.start();
        return sim;
    }

    public synchronized HubSpotSimulator start() {
        if (server != null) {
            return this;
        }
        server = LocalHttpServer.start(options.port(), options.serverThreads(), "hubspot-sim-http", frontend);
        return this;
    }

    /** e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public synchronized String baseUrl() {
        return started().baseUrl();
    }

    public synchronized int port() {
        return started().port();
    }

    public SimulatorOptions options() {
        return options;
    }

    /** The portal's users at work. */
    public UserActions actions() {
        return actions;
    }

    public WebhookDispatcher webhooks() {
        return webhooks;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requests() {
        return requestLog;
    }

    /** Every API call answers 503 while on. */
    public void outage(boolean on) {
        faults.outage(on);
    }

    /** The next {@code n} API calls answer with this status and (possibly malformed) body. */
    public void failNext(int n, int status, String body) {
        faults.failNext(n, status, body);
    }

    public List<ObjectSnapshot> contacts() {
        return store.list(ObjectType.CONTACTS, false);
    }

    public Optional<ObjectSnapshot> contact(String id) {
        return store.get(ObjectType.CONTACTS, id, false);
    }

    public List<ObjectSnapshot> tasks() {
        return store.list(ObjectType.TASKS, false);
    }

    public List<ObjectSnapshot> objects(ObjectType type) {
        return store.list(type, false);
    }

    /** The tasks associated with a contact, in the order they were associated. */
    public List<ObjectSnapshot> tasksOf(String contactId) {
        return activitiesOf(contactId, ObjectType.TASKS);
    }

    public List<ObjectSnapshot> activitiesOf(String contactId, ObjectType type) {
        return store.activitiesOf(contactId, type).stream()
                .map(id -> store.get(type, Long.toString(id), false))
                .flatMap(Optional::stream).toList();
    }

    public List<Owner> owners() {
        return store.owners();
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
        webhooks.close();
    }
}
