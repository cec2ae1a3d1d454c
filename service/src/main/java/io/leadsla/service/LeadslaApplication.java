package io.leadsla.service;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.leadsla.service.replay.EventSources;
import io.leadsla.service.replay.ReplayCommand;
import java.time.Clock;

/** The leadsla executable: Dropwizard's {@code server} and {@code check}, plus leadsla's commands. */
public class LeadslaApplication extends Application<LeadslaConfiguration> {

    public static void main(String[] args) throws Exception {
        new LeadslaApplication().run(args);
    }

    @Override
    public String getName() {
        return "leadsla";
    }

    @Override
    public void initialize(Bootstrap<LeadslaConfiguration> bootstrap) {
        bootstrap.addCommand(new ReplayCommand(Clock.systemUTC(), new EventSources()));
    }

    @Override
    public void run(LeadslaConfiguration configuration, Environment environment) {
        // HTTP resources, store and connectors are wired here by the later issues
    }
}
