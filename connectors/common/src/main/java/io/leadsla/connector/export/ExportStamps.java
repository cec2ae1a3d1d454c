package io.leadsla.connector.export;

import io.leadsla.core.event.EventType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the times in a row's cells and dates the row's events with them, the same way for every
 * CRM: a time read from a date-only cell is the start of that day, so its event says
 * {@code timeKnown=false} and the import tallies the column (one warning per column, see
 * {@link ImportCollector#dateOnly}).
 *
 * <p>Immutable and thread-safe: one per importer.
 */
public final class ExportStamps {

    private final ExportTimeParser times;
    private final String badTimeHint;

    /**
     * @param times       the parser of the export's dates and date-times
     * @param badTimeHint appended to the message of a cell that is not a time (how to fix it), may be empty
     */
    public ExportStamps(ExportTimeParser times, String badTimeHint) {
        this.times = Objects.requireNonNull(times, "times");
        this.badTimeHint = Objects.requireNonNull(badTimeHint, "badTimeHint");
    }

    /**
     * A time read from a cell.
     *
     * @param at       the instant; for a date, the start of that day in the zone
     * @param dateOnly whether the cell held only a date, so the time of day is not known
     * @param column   the column it was read from (for the date-only tally)
     */
    public record Stamp(Instant at, boolean dateOnly, Column column) {

        /** This time, or {@code earliest}'s when that is later: an event never precedes the MQL it follows. */
        public Instant notBefore(Stamp earliest) {
            return at.isAfter(earliest.at) ? at : earliest.at;
        }
    }

    /**
     * The time in {@code column}, or {@code null} when the cell is blank or the file has no such column.
     *
     * @throws BadCellException when the cell is not a date or date-time
     */
    public Stamp read(ExportRow row, Column column) {
        String value = row.get(column);
        return value == null ? null : read(column, value);
    }

    /**
     * The time in {@code value}, read from {@code column}.
     *
     * @throws BadCellException when the value is not a date or date-time
     */
    public Stamp read(Column column, String value) {
        try {
            ExportTimeParser.Parsed parsed = times.parse(value);
            return new Stamp(parsed.instant(), parsed.dateOnly(), column);
        } catch (DateTimeParseException e) {
            throw new BadCellException(column, e.getMessage() + badTimeHint);
        }
    }

    /** Adds an event at {@code at}, flagging and tallying a time that came from a date-only cell. */
    public void add(RowEvents events, EventType type, Stamp stamp, Instant at, Map<String, String> extra,
                    ImportCollector collector) {
        if (stamp.dateOnly()) {
            collector.dateOnly(stamp.column(), times.zone().getId());
            Map<String, String> flagged = new HashMap<>(extra);
            flagged.put(ExportAttributes.TIME_KNOWN, "false");
            events.add(type, at, flagged);
        } else {
            events.add(type, at, extra);
        }
    }

    /**
     * Adds the REJECTED or RECYCLED event a lead status implies. An export has no status-change
     * time, so it sits at a stand-in ({@code closedAt}: a last activity or modification), never
     * before the MQL, with {@code timeKnown=false}; a REJECTED carries {@code reason} when there is one.
     *
     * @param reason the row's rejection reason, or {@code null}; ignored on RECYCLED
     */
    public void addRejectedOrRecycled(RowEvents events, EventType type, Stamp closedAt, Stamp mql, String reason,
                                      ImportCollector collector) {
        if (type != EventType.REJECTED && type != EventType.RECYCLED) {
            throw new IllegalArgumentException(type + " is not REJECTED or RECYCLED");
        }
        Map<String, String> extra = new HashMap<>();
        extra.put(ExportAttributes.TIME_KNOWN, "false");
        if (type == EventType.REJECTED && reason != null) {
            extra.put(ExportAttributes.REASON, reason);
        }
        add(events, type, closedAt, closedAt.notBefore(mql), extra, collector);
    }
}
