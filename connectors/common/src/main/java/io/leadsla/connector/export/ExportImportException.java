package io.leadsla.connector.export;

/**
 * A CRM export that cannot be read at all: not a CSV, a required column missing, bytes that are
 * not text in the expected encoding. The message is written for the RevOps person who made the
 * export (it names the file, and the line when there is one), so callers print it as it is
 * instead of a stack trace. A single bad cell is not this exception: it becomes an
 * {@link ImportWarning} and only its row is skipped.
 */
public class ExportImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /** @param line the 1-based line the problem is on, or 0 when it concerns the whole file */
    public ExportImportException(String source, long line, String message) {
        this(source, line, message, null);
    }

    public ExportImportException(String source, long line, String message, Throwable cause) {
        super(prefix(source, line) + message, cause);
        this.source = source;
        this.line = line;
    }

    /** The file (or other source name) the export came from. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }

    private static String prefix(String source, long line) {
        return line > 0 ? source + ":" + line + ": " : source + ": ";
    }
}
