package io.leadsla.connector.hubspot.export;

import io.leadsla.connector.export.ExportAttributes;
import io.leadsla.connector.export.ExportTimeParser;
import io.leadsla.connector.export.Labels;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        dateTimePatterns = List.copyOf(dateTimePatterns);
        dateTimePatterns.forEach(ExportTimeParser::validatePattern);
        columns = columns.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(columns));
        columns.forEach((column, label) -> {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("the label of column " + column + " must not be blank");
            }
        });
        rejectedStatuses = ordered(rejectedStatuses);
        recycledStatuses = ordered(recycledStatuses);
        for (String key : Labels.normalizeAll(rejectedStatuses)) {
            if (Labels.normalizeAll(recycledStatuses).contains(key)) {
                throw new IllegalArgumentException("lead status '" + key + "' is both a rejected and a recycled status");
            }
        }
        ExportAttributes.checkChannel(firstEngagementChannel);
        extraAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(extraAttributes));
        extraAttributes.forEach(HubSpotExportOptions::checkExtra);
    }

    /** The defaults, reading date-times in {@code zone}. */
    public static HubSpotExportOptions of(ZoneId zone) {
        return builder(zone).build();
    }

    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(zone);
        builder.locale = locale;
        builder.dateTimePatterns = dateTimePatterns;
        builder.columns.putAll(columns);
        builder.rejectedStatuses = rejectedStatuses;
        builder.recycledStatuses = recycledStatuses;
        builder.firstEngagementChannel = firstEngagementChannel;
        builder.extraAttributes.putAll(extraAttributes);
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

    static void checkExtra(String label, String attribute) {
        if (label == null || label.isBlank() || attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("extra attributes need a column label and an attribute name");
        }
        if (ExportAttributes.RESERVED.contains(attribute)) {
            throw new IllegalArgumentException("attribute '" + attribute + "' is set by the importer itself;"
                    + " choose another name for column '" + label + "'");
        }
    }

    private static Set<String> ordered(Collection<String> values) {
        Set<String> copy = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a status label must not be blank");
            }
            copy.add(value);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** Builds options; every setter replaces the previous value. */
    public static final class Builder {
        private final ZoneId zone;
        private Locale locale = Locale.US;
        private List<String> dateTimePatterns = List.of();
        private final Map<HubSpotColumn, String> columns = new EnumMap<>(HubSpotColumn.class);
        private Collection<String> rejectedStatuses = DEFAULT_REJECTED_STATUSES;
        private Collection<String> recycledStatuses = DEFAULT_RECYCLED_STATUSES;
        private String firstEngagementChannel = DEFAULT_FIRST_ENGAGEMENT_CHANNEL;
        private final Map<String, String> extraAttributes = new LinkedHashMap<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /** E.g. {@code MM/dd/yyyy HH:mm} and {@code MM/dd/yyyy} for a file re-saved by a US spreadsheet. */
        public Builder dateTimePatterns(List<String> patterns) {
            this.dateTimePatterns = List.copyOf(patterns);
            return this;
        }

        /** Reads {@code column} from the column labelled {@code label} instead of HubSpot's label. */
        public Builder column(HubSpotColumn column, String label) {
            columns.put(column, label);
            return this;
        }

        /** The custom property holding the rejection reason (default: a "Rejection Reason" column if present). */
        public Builder rejectionReasonColumn(String label) {
            return column(HubSpotColumn.REJECTION_REASON, label);
        }

        public Builder rejectedStatuses(Collection<String> labels) {
            this.rejectedStatuses = List.copyOf(labels);
            return this;
        }

        public Builder recycledStatuses(Collection<String> labels) {
            this.recycledStatuses = List.copyOf(labels);
            return this;
        }

        public Builder firstEngagementChannel(String channel) {
            this.firstEngagementChannel = channel;
            return this;
        }

        /** Copies column {@code label} onto every event as attribute {@code attribute}. */
        public Builder extraAttribute(String label, String attribute) {
            extraAttributes.put(label, attribute);
            return this;
        }

        public HubSpotExportOptions build() {
            return new HubSpotExportOptions(zone, locale, dateTimePatterns, columns,
                    new LinkedHashSet<>(rejectedStatuses), new LinkedHashSet<>(recycledStatuses),
                    firstEngagementChannel, extraAttributes);
        }
    }
}
