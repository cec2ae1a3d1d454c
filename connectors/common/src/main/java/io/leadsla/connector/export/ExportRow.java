package io.leadsla.connector.export;

import java.util.List;

/**
 * One data row of an export, read by {@link Column}. Values are trimmed and a blank cell reads
 * as {@code null}: exports write "no value" as an empty cell, and a cell of spaces means the same.
 */
public final class ExportRow {

    private final long line;
    private final List<String> values;

    public ExportRow(long line, List<String> values) {
        this.line = line;
        this.values = List.copyOf(values);
    }

    /** The 1-based line the row starts on (a value with line breaks makes a row span lines). */
    public long line() {
        return line;
    }

    /** The trimmed value, or {@code null} when the cell is blank or {@code column} is {@code null}. */
    public String get(Column column) {
        if (column == null || column.index() >= values.size()) {
            return null;
        }
        String value = values.get(column.index()).strip();
        return value.isEmpty() ? null : value;
    }

    /** The first non-blank value among {@code columns}, with the column it came from; {@code null} if none. */
    public Cell first(List<Column> columns) {
        for (Column column : columns) {
            String value = get(column);
            if (value != null) {
                return new Cell(column, value);
            }
        }
        return null;
    }

    /** A non-blank value and the column it was read from (for messages). */
    public record Cell(Column column, String value) {
    }
}
