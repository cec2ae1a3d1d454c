package io.leadsla.connector.export;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
