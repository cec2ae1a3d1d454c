package io.leadsla.core.kpi;

/**
 * How one policy's clocks stand. {@code metRate} = met / (met + missed + breached) × 100: the share
 * of decided clocks that were kept; open clocks still on track are not decided yet.
 */
public record Compliance(long met, long missed, long breached, long atRisk, long onTrack, long cancelled,
                         Double metRate) {
}
