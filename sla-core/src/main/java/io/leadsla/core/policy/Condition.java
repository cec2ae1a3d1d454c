package io.leadsla.core.policy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test on a lead's attributes, used by tier rules and attempt rules. Values compare as written
 * (case-sensitive); use {@link Matches} with {@code (?i)} for case-insensitive tests.
 */
public sealed interface Condition {

    String attribute();

    boolean test(Map<String, String> attributes);

    private static String valueOf(Map<String, String> attributes, String name) {
        String v = attributes.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static BigDecimal number(Map<String, String> attributes, String name) {
        String v = valueOf(attributes, name);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null; // a non-numeric score never satisfies a numeric bound
        }
    }

    record Equals(String attribute, String value) implements Condition {
        public Equals {
            Objects.requireNonNull(attribute);
            Objects.requireNonNull(value);
        }

        @Override
        public boolean test(Map<String, String> attributes) {
            return value.equals(valueOf(attributes, attribute));
        }
    }

    record In(String attribute, Set<String> values) implements Condition {
        public In {
            Objects.requireNonNull(attribute);
            values = Set.copyOf(values);
        }

        @Override
        public boolean test(Map<String, String> attributes) {
            String v = valueOf(attributes, attribute);
            return v != null && values.contains(v);
        }
    }

    record AtLeast(String attribute, BigDecimal bound) implements Condition {
        @Override
        public boolean test(Map<String, String> attributes) {
            BigDecimal n = number(attributes, attribute);
            return n != null && n.compareTo(bound) >= 0;
        }
    }

    record AtMost(String attribute, BigDecimal bound) implements Condition {
        @Override
        public boolean test(Map<String, String> attributes) {
            BigDecimal n = number(attributes, attribute);
            return n != null && n.compareTo(bound) <= 0;
        }
    }

    record Present(String attribute) implements Condition {
        @Override
        public boolean test(Map<String, String> attributes) {
            return valueOf(attributes, attribute) != null;
        }
    }

    record Matches(String attribute, Pattern pattern) implements Condition {
        @Override
        public boolean test(Map<String, String> attributes) {
            String v = valueOf(attributes, attribute);
            return v != null && pattern.matcher(v).matches();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Matches m && m.attribute.equals(attribute) && m.pattern.pattern().equals(pattern.pattern());
        }

        @Override
        public int hashCode() {
            return Objects.hash(attribute, pattern.pattern());
        }
    }
}
