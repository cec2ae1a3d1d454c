package io.leadsla.connector.salesforce.export;

import io.leadsla.connector.export.BadCellException;
import io.leadsla.connector.export.Column;
import io.leadsla.connector.export.CsvExport;
import io.leadsla.connector.export.CsvExportImporter;
import io.leadsla.connector.export.ExportAttributes;
import io.leadsla.connector.export.ExportHeader;
import io.leadsla.connector.export.ExportRow;
import io.leadsla.connector.export.ExportTimeParser;
import io.leadsla.connector.export.ImportCollector;
import io.leadsla.connector.export.ImportResult;
import io.leadsla.connector.export.Labels;
import io.leadsla.connector.export.RowEvents;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Salesforce lead report ("Details Only", exported as comma-delimited CSV) into
 * normalized events, so that a RevOps person without API access can replay what the org holds.
 *
 * <p>A report is a snapshot: one row per lead with current field values, dates in the exporting
 * user's format. Every data row is a lead; what it yields, and what it has to approximate:
 * <ul>
 *   <li>MQL_QUALIFIED at the MQL date column (default "Create Date"); a blank one: nothing
 *       (counted as not qualified);</li>
 *   <li>HANDED_OFF at the MQL time with {@code handoffTimeKnown=false} when the owner is a person,
 *       not one of the configured queues (a report has no assignment time);</li>
 *   <li>one CONTACT_ATTEMPT at "Last Activity" when there is one, or when the status is a
 *       contacted one (a report has no attempt history, only the last activity date);</li>
 *   <li>ACCEPTED when "Converted" is checked or the status is an accepted one, at "Converted Date",
 *       else "Last Activity";</li>
 *   <li>REJECTED / RECYCLED when the status is a rejected / recycled one, at "Last Activity", else
 *       "Last Modified Date", with {@code timeKnown=false}; REJECTED carries {@code reason} when
 *       the reason column has one.</li>
 * </ul>
 * "Last Activity" and "Converted Date" are dates: their events sit at the start of that day in
 * the configured zone, with {@code timeKnown=false}, and never before the MQL time (a lead created
 * at 10:15 and disqualified the same day would otherwise be disqualified before it existed).
 * Record ids are given in the 18-character form (see {@link SalesforceIds}).
 *
 * <p>Immutable and thread-safe: each import has its own state.
 */
public final class SalesforceLeadReportImporter implements CsvExportImporter {

