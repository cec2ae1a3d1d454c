package io.leadsla.core.policy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which named calendar a lead's clock runs on: a fixed one, or one chosen by an attribute. */
public sealed interface CalendarSelector {

    String calendarFor(Map<String, String> attributes);

    /** Every calendar name this selector can return, for validation. */
    Set<String> names();

    record Fixed(String calendar) implements CalendarSelector {
        @Override
        public String calendarFor(Map<String, String> attributes) {
            return calendar;
        }

        @Override
        public Set<String> names() {
            return Set.of(calendar);
        }
    }

    /** e.g. the owner's region: {@code ownerRegion: EMEA -> fr, NA -> us}, else the fallback. */
    record ByAttribute(String attribute, Map<String, String> calendars, String fallback) implements CalendarSelector {
        public ByAttribute {
            calendars = Map.copyOf(calendars);
        }

        @Override
        public String calendarFor(Map<String, String> attributes) {
            String value = attributes.get(attribute);
            String chosen = value == null ? null : calendars.get(value.trim());
            return chosen != null ? chosen : fallback;
        }

        @Override
        public Set<String> names() {
            Set<String> names = new TreeSet<>(calendars.values());
            names.add(fallback);
            return names;
        }
    }
}
