package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * HubSpot's wire formats for time. Datetime values are accepted as epoch milliseconds or ISO-8601 and
 * returned as ISO-8601 UTC with milliseconds (as in the documented examples, e.g.
 * {@code 2019-10-30T03:30:17.883Z}); date-only values as {@code yyyy-MM-dd}.
 */
final class HubSpotTime {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private HubSpotTime() {
    }

    static String format(Instant instant) {
        return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses epoch milliseconds, an ISO instant/offset date-time, or a date (midnight UTC). */
    static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.chars().allMatch(Character::isDigit) || (s.startsWith("-") && s.length() > 1
                && s.substring(1).chars().allMatch(Character::isDigit))) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
