package io.leadsla.connector.export;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The running tally of one import: events, warnings and row counts, plus how many event times
 * were approximated from date-only cells, reported once per column at the end instead of once
 * per row (a report of 10,000 leads whose "Last Activity" holds dates only is one fact, not
 * 10,000 warnings). One collector per import; not thread-safe.
 */
public final class ImportCollector {

    private final String source;
    private final Crm crm;
    private final List<LeadEvent> events = new ArrayList<>();
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final List<ImportWarning> fileWarnings = new ArrayList<>();
    private final Map<String, Long> dateOnly = new LinkedHashMap<>();
    private final Map<String, Long> firstLines = new HashMap<>();
    private String zone = "";
    private long rows;
    private long leads;
    private long notQualified;
    private long invalid;

    public ImportCollector(String source, Crm crm) {
        this.source = source;
        this.crm = crm;
    }

    public String source() {
        return source;
    }

    /** Counts a data row (call once per row handed over by {@link CsvExport#readRows}). */
    public void row() {
        rows++;
    }

    /**
     * Hands each data row of {@code csv} to {@code reader}, counting it; a {@link BadCellException}
     * skips only its row (with a warning). Then finishes the import.
     */
    public ImportResult readRows(CsvExport csv, Consumer<ExportRow> reader) {
        csv.readRows(row -> {
            row();
            try {
                reader.accept(row);
            } catch (BadCellException e) {
                invalid(row, e.column(), e.getMessage());
            }
        }, this::add);
        return finish(csv);
    }

    /** A row skipped because the lead never became an MQL. */
    public void notQualified() {
        notQualified++;
    }

    /** A row skipped for a bad cell: warns with the row's line and the column, and counts it. */
    public void invalid(ExportRow row, Column column, String message) {
        invalid++;
        warn(row, column, message + "; row skipped");
    }

    /** A warning that does not skip the row. */
    public void warn(ExportRow row, Column column, String message) {
        warnings.add(new ImportWarning(source, row.line(), column == null ? null : column.label(), message));
    }

    /** Adds a warning as {@link CsvExport} reports it. */
    public void add(ImportWarning warning) {
        warnings.add(warning);
    }

    /**
     * Notes the row of {@code recordId}, warning when an earlier row had it: both rows are read.
     *
     * @param shownAs how the message names the record, e.g. {@code "record 5101"}
     */
    public void seen(ExportRow row, Column column, String recordId, String shownAs) {
        Long firstLine = firstLines.putIfAbsent(recordId, row.line());
        if (firstLine != null) {
            warn(row, column, shownAs + " appears again (first on line " + firstLine + "); both rows are read");
        }
    }

    /** Notes header labels that appear more than once (the first of each is read). */
    public void duplicateColumns(ExportHeader header) {
        if (!header.duplicates().isEmpty()) {
            warnFile("columns appearing more than once (the first of each is read): "
                    + String.join(", ", header.duplicates()));
        }
    }

    /** A note about the whole file, listed after the row warnings. */
    public void warnFile(String message) {
        fileWarnings.add(new ImportWarning(source, 0, null, message));
    }

    /** An event placed at the start of the day because {@code column} held a date only. */
    public void dateOnly(Column column, String zoneId) {
        dateOnly.merge(column.label(), 1L, Long::sum);
        zone = zoneId;
    }

    /** A row's events: counts the row as a lead when there is at least one. */
    public void addEvents(List<LeadEvent> rowEvents) {
        if (!rowEvents.isEmpty()) {
            leads++;
            events.addAll(rowEvents);
        }
    }

    public ImportResult finish(CsvExport csv) {
        rows += csv.malformedRows(); // never handed over as rows, but rows of the file all the same
        invalid += csv.malformedRows();
        List<ImportWarning> all = new ArrayList<>(warnings.size() + fileWarnings.size() + dateOnly.size());
        all.addAll(warnings);
        all.addAll(fileWarnings);
        dateOnly.forEach((column, count) -> all.add(new ImportWarning(source, 0, column, count
                + (count == 1 ? " event was" : " events were") + " placed at the start of the day (" + zone
                + ") because the column holds dates without a time of day; those times are approximate"
                + " (attribute " + ExportAttributes.TIME_KNOWN + "=false)")));
        return new ImportResult(source, crm, events, all,
                new ImportCounts(rows, leads, notQualified, invalid, csv.footerLines()));
    }
}
