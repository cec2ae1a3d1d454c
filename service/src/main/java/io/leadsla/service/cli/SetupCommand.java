package io.leadsla.service.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.service.connector.CrmAccountConfig;
import java.io.PrintStream;
import java.time.Clock;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code setup CONFIG [--dry-run]} (docs/SPEC.md): for each configured CRM account, creates the
 * fields leadsla writes after reading what exists (HubSpot), or prints the plan and the commands
 * that deploy them (Salesforce); with {@code --dry-run} it only says what it would do.
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
        for (CrmAccountConfig account : configuration.crmAccounts()) {
            if (!account.enabled()) {
                out.println(account.whyOff());
                continue;
            }
            CrmConnector connector = account.open(bootstrap.getObjectMapper(), clock);
            out.println(heading(account) + (dryRun ? " (dry run: nothing created)" : "") + ":");
            connector.setup(dryRun).forEach(line -> out.println("  " + line));
        }
    }

    private static String heading(CrmAccountConfig account) {
        String crm = switch (account.crm()) {
            case HUBSPOT -> "HubSpot";
            case SALESFORCE -> "Salesforce";
        };
        return io.leadsla.core.event.LeadKey.DEFAULT_ACCOUNT.equals(account.account()) ? crm : crm + " " + account.account();
    }
}
