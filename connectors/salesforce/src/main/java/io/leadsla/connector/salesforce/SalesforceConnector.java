package io.leadsla.connector.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadsla.connector.api.ConnectorHealth;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.Poller;
import io.leadsla.connector.api.WebhookGate;
import io.leadsla.connector.salesforce.api.LeadDescribe;
import io.leadsla.connector.salesforce.api.OrgBudget;
import io.leadsla.connector.salesforce.api.SalesforceApiException;
import io.leadsla.connector.salesforce.api.SalesforceAuthException;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import io.leadsla.connector.salesforce.api.SalesforceTokenClient;
import io.leadsla.connector.salesforce.normalize.LeadChangeInterpreter;
import io.leadsla.connector.salesforce.normalize.SalesforcePageNormalizer;
import io.leadsla.connector.salesforce.normalize.WatchedFields;
import io.leadsla.connector.salesforce.outbound.OutboundMessageGate;
import io.leadsla.connector.salesforce.outbound.OutboundMessageParser;
import io.leadsla.connector.salesforce.outbound.SalesforceOutboundNormalizer;
import io.leadsla.connector.salesforce.poll.SoqlPoller;
import io.leadsla.connector.salesforce.setup.SalesforceSetup;
import io.leadsla.connector.salesforce.writeback.SalesforceWriter;
import io.leadsla.core.event.Crm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Salesforce org behind the connector seam. Signing in happens on the first call. */
public final class SalesforceConnector implements CrmConnector {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnector.class);

    /** Where the DX source package (fields, permission set) lives, relative to the repository. */
    public static final Path SFDX_PACKAGE = Path.of("connectors", "salesforce", "sfdx");

    private final SalesforceSettings settings;
    private final ObjectMapper json;
    private final SalesforceSession session;
    private final SalesforceWriter writer;
    private final SalesforceOutboundGate gate;

    public SalesforceConnector(SalesforceSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.session = session(settings, json, clock);
        this.writer = new SalesforceWriter(session, settings.org().value(), settings.tasks(), clock);
        this.gate = new SalesforceOutboundGate(new OutboundMessageGate(settings.org(), new OutboundMessageParser()),
                scope().source(SalesforceOutboundNormalizer.SOURCE), settings.endpointSecret());
        if (settings.endpointSecret() == null) {
            LOG.warn("Salesforce org {} ({}): no endpointSecret is set, so its Outbound Messages are refused (403) and "
                    + "only polling reads it; set one and end the Outbound Message's endpoint URL with "
                    + "/webhooks/salesforce?secret=<secret>", settings.org(), settings.account());
        }
    }

    /** The org's session, lazily signed in: the first call signs in. */
    public static SalesforceSession session(SalesforceSettings settings, ObjectMapper json, Clock clock) {
        return new SalesforceSession(settings.auth(), new SalesforceTokenClient(settings.auth(), json, clock),
                new OrgBudget(settings.slowDownShare(), settings.pauseShare()), Duration.ofMillis(500));
    }

    @Override
    public Crm crm() {
        return Crm.SALESFORCE;
    }

    @Override
    public String account() {
        return settings.account();
    }

    public SalesforceSession session() {
        return session;
    }

    @Override
    public List<Normalizer> normalizers() {
        LeadChangeInterpreter interpreter = new LeadChangeInterpreter(settings.mapping());
        List<Normalizer> own = new ArrayList<>();
        own.add(new SalesforceOutboundNormalizer(new OutboundMessageParser(), interpreter, settings.org()));
        own.addAll(SalesforcePageNormalizer.all(interpreter, settings.org()));
        return own.stream().map(scope()::normalizer).toList();
    }

    @Override
    public List<Poller> pollers(Instant start) {
        SalesforceSettings.Polling polling = settings.polling();
        return SoqlPoller.forLeads(session, json, settings.org().value(), WatchedFields.of(settings.mapping()),
                polling.perPoll(), polling.overlap(), start).stream().map(scope()::poller).toList();
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

    /** Unhealthy while leadsla cannot sign in, while the circuit breaker is open, or once polling pauses for the budget. */
    @Override
    public ConnectorHealth health() {
        return health(session, settings.org().value());
    }

    /** The health of an org's API as its session saw it. */
    public static ConnectorHealth health(SalesforceSession session, String org) {
        OrgBudget budget = session.budget();
        CircuitBreaker.State circuit = session.circuitState();
        boolean down = circuit == CircuitBreaker.State.OPEN || circuit == CircuitBreaker.State.FORCED_OPEN;
        Optional<String> refused = session.authFailure();
        String message = refused.isPresent() ? "leadsla cannot sign in to Salesforce: " + refused.get()
                : down ? "Salesforce is failing: calls paused by the circuit breaker"
                : budget.isExhausted() ? "the org's daily API limit is reached (REQUEST_LIMIT_EXCEEDED)"
                : budget.pauseNonEssential() ? "the org's daily API budget is nearly spent: polling paused"
                : budget.slowDown() ? "the org's daily API budget is getting spent: polling slowed down"
                : "Salesforce reachable as far as this instance knows";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("org", org);
        details.put("circuit", circuit.name());
        details.put("authenticated", refused.isEmpty());
        details.put("apiRequestsUsed", budget.used());
        details.put("apiRequestsLimit", budget.limit());
        details.put("calls", session.calls());
        details.put("rateLimited", session.rateLimited());
        return new ConnectorHealth(!(down || refused.isPresent() || budget.pauseNonEssential()), message, details);
    }

    @Override
    public long apiCalls() {
        return session.calls();
    }

    @Override
    public long apiCallsRateLimited() {
        return session.rateLimited();
    }

    @Override
    public List<String> problemsInCrm() {
        try {
            return settings.mapping().problems(LeadDescribe.read(session));
        } catch (SalesforceApiException | SalesforceAuthException e) {
            throw new CrmUnavailableException(e.getMessage(), e);
        }
    }

    /** leadsla deploys no metadata itself: the plan, and the commands that deploy the DX package. */
    @Override
    public List<String> setup(boolean dryRun) {
        List<SalesforceSetup.Step> plan = new SalesforceSetup(session).plan();
        List<String> lines = new ArrayList<>();
        plan.forEach(step -> lines.add(step.toString()));
        if (plan.stream().allMatch(SalesforceSetup.Step::exists)) {
            lines.add("every field is in place");
        } else {
            lines.addAll(SalesforceSetup.commands(SFDX_PACKAGE, "<the integration user's username>"));
        }
        lines.add("the integration user's id, for the mapping's integrationUserId: " + LeadDescribe.integrationUserId(session));
        return lines;
    }
}
