package io.leadsla.service.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.kpi.GroupBy;
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
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Folds a file of events through the policies with no CRM and no server, and writes
 * {@code clocks.jsonl} and {@code kpis.json} (and {@code rejected.txt} when something could not be
 * read). Deterministic for a given "now": leads are folded independently, in parallel chunks, and
 * written in lead order (CRM, then record id). Each chunk's events and states are dropped once
 * written, so memory holds the events once and never all the results.
 */
public final class Replay {

    private static final int CHUNK = 4096;

    private final Supplier<PolicySet> policySource;
    private final ObjectMapper json;

    /**
     * @param policies asked for once the events are read, so that loading them (holiday tables
     *                 and all) can overlap the read; its errors surface from {@link #run}
     */
    public Replay(Supplier<PolicySet> policies) {
        this.policySource = policies;
        this.json = Jackson.newObjectMapper()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public ReplayResult run(EventSource source, Path eventsFile, Instant now, Path outDir) {
        if (!Files.isRegularFile(eventsFile)) {
            throw new ReplayException("no events file at " + eventsFile);
        }
        long started = System.nanoTime(); // durations for the summary only: no clock logic depends on them
        Map<LeadKey, List<LeadEvent>> byLead = new HashMap<>(1 << 16);
        List<String> rejected = new ArrayList<>();
        long read = source.read(eventsFile,
                e -> byLead.computeIfAbsent(e.lead(), k -> new ArrayList<>(6)).add(e), rejected::add);
        @SuppressWarnings("unchecked")
        Map.Entry<LeadKey, List<LeadEvent>>[] leads = byLead.entrySet().toArray(new Map.Entry[0]);
        byLead.clear();
        java.util.Arrays.sort(leads, Map.Entry.comparingByKey());

        long readDone = System.nanoTime();
        PolicySet policies = policySource.get();
        ClockEngine engine = new ClockEngine(policies);
        KpiCalculator kpis = new KpiCalculator(policies);
        KpiCalculator.Accumulator kpiAcc = kpis.accumulator(null, null, List.of(GroupBy.values()));
        long withCycle = 0;
        long cycles = 0;
        long atRisk = 0;
        long breached = 0;
        try {
            Files.createDirectories(outDir);
            ClockLineWriter clocks = new ClockLineWriter();
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(outDir.resolve("clocks.jsonl"), StandardCharsets.UTF_8), 1 << 16)) {
                LeadState[] states = new LeadState[CHUNK];
                String[] lines = new String[CHUNK];
                for (int start = 0; start < leads.length; start += CHUNK) {
                    int from = start;
                    int size = Math.min(CHUNK, leads.length - start);
                    IntStream.range(0, size).parallel().forEach(i -> {
                        states[i] = engine.fold(leads[from + i].getValue(), now);
                        lines[i] = clocks.render(states[i]);
                        leads[from + i] = null; // the events are no longer needed
                    });
                    for (int i = 0; i < size; i++) {
                        LeadState state = states[i];
                        states[i] = null;
                        out.write(lines[i]);
                        lines[i] = null;
                        kpiAcc.add(state);
                        cycles += state.cycles().size();
                        withCycle += state.cycles().isEmpty() ? 0 : 1;
                        for (SlaClock c : state.clocks()) {
                            switch (c.status()) {
                                case AT_RISK -> atRisk++;
                                case BREACHED -> breached++;
                                default -> { }
                            }
                        }
                    }
                }
            }
            Map<String, KpiReport> grouped = new LinkedHashMap<>(kpiAcc.reports());
            KpiReport overall = grouped.remove("overall");
            ReplayResult result = new ReplayResult(now, read, List.copyOf(rejected), leads.length, withCycle, cycles,
                    atRisk, breached, overall, grouped, java.time.Duration.ofNanos(readDone - started),
                    java.time.Duration.ofNanos(System.nanoTime() - readDone));
            writeKpis(policies, result, outDir);
            Path rejectedFile = outDir.resolve("rejected.txt");
            if (rejected.isEmpty()) {
                Files.deleteIfExists(rejectedFile);
            } else {
                Files.write(rejectedFile, rejected, StandardCharsets.UTF_8);
            }
            return result;
        } catch (IOException e) {
            throw new ReplayException("cannot write to " + outDir + ": " + e.getMessage(), e);
        }
    }

    private void writeKpis(PolicySet policies, ReplayResult result, Path outDir) throws IOException {
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
    }
}
