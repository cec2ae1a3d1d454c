package io.leadsla.connector.hubspot.export;

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
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private final ExportStamps stamps;
    private final Set<String> rejected;
    private final Set<String> recycled;

    public HubSpotContactsImporter(HubSpotExportOptions options) {
        this.options = options;
        ExportTimeParser times = new ExportTimeParser(options.zone(), options.dateTimePatterns(), options.locale());
        this.stamps = new ExportStamps(times, "");
        this.rejected = Labels.normalizeAll(options.rejectedStatuses());
        this.recycled = Labels.normalizeAll(options.recycledStatuses());
    }

    @Override
    public Crm crm() {
        return Crm.HUBSPOT;
    }

    /** HubSpot exports are UTF-8 (with or without a byte-order mark). */
    @Override
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    @Override
    public ImportResult read(CsvExport csv) {
        Columns columns = resolve(csv.header());
        ImportCollector collector = new ImportCollector(csv.source(), Crm.HUBSPOT);
        noteHeader(csv.header(), columns, collector);
        return collector.readRows(csv, row -> readRow(row, columns, collector));
    }

    private void readRow(ExportRow row, Columns columns, ImportCollector collector) {
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
        Stamp mql = stamps.read(mqlCell.column(), mqlCell.value());
        Stamp sql = stamps.read(row, columns.sql);
        Stamp assigned = stamps.read(row, columns.ownerAssigned);
        Stamp engaged = stamps.read(row, columns.firstEngagement);
        String status = row.get(columns.leadStatus);
        boolean isRejected = Labels.in(status, rejected);
        boolean isRecycled = Labels.in(status, recycled);
        Stamp closedAt = null;
        if (isRejected || isRecycled) {
            closedAt = Optional.ofNullable(stamps.read(row, columns.lastActivity))
                    .orElseGet(() -> stamps.read(row, columns.lastModified));
        }

        collector.seen(row, columns.recordId, recordId, "record " + recordId);

        RowEvents events = new RowEvents(Crm.HUBSPOT, OBJECT_TYPE, recordId, attributes(row, columns));
        stamps.add(events, EventType.MQL_QUALIFIED, mql, mql.at(), Map.of(), collector);

        String owner = row.get(columns.owner);
        if (assigned != null && (owner != null || columns.owner == null)) {
            stamps.add(events, EventType.HANDED_OFF, assigned, assigned.notBefore(mql), Map.of(), collector);
        } else if (owner != null) {
            events.add(EventType.HANDED_OFF, mql.at(), Map.of(ExportAttributes.HANDOFF_TIME_KNOWN, "false"));
        }
        if (engaged != null) {
            stamps.add(events, EventType.CONTACT_ATTEMPT, engaged, engaged.at(),
                    Map.of(ExportAttributes.CHANNEL, options.firstEngagementChannel()), collector);
        }
        if (sql != null) {
            stamps.add(events, EventType.ACCEPTED, sql, sql.at(), Map.of(), collector);
        }
        if (isRejected || isRecycled) {
            EventType type = isRejected ? EventType.REJECTED : EventType.RECYCLED;
            if (closedAt == null) {
                collector.warn(row, columns.leadStatus, "lead status '" + status + "' but no "
                        + describe(columns.lastActivity, columns.lastModified) + " to date it; no " + type + " event");
            } else {
                stamps.addRejectedOrRecycled(events, type, closedAt, mql, row.get(columns.reason), collector);
            }
        }
        collector.addEvents(events.events());
    }

    private static Map<String, String> attributes(ExportRow row, Columns columns) {
        Map<String, String> attributes = ExportAttributes.standard(row, columns.owner, columns.leadSource,
                columns.score, columns.country, columns.leadStatus);
        ExportAttributes.put(attributes, ExportAttributes.TIMES_CONTACTED, row.get(columns.timesContacted));
        ExportAttributes.putExtras(attributes, row, columns.extras);
        return attributes;
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
        Map<Column, String> extras = header.requireExtras(options.extraAttributes(), "HubSpot export options");
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

    private Column optional(ExportHeader header, HubSpotColumn column) {
        return header.optional(options.labels(column), options.configured(column),
                "The HubSpot export options name it for " + column + ".");
    }

    /** Says once, up front, which events this file cannot produce for lack of a column. */
    private static void noteHeader(ExportHeader header, Columns columns, ImportCollector collector) {
        collector.duplicateColumns(header);
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
