package io.leadsla.service.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.util.Duration;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.connector.salesforce.SalesforceConnector;
import io.leadsla.connector.salesforce.SalesforceSettings;
import io.leadsla.connector.salesforce.api.SalesforceAuthConfig;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.writeback.TaskTemplates;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import io.leadsla.service.connector.Accounts;
import io.leadsla.service.connector.CrmAccountConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Salesforce configuration (docs/CONFIGURATION.md, "Salesforce"): one org with its keys right
 * under {@code salesforce}, or several under {@code salesforce.accounts}, each with a {@code name}.
 * An org is on when its {@code clientId} ({@code SALESFORCE_CLIENT_ID}) is set, with either the JWT
 * bearer flow ({@code SALESFORCE_USERNAME} and {@code SALESFORCE_PRIVATE_KEY_FILE}) or client
 * credentials ({@code SALESFORCE_CLIENT_SECRET}). Keys follow HubSpot's scheme: {@code polling.*},
 * {@code tasks.*}.
 */
public class SalesforceFactory implements CrmAccountConfig {

    private String name = "";
    @Valid
    @NotNull
    private List<SalesforceFactory> accounts = List.of();
    private String loginUrl = "https://login.salesforce.com";
    private String clientId = "";
    private String clientSecret = "";
    private String username = "";
    private String privateKeyFile = "";
    /** The org id Outbound Messages must carry (SALESFORCE_ORG_ID), 15 or 18 characters. */
    private String orgId = "";
    private String endpointSecret = "";
    @NotNull
    private String apiVersion = "65.0";
    @DecimalMin("0.1")
    @DecimalMax("1.0")
    private double slowDownShare = 0.75;
    @DecimalMin("0.1")
    @DecimalMax("1.0")
    private double pauseShare = 0.9;
    @Valid
    @NotNull
    private Polling polling = new Polling();
    @Valid
    @NotNull
    private Tasks tasks = new Tasks();
    @Valid
    @NotNull
    private SalesforceMapping mapping = SalesforceMapping.defaults();

    /** Incremental polling: how often, the overlap for commit lag, how far back a first poll reads, rows per poll. */
    public static class Polling {
        @NotNull
        private Duration interval = Duration.seconds(60);
        @NotNull
        private Duration overlap = Duration.minutes(5);
        @NotNull
        private Duration firstLookBack = Duration.days(1);
        @Min(200)
        private int perPoll = 2_000;

        @JsonProperty
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        @JsonProperty
        public void setOverlap(Duration overlap) {
            this.overlap = overlap;
        }

        @JsonProperty
        public void setFirstLookBack(Duration firstLookBack) {
            this.firstLookBack = firstLookBack;
        }

        @JsonProperty
        public void setPerPoll(int perPoll) {
            this.perPoll = perPoll;
        }
    }

    /** Task texts' time zone and escalations (policy id → the user who gets its breach tasks). */
    public static class Tasks {
        @NotNull
        private String timeZone = "UTC";
        private Map<String, String> escalateTo = Map.of();

        @JsonProperty
        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        @JsonProperty
        public void setEscalateTo(Map<String, String> escalateTo) {
            this.escalateTo = escalateTo == null ? Map.of() : escalateTo;
        }

        TaskTemplates build() {
            TaskTemplates defaults = TaskTemplates.defaults(ZoneId.of(timeZone), "High", "Call", "Normal", "Other");
            return new TaskTemplates(defaults.breach(), defaults.missingReason(), escalateTo, defaults.zone());
        }
    }

