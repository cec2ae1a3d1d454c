package io.leadsla.simulator.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;

/**
 * Field values in the simulator are typed Java values — String (text, picklist, ids), Boolean, Instant
 * (datetime), LocalDate (date), Double (number), Integer (int) — converted from and to the text forms the
 * API carries. Datetimes go out as {@code 2026-11-23T08:00:00.000Z} and numbers as Java doubles print
 * ({@code 3.0}), as the Partner API writes them.
 */
final class Values {
    private static final DateTimeFormatter DATETIME_OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Values() {
    }

    /** Converts a value given as text (from SOAP) or as a Java value (from user actions) to the field's type. */
    static Object coerce(FieldDef f, Object value) {
        if (value == null) {
            return null;
        }
        return switch (f.type()) {
            case BOOLEAN -> value instanceof Boolean b ? b : parseBoolean(value.toString());
            case DATETIME -> value instanceof Instant i ? i : parseDateTime(value);
            case DATE -> value instanceof LocalDate d ? d : parseDate(value.toString());
            case DOUBLE -> value instanceof Number n ? Double.valueOf(n.doubleValue())
                    : Double.valueOf(value.toString().trim());
            case INT -> value instanceof Number n ? Integer.valueOf(n.intValue())
                    : Integer.valueOf(new java.math.BigDecimal(value.toString().trim()).intValueExact());
            default -> value.toString();
        };
    }

    private static Boolean parseBoolean(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("true") || t.equals("1")) {
            return true;
        }
        if (t.equalsIgnoreCase("false") || t.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException(s);
    }

    static Instant parseDateTime(Object value) {
        if (value instanceof Calendar c) {
            return c.toInstant();
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        String s = value.toString().trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // "2026-11-23T08:00:00" without an offset is read as GMT, as the API does
            return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        }
    }

    static LocalDate parseDate(String s) {
        String t = s.trim();
        // force-wsc writes xsd:date values of Calendar fields as full datetimes; keep the date part
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    }

    /** The text the Partner API writes for a value. */
    static String format(Object value) {
        if (value instanceof Instant i) {
            return DATETIME_OUT.format(i);
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return value.toString();
    }

    /** The xsi:type an anyType value (LeadHistory.OldValue/NewValue) is written with. */
    static String xsdType(Object value) {
        if (value instanceof Instant) {
            return "xsd:dateTime";
        }
        if (value instanceof LocalDate) {
            return "xsd:date";
        }
        if (value instanceof Boolean) {
            return "xsd:boolean";
        }
        if (value instanceof Double) {
            return "xsd:double";
        }
        if (value instanceof Integer) {
            return "xsd:int";
        }
        return "xsd:string";
    }

    /** Orders values of one field for SOQL comparisons and ORDER BY; text compares case-insensitively. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            return sa.compareToIgnoreCase(sb);
        }
        if (a instanceof Number na && b instanceof Number nb) {
            return Double.compare(na.doubleValue(), nb.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass().equals(b.getClass())) {
            return ca.compareTo(b);
        }
        return a.toString().compareToIgnoreCase(b.toString());
    }
}
