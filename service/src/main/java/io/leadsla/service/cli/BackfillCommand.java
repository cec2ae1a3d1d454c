package io.leadsla.service.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.leadsla.config.PolicyLoader;
import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.connector.api.Poller;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.service.LeadslaConfiguration;
import io.leadsla.service.connector.CrmAccountConfig;
import io.leadsla.store.Backend;
import io.leadsla.pipeline.InboxProcessor;
import io.leadsla.pipeline.LeadFolder;
import io.leadsla.store.Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code backfill CONFIG --since DATE} (docs/SPEC.md): pulls the CRMs' history since a date — HubSpot
 * contacts with the history of the mapped properties, and their calls, e-mails and meetings;
 * Salesforce Leads, LeadHistory (the true time of each status and owner change), Tasks and Events —
 * into the inbox, then normalizes it and rebuilds the clocks (breaches older than a day ask for no
 * task). Safe to repeat and to run beside a server on PostgreSQL: what is known is kept once.
 * Write-backs it queues are sent by the server.
 */
public class BackfillCommand extends ConfiguredCommand<LeadslaConfiguration> {

    private final Clock clock;
    private final PrintStream out;

    public BackfillCommand(Clock clock, PrintStream out) {
        super("backfill", "Pull lead history from the CRMs since a date and rebuild the clocks");
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--since").required(true).metavar("DATE")
                .help("where the history starts: a date (2026-09-01, UTC midnight) or an instant (2026-09-01T00:00:00Z)");
    }

    @Override
    protected void run(Bootstrap<LeadslaConfiguration> bootstrap, Namespace namespace, LeadslaConfiguration configuration) {
        Instant since = since(namespace.getString("since"));
        PolicySet policies = new PolicyLoader().load(Path.of(configuration.getPoliciesFile()));
        List<CrmConnector> connectors = new ArrayList<>();
        for (CrmAccountConfig account : configuration.crmAccounts()) {
            if (account.enabled()) {
                connectors.add(account.open(bootstrap.getObjectMapper(), clock));
            } else {
                out.println(account.whyOff());
            }
        }
        if (connectors.isEmpty()) {
            out.println("no CRM account is configured: nothing to backfill");
            return;
        }
        try (HikariDataSource dataSource = configuration.getStore().build()) {
            Store store = Store.open(dataSource, Backend.ofUrl(configuration.getStore().jdbcUrl()), clock);
            List<Normalizer> normalizers = new ArrayList<>();
            List<Poller> pollers = new ArrayList<>();
            for (CrmConnector connector : connectors) {
                normalizers.addAll(connector.normalizers());
                pollers.addAll(connector.pollers(since));
            }
            int pages = 0;
            for (Poller poller : pollers) {
                int read = 0;
                Optional<String> position = Optional.empty();
                Poller.Poll poll;
                do {
                    poll = poller.poll(position);
                    for (Poller.Page page : poll.pages()) {
                        store.inbox().append(page.source(), page.dedupKey(), clock.instant(), page.body());
                    }
                    read += poll.pages().size();
                    position = Optional.of(poll.nextPosition());
                } while (!poll.caughtUp());
                out.printf(Locale.ROOT, "%s since %s: %d page(s)%n", poller.cursor(), since, read);
                pages += read;
            }
            InboxProcessor inbox = new InboxProcessor(store, normalizers, clock);
            int events = 0;
            int setAside = 0;
            for (InboxProcessor.Round r = inbox.processPending(20); r.items() > 0; r = inbox.processPending(20)) {
                events += r.newEvents();
                setAside += r.setAside();
            }
            LeadFolder folder = new LeadFolder(store, new ClockEngine(policies), clock);
            int leads = 0;
            for (int n = folder.foldStale(500); n > 0; n = folder.foldStale(500)) {
                leads += n;
            }
            out.printf(Locale.ROOT, "Backfill: %d page(s), %d new event(s), %d lead(s) folded%s%n", pages, events, leads,
                    setAside == 0 ? "" : ", " + setAside + " inbox item(s) set aside (see the store health check)");
        }
    }

    static Instant since(String text) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + text + "' is neither a date (2026-09-01) nor an instant "
                    + "(2026-09-01T00:00:00Z)", e);
        }
    }
}
