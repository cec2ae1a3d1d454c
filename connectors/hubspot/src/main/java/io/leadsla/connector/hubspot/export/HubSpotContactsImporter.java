package io.leadsla.connector.hubspot.export;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a HubSpot contacts export (CSV, headers are property labels) into normalized events, so
 * that a RevOps person without API access can replay what the CRM holds today.
 *
 * <p>An export is a snapshot: one row per contact with the current value of each property. What
 * each row yields, and what it has to approximate:
 * <ul>
 *   <li>no MQL stage date: nothing (counted as not qualified);</li>
 *   <li>MQL_QUALIFIED at the MQL stage date;</li>
 *   <li>HANDED_OFF at "Owner assigned date" when the column is there and filled (never before
 *       the MQL: a contact owned before it qualified is handed off as it qualifies); else, when
 *       the contact has an owner, at the MQL time with {@code handoffTimeKnown=false};</li>
 *   <li>CONTACT_ATTEMPT at "Date of first engagement" (the only attempt time an export has;
 *       "Number of times contacted" becomes attribute {@code timesContacted});</li>
 *   <li>ACCEPTED at the SQL stage date;</li>
 *   <li>REJECTED / RECYCLED when the Lead Status is a rejected / recycled one, at "Last Activity
 *       Date", else "Last Modified Date" (an export has no status-change time), never before the
 *       MQL, with {@code timeKnown=false}; REJECTED carries {@code reason} when the reason column
 *       has one.</li>
 * </ul>
 * Every event carries the row's attributes: {@code ownerId} (the owner's name), {@code leadSource},
 * {@code score}, {@code country}, {@code leadStatus}, {@code timesContacted} and configured extras.
 *
 * <p>Immutable and thread-safe: each import has its own state.
 */
public final class HubSpotContactsImporter implements CsvExportImporter {

    static final String OBJECT_TYPE = "contact";

    private final HubSpotExportOptions options;
    private final ExportTimeParser times;
    private final Set<String> rejected;
    private final Set<String> recycled;

    public HubSpotContactsImporter(HubSpotExportOptions options) {
        this.options = options;
        this.times = new ExportTimeParser(options.zone(), options.dateTimePatterns(), options.locale());
        this.rejected = Labels.normalizeAll(options.rejectedStatuses());
        this.recycled = Labels.normalizeAll(options.recycledStatuses());
    }

    @Override
    public Crm crm() {
        return Crm.HUBSPOT;
    }