    @JsonProperty
    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    @JsonProperty
    public void setAccounts(List<SalesforceFactory> accounts) {
        this.accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    @JsonProperty
    public void setMapping(SalesforceMapping mapping) {
        this.mapping = mapping == null ? SalesforceMapping.defaults() : mapping;
    }

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
    public void setEndpointSecret(String endpointSecret) {
        this.endpointSecret = endpointSecret == null ? "" : endpointSecret.trim();
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
    public void setPolling(Polling polling) {
        this.polling = polling;
    }

    @JsonProperty
    public void setTasks(Tasks tasks) {
        this.tasks = tasks;
    }

    /** The configured orgs: the list under {@code accounts}, or this one (the default account). */
    public List<SalesforceFactory> accounts() {
        return accounts.isEmpty() ? List.of(this) : accounts;
    }

    public List<String> listProblems() {
        return Accounts.problems("salesforce", accounts.stream().map(a -> a.name).toList(), !clientId.isEmpty());
    }

    @Override
    public Crm crm() {
        return Crm.SALESFORCE;
    }

    @Override
    public String account() {
        return name.isEmpty() ? LeadKey.DEFAULT_ACCOUNT : name;
    }

    private String key() {
        return name.isEmpty() ? "salesforce" : "salesforce.accounts[" + name + "]";
    }

    @Override
    public boolean enabled() {
        return !clientId.isEmpty();
    }

    @Override
    public String whyOff() {
        return name.isEmpty() ? "Salesforce connector off: SALESFORCE_CLIENT_ID is not set"
                : "Salesforce account " + name + " off: its clientId is not set";
    }

    /** What is wrong without asking Salesforce. */
    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!enabled()) {
            return problems;
        }
        if (privateKeyFile.isEmpty() && clientSecret.isEmpty()) {
            problems.add(key() + ": set SALESFORCE_USERNAME and SALESFORCE_PRIVATE_KEY_FILE (JWT bearer flow) "
                    + "or SALESFORCE_CLIENT_SECRET (client-credentials flow)");
        }
        if (!privateKeyFile.isEmpty() && !Files.isReadable(Path.of(privateKeyFile))) {
            problems.add(key() + ".privateKeyFile: cannot read " + privateKeyFile);
        }
        if (!privateKeyFile.isEmpty() && username.isEmpty()) {
            problems.add(key() + ".username: the JWT bearer flow needs the integration user's username (SALESFORCE_USERNAME)");
        }
        if (!orgId.matches("00D[0-9A-Za-z]{12}([0-9A-Za-z]{3})?")) {
            problems.add(key() + ".orgId: '" + orgId + "' is not an org id (00D…, 15 or 18 characters; SALESFORCE_ORG_ID): "
                    + "Outbound Messages are checked against it");
        }
        if (!endpointSecret.isEmpty() && !endpointSecret.matches("[A-Za-z0-9_-]{32,}")) {
            problems.add(key() + ".endpointSecret: at least 32 letters, digits, '-' or '_' (it is a URL segment), "
                    + "e.g. from `openssl rand -hex 32` (SALESFORCE_ENDPOINT_SECRET)");
        }
        if (slowDownShare > pauseShare) {
            problems.add(key() + ".slowDownShare must not exceed pauseShare");
        }
        try {
            ZoneId.of(tasks.timeZone);
        } catch (RuntimeException e) {
            problems.add(key() + ".tasks.timeZone: " + e.getMessage());
        }
        problems.addAll(mapping.problems());
        return problems;
    }

    public SalesforceMapping mapping() {
        return mapping;
    }

    /** The org's settings for the connector (after {@link #problems()} found nothing). */
    public SalesforceSettings settings() {
        SalesforceAuthConfig auth = new SalesforceAuthConfig(loginUrl, clientId, clientSecret.isEmpty() ? null : clientSecret,
                username.isEmpty() ? null : username, privateKeyFile.isEmpty() ? null : Path.of(privateKeyFile), apiVersion);
        return new SalesforceSettings(account(), auth, SalesforceId.of(orgId), slowDownShare, pauseShare, mapping, tasks.build(),
                new SalesforceSettings.Polling(polling.interval.toJavaDuration(), polling.overlap.toJavaDuration(),
                        polling.firstLookBack.toJavaDuration(), polling.perPoll),
                endpointSecret.isEmpty() ? null : endpointSecret);
    }

    @Override
    public CrmConnector open(ObjectMapper json, Clock clock) {
        return new SalesforceConnector(settings(), json, clock);
    }
}
