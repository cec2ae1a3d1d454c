package io.leadsla.service.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.util.Duration;
import io.leadsla.connector.salesforce.api.OrgBudget;
import io.leadsla.connector.salesforce.api.SalesforceAuthConfig;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import io.leadsla.connector.salesforce.api.SalesforceTokenClient;
import io.leadsla.connector.salesforce.poll.SoqlPoller;
import io.leadsla.connector.salesforce.writeback.SalesforceWriter;
import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.Poller;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.normalize.LeadChangeInterpreter;
import io.leadsla.connector.salesforce.normalize.SalesforcePageNormalizer;
import io.leadsla.connector.salesforce.normalize.WatchedFields;
import io.leadsla.connector.salesforce.outbound.OutboundMessageGate;
import io.leadsla.connector.salesforce.outbound.OutboundMessageParser;
import io.leadsla.connector.salesforce.outbound.SalesforceOutboundNormalizer;
import io.leadsla.service.pipeline.Pipeline;
import io.leadsla.connector.writeback.TaskTemplates;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Salesforce connector's configuration (docs/CONFIGURATION.md, "Salesforce"). On when
 * {@code SALESFORCE_CLIENT_ID} is set, with either the JWT bearer flow ({@code SALESFORCE_USERNAME}
 * and {@code SALESFORCE_PRIVATE_KEY_FILE}) or client credentials ({@code SALESFORCE_CLIENT_SECRET}).
 */
public class SalesforceFactory {

    private String loginUrl = "https://login.salesforce.com";
    private String clientId = "";
    private String clientSecret = "";
    private String username = "";
    private String privateKeyFile = "";
    /** The org id Outbound Messages must carry (SALESFORCE_ORG_ID), 15 or 18 characters. */
    private String orgId = "";
    @NotNull
    private String apiVersion = "65.0";
    @DecimalMin("0.1")
    @DecimalMax("1.0")
    private double slowDownShare = 0.75;
    @DecimalMin("0.1")
    @DecimalMax("1.0")
    private double pauseShare = 0.9;
    @NotNull
    private Duration pollInterval = Duration.seconds(60);
    @NotNull
    private Duration pollOverlap = Duration.minutes(5);
    @NotNull
    private Duration firstLookBack = Duration.days(1);
    @Min(200)
    private int perPoll = 2_000;
    @NotNull
    private String taskTimeZone = "UTC";
    @jakarta.validation.Valid
    @NotNull
    private io.leadsla.connector.salesforce.mapping.SalesforceMapping mapping =
            io.leadsla.connector.salesforce.mapping.SalesforceMapping.defaults();

    @JsonProperty
    public void setMapping(io.leadsla.connector.salesforce.mapping.SalesforceMapping mapping) {
        this.mapping = mapping == null ? io.leadsla.connector.salesforce.mapping.SalesforceMapping.defaults() : mapping;
    }
    private Map<String, String> escalateTo = Map.of();

    @JsonProperty
    public void setLoginUrl(String loginUrl) {
        this.loginUrl = loginUrl == null || loginUrl.isBlank() ? "https://login.salesforce.com" : loginUrl.trim();
    }

    @JsonProperty
    public void setClientId(String clientId) {
        this.clientId = clientId == null ? "" : clientId.trim();
    }

