package io.leadsla.service.hubspot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.util.Duration;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.connector.hubspot.HubSpotConnector;
import io.leadsla.connector.hubspot.HubSpotSettings;
import io.leadsla.connector.hubspot.mapping.HubSpotMapping;
import io.leadsla.connector.hubspot.webhook.WebhookUrl;
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
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * The HubSpot configuration (docs/CONFIGURATION.md, "HubSpot"): one portal with its keys right under
 * {@code hubspot}, or several under {@code hubspot.accounts}, each with a {@code name} and the same
 * keys. A portal is on when its {@code accessToken} ({@code HUBSPOT_ACCESS_TOKEN}) is set; its
 * webhooks also need the app's {@code clientSecret} ({@code HUBSPOT_CLIENT_SECRET}).
 */
public class HubSpotFactory implements CrmAccountConfig {

    /** The account's name; empty in the single-account form (the default account). */
    private String name = "";
    @Valid
    @NotNull
    private List<HubSpotFactory> accounts = List.of();

    private String portalId = "";
    private String accessToken = "";
    private String clientSecret = "";
    private String baseUrl = "https://api.hubapi.com";
    /** Scheme and host HubSpot calls when a proxy sits in front of leadsla; empty: none. */
    private String publicBaseUrl = "";
    @Min(3)
    private int requestsPer10Seconds = 100;
    @Min(3)
    private int searchPerSecond = 5;
    @Min(1)
    private long dailyLimit = 250_000;
    @DecimalMin("0.1")
    @DecimalMax("1.0")
    private double dailyWarnShare = 0.9;
    /** The portal's time zone: HubSpot's daily limit resets at its midnight. */
    @NotNull
    private String timeZone = "UTC";
    @Valid
    @NotNull
    private HubSpotMapping mapping = HubSpotMapping.defaults();
    @Valid
    @NotNull
    private Tasks tasks = new Tasks();
    @Valid
    @NotNull
    private Polling polling = new Polling();

    /** Task subjects and bodies, priorities and escalations. */
    public static class Tasks {
        @NotNull
        private String timeZone = "UTC";
        private TaskTemplates.Template breach;
        private TaskTemplates.Template missingReason;
        private Map<String, String> escalateTo = Map.of();

        @JsonProperty
        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        @JsonProperty
        public void setBreach(TaskTemplates.Template breach) {
            this.breach = breach;
        }

        @JsonProperty
        public void setMissingReason(TaskTemplates.Template missingReason) {
            this.missingReason = missingReason;
        }

        @JsonProperty
        public void setEscalateTo(Map<String, String> escalateTo) {
            this.escalateTo = escalateTo == null ? Map.of() : escalateTo;
        }

        TaskTemplates build() {
            ZoneId zone = ZoneId.of(timeZone);
            TaskTemplates defaults = TaskTemplates.defaults(zone);
            return new TaskTemplates(breach == null ? defaults.breach() : breach,
                    missingReason == null ? defaults.missingReason() : missingReason, escalateTo, zone);
        }
    }

    /** Incremental polling: how often, how far back the first poll reads, the overlap for HubSpot's search lag. */
    public static class Polling {
        @NotNull
        private Duration interval = Duration.seconds(60);
        @NotNull
        private Duration overlap = Duration.minutes(5);
        @NotNull
        private Duration firstLookBack = Duration.days(1);
        @Min(200)
        private int perPoll = 1_000;
        private boolean activities = true;

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

        @JsonProperty
        public void setActivities(boolean activities) {
            this.activities = activities;
        }
    }

    @JsonProperty
    public void setPortalId(String portalId) {
        this.portalId = portalId == null ? "" : portalId.trim();
    }

