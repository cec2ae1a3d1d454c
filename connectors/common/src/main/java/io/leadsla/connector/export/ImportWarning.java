package io.leadsla.connector.export;

import java.util.Objects;

/**
 * Something in an export that was skipped or approximated, said so that the person who made the
 * export can find it: the file, the 1-based line (0 for the whole file) and the column.
 *
 * @param source  the file (or other source name)
 * @param line    1-based line where the row starts; 0 when the warning concerns the whole file
 * @param column  the column label as written in the file's header, or {@code null}
 * @param message what is wrong and what was done about it
 */
public record ImportWarning(String source, long line, String column, String message) {

    public ImportWarning {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
    }

    /** {@code file:12: column 'Create Date': message}, the form compilers use, so editors can jump. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (column != null) {
            out.append("column '").append(column).append("': ");
        }
        return out.append(message).toString();
    }
}