    static final String OBJECT_TYPE = "lead";

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "y", "x", "checked");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "n", "unchecked");

    private final SalesforceReportOptions options;
    private final ExportTimeParser times;
    private final Set<String> queues;
    private final Set<String> accepted;
    private final Set<String> rejected;
    private final Set<String> recycled;
    private final Set<String> contacted;

    public SalesforceLeadReportImporter(SalesforceReportOptions options) {
        this.options = options;
        this.times = new ExportTimeParser(options.zone(), options.dateTimePatterns(), options.locale());
        this.queues = Labels.normalizeAll(options.queueOwners());
        this.accepted = Labels.normalizeAll(options.acceptedStatuses());
        this.rejected = Labels.normalizeAll(options.rejectedStatuses());
        this.recycled = Labels.normalizeAll(options.recycledStatuses());
        this.contacted = Labels.normalizeAll(options.contactedStatuses());
    }

    @Override
    public Crm crm() {
        return Crm.SALESFORCE;
    }

    /** Decodes the file with the configured charset (UTF-8 unless set). */
    @Override
    public ImportResult importFile(Path file) {
        try (CsvExport csv = CsvExport.open(file, options.charset())) {
            return read(csv);
        }
    }

    @Override
    public ImportResult importCsv(String source, Reader csv) {
        try (CsvExport export = CsvExport.open(source, csv)) {
            return read(export);
        }
    }

    private ImportResult read(CsvExport csv) {
        Columns columns = resolve(csv.header());
        ImportCollector collector = new ImportCollector(csv.source(), Crm.SALESFORCE);
        noteHeader(csv.header(), columns, collector);
        Map<String, Long> seen = new HashMap<>();
        csv.readRows(row -> {
            collector.row();
            try {
                readRow(row, columns, collector, seen);
            } catch (BadCellException e) {
                collector.invalid(row, e.column(), e.getMessage());
            }
        }, collector::add);
        return collector.finish(csv);
    }

    private void readRow(ExportRow row, Columns columns, ImportCollector collector, Map<String, Long> seen) {
        String rawId = row.get(columns.leadId);
        if (rawId == null) {
            collector.invalid(row, columns.leadId, "no lead id");
            return;
        }
        String recordId = SalesforceIds.to18(rawId);
        if (recordId == null) {
            collector.invalid(row, columns.leadId, "'" + rawId + "' is not a Salesforce id (15 or 18 letters and"
                    + " digits)");
            return;
        }
        String mqlValue = row.get(columns.mql);
        if (mqlValue == null) {
            collector.notQualified();
            return;
        }
        // Read every cell this row needs before emitting anything: a bad cell skips the whole row.
        Stamp mql = stamp(columns.mql, mqlValue);
        String status = row.get(columns.status);
        boolean isAccepted = converted(row, columns.converted) || Labels.in(status, accepted);
        boolean isRejected = Labels.in(status, rejected);
        boolean isRecycled = Labels.in(status, recycled);
        Stamp lastActivity = stamp(row, columns.lastActivity);
        Stamp convertedAt = isAccepted ? stamp(row, columns.convertedDate) : null;
        Stamp lastModified = (isRejected || isRecycled) && lastActivity == null ? stamp(row, columns.lastModified) : null;

        Long firstLine = seen.putIfAbsent(recordId, row.line());
        if (firstLine != null) {
            collector.warn(row, columns.leadId, "lead " + rawId + " appears again (first on line " + firstLine
                    + "); both rows are read");
        }

        RowEvents events = new RowEvents(Crm.SALESFORCE, OBJECT_TYPE, recordId, attributes(row, columns));
        add(events, EventType.MQL_QUALIFIED, mql, mql.at, Map.of(), collector);

        String owner = row.get(columns.owner);
        if (owner != null && !Labels.in(owner, queues)) {
            events.add(EventType.HANDED_OFF, mql.at, Map.of(ExportAttributes.HANDOFF_TIME_KNOWN, "false"));
        }
        if (lastActivity != null) {
            add(events, EventType.CONTACT_ATTEMPT, lastActivity, later(lastActivity.at, mql.at),
                    Map.of(ExportAttributes.CHANNEL, options.contactChannel()), collector);
        } else if (Labels.in(status, contacted)) {
            collector.warn(row, columns.status, "status '" + status + "' but no " + label(columns.lastActivity,
                    "Last Activity") + " date; no CONTACT_ATTEMPT event");
        }
        if (isAccepted) {
            if (convertedAt != null) {
                add(events, EventType.ACCEPTED, convertedAt, later(convertedAt.at, mql.at), Map.of(), collector);
            } else if (lastActivity != null) {
                add(events, EventType.ACCEPTED, lastActivity, later(lastActivity.at, mql.at),
                        Map.of(ExportAttributes.TIME_KNOWN, "false"), collector);
            } else {
                collector.warn(row, columns.status, "converted or accepted but no " + label(columns.convertedDate,
                        "Converted Date") + " or " + label(columns.lastActivity, "Last Activity")
                        + " date; no ACCEPTED event");
            }
        }
        if (isRejected || isRecycled) {
            EventType type = isRejected ? EventType.REJECTED : EventType.RECYCLED;
            Stamp at = lastActivity != null ? lastActivity : lastModified;
            if (at == null) {
                collector.warn(row, columns.status, "status '" + status + "' but no " + label(columns.lastActivity,
                        "Last Activity") + " or " + label(columns.lastModified, "Last Modified Date")
                        + " date; no " + type + " event");
            } else {
                Map<String, String> extra = new HashMap<>();
                extra.put(ExportAttributes.TIME_KNOWN, "false");
                String reason = row.get(columns.reason);
                if (isRejected && reason != null) {
                    extra.put(ExportAttributes.REASON, reason);
                }
                add(events, type, at, later(at.at, mql.at), extra, collector);
            }
        }
        collector.addEvents(events.events());
    }

    /** Adds an event, flagging and tallying a time that came from a date-only cell. */
    private void add(RowEvents events, EventType type, Stamp stamp, Instant at, Map<String, String> extra,
                     ImportCollector collector) {
        if (stamp.dateOnly) {
            collector.dateOnly(stamp.column, options.zone().getId());
            Map<String, String> flagged = new HashMap<>(extra);
            flagged.put(ExportAttributes.TIME_KNOWN, "false");
            events.add(type, at, flagged);
        } else {
            events.add(type, at, extra);
        }
    }

    private Map<String, String> attributes(ExportRow row, Columns columns) {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, ExportAttributes.OWNER_ID, row.get(columns.owner));
        put(attributes, ExportAttributes.LEAD_SOURCE, row.get(columns.leadSource));
        put(attributes, ExportAttributes.SCORE, row.get(columns.score));
        put(attributes, ExportAttributes.COUNTRY, row.get(columns.country));
        put(attributes, ExportAttributes.LEAD_STATUS, row.get(columns.status));
        columns.extras.forEach((column, name) -> put(attributes, name, row.get(column)));
        return attributes;
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    private static boolean converted(ExportRow row, Column column) {
        String value = row.get(column);
        if (value == null) {
            return false;
        }
        String key = value.toLowerCase(Locale.ROOT);
        if (TRUE.contains(key)) {
            return true;
        }
        if (FALSE.contains(key)) {
            return false;
        }
        throw new BadCellException(column, "'" + value + "' is not a checkbox value (1/0, true/false)");
    }

    private Stamp stamp(ExportRow row, Column column) {
        String value = row.get(column);
        return value == null ? null : stamp(column, value);
    }

    private Stamp stamp(Column column, String value) {
        try {
            ExportTimeParser.Parsed parsed = times.parse(value);
            return new Stamp(parsed.instant(), parsed.dateOnly(), column);
        } catch (DateTimeParseException e) {
            throw new BadCellException(column, e.getMessage() + "; if the report was exported in another locale,"
                    + " set the Salesforce report options' dateTimePatterns");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String label(Column column, String fallback) {
        return "'" + (column == null ? fallback : column.label()) + "'";
    }

    private Columns resolve(ExportHeader header) {
        String hint = "Is this a Salesforce lead report exported as CSV (Details Only)? If the report labels the"
                + " column differently, set it in the Salesforce report options (columns).";
        Column leadId = header.require(options.labels(SalesforceColumn.LEAD_ID), hint);
        Column mql = header.require(options.labels(SalesforceColumn.MQL_DATE), options.configured(SalesforceColumn.MQL_DATE)
                ? "The Salesforce report options name it as the MQL date column (mqlDateColumn)."
                : "Add 'Create Date' to the report, or name the column holding the MQL date (mqlDateColumn).");
        Map<Column, String> extras = new LinkedHashMap<>();
        options.extraAttributes().forEach((label, name) -> extras.put(header.require(List.of(label),
                "The Salesforce report options copy this column into attribute '" + name + "'."), name));
        return new Columns(leadId, mql,
                optional(header, SalesforceColumn.OWNER),
                optional(header, SalesforceColumn.LEAD_SOURCE),
                optional(header, SalesforceColumn.LEAD_STATUS),
                optional(header, SalesforceColumn.LAST_ACTIVITY),
                optional(header, SalesforceColumn.LAST_MODIFIED),
                optional(header, SalesforceColumn.CONVERTED),
                optional(header, SalesforceColumn.CONVERTED_DATE),
                optional(header, SalesforceColumn.COUNTRY),
                optional(header, SalesforceColumn.SCORE),
                optional(header, SalesforceColumn.REJECTION_REASON),
                extras);
    }

    /** An optional column; one the user named explicitly must be there, though. */
    private Column optional(ExportHeader header, SalesforceColumn column) {
        if (options.configured(column)) {
            return header.require(options.labels(column), "The Salesforce report options name it for " + column + ".");
        }
        return header.find(options.labels(column)).orElse(null);
    }

    /** Says once, up front, which events this file cannot produce for lack of a column. */
    private static void noteHeader(ExportHeader header, Columns columns, ImportCollector collector) {
        if (!header.duplicates().isEmpty()) {
            collector.warnFile("columns appearing more than once (the first of each is read): "
                    + String.join(", ", header.duplicates()));
        }
        List<String> missing = new ArrayList<>();
        if (columns.owner == null) {
            missing.add("no 'Lead Owner' column: no HANDED_OFF events");
        }
        if (columns.status == null) {
            missing.add("no 'Lead Status' column: no REJECTED or RECYCLED events, ACCEPTED only from 'Converted'");
        }
        if (columns.lastActivity == null) {
            missing.add("no 'Last Activity' column: no CONTACT_ATTEMPT events");
        }
        if (columns.converted == null && columns.status == null) {
            missing.add("no 'Converted' or 'Lead Status' column: no ACCEPTED events");
        }
        missing.forEach(collector::warnFile);
    }

    private record Stamp(Instant at, boolean dateOnly, Column column) {
    }

    private record Columns(
            Column leadId,
            Column mql,
            Column owner,
            Column leadSource,
            Column status,
            Column lastActivity,
            Column lastModified,
            Column converted,
            Column convertedDate,
            Column country,
            Column score,
            Column reason,
            Map<Column, String> extras) {
    }
}