    @JsonProperty
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken == null ? "" : accessToken.trim();
    }

    @JsonProperty
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret == null ? "" : clientSecret.trim();
    }

    @JsonProperty
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.hubapi.com" : baseUrl.trim();
    }

    @JsonProperty
    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.trim();
    }

    @JsonProperty
    public void setRequestsPer10Seconds(int requestsPer10Seconds) {
        this.requestsPer10Seconds = requestsPer10Seconds;
    }

    @JsonProperty
    public void setSearchPerSecond(int searchPerSecond) {
        this.searchPerSecond = searchPerSecond;
    }

    @JsonProperty
    public void setDailyLimit(long dailyLimit) {
        this.dailyLimit = dailyLimit;
    }

    @JsonProperty
    public void setDailyWarnShare(double dailyWarnShare) {
        this.dailyWarnShare = dailyWarnShare;
    }

    @JsonProperty
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    @JsonProperty
    public HubSpotMapping getMapping() {
        return mapping;
    }

    @JsonProperty
    public void setMapping(HubSpotMapping mapping) {
        this.mapping = mapping == null ? HubSpotMapping.defaults() : mapping;
    }

    @JsonProperty
    public void setTasks(Tasks tasks) {
        this.tasks = tasks;
    }

    @JsonProperty
    public void setPolling(Polling polling) {
        this.polling = polling;
    }

    @JsonProperty
    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    @JsonProperty
    public void setAccounts(List<HubSpotFactory> accounts) {
        this.accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** The configured portals: the list under {@code accounts}, or this one (the default account). */
    public List<HubSpotFactory> accounts() {
        return accounts.isEmpty() ? List.of(this) : accounts;
    }

    /** What is wrong with the list itself (names, both forms at once). */
    public List<String> listProblems() {
        return Accounts.problems("hubspot", accounts.stream().map(a -> a.name).toList(), !accessToken.isEmpty());
    }

    @Override
    public Crm crm() {
        return Crm.HUBSPOT;
    }

    @Override
    public String account() {
        return name.isEmpty() ? LeadKey.DEFAULT_ACCOUNT : name;
    }

    private String key() {
        return name.isEmpty() ? "hubspot" : "hubspot.accounts[" + name + "]";
    }

    @Override
    public boolean enabled() {
        return !accessToken.isEmpty();
    }

    @Override
    public String whyOff() {
        return name.isEmpty() ? "HubSpot connector off: HUBSPOT_ACCESS_TOKEN is not set"
                : "HubSpot account " + name + " off: its accessToken is not set";
    }

    /**
     * What is wrong without asking HubSpot (for {@code check} and the start): missing portal id or
     * client secret, a mapping problem.
     */
    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!enabled()) {
            return problems;
        }
        if (!portalId.isEmpty() && !portalId.matches("\\d+")) {
            problems.add(key() + ".portalId: '" + portalId + "' is not a HubSpot portal id (digits, e.g. 62515; "
                    + "leave it empty to read it from the token's account)");
        }
        if (clientSecret.isEmpty()) {
            problems.add(key() + ".clientSecret: HUBSPOT_CLIENT_SECRET is not set, so webhooks cannot be verified");
        }
        try {
            ZoneId.of(timeZone);
            ZoneId.of(tasks.timeZone);
        } catch (RuntimeException e) {
            problems.add(key() + ".timeZone / " + key() + ".tasks.timeZone: " + e.getMessage());
        }
        if (!publicBaseUrl.isEmpty()) {
            try {
                WebhookUrl.behindProxy(publicBaseUrl);
            } catch (IllegalArgumentException e) {
                problems.add(key() + ".publicBaseUrl: " + e.getMessage());
            }
        }
        problems.addAll(mapping.problems());
        return problems;
    }

    /** The portal's settings for the connector (after {@link #problems()} found nothing). */
    public HubSpotSettings settings() {
        return new HubSpotSettings(account(), portalId, accessToken, clientSecret, baseUrl, publicBaseUrl, requestsPer10Seconds,
                searchPerSecond, dailyLimit, dailyWarnShare, ZoneId.of(timeZone), mapping, tasks.build(),
                new HubSpotSettings.Polling(polling.interval.toJavaDuration(), polling.overlap.toJavaDuration(),
                        polling.firstLookBack.toJavaDuration(), polling.perPoll, polling.activities));
    }

    @Override
    public CrmConnector open(ObjectMapper json, Clock clock) {
        return new HubSpotConnector(settings(), json, clock);
    }
}
