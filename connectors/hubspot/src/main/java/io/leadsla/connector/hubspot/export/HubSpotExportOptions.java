package io.leadsla.connector.hubspot.export;

import io.leadsla.connector.export.ExportAttributes;
import io.leadsla.connector.export.ExportOptions;
import io.leadsla.connector.export.ExportOptionsBuilder;
import io.leadsla.connector.export.Labels;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a HubSpot contacts export. Only the time zone has no default: HubSpot writes
 * date-times without an offset, in the account's (or exporting user's) time zone, and guessing
 * it would shift every clock by hours without anyone noticing.
 *
 * @param zone                   the time zone of the export's date-times
 * @param locale                 locale of month names / AM-PM in {@code dateTimePatterns}
 * @param dateTimePatterns       patterns tried after the ISO forms (which are always accepted,
 *                               including HubSpot's {@code 2026-09-08 16:21}); default none
 * @param columns                labels that replace the default ones of a column
 * @param rejectedStatuses       Lead Status labels that mean sales rejected the lead
 * @param recycledStatuses       Lead Status labels that mean the lead went back to nurturing
 * @param firstEngagementChannel channel of the CONTACT_ATTEMPT at "Date of first engagement"
 *                               (the export does not say whether it was a call, e-mail or meeting)
 * @param extraAttributes        more columns to copy onto the events: column label → attribute name
 */
public record HubSpotExportOptions(
        ZoneId zone,
        Locale locale,
        List<String> dateTimePatterns,
        Map<HubSpotColumn, String> columns,
        Set<String> rejectedStatuses,
        Set<String> recycledStatuses,
        String firstEngagementChannel,
        Map<String, String> extraAttributes) {

    public static final List<String> DEFAULT_REJECTED_STATUSES = List.of("Unqualified");
    public static final List<String> DEFAULT_RECYCLED_STATUSES = List.of("Bad Timing");
    public static final String DEFAULT_FIRST_ENGAGEMENT_CHANNEL = "call";

    public HubSpotExportOptions {
        Objects.requireNonNull(zone, "zone: the time zone of the export's date-times is required");
        Objects.requireNonNull(locale, "locale");
        dateTimePatterns = ExportOptions.dateTimePatterns(dateTimePatterns);
        columns = ExportOptions.columns(columns);
        rejectedStatuses = ExportOptions.labels(rejectedStatuses, "status");
        recycledStatuses = ExportOptions.labels(recycledStatuses, "status");
        for (String key : Labels.normalizeAll(rejectedStatuses)) {
            if (Labels.normalizeAll(recycledStatuses).contains(key)) {
                throw new IllegalArgumentException("lead status '" + key + "' is both a rejected and a recycled status");
            }
        }
        ExportAttributes.checkChannel(firstEngagementChannel);
        extraAttributes = ExportOptions.extraAttributes(extraAttributes);
    }

    /** The defaults, reading date-times in {@code zone}. */
    public static HubSpotExportOptions of(ZoneId zone) {
        return builder(zone).build();
    }

    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(zone).locale(locale).dateTimePatterns(dateTimePatterns)
                .rejectedStatuses(rejectedStatuses).recycledStatuses(recycledStatuses)
                .firstEngagementChannel(firstEngagementChannel);
        columns.forEach(builder::column);
        extraAttributes.forEach(builder::extraAttribute);
        return builder;
    }

    /** The labels looked for: the configured one, else HubSpot's. */
    public List<String> labels(HubSpotColumn column) {
        String configured = columns.get(column);
        return configured != null ? List.of(configured) : column.defaultLabels();
    }

    /** Whether the user named this column: then a file without it is an error, not a quiet default. */
    public boolean configured(HubSpotColumn column) {
        return columns.containsKey(column);
    }

    /**
     * Builds options; every setter replaces the previous value. Column labels replace HubSpot's;
     * date-time patterns are for a file re-saved by a spreadsheet (HubSpot's own form is ISO).
     */
    public static final class Builder extends ExportOptionsBuilder<HubSpotColumn, Builder> {
        private String firstEngagementChannel = DEFAULT_FIRST_ENGAGEMENT_CHANNEL;

        private Builder(ZoneId zone) {
            super(zone, HubSpotColumn.class, List.of(), DEFAULT_REJECTED_STATUSES, DEFAULT_RECYCLED_STATUSES);
        }

        /** The custom property holding the rejection reason (default: a "Rejection Reason" column if present). */
        public Builder rejectionReasonColumn(String label) {
            return column(HubSpotColumn.REJECTION_REASON, label);
        }

        public Builder firstEngagementChannel(String channel) {
            this.firstEngagementChannel = channel;
            return this;
        }

        public HubSpotExportOptions build() {
            return new HubSpotExportOptions(zone(), locale(), dateTimePatterns(), columns(),
                    rejectedStatuses(), recycledStatuses(), firstEngagementChannel, extraAttributes());
        }
    }
}
