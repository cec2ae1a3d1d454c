package io.leadsla.connector.event;

import io.leadsla.core.event.LeadEvent;
import java.io.InputStream;
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
    private static final int CHUNK = 1 << 22;

    /**
     * Reads events in file order on the calling thread. Lines are found in the raw UTF-8 bytes and
     * parsed from them in parallel batches, without decoding each line to a string: reading
     * dominates a big replay.
     *
     * @return the number of events read
     * @throws UncheckedIOException when the input cannot be read
     */
    public long read(String source, InputStream in, Consumer<LeadEvent> events, Consumer<LineError> errors) {
        long lineNo = 0;
        long count = 0;
        byte[] buffer = new byte[CHUNK];
        int filled = 0;
        int[] starts = new int[BATCH];
        int[] ends = new int[BATCH];
        Object[] parsed = new Object[BATCH];
        boolean eof = false;
        boolean first = true;
        try {
            while (!eof || filled > 0) {
                // fill the buffer, then cut it into whole lines; a partial last line moves to the next buffer
                while (!eof && filled < buffer.length) {
                    int n = in.read(buffer, filled, buffer.length - filled);
                    if (n < 0) {
                        eof = true;
                    } else {
                        filled += n;
                    }
                }
                int pos = 0;
                if (first) {
                    first = false;
                    if (filled >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                        pos = 3; // a byte-order mark from a Windows editor
                    }
                }
                int lines = 0;
                long firstLine = lineNo + 1;
                while (pos < filled) {
                    int nl = indexOf(buffer, (byte) '\n', pos, filled);
                    if (nl < 0 && !eof) {
                        break; // incomplete line: read more
                    }
                    int end = nl < 0 ? filled : nl;
                    starts[lines] = pos;
                    ends[lines] = end > pos && buffer[end - 1] == '\r' ? end - 1 : end;
                    lines++;
                    pos = nl < 0 ? filled : nl + 1;
                    if (lines == BATCH) {
                        count += parseBatch(source, buffer, starts, ends, lines, parsed, firstLine, events, errors);
                        lineNo += lines;
                        firstLine = lineNo + 1;
                        lines = 0;
                    }
                }
                count += parseBatch(source, buffer, starts, ends, lines, parsed, firstLine, events, errors);
                lineNo += lines;
                if (pos == 0 && filled == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                    continue;
                }
                System.arraycopy(buffer, pos, buffer, 0, filled - pos); // events keep no reference to the bytes
                filled -= pos;
                if (eof && filled == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " after line " + lineNo, e);
        }
        return count;
    }

    private long parseBatch(String source, byte[] buffer, int[] starts, int[] ends, int size, Object[] parsed,
                            long firstLine, Consumer<LeadEvent> events, Consumer<LineError> errors) {
        IntStream.range(0, size).parallel().forEach(i -> parsed[i] = parseLine(buffer, starts[i], ends[i]));
        long count = 0;
        for (int i = 0; i < size; i++) {
            Object result = parsed[i];
            parsed[i] = null;
            if (result instanceof LeadEvent event) {
                events.accept(event);
                count++;
            } else if (result instanceof String message) {
                errors.accept(new LineError(source, firstLine + i, message));
            }
        }
        return count;
    }

    private static int indexOf(byte[] buffer, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The event, an error message, or {@code null} for a blank line. */
    private Object parseLine(byte[] buffer, int start, int end) {
        boolean blank = true;
        for (int i = start; i < end && blank; i++) {
            byte c = buffer[i];
            blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }
        if (blank) {
            return null;
        }
        try {
            return json.parse(buffer, start, end - start);
        } catch (EventFormatException e) {
            return e.getMessage();
        }
    }
}
