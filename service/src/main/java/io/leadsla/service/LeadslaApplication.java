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
import io.leadsla.service.pipeline.Pipeline;
import io.leadsla.service.pipeline.StoreHealthCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The leadsla executable: Dropwizard's {@code server} and {@code check}, plus leadsla's commands. */
public class LeadslaApplication extends Application<LeadslaConfiguration> {

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

    @Override
    public void initialize(Bootstrap<LeadslaConfiguration> bootstrap) {
        // secrets come from the environment as ${VAR} (SPEC.md); an unset variable without a default is an error
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
        bootstrap.addCommand(new ReplayCommand(clock, new EventSources()));
    }

    @Override
    public void run(LeadslaConfiguration configuration, Environment environment) {
        // fails the start with the file, line and path of a policy mistake
        PolicySet policies = new PolicyLoader().load(Path.of(configuration.getPoliciesFile()));
        environment.healthChecks().register("policies", new PoliciesHealthCheck(policies));
        Pipeline pipeline = Pipeline.open(configuration.getStore(), configuration.getPipeline(), policies, List.of(), clock);
        environment.lifecycle().manage(pipeline);
        environment.healthChecks().register("store", new StoreHealthCheck(pipeline.store(), clock, Duration.ofMinutes(5)));
        // HTTP resources and connectors are wired here by the connector and service issues
    }
}
