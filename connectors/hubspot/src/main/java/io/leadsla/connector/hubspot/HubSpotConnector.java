package io.leadsla.connector.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadsla.connector.api.ConnectorHealth;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.Poller;
import io.leadsla.connector.api.WebhookGate;
import io.leadsla.connector.hubspot.api.DailyBudget;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotApiException;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.hubspot.mapping.ContactChangeInterpreter;
import io.leadsla.connector.hubspot.mapping.PortalProperties;
import io.leadsla.connector.hubspot.mapping.PropertyDefinition;
import io.leadsla.connector.hubspot.poll.HubSpotActivityNormalizer;
import io.leadsla.connector.hubspot.poll.HubSpotActivityPoller;
import io.leadsla.connector.hubspot.poll.HubSpotContactPageNormalizer;
import io.leadsla.connector.hubspot.poll.HubSpotContactPoller;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.connector.hubspot.webhook.HubSpotWebhookNormalizer;
import io.leadsla.connector.hubspot.webhook.SignatureV3;
import io.leadsla.connector.hubspot.webhook.WebhookUrl;
import io.leadsla.connector.hubspot.writeback.HubSpotWriter;
import io.leadsla.core.event.Crm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HubSpot portal behind the connector seam: its client, pollers, normalizers, writer, webhook gate. */
public final class HubSpotConnector implements CrmConnector {

    private final HubSpotSettings settings;
    private final HubSpotClient client;
    private final ObjectMapper json;
    private final String portalId;
    private final HubSpotWriter writer;
    private final HubSpotWebhookGate gate;

    /**
     * Opens the portal's connector. An empty portal id is read from the token's account (one call
     * to HubSpot, which then must be reachable).
     *
     * @throws CrmUnavailableException when the portal id must be read and HubSpot cannot be asked
     */
    public HubSpotConnector(HubSpotSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.client = client(settings, json, clock);
        try {
            this.portalId = settings.portalId().isEmpty() ? client.account().portalId() : settings.portalId();
        } catch (HubSpotApiException e) {
            throw new CrmUnavailableException("cannot read the HubSpot portal id from the token's account (" + e.getMessage()
                    + "); set the portalId so that leadsla starts, and stores webhooks, while HubSpot is unreachable", e);
        }
        this.writer = new HubSpotWriter(client, portalId, settings.tasks(), clock);
        WebhookUrl url = settings.publicBaseUrl().isEmpty() ? WebhookUrl.asReceived() : WebhookUrl.behindProxy(settings.publicBaseUrl());
        this.gate = new HubSpotWebhookGate(new SignatureV3(settings.clientSecret(), clock), url,
                scope().source(HubSpotWebhookNormalizer.SOURCE));
    }

    /** A client of the portal's API with the configured limits (also for setup without a running connector). */
    public static HubSpotClient client(HubSpotSettings settings, ObjectMapper json, Clock clock) {
        HubSpotApiConfig api = new HubSpotApiConfig(settings.baseUrl(), settings.accessToken(), settings.requestsPer10Seconds(),
                settings.searchPerSecond(), settings.dailyLimit(), settings.dailyWarnShare(), settings.timeZone(),
                Duration.ofSeconds(10), 4);
        return new HubSpotClient(new HubSpotHttp(api, json, clock));
    }

    @Override
    public Crm crm() {
        return Crm.HUBSPOT;
    }

    @Override
    public String account() {
        return settings.account();
    }

    public String portalId() {
        return portalId;
    }

    public HubSpotClient client() {
        return client;
    }

    @Override
    public List<Normalizer> normalizers() {
        List<Normalizer> own = List.of(new HubSpotWebhookNormalizer(settings.mapping(), Long.parseLong(portalId)),
                new HubSpotContactPageNormalizer(json, new ContactChangeInterpreter(settings.mapping())),
                new HubSpotActivityNormalizer(json));
        return own.stream().map(scope()::normalizer).toList();
    }

    @Override
    public List<Poller> pollers(Instant start) {
        List<String> watched = List.copyOf(new ContactChangeInterpreter(settings.mapping()).watchedProperties());
        HubSpotSettings.Polling polling = settings.polling();
        List<Poller> pollers = new ArrayList<>();
        pollers.add(new HubSpotContactPoller(client, json, portalId, watched, watched, polling.overlap(), start, polling.perPoll()));
        if (polling.activities()) {
            for (String type : List.of("calls", "emails", "meetings")) {
                pollers.add(new HubSpotActivityPoller(client, json, portalId, type, polling.overlap(), start, polling.perPoll()));
            }
        }
        return pollers.stream().map(scope()::poller).toList();
    }

    @Override
    public Duration pollInterval() {
        return settings.polling().interval();
    }

    @Override
    public Duration firstLookBack() {
        return settings.polling().firstLookBack();
    }

    @Override
    public CrmWriter writer() {
        return writer;
    }

    @Override
    public Optional<WebhookGate> webhookGate() {
        return Optional.of(gate);
    }

    /**
     * Unhealthy while HubSpot refuses the token, while the circuit breaker is open (HubSpot failing)
     * or once the daily budget passes its warning share.
     */
    @Override
    public ConnectorHealth health() {
        return health(client.http(), portalId);
    }

    /** The health of a portal's API as its client saw it. */
    public static ConnectorHealth health(HubSpotHttp http, String portalId) {
        DailyBudget budget = http.budget();
        CircuitBreaker.State circuit = http.circuitState();
        boolean down = circuit == CircuitBreaker.State.OPEN || circuit == CircuitBreaker.State.FORCED_OPEN;
        Optional<String> refused = http.authFailure();
        String message = refused.isPresent() ? "HubSpot refuses the access token (401): " + refused.get()
                : down ? "HubSpot is failing: calls paused by the circuit breaker"
                : budget.isExhausted() ? "HubSpot's daily API limit is reached: calls resume after the portal's midnight"
                : budget.nearLimit() ? "HubSpot's daily API budget is nearly spent"
                : "HubSpot reachable as far as this instance knows";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("portalId", portalId);
        details.put("circuit", circuit.name());
        details.put("authenticated", refused.isEmpty());
        details.put("callsToday", budget.used());
        details.put("dailyLimit", budget.limit());
        details.put("calls", http.calls());
        details.put("rateLimited", http.rateLimited());
        return new ConnectorHealth(!(down || refused.isPresent() || budget.nearLimit()), message, details);
    }

    @Override
    public long apiCalls() {
        return client.http().calls();
    }

    @Override
    public long apiCallsRateLimited() {
        return client.http().rateLimited();
    }

    /** The mapping checked against the portal's contact properties (their options as they are today). */
    @Override
    public List<String> problemsInCrm() {
        try {
            List<PropertyDefinition> properties = client.properties("contacts").stream()
                    .map(p -> new PropertyDefinition(p.name(), p.type(), p.options())).toList();
            return settings.mapping().problems(PortalProperties.of(properties));
        } catch (HubSpotApiException e) {
            throw new CrmUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public List<String> setup(boolean dryRun) {
        HubSpotSetup setup = new HubSpotSetup(client);
        List<HubSpotSetup.Step> steps = dryRun ? setup.plan() : setup.apply();
        return steps.stream().map(step -> dryRun ? step.toString()
                : (step.exists() ? "existed  " : "created  ") + step.objectType() + " " + step.what() + " " + step.name())
                .toList();
    }
}
