package io.leadsla.core.policy;

import io.leadsla.core.calendar.BusinessCalendar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the clock engine needs: calendars by name, tiers, attempt rules, field names and the
 * policies. Validated on construction: references resolve, ids are unique.
 *
 * @param version         a label recorded on every clock (so closed clocks keep the policy they ran under)
 * @param defaultCalendar the calendar for reporting (months, KPIs) and for policies that name none
 */
public record PolicySet(String version, Map<String, BusinessCalendar> calendars, String defaultCalendar,
                        Tiers tiers, AttemptRules attemptRules, LeadFields fields, List<Policy> policies) {

    public PolicySet {
        Objects.requireNonNull(version, "version");
        calendars = Map.copyOf(calendars);
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(attemptRules, "attemptRules");
        Objects.requireNonNull(fields, "fields");
        policies = List.copyOf(policies);
        if (!calendars.containsKey(defaultCalendar)) {
            throw new IllegalArgumentException("default calendar '" + defaultCalendar + "' is not defined");
        }
        Set<String> ids = new HashSet<>();
        for (Policy p : policies) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("policy id '" + p.id() + "' is used twice");
            }
            List<String> names = new ArrayList<>();
            if (p instanceof Policy.Clocked c) {
                names.addAll(c.calendar().names());
            } else if (p instanceof Policy.Volume v) {
                names.add(v.calendar());
            }
            for (String name : names) {
                if (!calendars.containsKey(name)) {
                    throw new IllegalArgumentException("policy '" + p.id() + "' names calendar '" + name
                            + "', which is not defined");
                }
            }
        }
    }

    public BusinessCalendar calendar(String name) {
        BusinessCalendar c = calendars.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no calendar named '" + name + "'");
        }
        return c;
    }

    public BusinessCalendar reportingCalendar() {
        return calendars.get(defaultCalendar);
    }

    public <P extends Policy> Optional<P> first(Class<P> kind) {
        return policies.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    public <P extends Policy> List<P> all(Class<P> kind) {
        return policies.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
