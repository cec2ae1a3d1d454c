package io.leadsla.service.replay;

import io.leadsla.core.clock.LeadState;
import io.leadsla.core.kpi.KpiReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a replay produced.
 *
 * @param rejected lines or rows that could not be read, each "file:line: why"
 * @param kpis     overall figures (no grouping) plus one report per grouping
 */
public record ReplayResult(Instant now, long eventsRead, List<String> rejected, List<LeadState> leads,
                           KpiReport kpis, Map<String, KpiReport> kpisByGroup) {
}
