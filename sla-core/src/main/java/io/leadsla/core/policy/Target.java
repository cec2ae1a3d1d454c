package io.leadsla.core.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a clock may run: an amount of wall-clock or business time. Written as {@code 5m},
 * {@code 2h}, {@code 10d} (wall clock) or {@code 30bm}, {@code 4bh} (business minutes, hours);
 * {@code s} (seconds) exists for tests and demos. Decimals are allowed ({@code 1.5h}).
 */
public record Target(Duration amount, TimeBasis basis) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|h|d|bm|bh)");

    public Target {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(basis, "basis");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a target must not be negative: " + amount);
        }
    }

    /**
     * Parses {@code 5m}, {@code 2h}, {@code 4bh}, {@code 10d}, {@code 30bm}, {@code 90s}.
     *
     * @throws IllegalArgumentException with a message that shows the accepted forms
     */
    public static Target parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a number and a unit, "
                    + "e.g. 5m, 2h, 10d (wall clock) or 30bm, 4bh (business minutes, business hours)");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2);
        long secondsPerUnit = switch (unit) {
            case "s" -> 1;
            case "m", "bm" -> 60;
            case "h", "bh" -> 3600;
            case "d" -> 86_400;
            default -> throw new IllegalStateException(unit);
        };
        long millis;
        try {
            millis = number.multiply(BigDecimal.valueOf(secondsPerUnit * 1000)).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a duration");
        }
        return new Target(Duration.ofMillis(millis), unit.startsWith("b") ? TimeBasis.BUSINESS : TimeBasis.WALL);
    }

    /** The part of this target at which a clock turns at-risk. */
    public Target fraction(double share) {
        return new Target(Duration.ofMillis(Math.round(amount.toMillis() * share)), basis);
    }

    @Override
    public String toString() {
        long minutes = amount.toMinutes();
        boolean wholeMinutes = amount.toMillis() % 60_000 == 0;
        String prefix = basis == TimeBasis.BUSINESS ? "b" : "";
        if (!wholeMinutes) {
            return amount.toMillis() / 1000.0 + "s" + (basis == TimeBasis.BUSINESS ? " (business)" : "");
        }
        if (basis == TimeBasis.WALL && minutes % 1440 == 0 && minutes > 0) {
            return minutes / 1440 + "d";
        }
        if (minutes % 60 == 0 && minutes > 0) {
            return minutes / 60 + prefix + "h";
        }
        return minutes + prefix + "m";
    }
}
