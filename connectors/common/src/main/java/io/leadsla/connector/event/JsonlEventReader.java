package io.leadsla.connector.event;

import io.leadsla.core.event.LeadEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Reads a {@code .jsonl} file of normalized events line by line. A bad line does not stop the
 * read: it is reported, with its line number, to the error handler, and the rest is read.
 * Blank lines are skipped.
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

    /** @return the number of events read */
    public long read(String source, BufferedReader in, Consumer<LeadEvent> events, Consumer<LineError> errors) {
        long lineNo = 0;
        long count = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1); // a byte-order mark from a Windows editor
                }
                if (line.isBlank()) {
                    continue;
                }
                LeadEvent event;
                try {
                    event = json.parse(line);
                } catch (EventFormatException e) {
                    errors.accept(new LineError(source, lineNo, e.getMessage()));
                    continue;
                }
                events.accept(event);
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " at line " + lineNo, e);
        }
        return count;
    }
}
