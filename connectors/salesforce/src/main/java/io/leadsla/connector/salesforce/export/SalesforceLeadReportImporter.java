package io.leadsla.connector.salesforce.export;

import io.leadsla.connector.export.BadCellException;
import io.leadsla.connector.export.Column;
import io.leadsla.connector.export.CsvExport;
import io.leadsla.connector.export.CsvExportImporter;
import io.leadsla.connector.export.ExportAttributes;
import io.leadsla.connector.export.ExportHeader;
import io.leadsla.connector.export.ExportRow;
import io.leadsla.connector.export.ExportStamps;
import io.leadsla.connector.export.ExportStamps.Stamp;
import io.leadsla.connector.export.ExportTimeParser;
import io.leadsla.connector.export.ImportCollector;
import io.leadsla.connector.export.ImportResult;
import io.leadsla.connector.export.Labels;
import io.leadsla.connector.export.RowEvents;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import java.nio.charset.Charset;
import java.util.ArrayList;
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
 * Record ids are given in the 18-character form (see {@link SalesforceId}).
 *
 * <p>Immutable and thread-safe: each import has its own state.
 */
public final class SalesforceLeadReportImporter implements CsvExportImporter {

    static final String OBJECT_TYPE = "lead";

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "y", "x", "checked");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "n", "unchecked");

    private final SalesforceReportOptions options;
    private final ExportStamps stamps;
    private final Set<String> queues;
    private final Set<String> accepted;
    private final Set<String> rejected;
    private final Set<String> recycled;
    private final Set<String> contacted;

    public SalesforceLeadReportImporter(SalesforceReportOptions options) {
        this.options = options;
        ExportTimeParser times = new ExportTimeParser(options.zone(), options.dateTimePatterns(), options.locale());
        this.stamps = new ExportStamps(times, "; if the report was exported in another locale, set the Salesforce"
                + " report options' dateTimePatterns");
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

    /** The configured charset (UTF-8 unless set): the report export dialog lets the user pick one. */
    @Override
    public Charset charset() {
        return options.charset();
    }

    @Override
    public ImportResult read(CsvExport csv) {
        Columns columns = resolve(csv.header());
        ImportCollector collector = new ImportCollector(csv.source(), Crm.SALESFORCE);
        noteHeader(csv.header(), columns, collector);
        return collector.readRows(csv, row -> readRow(row, columns, collector));
    }

    private void readRow(ExportRow row, Columns columns, ImportCollector collector) {
        String rawId = row.get(columns.leadId);
        if (rawId == null) {
            collector.invalid(row, columns.leadId, "no lead id");
            return;
        }
        // the same rule as ids from the API: a report's 15-character id and a case-lost 18-character one
        // both become the lead's canonical 18-character id
        String recordId = SalesforceId.parse(rawId).map(SalesforceId::value).orElse(null);
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
        Stamp mql = stamps.read(columns.mql, mqlValue);
        String status = row.get(columns.status);
        boolean isAccepted = converted(row, columns.converted) || Labels.in(status, accepted);
        boolean isRejected = Labels.in(status, rejected);
        boolean isRecycled = Labels.in(status, recycled);
        Stamp lastActivity = stamps.read(row, columns.lastActivity);
        Stamp convertedAt = isAccepted ? stamps.read(row, columns.convertedDate) : null;
        Stamp lastModified = (isRejected || isRecycled) && lastActivity == null
                ? stamps.read(row, columns.lastModified) : null;

        collector.seen(row, columns.leadId, recordId, "lead " + rawId);

        RowEvents events = new RowEvents(Crm.SALESFORCE, OBJECT_TYPE, recordId, attributes(row, columns));
        stamps.add(events, EventType.MQL_QUALIFIED, mql, mql.at(), Map.of(), collector);

        String owner = row.get(columns.owner);
        if (owner != null && !Labels.in(owner, queues)) {
            events.add(EventType.HANDED_OFF, mql.at(), Map.of(ExportAttributes.HANDOFF_TIME_KNOWN, "false"));
        }
        if (lastActivity != null) {
            stamps.add(events, EventType.CONTACT_ATTEMPT, lastActivity, lastActivity.notBefore(mql),
                    Map.of(ExportAttributes.CHANNEL, options.contactChannel()), collector);
        } else if (Labels.in(status, contacted)) {
            collector.warn(row, columns.status, "status '" + status + "' but no " + label(columns.lastActivity,
                    "Last Activity") + " date; no CONTACT_ATTEMPT event");
        }
        if (isAccepted) {
            if (convertedAt != null) {
                stamps.add(events, EventType.ACCEPTED, convertedAt, convertedAt.notBefore(mql), Map.of(), collector);
            } else if (lastActivity != null) {
                stamps.add(events, EventType.ACCEPTED, lastActivity, lastActivity.notBefore(mql),
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
                stamps.addRejectedOrRecycled(events, type, at, mql, row.get(columns.reason), collector);
            }
        }
        collector.addEvents(events.events());
    }

    private static Map<String, String> attributes(ExportRow row, Columns columns) {
        Map<String, String> attributes = ExportAttributes.standard(row, columns.owner, columns.leadSource,
                columns.score, columns.country, columns.status);
        ExportAttributes.putExtras(attributes, row, columns.extras);
        return attributes;
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
        Map<Column, String> extras = header.requireExtras(options.extraAttributes(), "Salesforce report options");
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

    private Column optional(ExportHeader header, SalesforceColumn column) {
        return header.optional(options.labels(column), options.configured(column),
                "The Salesforce report options name it for " + column + ".");
    }

    /** Says once, up front, which events this file cannot produce for lack of a column. */
    private static void noteHeader(ExportHeader header, Columns columns, ImportCollector collector) {
        collector.duplicateColumns(header);
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
