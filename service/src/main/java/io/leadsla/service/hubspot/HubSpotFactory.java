package io.leadsla.service.hubspot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.util.Duration;
import io.leadsla.connector.api.Normalizer;
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
import io.leadsla.connector.hubspot.webhook.HubSpotWebhookNormalizer;
import io.leadsla.connector.hubspot.webhook.SignatureV3;
import io.leadsla.connector.hubspot.webhook.WebhookUrl;
import io.leadsla.connector.hubspot.writeback.HubSpotWriter;
import io.leadsla.connector.writeback.TaskTemplates;
import io.leadsla.connector.api.Poller;
import io.leadsla.service.pipeline.Pipeline;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HubSpot connector's configuration (docs/CONFIGURATION.md, "HubSpot"). On when
 * {@code accessToken} ({@code HUBSPOT_ACCESS_TOKEN}) is set; the webhook endpoint also needs the
 * app's {@code clientSecret} ({@code HUBSPOT_CLIENT_SECRET}).
 */
public class HubSpotFactory {

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

    /** Whether the connector runs; when not, {@link #whyOff()} says why. */
    public boolean enabled() {
        return !accessToken.isEmpty();
    }

    public String whyOff() {
        return "HubSpot connector off: HUBSPOT_ACCESS_TOKEN is not set";
    }

    /**
     * What is wrong without asking HubSpot (for {@code check} and the start): missing portal id or
     * client secret, a mapping problem.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!enabled()) {
            return problems;
        }
        if (!portalId.isEmpty() && !portalId.matches("\\d+")) {
            problems.add("hubspot.portalId: '" + portalId + "' is not a HubSpot portal id (digits, e.g. 62515; "
                    + "leave it empty to read it from the token's account)");
        }
        if (clientSecret.isEmpty()) {
            problems.add("hubspot.clientSecret: HUBSPOT_CLIENT_SECRET is not set, so webhooks cannot be verified");
        }
        try {
            ZoneId.of(timeZone);
            ZoneId.of(tasks.timeZone);
        } catch (RuntimeException e) {
            problems.add("hubspot.timeZone / hubspot.tasks.timeZone: " + e.getMessage());
        }
        if (!publicBaseUrl.isEmpty()) {
            try {
                WebhookUrl.behindProxy(publicBaseUrl);
            } catch (IllegalArgumentException e) {
                problems.add("hubspot.publicBaseUrl: " + e.getMessage());
            }
        }
        problems.addAll(mapping.problems());
        return problems;
    }

    /** The running connector's parts. */
    public record Running(HubSpotClient client, Pipeline.Connector connector, SignatureV3 signature, WebhookUrl webhookUrl,
                          ContactChangeInterpreter interpreter) {
    }

    /** A client of the portal's API with the configured limits. */
    public HubSpotClient client(ObjectMapper json, Clock clock) {
        HubSpotApiConfig api = new HubSpotApiConfig(baseUrl, accessToken, requestsPer10Seconds, searchPerSecond, dailyLimit,
                dailyWarnShare, ZoneId.of(timeZone), java.time.Duration.ofSeconds(10), 4);
        return new HubSpotClient(new HubSpotHttp(api, json, clock));
    }

    /** The configured portal id, or the token's account's (one call to HubSpot). */
    public String portalId(HubSpotClient client) {
        return portalId.isEmpty() ? client.account().portalId() : portalId;
    }

    /** The pollers of contacts and (unless turned off) calls, e-mails and meetings, reading from {@code start}. */
    public List<Poller> pollers(HubSpotClient client, ObjectMapper json, String portalId, Instant start) {
        List<String> watched = List.copyOf(new ContactChangeInterpreter(mapping).watchedProperties());
        java.time.Duration overlap = polling.overlap.toJavaDuration();
        List<Poller> pollers = new ArrayList<>();
        pollers.add(new HubSpotContactPoller(client, json, portalId, watched, watched, overlap, start, polling.perPoll));
        if (polling.activities) {
            for (String type : List.of("calls", "emails", "meetings")) {
                pollers.add(new HubSpotActivityPoller(client, json, portalId, type, overlap, start, polling.perPoll));
            }
        }
        return pollers;
    }

    /** What reads the connector's inbox items: webhook batches, polled contacts, polled activities. */
    public List<Normalizer> normalizers(ObjectMapper json, String portalId) {
        return List.of(new HubSpotWebhookNormalizer(mapping, Long.parseLong(portalId)),
                new HubSpotContactPageNormalizer(json, new ContactChangeInterpreter(mapping)),
                new HubSpotActivityNormalizer(json));
    }

    /**
     * Builds the connector. An empty {@code portalId} is read from the token's account (one call
     * to HubSpot, which then must be reachable).
     */
    public Running build(ObjectMapper json, Clock clock) {
        HubSpotClient client = client(json, clock);
        String portalId = portalId(client);
        List<Poller> pollers = pollers(client, json, portalId, clock.instant().minus(polling.firstLookBack.toJavaDuration()));
        HubSpotWriter writer = new HubSpotWriter(client, portalId, tasks.build(), clock);
        Pipeline.Connector connector = new Pipeline.Connector(normalizers(json, portalId), List.of(writer), pollers,
                polling.interval.toJavaDuration());
        WebhookUrl url = publicBaseUrl.isEmpty() ? WebhookUrl.asReceived() : WebhookUrl.behindProxy(publicBaseUrl);
        return new Running(client, connector, new SignatureV3(clientSecret, clock), url, new ContactChangeInterpreter(mapping));
    }

    /** The mapping checked against the portal's contact properties (their options as they are today). */
    public List<String> portalProblems(HubSpotClient client) {
        List<PropertyDefinition> properties = client.properties("contacts").stream()
                .map(p -> new PropertyDefinition(p.name(), p.type(), p.options())).toList();
        return mapping.problems(PortalProperties.of(properties));
    }
}
