package io.leadsla.demo;

import io.dropwizard.core.setup.Bootstrap;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;

/**
 * The demo jar's entry point: every command of the leadsla jar, plus {@code demo}. The production
 * jar ({@code service/target/leadsla.jar}) holds no demo or simulator class; {@code ./leadsla demo}
 * runs this jar instead.
 */
public final class DemoMain extends LeadslaApplication {

    public static void main(String[] args) throws Exception {
        new DemoMain().run(args);
    }

    @Override
    public void initialize(Bootstrap<LeadslaConfiguration> bootstrap) {
        super.initialize(bootstrap);
        bootstrap.addCommand(new DemoCommand());
    }
}