    @JsonProperty
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret == null ? "" : clientSecret.trim();
    }

    @JsonProperty
    public void setUsername(String username) {
        this.username = username == null ? "" : username.trim();
    }

    @JsonProperty
    public void setPrivateKeyFile(String privateKeyFile) {
        this.privateKeyFile = privateKeyFile == null ? "" : privateKeyFile.trim();
    }

    @JsonProperty
    public void setOrgId(String orgId) {
        this.orgId = orgId == null ? "" : orgId.trim();
    }

    @JsonProperty
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    @JsonProperty
    public void setSlowDownShare(double slowDownShare) {
        this.slowDownShare = slowDownShare;
    }

    @JsonProperty
    public void setPauseShare(double pauseShare) {
        this.pauseShare = pauseShare;
    }

    @JsonProperty
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    @JsonProperty
    public void setPollOverlap(Duration pollOverlap) {
        this.pollOverlap = pollOverlap;
    }

    @JsonProperty
    public void setFirstLookBack(Duration firstLookBack) {
        this.firstLookBack = firstLookBack;
    }

    @JsonProperty
    public void setPerPoll(int perPoll) {
        this.perPoll = perPoll;
    }

    @JsonProperty
    public void setTaskTimeZone(String taskTimeZone) {
        this.taskTimeZone = taskTimeZone;
    }

    @JsonProperty
    public void setEscalateTo(Map<String, String> escalateTo) {
        this.escalateTo = escalateTo == null ? Map.of() : escalateTo;
    }

    public boolean enabled() {
        return !clientId.isEmpty();
    }

    public String whyOff() {
        return "Salesforce connector off: SALESFORCE_CLIENT_ID is not set";
    }

    /** What is wrong without asking Salesforce. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!enabled()) {
            return problems;
        }
        if (privateKeyFile.isEmpty() && clientSecret.isEmpty()) {
            problems.add("salesforce: set SALESFORCE_USERNAME and SALESFORCE_PRIVATE_KEY_FILE (JWT bearer flow) "
                    + "or SALESFORCE_CLIENT_SECRET (client-credentials flow)");
        }
        if (!privateKeyFile.isEmpty() && !Files.isReadable(Path.of(privateKeyFile))) {
            problems.add("salesforce.privateKeyFile: cannot read " + privateKeyFile);
        }
        if (!privateKeyFile.isEmpty() && username.isEmpty()) {
            problems.add("salesforce.username: the JWT bearer flow needs the integration user's username (SALESFORCE_USERNAME)");
        }
        if (!orgId.matches("00D[0-9A-Za-z]{12}([0-9A-Za-z]{3})?")) {
            problems.add("salesforce.orgId: '" + orgId + "' is not an org id (00D…, 15 or 18 characters; SALESFORCE_ORG_ID): "
                    + "Outbound Messages are checked against it");
        }
        if (slowDownShare > pauseShare) {
            problems.add("salesforce.slowDownShare must not exceed pauseShare");
        }
        problems.addAll(mapping.problems());
        return problems;
    }

    /** The signed-in session, lazily: the first call signs in. */
    public SalesforceSession session(ObjectMapper json, Clock clock) {
        SalesforceAuthConfig auth = new SalesforceAuthConfig(loginUrl, clientId, clientSecret.isEmpty() ? null : clientSecret,
                username.isEmpty() ? null : username, privateKeyFile.isEmpty() ? null : Path.of(privateKeyFile), apiVersion);
        return new SalesforceSession(auth, new SalesforceTokenClient(auth, json, clock), new OrgBudget(slowDownShare, pauseShare),
                java.time.Duration.ofMillis(500));
    }

    public List<Poller> pollers(SalesforceSession session, ObjectMapper json, Instant start) {
        return SoqlPoller.forLeads(session, json, org().value(), WatchedFields.of(mapping), perPoll, pollOverlap.toJavaDuration(),
                start);
    }

    public io.leadsla.connector.salesforce.mapping.SalesforceMapping mapping() {
        return mapping;
    }

    /** The 18-character org id. */
    public SalesforceId org() {
        return SalesforceId.of(orgId);
    }

    /** What reads the connector's inbox items: Outbound Messages and polled pages. */
    public List<Normalizer> normalizers() {
        LeadChangeInterpreter interpreter = new LeadChangeInterpreter(mapping);
        List<Normalizer> normalizers = new ArrayList<>();
        normalizers.add(new SalesforceOutboundNormalizer(new OutboundMessageParser(), interpreter, org()));
        normalizers.addAll(SalesforcePageNormalizer.all(interpreter, org()));
        return normalizers;
    }

    public OutboundMessageGate gate() {
        return new OutboundMessageGate(org(), new OutboundMessageParser());
    }

    /** The running connector's parts. */
    public record Running(SalesforceSession session, Pipeline.Connector connector, OutboundMessageGate gate) {
    }

    public Running build(ObjectMapper json, Clock clock) {
        SalesforceSession session = session(json, clock);
        Pipeline.Connector connector = new Pipeline.Connector(normalizers(), List.of(writer(session, clock)),
                pollers(session, json, clock.instant().minus(firstLookBack.toJavaDuration())), pollInterval());
        return new Running(session, connector, gate());
    }

    public SalesforceWriter writer(SalesforceSession session, Clock clock) {
        TaskTemplates defaults = TaskTemplates.defaults(ZoneId.of(taskTimeZone), "High", "Call", "Normal", "Other");
        return new SalesforceWriter(session, org().value(), new TaskTemplates(defaults.breach(), defaults.missingReason(), escalateTo,
                defaults.zone()), clock);
    }

    public java.time.Duration pollInterval() {
        return pollInterval.toJavaDuration();
    }

    public String orgId() {
        return orgId;
    }
}
