package io.leadsla.connector.event;

import io.leadsla.core.event.LeadEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Reads a {@code .jsonl} file of normalized events line by line. A bad line does not stop the
 * read: it is reported, with its line number, to the error handler, and the rest is read.
 * Blank lines are skipped. Lines are parsed in parallel batches (parsing dominates a big replay);
 * events and errors are still delivered in file order, on the calling thread.
 */
public final class JsonlEventReader {

    /** A line that could not be read. */
    public record LineError(String source, long line, String message) {
        @Override
        public String toString() {
            return source + ":" + line + ": " + message;
        }
    }

    private final LeadEventJson json;

    public JsonlEventReader(LeadEventJson json) {
        this.json = json;
    }

    private static final int BATCH = 4096;

    /**
     * @return the number of events read
     * @throws UncheckedIOException when the input cannot be read
     */
    public long read(String source, BufferedReader in, Consumer<LeadEvent> events, Consumer<LineError> errors) {
        long lineNo = 0;
        long count = 0;
        String[] lines = new String[BATCH];
        Object[] parsed = new Object[BATCH];
        try {
            boolean more = true;
            while (more) {
                int n = 0;
                long firstLine = lineNo + 1;
                String line;
                while (n < BATCH && (line = in.readLine()) != null) {
                    lineNo++;
                    if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                        line = line.substring(1); // a byte-order mark from a Windows editor
                    }
                    lines[n++] = line;
                }
                more = n == BATCH;
                int size = n;
                IntStream.range(0, size).parallel().forEach(i -> parsed[i] = parseLine(lines[i]));
                for (int i = 0; i < size; i++) {
                    Object result = parsed[i];
                    parsed[i] = null;
                    lines[i] = null;
                    if (result instanceof LeadEvent event) {
                        events.accept(event);
                        count++;
                    } else if (result instanceof String message) {
                        errors.accept(new LineError(source, firstLine + i, message));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " at line " + lineNo, e);
        }
        return count;
    }

    /** The event, an error message, or {@code null} for a blank line. */
    private Object parseLine(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return json.parse(line);
        } catch (EventFormatException e) {
            return e.getMessage();
        }
    }
}
