package io.leadsla.core.policy;

import java.util.List;
import java.util.Map;

/** A lead belongs to {@code tier} when every condition holds (an empty list always holds). */
public record TierRule(String tier, List<Condition> when) {

    public TierRule {
        when = List.copyOf(when);
    }

    public boolean matches(Map<String, String> attributes) {
        for (Condition c : when) {
            if (!c.test(attributes)) {
                return false;
            }
        }
        return true;
    }
}