    /** HubSpot exports are UTF-8 (with or without a byte-order mark). */
    @Override
    public ImportResult importFile(Path file) {
        try (CsvExport csv = CsvExport.open(file, StandardCharsets.UTF_8)) {
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
        ImportCollector collector = new ImportCollector(csv.source(), Crm.HUBSPOT);
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
        String recordId = row.get(columns.recordId);
        if (recordId == null) {
            collector.invalid(row, columns.recordId, "no record id");
            return;
        }
        ExportRow.Cell mqlCell = row.first(columns.mql);
        if (mqlCell == null) {
            collector.notQualified();
            return;
        }
        // Read every time this row needs before emitting anything: a bad cell skips the whole row.
        Stamp mql = stamp(mqlCell.column(), mqlCell.value());
        Stamp sql = stamp(row, columns.sql);
        Stamp assigned = stamp(row, columns.ownerAssigned);
        Stamp engaged = stamp(row, columns.firstEngagement);
        String status = row.get(columns.leadStatus);
        boolean isRejected = Labels.in(status, rejected);
        boolean isRecycled = Labels.in(status, recycled);
        Stamp closedAt = null;
        if (isRejected || isRecycled) {
            closedAt = Optional.ofNullable(stamp(row, columns.lastActivity)).orElseGet(() -> stamp(row, columns.lastModified));
        }

        Long firstLine = seen.putIfAbsent(recordId, row.line());
        if (firstLine != null) {
            collector.warn(row, columns.recordId, "record " + recordId + " appears again (first on line " + firstLine
                    + "); both rows are read");
        }

        RowEvents events = new RowEvents(Crm.HUBSPOT, OBJECT_TYPE, recordId, attributes(row, columns));
        add(events, EventType.MQL_QUALIFIED, mql, mql.at, Map.of(), collector);

        String owner = row.get(columns.owner);
        if (assigned != null && (owner != null || columns.owner == null)) {
            add(events, EventType.HANDED_OFF, assigned, later(assigned.at, mql.at), Map.of(), collector);
        } else if (owner != null) {
            events.add(EventType.HANDED_OFF, mql.at, Map.of(ExportAttributes.HANDOFF_TIME_KNOWN, "false"));
        }
        if (engaged != null) {
            add(events, EventType.CONTACT_ATTEMPT, engaged, engaged.at,
                    Map.of(ExportAttributes.CHANNEL, options.firstEngagementChannel()), collector);
        }
        if (sql != null) {
            add(events, EventType.ACCEPTED, sql, sql.at, Map.of(), collector);
        }
        if (isRejected || isRecycled) {
            EventType type = isRejected ? EventType.REJECTED : EventType.RECYCLED;
            if (closedAt == null) {
                collector.warn(row, columns.leadStatus, "lead status '" + status + "' but no "
                        + describe(columns.lastActivity, columns.lastModified) + " to date it; no " + type + " event");
            } else {
                Map<String, String> extra = new HashMap<>();
                extra.put(ExportAttributes.TIME_KNOWN, "false");
                String reason = row.get(columns.reason);
                if (isRejected && reason != null) {
                    extra.put(ExportAttributes.REASON, reason);
                }
                add(events, type, closedAt, later(closedAt.at, mql.at), extra, collector);
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
        put(attributes, ExportAttributes.LEAD_STATUS, row.get(columns.leadStatus));
        put(attributes, ExportAttributes.TIMES_CONTACTED, row.get(columns.timesContacted));
        columns.extras.forEach((column, name) -> put(attributes, name, row.get(column)));
        return attributes;
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
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
            throw new BadCellException(column, e.getMessage());
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String describe(Column... columns) {
        List<String> labels = new ArrayList<>();
        for (Column column : columns) {
            if (column != null) {
                labels.add("'" + column.label() + "'");
            }
        }
        return labels.isEmpty() ? "'Last Activity Date' or 'Last Modified Date' column" : String.join(" or ", labels);
    }

    private Columns resolve(ExportHeader header) {
        String hint = "Is this a HubSpot contacts export? If your export labels the column differently, set it in"
                + " the HubSpot export options (columns).";
        Column recordId = header.require(options.labels(HubSpotColumn.RECORD_ID), hint);
        List<Column> mql = header.findAll(options.labels(HubSpotColumn.MQL_DATE));
        if (mql.isEmpty()) {
            throw header.missing(options.labels(HubSpotColumn.MQL_DATE), "Add the MQL stage date property to the"
                    + " export (without it no contact can be replayed), or name the column that holds it in the"
                    + " HubSpot export options (columns.MQL_DATE).");
        }
        Map<Column, String> extras = new LinkedHashMap<>();
        options.extraAttributes().forEach((label, name) -> extras.put(header.require(List.of(label),
                "The HubSpot export options copy this column into attribute '" + name + "'."), name));
        return new Columns(recordId, mql,
                optional(header, HubSpotColumn.SQL_DATE),
                optional(header, HubSpotColumn.OWNER),
                optional(header, HubSpotColumn.OWNER_ASSIGNED_DATE),
                optional(header, HubSpotColumn.FIRST_ENGAGEMENT_DATE),
                optional(header, HubSpotColumn.LAST_ACTIVITY_DATE),
                optional(header, HubSpotColumn.LAST_MODIFIED_DATE),
                optional(header, HubSpotColumn.LEAD_STATUS),
                optional(header, HubSpotColumn.LEAD_SOURCE),
                optional(header, HubSpotColumn.SCORE),
                optional(header, HubSpotColumn.COUNTRY),
                optional(header, HubSpotColumn.TIMES_CONTACTED),
                optional(header, HubSpotColumn.REJECTION_REASON),
                extras);
    }

    /** An optional column; one the user named explicitly must be there, though. */
    private Column optional(ExportHeader header, HubSpotColumn column) {
        if (options.configured(column)) {
            return header.require(options.labels(column), "The HubSpot export options name it for " + column + ".");
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
        if (columns.owner == null && columns.ownerAssigned == null) {
            missing.add("no 'Contact owner' or 'Owner assigned date' column: no HANDED_OFF events");
        }
        if (columns.firstEngagement == null) {
            missing.add("no 'Date of first engagement' column: no CONTACT_ATTEMPT events");
        }
        if (columns.sql == null) {
            missing.add("no Sales Qualified Lead stage date column: no ACCEPTED events");
        }
        if (columns.leadStatus == null) {
            missing.add("no 'Lead Status' column: no REJECTED or RECYCLED events");
        } else if (columns.lastActivity == null && columns.lastModified == null) {
            missing.add("no 'Last Activity Date' or 'Last Modified Date' column: REJECTED and RECYCLED cannot be dated");
        }
        missing.forEach(collector::warnFile);
    }

    private record Stamp(Instant at, boolean dateOnly, Column column) {
    }

    private record Columns(
            Column recordId,
            List<Column> mql,
            Column sql,
            Column owner,
            Column ownerAssigned,
            Column firstEngagement,
            Column lastActivity,
            Column lastModified,
            Column leadStatus,
            Column leadSource,
            Column score,
            Column country,
            Column timesContacted,
            Column reason,
            Map<Column, String> extras) {
    }
}
