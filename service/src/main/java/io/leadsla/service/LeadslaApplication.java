package io.leadsla.service;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.leadsla.config.PolicyLoader;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.service.api.DashboardResource;
import io.leadsla.service.api.KpisResource;
import io.leadsla.service.api.LeadsResource;
import io.leadsla.service.api.RequestSizeLimit;
import io.leadsla.service.cli.BackfillCommand;
import io.leadsla.service.cli.LeadslaCheckCommand;
import io.leadsla.service.cli.SetupCommand;
import io.leadsla.service.connector.ConnectorHealthCheck;
import io.leadsla.service.connector.CrmAccountConfig;
import io.leadsla.service.metrics.LeadslaMetrics;
import io.leadsla.service.pipeline.Pipeline;
import io.leadsla.service.pipeline.SchedulerHealthCheck;
import io.leadsla.service.pipeline.StoreHealthCheck;
import io.leadsla.service.replay.EventSources;
import io.leadsla.service.replay.ReplayCommand;
import io.leadsla.service.webhook.WebhookResource;
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
        // secrets come from the environment as ${VAR} (docs/SPEC.md); an unset variable without a default is an error
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
        // instants as ISO-8601 text in the API, as in docs/SPEC.md's events and replay's files
        bootstrap.getObjectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.addCommand(new ReplayCommand(clock, new EventSources()));
        bootstrap.addCommand(new SetupCommand(clock, System.out));
        bootstrap.addCommand(new BackfillCommand(clock, System.out));
    }

    @Override
    public void run(LeadslaConfiguration configuration, Environment environment) {
        // fails the start with the file, line and path of a policy mistake
        PolicySet policies = new PolicyLoader().load(Path.of(configuration.getPoliciesFile()));
        environment.healthChecks().register("policies", new PoliciesHealthCheck(policies));
        List<CrmAccountConfig> accounts = configuration.crmAccounts();
        List<CrmConnector> connectors = new ArrayList<>();
        for (CrmAccountConfig account : accounts) {
            CrmConnector connector = open(account, environment);
            if (connector != null) {
                connectors.add(connector);
            }
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
        environment.jersey().register(new WebhookResource(connectors, store.inbox(), pipeline::wakeUp, clock));
        List<LeadslaMetrics.ApiCalls> apis = new ArrayList<>();
        for (CrmConnector c : connectors) {
            apis.add(new LeadslaMetrics.ApiCalls(c.crm(), c.account(), c::apiCalls, c::apiCallsRateLimited));
            environment.healthChecks().register(label(c), new ConnectorHealthCheck(c::health));
        }
        LeadslaMetrics metrics = new LeadslaMetrics(store, clock, apis);
        metrics.register(environment.metrics());
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(metrics.prometheus(environment.metrics())))
                .addMapping("/prometheus");
    }

    /** {@code hubspot} for the default account, {@code hubspot-emea} for another. */
    static String label(CrmConnector c) {
        return c.crm().id() + (LeadKey.DEFAULT_ACCOUNT.equals(c.account()) ? "" : "-" + c.account());
    }

    /**
     * Opens one CRM account's connector when it is configured, after checking its configuration
     * and its mapping against the CRM (a value the CRM lacks stops the start; a CRM that cannot be
     * asked now does not: its webhooks are stored meanwhile).
     */
    private CrmConnector open(CrmAccountConfig account, Environment environment) {
        if (!account.enabled()) {
            LOG.info(account.whyOff());
            return null;
        }
        List<String> problems = account.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the " + account.label() + " configuration cannot be used:\n  "
                    + String.join("\n  ", problems));
        }
        CrmConnector connector = account.open(environment.getObjectMapper(), clock);
        try {
            List<String> misfits = connector.problemsInCrm();
            if (!misfits.isEmpty()) {
                throw new IllegalStateException("the " + account.label() + " mapping does not fit the CRM:\n  "
                        + String.join("\n  ", misfits));
            }
        } catch (CrmConnector.CrmUnavailableException e) {
            LOG.warn("the {} mapping could not be checked against the CRM now ({}); its webhooks are stored meanwhile",
                    account.label(), e.getMessage());
        }
        return connector;
    }
}
