package io.leadsla.core.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * KPIs over the cycles whose MQL falls in {@code [from, to)}, overall and per group.
 *
 * @param groups  per owner, source, tier or month (sorted by key); empty without a grouping
 * @param volume  MQLs per month of the reporting calendar against the commitment
 */
public record KpiReport(Instant from, Instant to, String groupBy, KpiSummary overall,
                        Map<String, KpiSummary> groups, List<MonthlyVolume> volume) {
}
