package io.leadsla.service.replay;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.leadsla.config.PolicyConfigException;
import io.leadsla.config.PolicyLoader;
import io.leadsla.core.policy.PolicySet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code replay --policies FILE --events FILE [--now INSTANT] [--out DIR]}: folds events through
 * the policies with no CRM and no server (docs/SPEC.md). Without {@code --now} the clock is the
 * machine's; give {@code --now} for a reproducible result.
 */
public class ReplayCommand extends Command {

    private final Clock clock;
    private final EventSources sources;

    public ReplayCommand(Clock clock, EventSources sources) {
        super("replay", "Fold lead events (.jsonl, or a HubSpot/Salesforce CSV export) through the policies; "
                + "write clocks.jsonl and kpis.json and print a summary");
        this.clock = clock;
        this.sources = sources;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--policies").required(true).metavar("FILE").help("policies YAML (e.g. config/policies.yml)");
        subparser.addArgument("--events").required(true).metavar("FILE")
                .help("normalized events (.jsonl), or a CRM CSV export (see --format)");
        subparser.addArgument("--now").metavar("INSTANT")
                .help("the moment to evaluate clocks at, ISO-8601 (e.g. 2026-10-01T00:00:00Z); default: the current time");
        subparser.addArgument("--out").metavar("DIR").setDefault("replay-out")
                .help("directory for clocks.jsonl and kpis.json (default: replay-out)");
        subparser.addArgument("--format").choices("auto", "jsonl", "hubspot-csv", "salesforce-csv").setDefault("auto")
                .help("input format; auto: .jsonl is normalized events, a .csv is recognised by its header");
        subparser.addArgument("--csv-zone").metavar("ZONE")
                .help("time zone of a CSV export's date-times, which carry no offset (e.g. Europe/Paris); required for CSV");
        subparser.addArgument("--csv-locale").metavar("LOCALE")
                .help("locale of a Salesforce report's dates (default en-US: 9/23/2026 4:05 PM)");
        subparser.addArgument("--strict").action(Arguments.storeTrue())
                .help("fail when any line or row cannot be read (default: report it and go on)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace ns) {
        PrintStream out = System.out;
        Instant now = now(ns.getString("now"));
        Path policiesFile = Path.of(ns.getString("policies"));
        // load the policies (holiday tables take a moment) while the events are being read
        CompletableFuture<PolicySet> loading = CompletableFuture.supplyAsync(() -> new PolicyLoader().load(policiesFile));
        Path events = Path.of(ns.getString("events"));
        EventSource source = sources.choose(ns.getString("format"), events, ns.getString("csv_zone"), ns.getString("csv_locale"));
        Path outDir = Path.of(ns.getString("out"));
        ReplayResult result = new Replay(() -> policies(loading)).run(source, events, now, outDir);
        PolicySet policies = policies(loading);
        if (ns.getBoolean("strict") && !result.rejected().isEmpty()) {
            throw new ReplayException(result.rejected().size() + " line(s) of " + events + " could not be read (listed in "
                    + outDir.resolve("rejected.txt") + "), first: " + result.rejected().get(0));
        }
        ReplaySummary.print(out, policies, events + " (" + source.describe() + ")", result);
        out.printf(Locale.ROOT, "%nWrote %s and %s%s%n", outDir.resolve("clocks.jsonl"), outDir.resolve("kpis.json"),
                result.rejected().isEmpty() ? "" : " and " + outDir.resolve("rejected.txt"));
    }

    private static PolicySet policies(CompletableFuture<PolicySet> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // a PolicyConfigException with its file, line and path
            }
            throw e;
        }
    }

    private Instant now(String text) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ReplayException("--now '" + text + "' is not an ISO-8601 instant such as 2026-10-01T00:00:00Z");
        }
    }

    /** User mistakes get their message, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof PolicyConfigException || e instanceof ReplayException) {
            cli.getStdErr().println("replay: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
