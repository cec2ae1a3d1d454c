package io.leadsla.service.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.service.hubspot.HubSpotFactory;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code setup CONFIG [--dry-run]} (SPEC.md): creates in each connected CRM the fields leadsla
 * writes, after reading what exists; with {@code --dry-run} it only says what it would create.
 */
public class SetupCommand extends ConfiguredCommand<LeadslaConfiguration> {

    private final Clock clock;
    private final PrintStream out;

    public SetupCommand(Clock clock, PrintStream out) {
        super("setup", "Create the CRM properties and fields leadsla writes (--dry-run: only show the plan)");
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--dry-run").action(Arguments.storeTrue()).help("read the CRMs and print the plan, change nothing");
    }

    @Override
    protected void run(Bootstrap<LeadslaConfiguration> bootstrap, Namespace namespace, LeadslaConfiguration configuration) {
        boolean dryRun = namespace.getBoolean("dry_run");
        HubSpotFactory hubspot = configuration.getHubspot();
        if (!hubspot.enabled()) {
            out.println(hubspot.whyOff());
        } else {
            HubSpotSetup setup = new HubSpotSetup(hubspot.client(bootstrap.getObjectMapper(), clock));
            List<HubSpotSetup.Step> steps = dryRun ? setup.plan() : setup.apply();
            out.println("HubSpot" + (dryRun ? " (dry run: nothing created)" : "") + ":");
            for (HubSpotSetup.Step step : steps) {
                out.println("  " + (dryRun ? step : done(step)));
            }
        }
        out.println("Salesforce: not available yet (the Salesforce connector comes with its own issue)");
    }

    private static String done(HubSpotSetup.Step step) {
        return (step.exists() ? "existed  " : "created  ") + step.objectType() + " " + step.what() + " " + step.name();
    }
}
