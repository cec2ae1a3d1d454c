package io.leadsla.service.cli;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.leadsla.config.PolicyLoader;
import io.leadsla.service.LeadslaConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * Dropwizard's {@code check} (the YAML binds and validates), plus what leadsla can check without
 * a CRM: the policies file (file, line, path of each mistake) and each connector's settings and
 * mapping. The mapping against the CRM's real properties is checked when the server starts.
 */
public class LeadslaCheckCommand extends CheckCommand<LeadslaConfiguration> {

    public LeadslaCheckCommand(Application<LeadslaConfiguration> application) {
        super(application);
    }

    @Override
    protected void run(Bootstrap<LeadslaConfiguration> bootstrap, Namespace namespace, LeadslaConfiguration configuration)
            throws Exception {
        new PolicyLoader().load(Path.of(configuration.getPoliciesFile())); // throws with file:line: path
        List<String> problems = new ArrayList<>(configuration.getHubspot().listProblems());
        problems.addAll(configuration.getSalesforce().listProblems());
        if (problems.isEmpty()) {
            configuration.crmAccounts().forEach(account -> problems.addAll(account.problems()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the configuration has problems:\n  " + String.join("\n  ", problems));
        }
        super.run(bootstrap, namespace, configuration);
    }
}
