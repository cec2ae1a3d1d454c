package io.leadsla.core.policy;

import java.util.Map;
import java.util.Objects;

/** A target per tier, with a fallback for tiers not named. */
public record TieredTarget(Map<String, Target> byTier, Target fallback) {

    public TieredTarget {
        byTier = Map.copyOf(byTier);
        if (fallback == null && byTier.isEmpty()) {
            throw new IllegalArgumentException("a target needs at least one value");
        }
    }

    public static TieredTarget of(Target target) {
        return new TieredTarget(Map.of(), Objects.requireNonNull(target));
    }

    /** The tier's target, or the fallback; {@code null} when the tier has none (no clock then). */
    public Target forTier(String tier) {
        Target t = byTier.get(tier);
        return t != null ? t : fallback;
    }
}
