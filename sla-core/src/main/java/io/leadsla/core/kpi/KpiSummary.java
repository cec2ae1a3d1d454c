package io.leadsla.core.kpi;

import java.util.List;
import java.util.Map;

/**
 * The shared KPIs for a set of lead cycles.
 *
 * @param acceptanceRate            accepted / handed over × 100 (the SLA's formula), leads deleted after the
 *                                  handoff (spam, merged duplicates) left out; {@code null} when nothing was handed over
 * @param open                      handed over and not yet dispositioned
 * @param policies                  compliance per policy id
 * @param policiesByTier            compliance per policy id, then tier
 * @param attemptsPerHandoff        mean person-made attempts per handed-over cycle
 * @param rejectedWithoutReason     rejections that came without a reason (a compliance failure)
 * @param reasonsAddedLater         of those, how many got a reason afterwards
 * @param qualityChecked            cycles whose MQL data was checked at handoff
 * @param qualityComplete           of those, with every required attribute
 * @param missingAttributes         how often each required attribute was missing at handoff
 */
public record KpiSummary(
        long mqls,
        long handedOff,
        long accepted,
        long rejected,
        long recycled,
        long deleted,
        long open,
        Double acceptanceRate,
        DurationStats handoffTime,
        DurationStats handoffBusinessTime,
        DurationStats firstResponseTime,
        DurationStats firstResponseBusinessTime,
        Map<String, Compliance> policies,
        Map<String, Map<String, Compliance>> policiesByTier,
        Double attemptsPerHandoff,
        List<ReasonCount> rejectionReasons,
        long rejectedWithoutReason,
        long reasonsAddedLater,
        long qualityChecked,
        long qualityComplete,
        Map<String, Long> missingAttributes) {
}
