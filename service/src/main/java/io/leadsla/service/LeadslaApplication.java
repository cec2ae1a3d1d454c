package io.leadsla.service;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.leadsla.config.PolicyLoader;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.service.replay.EventSources;
import io.leadsla.service.replay.ReplayCommand;
import io.leadsla.connector.hubspot.api.HubSpotApiException;
import io.leadsla.connector.salesforce.api.LeadDescribe;
import io.leadsla.connector.salesforce.api.SalesforceApiException;
import io.leadsla.connector.salesforce.api.SalesforceAuthException;
import io.leadsla.service.cli.BackfillCommand;
import io.leadsla.service.cli.LeadslaCheckCommand;
import io.leadsla.service.cli.SetupCommand;
import io.leadsla.service.hubspot.HubSpotFactory;
import io.leadsla.service.hubspot.HubSpotHealthCheck;
import io.leadsla.service.hubspot.HubSpotWebhookResource;
import io.leadsla.service.pipeline.Pipeline;
import io.leadsla.service.salesforce.SalesforceFactory;
import io.leadsla.service.salesforce.SalesforceHealthCheck;
import io.leadsla.service.salesforce.SalesforceOutboundResource;
import io.leadsla.service.pipeline.StoreHealthCheck;
import io.leadsla.service.pipeline.SchedulerHealthCheck;
import io.leadsla.service.api.DashboardResource;
import io.leadsla.service.api.KpisResource;
import io.leadsla.service.api.LeadsResource;
import io.leadsla.service.api.RequestSizeLimit;
import io.leadsla.service.metrics.LeadslaMetrics;
import io.leadsla.core.event.Crm;
import io.leadsla.store.Store;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The leadsla executable: Dropwizard's {@code server} and {@code check}, plus leadsla's commands. */
public class LeadslaApplication extends Application<LeadslaConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(LeadslaApplication.class);
    /** A HubSpot batch of 100 events is tens of kilobytes; anything near a megabyte is not HubSpot. */
    static final int MAX_WEBHOOK_BODY = 1_000_000;

    private final Clock clock;

    public LeadslaApplication() {
        this(Clock.systemUTC());
    }

    /** @param clock the time every clock, lease and retry runs on (the demo accelerates it) */
    public LeadslaApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new LeadslaApplication().run(args);
    }

    @Override
    public String getName() {
        return "leadsla";
    }

    /** Dropwizard's {@code server}, and a {@code check} that also checks policies and connector mappings. */
    @Override
    protected void addDefaultCommands(Bootstrap<LeadslaConfiguration> bootstrap) {
        bootstrap.addCommand(new io.dropwizard.core.cli.ServerCommand<>(this));
        bootstrap.addCommand(new LeadslaCheckCommand(this));
    }

    @Override
    public void initialize(Bootstrap<LeadslaConfiguration> bootstrap) {
        // secrets come from the environment as ${VAR} (SPEC.md); an unset variable without a default is an error
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
        // instants as ISO-8601 text in the API, as in SPEC.md's events and replay's files
        bootstrap.getObjectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.addCommand(new ReplayCommand(clock, new EventSources()));
        bootstrap.addCommand(new SetupCommand(clock, System.out));
        bootstrap.addCommand(new BackfillCommand(clock, System.out));
        bootstrap.addCommand(new io.leadsla.service.demo.DemoCommand());
    }

    @Override
    public void run(LeadslaConfiguration configuration, Environment environment) {
        // fails the start with the file, line and path of a policy mistake
        PolicySet policies = new PolicyLoader().load(Path.of(configuration.getPoliciesFile()));
        environment.healthChecks().register("policies", new PoliciesHealthCheck(policies));
        List<Pipeline.Connector> connectors = new ArrayList<>();
        HubSpotFactory.Running hubspot = startHubSpot(configuration.getHubspot(), environment);
        if (hubspot != null) {
            connectors.add(hubspot.connector());
        }
        SalesforceFactory.Running salesforce = startSalesforce(configuration.getSalesforce(), environment);
        if (salesforce != null) {
            connectors.add(salesforce.connector());
        }
        Pipeline pipeline = Pipeline.open(configuration.getStore(), configuration.getPipeline(), policies, connectors, clock);
        environment.lifecycle().manage(pipeline);
        Store store = pipeline.store();
        environment.healthChecks().register("store", new StoreHealthCheck(store, clock,
                configuration.getPipeline().getMaxInboxLag().toJavaDuration()));
        environment.healthChecks().register("scheduler", new SchedulerHealthCheck(pipeline.worker(), store, clock,
                configuration.getPipeline().getMaxFoldLag().toJavaDuration()));
        environment.servlets().addFilter("request-size-limit", new RequestSizeLimit(configuration.getMaxRequestBytes()))
                .addMappingForUrlPatterns(java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), true, "/*");
        environment.jersey().register(new DashboardResource());
        environment.jersey().register(new LeadsResource(store.history(), store.kpis(), environment.getObjectMapper()));
        environment.jersey().register(new KpisResource(store.kpis(), policies));
        List<LeadslaMetrics.ApiCalls> apis = new ArrayList<>();
        if (hubspot != null) {
            apis.add(new LeadslaMetrics.ApiCalls(Crm.HUBSPOT, hubspot.client().http()::calls, hubspot.client().http()::rateLimited));
        }
        if (salesforce != null) {
            apis.add(new LeadslaMetrics.ApiCalls(Crm.SALESFORCE, salesforce.session()::calls, salesforce.session()::rateLimited));
        }
        LeadslaMetrics metrics = new LeadslaMetrics(store, clock, apis);
        metrics.register(environment.metrics());
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(metrics.prometheus(environment.metrics())))
                .addMapping("/prometheus");
        if (hubspot != null) {
            environment.jersey().register(new HubSpotWebhookResource(hubspot.signature(), hubspot.webhookUrl(),
                    pipeline.store().inbox(), pipeline::wakeUp, clock, MAX_WEBHOOK_BODY));
            environment.healthChecks().register("hubspot", new HubSpotHealthCheck(hubspot.client().http()));
        }
        if (salesforce != null) {
            environment.jersey().register(new SalesforceOutboundResource(salesforce.gate(), pipeline.store().inbox(),
                    pipeline::wakeUp, clock));
            environment.healthChecks().register("salesforce", new SalesforceHealthCheck(salesforce.session()));
        }
    }

    /**
     * Builds the HubSpot connector when its token is set, after checking its configuration and the
     * mapping against the portal's properties (a value the portal lacks stops the start).
     */
    private HubSpotFactory.Running startHubSpot(HubSpotFactory config, Environment environment) {
        if (!config.enabled()) {
            LOG.info(config.whyOff());
            return null;
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the HubSpot configuration cannot be used:\n  " + String.join("\n  ", problems));
        }
        HubSpotFactory.Running running;
        try {
            running = config.build(environment.getObjectMapper(), clock);
        } catch (HubSpotApiException e) {
            // only an empty portalId needs HubSpot at start (to read it from the token's account)
            throw new IllegalStateException("cannot read the HubSpot portal id from the token's account (" + e.getMessage()
                    + "); set hubspot.portalId so that leadsla starts, and stores webhooks, while HubSpot is unreachable", e);
        }
        try {
            List<String> portal = config.portalProblems(running.client());
            if (!portal.isEmpty()) {
                throw new IllegalStateException("the HubSpot mapping does not fit the portal:\n  " + String.join("\n  ", portal));
            }
        } catch (HubSpotApiException e) {
            LOG.warn("the HubSpot mapping could not be checked against the portal now ({}); webhooks are stored meanwhile",
                    e.getMessage());
        }
        return running;
    }

    /** Builds the Salesforce connector when its connected app is configured (sign-in happens on first use). */
    private SalesforceFactory.Running startSalesforce(SalesforceFactory config, Environment environment) {
        if (!config.enabled()) {
            LOG.info(config.whyOff());
            return null;
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the Salesforce configuration cannot be used:\n  " + String.join("\n  ", problems));
        }
        SalesforceFactory.Running running = config.build(environment.getObjectMapper(), clock);
        try {
            List<String> org = config.mapping().problems(LeadDescribe.read(running.session()));
            if (!org.isEmpty()) {
                throw new IllegalStateException("the Salesforce mapping does not fit the org's Lead:\n  " + String.join("\n  ", org));
            }
        } catch (SalesforceApiException | SalesforceAuthException e) {
            LOG.warn("the Salesforce mapping could not be checked against the org now ({}); Outbound Messages are stored "
                    + "meanwhile", e.getMessage());
        }
        return running;
    }
}
