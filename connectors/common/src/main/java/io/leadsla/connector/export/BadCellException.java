package io.leadsla.connector.export;

/**
 * A cell an importer cannot use (a date that is not a date, a flag that is not a flag). Thrown
 * while a row is read and caught by the importer, which turns it into an {@link ImportWarning}
 * for that row and goes on with the next one.
 */
public final class BadCellException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Column column;

    public BadCellException(Column column, String message) {
        super(message, null, false, false); // flow control for user data: no stack trace to fill in
        this.column = column;
    }

    public Column column() {
        return column;
    }
}
