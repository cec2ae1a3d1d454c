package io.leadsla.core.calendar;

/**
 * Opening hours within one local day, {@code [start, end)} in minutes since midnight; {@code end}
 * may be 1440 (24:00) so that a day can be open until midnight.
 */
public record TimeRange(int startMinute, int endMinute) implements Comparable<TimeRange> {

    public static final int END_OF_DAY = 24 * 60;

    public TimeRange {
        if (startMinute < 0 || endMinute > END_OF_DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("opening hours must run forward within one day: "
                    + format(startMinute) + "-" + format(endMinute));
        }
    }

    /** Parses {@code 09:00-12:30}; {@code 24:00} is accepted as an end. */
    public static TimeRange parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a time range like 09:00-12:30");
        }
        return new TimeRange(minuteOfDay(parts[0], text), minuteOfDay(parts[1], text));
    }

    private static int minuteOfDay(String hhmm, String whole) {
        String[] hm = hhmm.split(":");
        try {
            if (hm.length != 2 || hm[1].length() != 2) {
                throw new NumberFormatException();
            }
            int h = Integer.parseInt(hm[0]);
            int m = Integer.parseInt(hm[1]);
            if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0)) {
                throw new NumberFormatException();
            }
            return h * 60 + m;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "' is not a time range like 09:00-12:30");
        }
    }

    @Override
    public int compareTo(TimeRange o) {
        return Integer.compare(startMinute, o.startMinute);
    }

    @Override
    public String toString() {
        return format(startMinute) + "-" + format(endMinute);
    }

    private static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
