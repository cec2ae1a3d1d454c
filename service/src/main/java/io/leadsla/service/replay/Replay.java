package io.leadsla.service.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.kpi.KpiCalculator;
import io.leadsla.core.kpi.KpiReport;
import io.leadsla.core.policy.PolicySet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a file of events through the policies with no CRM and no server, and writes
 * {@code clocks.jsonl} and {@code kpis.json}. Deterministic for a given "now": leads are folded
 * independently (in parallel) and written in lead order.
 */
public final class Replay {

    private final PolicySet policies;
    private final ClockEngine engine;
    private final KpiCalculator kpis;
    private final ObjectMapper json;

    public Replay(PolicySet policies) {
        this.policies = policies;
        this.engine = new ClockEngine(policies);
        this.kpis = new KpiCalculator(policies);
        this.json = Jackson.newObjectMapper()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Reads, folds and computes the KPIs; writes nothing. */
    public ReplayResult fold(EventSource source, Path eventsFile, Instant now) {
        if (!Files.isRegularFile(eventsFile)) {
            throw new ReplayException("no events file at " + eventsFile);
        }
        Map<LeadKey, List<LeadEvent>> byLead = new HashMap<>();
        List<String> rejected = new ArrayList<>();
        long t0 = System.nanoTime();
        long read = source.read(eventsFile,
                e -> byLead.computeIfAbsent(e.lead(), k -> new ArrayList<>(8)).add(e), rejected::add);
        long t1 = System.nanoTime();
        List<LeadState> leads = byLead.entrySet().parallelStream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> engine.fold(e.getValue(), now))
                .toList();
        long t2 = System.nanoTime();
        Map<String, KpiReport> grouped = new LinkedHashMap<>(kpis.computeAll(leads, null, null));
        KpiReport overall = grouped.remove("overall");
        long t3 = System.nanoTime();
        if (System.getenv("LEADSLA_REPLAY_TIMING") != null) {
            System.err.printf("read %d ms, fold %d ms, kpis %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000);
        }
        return new ReplayResult(now, read, List.copyOf(rejected), leads, overall, grouped);
    }

    /** Writes {@code clocks.jsonl}, {@code kpis.json} and, when lines were rejected, {@code rejected.txt}. */
    public void write(ReplayResult result, Path outDir) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(outDir);
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(outDir.resolve("clocks.jsonl"), StandardCharsets.UTF_8), 1 << 16);
                 ClockLineWriter clocks = new ClockLineWriter(out)) {
                for (LeadState lead : result.leads()) {
                    clocks.write(lead);
                }
            }
            long t1 = System.nanoTime();
            if (System.getenv("LEADSLA_REPLAY_TIMING") != null) {
                System.err.printf("write clocks %d ms%n", (t1 - t0) / 1_000_000);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("now", result.now());
            doc.put("policyVersion", policies.version());
            doc.put("reportingTimeZone", policies.reportingCalendar().zone().getId());
            doc.put("cohort", "cycles are counted in the period (and month) of their MQL");
            doc.put("overall", result.kpis().overall());
            doc.put("volume", result.kpis().volume());
            result.kpisByGroup().forEach((group, report) -> doc.put("by" + Character.toUpperCase(group.charAt(0))
                    + group.substring(1), report.groups()));
            json.writeValue(outDir.resolve("kpis.json").toFile(), doc);
            Path rejectedFile = outDir.resolve("rejected.txt");
            if (result.rejected().isEmpty()) {
                Files.deleteIfExists(rejectedFile);
            } else {
                Files.write(rejectedFile, result.rejected(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ReplayException("cannot write to " + outDir + ": " + e.getMessage(), e);
        }
    }
}
