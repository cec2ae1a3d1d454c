package io.leadsla.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.leadsla.config.PolicyLoader;
import io.leadsla.connector.hubspot.api.HubSpotApiConfig;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.api.HubSpotHttp;
import io.leadsla.connector.hubspot.setup.HubSpotSetup;
import io.leadsla.connector.hubspot.writeback.HubSpotWriter;
import io.leadsla.connector.writeback.TaskTemplates;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.simulator.hubspot.ChangeSource;
import io.leadsla.simulator.hubspot.HubSpotSimulator;
import io.leadsla.simulator.hubspot.SimulatorOptions;
import io.leadsla.store.Backend;
import io.leadsla.pipeline.LeadFolder;
import io.leadsla.pipeline.OutboxWriter;
import io.leadsla.store.Store;
import io.leadsla.store.StoreDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HubSpot write-back through the real path — embedded store, outbox, {@link OutboxWriter} holding
 * the account lease, {@link HubSpotWriter}, OkHttp, the paced rate limiter — against the HubSpot
 * simulator enforcing the same limit. Run from the repository root:
 * <pre>
 * java -cp bench/target/benchmarks.jar io.leadsla.bench.HubSpotWriteBenchmark --updates 50000 --limit 100
 * </pre>
 * Reports the batch-update calls per 10,000 contact updates (goal ≤ 1.02 × 100) and the sustained
 * call rate as a share of the limit's capacity (goal ≥ 95 %), with the 429s HubSpot answered.
 */
public final class HubSpotWriteBenchmark {

    private static final String BATCH_UPDATE = "POST /crm/v3/objects/{objectType}/batch/update";

    private HubSpotWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int updates = 50_000;
        int limit = 100;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--updates" -> updates = Integer.parseInt(args[i + 1]);
                case "--limit" -> limit = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper();
        PolicySet policies = new PolicyLoader().load(Path.of("config", "policies.yml"));
        try (HubSpotSimulator hubspot = HubSpotSimulator.start(SimulatorOptions.builder().clock(clock).accessToken("pat-bench")
                .portalId(62515).appId(4242).tenSecondLimit(limit).searchPerSecondLimit(5).dailyLimit(10_000_000).build());
             HikariDataSource ds = StoreDataSource.pooled(Backend.embeddedUrl(Files.createTempDirectory("leadsla-hs-bench")),
                     null, null, 4, "bench")) {
            HubSpotClient client = new HubSpotClient(new HubSpotHttp(
                    HubSpotApiConfig.defaults(hubspot.baseUrl(), "pat-bench").withRequestsPer10Seconds(limit), json, clock));
            new HubSpotSetup(client).apply();

            // contacts in the portal, and their leads in the store, each with an SLA state to write
            Store store = Store.open(ds, Backend.EMBEDDED, clock);
            Instant handoff = clock.instant();
            List<LeadEvent> events = new ArrayList<>();
            for (int i = 0; i < updates; i++) {
                String id = hubspot.actions().createContact(Map.of("email", "lead" + i + "@example.com"),
                        ChangeSource.crmUi(9001)).id();
                events.add(new LeadEvent("mql-" + id, Crm.HUBSPOT, "contact", id, EventType.MQL_QUALIFIED, handoff,
                        Map.of("score", "40")));
                events.add(new LeadEvent("handoff-" + id, Crm.HUBSPOT, "contact", id, EventType.HANDED_OFF, handoff,
                        Map.of("ownerId", "77", "ownerRegion", "EMEA")));
                if (events.size() >= 2_000) {
                    store.events().append(events, clock.instant());
                    events.clear();
                }
            }
            store.events().append(events, clock.instant());
            LeadFolder folder = new LeadFolder(store, new ClockEngine(policies), clock);
            while (folder.foldStale(1_000) > 0) {
                // every lead gets its first SLA state, queued for HubSpot
            }
            long queued = store.outbox().count();
            hubspot.requests().reset();

            OutboxWriter writer = new OutboxWriter(store, new HubSpotWriter(client, "62515",
                    TaskTemplates.defaults(ZoneId.of("UTC")), clock), "bench", Duration.ofSeconds(30), clock);
            long started = System.nanoTime();
            while (store.outbox().count() > 0) {
                writer.runOnce();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long calls = hubspot.requests().count(BATCH_UPDATE);
            long total = hubspot.requests().total();
            long rateLimited = hubspot.requests().statusCounts().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("-> 429")).mapToLong(Map.Entry::getValue).sum();
            double capacity = limit / 10.0;
            System.out.printf(Locale.ROOT, "%,d contact SLA updates queued, written with %,d batch-update calls "
                            + "(%.1f per 10,000 updates; floor %d) in %.1f s%n", queued, calls, calls * 10_000.0 / queued,
                    (int) Math.ceil(10_000 / 100.0), seconds);
            System.out.printf(Locale.ROOT, "all HubSpot requests %,d, of which 429: %d; most in any rolling 10 s: %d (limit %d)%n",
                    total, rateLimited, hubspot.requests().maxRequestsInAnyTenSeconds(), limit);
            System.out.printf(Locale.ROOT, "sustained %.2f calls/s = %.1f %% of the limit's capacity (%.1f calls/s)%n",
                    total / seconds, 100 * total / seconds / capacity, capacity);
        }
    }
}
