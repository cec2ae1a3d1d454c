package io.leadsla.connector.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the dates and date-times CRM exports write. Exports write local times without an offset
 * (in the exporting user's or the account's time zone), so the zone is a parameter, never the
 * machine's default: the same file must give the same instants on a laptop in Paris and a CI
 * runner in UTC.
 *
 * <p>Always accepted, because they are unambiguous: ISO-8601 with an offset or {@code Z}
 * ({@code 2026-09-08T14:21:00Z}), ISO local date-times with {@code T} or a space and optional
 * seconds ({@code 2026-09-08 16:21}, HubSpot's export form) and ISO dates ({@code 2026-09-08}).
 * Then each configured pattern ({@link DateTimeFormatter} syntax, parsed strictly and
 * case-insensitively in the configured locale), e.g. {@code M/d/yyyy h:mm a} for a Salesforce
 * report exported by an English (United States) user. A pattern without a time of day reads a
 * date; dates mean the start of that day in the zone, and say so ({@link Parsed#dateOnly()}).
 *
 * <p>Non-breaking and narrow no-break spaces count as spaces: recent locale data puts a narrow
 * no-break space before "AM"/"PM", and a file saved by such a tool must still read.
 */
public final class ExportTimeParser {

    private final ZoneId zone;
    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters;

    /**
     * @param zone     the time zone of local date-times and dates
     * @param patterns extra patterns tried after the ISO forms, in order
     * @param locale   the locale of month names and AM/PM markers in {@code patterns}
     * @throws IllegalArgumentException naming a pattern that is not valid
     */
    public ExportTimeParser(ZoneId zone, List<String> patterns, Locale locale) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.patterns = List.copyOf(patterns);
        Objects.requireNonNull(locale, "locale");
        List<DateTimeFormatter> built = new ArrayList<>(this.patterns.size());
        for (String pattern : this.patterns) {
            built.add(formatter(pattern, locale));
        }
        this.formatters = List.copyOf(built);
    }

    /** Checks a pattern the way the parser will use it; for validating options early. */
    public static void validatePattern(String pattern) {
        formatter(pattern, Locale.ROOT);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * A point in time read from a cell.
     *
     * @param instant  the instant; for a date, the start of that day in the zone
     * @param dateOnly whether the cell held only a date, so the time of day is not known
     */
    public record Parsed(Instant instant, boolean dateOnly) {
    }

    /**
     * Reads one cell.
     *
     * @throws DateTimeParseException with a message that lists the accepted forms
     */
    public Parsed parse(String text) {
        String value = normalize(text);
        Parsed iso = parseIso(value);
        if (iso != null) {
            return iso;
        }
        for (DateTimeFormatter formatter : formatters) {
            try {
                TemporalAccessor parsed = formatter.parseBest(value, LocalDateTime::from, LocalDate::from);
                if (parsed instanceof LocalDateTime local) {
                    return new Parsed(local.atZone(zone).toInstant(), false);
                }
                return new Parsed(((LocalDate) parsed).atStartOfDay(zone).toInstant(), true);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        throw new DateTimeParseException("'" + text + "' is not a date or date-time in an accepted form ("
                + describeForms() + ")", text, 0);
    }

    /** The accepted forms, for messages: the ISO examples, then the configured patterns. */
    public String describeForms() {
        StringBuilder out = new StringBuilder("2026-09-08 16:21, 2026-09-08T14:21:00Z, 2026-09-08");
        for (String pattern : patterns) {
            out.append(", ").append(pattern);
        }
        return out.toString();
    }

    private Parsed parseIso(String value) {
        if (value.length() < 10 || !Character.isDigit(value.charAt(0)) || value.charAt(4) != '-') {
            return null;
        }
        if (value.length() == 10) {
            try {
                return new Parsed(LocalDate.parse(value).atStartOfDay(zone).toInstant(), true);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        String iso = value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11) : value;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso,
                    ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return new Parsed(zoned.toInstant(), false);
            }
            if (parsed instanceof OffsetDateTime offset) {
                return new Parsed(offset.toInstant(), false);
            }
            // a local time in a DST gap moves forward, in an overlap takes the earlier offset
            return new Parsed(((LocalDateTime) parsed).atZone(zone).toInstant(), false);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DateTimeFormatter formatter(String pattern, Locale locale) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a date-time pattern must not be blank");
        }
        try {
            return new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern(pattern)
                    // 'yyyy' is year-of-era: strict resolving needs the era, which no export writes
                    .parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(locale)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a valid date-time pattern: " + e.getMessage(), e);
        }
    }

    private static String normalize(String text) {
        if (text == null) {
            throw new DateTimeParseException("no value", "", 0);
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == '\t') {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }
}
