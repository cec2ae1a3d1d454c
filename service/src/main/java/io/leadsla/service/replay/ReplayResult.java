package io.leadsla.service.replay;

import io.leadsla.core.kpi.KpiReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a replay produced. The leads themselves went to {@code clocks.jsonl} as they were folded;
 * only counts are kept, so a replay of millions of events needs little memory.
 *
 * @param rejected      lines or rows that could not be read, each "file:line: why"
 * @param kpis          overall figures (no grouping)
 * @param kpisByGroup   one report per grouping (owner, source, tier, month)
 * @param readTime      time spent reading and parsing the input
 * @param foldTime      time spent folding, writing the clocks and computing the KPIs
 */
public record ReplayResult(Instant now, long eventsRead, List<String> rejected, long leads, long leadsWithCycle,
                           long cycles, long clocksAtRisk, long clocksBreached, KpiReport kpis,
                           Map<String, KpiReport> kpisByGroup, java.time.Duration readTime,
                           java.time.Duration foldTime) {
}
