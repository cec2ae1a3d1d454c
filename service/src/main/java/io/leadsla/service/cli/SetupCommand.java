package io.leadsla.service.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.connector.salesforce.api.LeadDescribe;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import io.leadsla.connector.salesforce.setup.SalesforceSetup;
import io.leadsla.service.salesforce.SalesforceFactory;
import java.nio.file.Path;
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
        SalesforceFactory salesforce = configuration.getSalesforce();
        if (!salesforce.enabled()) {
            out.println(salesforce.whyOff());
            return;
        }
        SalesforceSession session = salesforce.session(bootstrap.getObjectMapper(), clock);
        List<SalesforceSetup.Step> plan = new SalesforceSetup(session).plan();
        out.println("Salesforce (leadsla deploys no metadata itself: run the commands below" + (dryRun ? "; dry run" : "") + "):");
        plan.forEach(step -> out.println("  " + step));
        String integrationUser = LeadDescribe.integrationUserId(session);
        if (plan.stream().allMatch(SalesforceSetup.Step::exists)) {
            out.println("  every field is in place");
        } else {
            SalesforceSetup.commands(Path.of("connectors", "salesforce", "sfdx"), "<the integration user's username>")
                    .forEach(c -> out.println("  " + c));
        }
        out.println("  the integration user's id, for salesforce.mapping.integrationUserId: " + integrationUser);
    }

    private static String done(HubSpotSetup.Step step) {
        return (step.exists() ? "existed  " : "created  ") + step.objectType() + " " + step.what() + " " + step.name();
    }
}
