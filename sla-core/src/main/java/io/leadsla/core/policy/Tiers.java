package io.leadsla.core.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Tier rules in order: the first rule that matches names the tier, else the default tier. */
public record Tiers(List<TierRule> rules, String defaultTier) {

    public Tiers {
        rules = List.copyOf(rules);
        Objects.requireNonNull(defaultTier, "defaultTier");
    }

    public static Tiers single(String tier) {
        return new Tiers(List.of(), tier);
    }

    public String tierOf(Map<String, String> attributes) {
        for (TierRule rule : rules) {
            if (rule.matches(attributes)) {
                return rule.tier();
            }
        }
        return defaultTier;
    }

    /** Every tier name, in rule order, the default last. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        rules.forEach(r -> names.add(r.tier()));
        names.add(defaultTier);
        return names;
    }
}
