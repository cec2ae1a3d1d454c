package io.leadsla.connector.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes instants as {@link Instant#toString()} does ({@code 2026-11-20T08:15:00Z}, with
 * {@code .SSS} when there are milliseconds) without a formatter: replay writes millions of them
 * and {@code Instant.toString} dominated its output time. Sub-millisecond instants and years
 * outside 0000–9999 fall back to {@code Instant.toString}.
 */
public final class InstantText {

    private InstantText() {
    }

    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        if (nanos % 1_000_000 != 0) {
            return instant.toString();
        }
        long epochDay = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        int millis = nanos / 1_000_000;
        char[] out = new char[millis == 0 ? 20 : 24];
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, (secondOfDay / 60) % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        if (millis != 0) {
            out[19] = '.';
            put(out, 20, millis, 3);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
