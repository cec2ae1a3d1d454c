package io.leadsla.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which contact attempts are a person's. A first touch must be human: attempts whose channel is
 * not listed, or that match an {@code ignoreWhen} condition (an automated sequence e-mail, a task
 * created by an integration), count neither as first contact nor as an attempt.
 *
 * @param channels   channels that count; empty means all
 * @param ignoreWhen any matching condition makes the attempt not count
 */
public record AttemptRules(Set<String> channels, List<Condition> ignoreWhen) {

    /** The contact channels of the normalized event model (docs/SPEC.md), in lower case. */
    public static final Set<String> CHANNELS = java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(List.of("call", "email", "meeting", "sms", "social")));

    /** Attempts flagged {@code automated=true} by a connector never count. */
    public static final AttemptRules DEFAULT = new AttemptRules(
            Set.of("call", "email", "meeting", "sms", "social"),
            List.of(new Condition.Equals("automated", "true")));

    public AttemptRules {
        channels = Set.copyOf(channels.stream().map(c -> c.trim().toLowerCase(java.util.Locale.ROOT)).toList());
        ignoreWhen = List.copyOf(ignoreWhen);
    }

    public boolean counts(Map<String, String> eventAttributes) {
        if (!channels.isEmpty()) {
            String channel = eventAttributes.get("channel");
            if (channel == null || !channels.contains(channel.trim().toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        for (Condition c : ignoreWhen) {
            if (c.test(eventAttributes)) {
                return false;
            }
        }
        return true;
    }
}
