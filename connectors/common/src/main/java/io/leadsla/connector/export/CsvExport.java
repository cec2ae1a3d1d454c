package io.leadsla.connector.export;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CRM's CSV export, read the way the CRMs write them and people re-save them:
 * <ul>
 *   <li>a UTF-8 byte-order mark before the first header cell is dropped (HubSpot and Excel write one);</li>
 *   <li>the delimiter is taken from the header line (comma, or the semicolon or tab a spreadsheet
 *       in a European locale writes when it saves a CSV again);</li>
 *   <li>quoted values may hold delimiters, doubled quotes and line breaks; row line numbers are
 *       where the row starts, so a warning points at the line a person sees in an editor;</li>
 *   <li>blank lines are ignored, and the trailing block of one-value lines that Salesforce writes
 *       after the data (report title, "Grand Totals", copyright, "Confidential Information", "Generated
 *       By") is recognised as a footer, not as rows. A one-value line followed by more data rows is
 *       not a footer: it is reported as a malformed row.</li>
 * </ul>
 * The header is read when the export is opened, so a file that is not a CSV export fails before
 * any row is read.
 */
public final class CsvExport implements Closeable {

    /**
     * How many characters of the header line are scanned for its delimiter: a 500-column HubSpot
     * header is about 20,000. The scan is buffered for a reset, so it is kept small.
     */
    private static final int HEADER_SCAN_LIMIT = 1 << 16;

    private final String source;
    private final Path file;
    private final Charset charset;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ExportHeader header;
    private long previousEnd;
    private long footerLines;
    private long malformedRows;
    private boolean read;

    private CsvExport(String source, Reader in, Path file, Charset charset) {
        this.source = source;
        this.file = file;
        this.charset = charset;
        BufferedReader buffered = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            char delimiter = sniffDelimiter(buffered);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false) // blank lines are how the footer is told from the data
                    .build();
            this.parser = CSVParser.builder().setReader(buffered).setFormat(format).get();
        } catch (IOException e) {
            throw readFailure(e, 1);
        }
        this.records = parser.iterator();
        this.header = readHeader();
    }

    /**
     * Opens a file. Bytes that are not valid in {@code charset} are an error, not silently replaced:
     * a Salesforce export saved as ISO-8859-1 and read as UTF-8 would otherwise garble names.
     */
    public static CsvExport open(Path file, Charset charset) {
        String source = file.toString();
        try {
            BufferedReader reader = Files.newBufferedReader(file, charset);
            try {
                return new CsvExport(source, reader, file, charset);
            } catch (RuntimeException e) {
                reader.close(); // not a CSV export: nobody else will close the file
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new ExportImportException(source, 0, "no such file");
        } catch (IOException e) {
            throw new ExportImportException(source, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads an export from {@code in}, naming it {@code source} in messages. */
    public static CsvExport open(String source, Reader in) {
        return new CsvExport(source, in, null, null);
    }

    public String source() {
        return source;
    }

    public ExportHeader header() {
        return header;
    }

    /**
     * Hands each data row to {@code rows}, in file order, and each malformed row (wrong number of
     * values) to {@code warnings} instead. Can be called once.
     *
     * @throws ExportImportException when the file stops being readable CSV (an unterminated quote,
     *                               bytes that are not text), naming the line
     */
    public void readRows(Consumer<ExportRow> rows, Consumer<ImportWarning> warnings) {
        if (read) {
            throw new IllegalStateException("the rows of " + source + " have been read already");
        }
        read = true;
        int columns = header.size();
        // One-value lines seen since the last data row: a footer if nothing but blanks follows them.
        List<OneValueLine> pending = new ArrayList<>();
        CSVRecord record;
        while ((record = next()) != null) {
            long start = previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            if (isBlank(record)) {
                continue;
            }
            if (columns > 1 && record.size() == 1) {
                pending.add(new OneValueLine(start, record.get(0)));
                continue;
            }
            for (OneValueLine line : pending) {
                malformedRows++;
                warnings.accept(new ImportWarning(source, line.line(), null, "a line with a single value ('"
                        + abbreviate(line.value()) + "') where the header has " + columns + " columns; skipped"));
            }
            pending.clear();
            if (record.size() != columns) {
                malformedRows++;
                warnings.accept(new ImportWarning(source, start, null, "the row has " + record.size()
                        + " values where the header has " + columns + " columns; skipped"));
                continue;
            }
            rows.accept(new ExportRow(start, record.toList()));
        }
        footerLines = pending.size();
    }

    /** Lines recognised as the footer after the data (0 until the rows have been read). */
    public long footerLines() {
        return footerLines;
    }

    /** Rows skipped because they had the wrong number of values (each was reported as a warning). */
    public long malformedRows() {
        return malformedRows;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExportHeader readHeader() {
        CSVRecord record;
        while ((record = next()) != null) {
            previousEnd = parser.getCurrentLineNumber();
            if (isBlank(record)) {
                continue;
            }
            List<String> labels = new ArrayList<>(record.size());
            for (String cell : record) {
                labels.add(cell.strip());
            }
            if (!labels.isEmpty() && labels.get(0).startsWith("\uFEFF")) {
                labels.set(0, labels.get(0).substring(1).strip());
            }
            return new ExportHeader(source, labels);
        }
        throw new ExportImportException(source, 0, "the file is empty: expected a header row of column names");
    }

    private CSVRecord next() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            // how Commons CSV's iterator reports both I/O and parse errors
            throw readFailure(e.getCause(), previousEnd + 1);
        }
    }

    private ExportImportException readFailure(Throwable cause, long line) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return undecodable(cause);
            }
        }
        String detail = cause == null ? "unknown error" : cause.getMessage();
        return new ExportImportException(source, line, "not readable as CSV from about this line (" + detail
                + "); check for a value with an unmatched double quote", cause);
    }

    /**
     * The decoder reads ahead of the parser, so the parser's line says nothing about where the
     * bad bytes are; for a file, find them again to name the right line.
     */
    private ExportImportException undecodable(Throwable cause) {
        if (file == null) {
            return new ExportImportException(source, 0, "the text is not in the expected encoding", cause);
        }
        String message = "the file is not valid " + charset.name() + " text (set the export's encoding option if it"
                + " was saved in another encoding, e.g. ISO-8859-1 or windows-1252)";
        return new ExportImportException(source, firstUndecodableLine(), message, cause);
    }

    /** The 1-based line of the first bytes {@link #charset} cannot decode, or 0 if not found. */
    private long firstUndecodableLine() {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = CharBuffer.allocate(8192);
            while (true) {
                CoderResult result = decoder.decode(bytes, chars, true);
                if (result.isError()) {
                    long line = 1;
                    for (int i = 0; i < bytes.position(); i++) {
                        if (bytes.get(i) == '\n') {
                            line++;
                        }
                    }
                    return line;
                }
                if (result.isUnderflow()) {
                    return 0;
                }
                chars.clear();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The delimiter that occurs most often, outside quotes, in the first line. Comma wins ties,
     * including a one-column header that has none.
     */
    private static char sniffDelimiter(BufferedReader in) throws IOException {
        in.mark(HEADER_SCAN_LIMIT);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < HEADER_SCAN_LIMIT; i++) {
            int c = in.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted; // a doubled quote toggles twice: still right
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        in.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    /** A line holding one value: part of the footer unless a data row follows it. */
    private record OneValueLine(long line, String value) {
    }

    private static String abbreviate(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
