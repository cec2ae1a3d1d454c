package io.leadsla.connector.salesforce.export;

import io.leadsla.connector.export.ExportAttributes;
import io.leadsla.connector.export.ExportOptions;
import io.leadsla.connector.export.ExportOptionsBuilder;
import io.leadsla.connector.export.Labels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a Salesforce lead report exported as CSV. Reports write dates and times in the
 * exporting user's locale format and time zone, without an offset: the zone has no default
 * (a guess would shift every clock silently), the format defaults to English (United States).
 *
 * @param zone              the exporting user's time zone
 * @param locale            locale of month names and AM/PM markers in {@code dateTimePatterns}
 * @param dateTimePatterns  date-time and date patterns, tried in order after the ISO forms
 * @param charset           the file's encoding (the report export dialog's "Export File Encoding")
 * @param columns           labels that replace the default ones of a column
 * @param queueOwners       owner names that are queues: a lead owned by a queue is not handed off yet
 * @param acceptedStatuses  Lead Status labels that mean sales accepted the lead
 * @param rejectedStatuses  Lead Status labels that mean sales rejected it
 * @param recycledStatuses  Lead Status labels that mean it went back to nurturing (default none)
 * @param contactedStatuses Lead Status labels that mean someone tried to reach the lead
 * @param contactChannel    channel of the CONTACT_ATTEMPT at "Last Activity"
 * @param extraAttributes   more columns to copy onto the events: column label → attribute name
 */
public record SalesforceReportOptions(
        ZoneId zone,
        Locale locale,
        List<String> dateTimePatterns,
        Charset charset,
        Map<SalesforceColumn, String> columns,
        Set<String> queueOwners,
        Set<String> acceptedStatuses,
        Set<String> rejectedStatuses,
        Set<String> recycledStatuses,
        Set<String> contactedStatuses,
        String contactChannel,
        Map<String, String> extraAttributes) {

    /**
     * English (United States): {@code 9/23/2026 10:15 AM} and {@code 9/23/2026}; the variant with a
     * comma after the date is how ICU locale formats write it.
     */
    public static final List<String> DEFAULT_DATE_TIME_PATTERNS =
            List.of("M/d/yyyy h:mm a", "M/d/yyyy, h:mm a", "M/d/yyyy");
    /** The classic converted status and the one newer orgs ship. */
    public static final List<String> DEFAULT_ACCEPTED_STATUSES = List.of("Closed - Converted", "Qualified");
    public static final List<String> DEFAULT_REJECTED_STATUSES = List.of("Closed - Not Converted", "Unqualified");
    public static final List<String> DEFAULT_CONTACTED_STATUSES = List.of("Working - Contacted", "Contacted");
    public static final String DEFAULT_CONTACT_CHANNEL = "call";

    public SalesforceReportOptions {
        Objects.requireNonNull(zone, "zone: the exporting user's time zone is required");
        Objects.requireNonNull(locale, "locale");
        dateTimePatterns = ExportOptions.dateTimePatterns(dateTimePatterns);
        Objects.requireNonNull(charset, "charset");
        columns = ExportOptions.columns(columns);
        queueOwners = ExportOptions.labels(queueOwners, "queue owner");
        acceptedStatuses = ExportOptions.labels(acceptedStatuses, "status");
        rejectedStatuses = ExportOptions.labels(rejectedStatuses, "status");
        recycledStatuses = ExportOptions.labels(recycledStatuses, "status");
        contactedStatuses = ExportOptions.labels(contactedStatuses, "status");
        disjoint("accepted", acceptedStatuses, "rejected", rejectedStatuses);
        disjoint("accepted", acceptedStatuses, "recycled", recycledStatuses);
        disjoint("rejected", rejectedStatuses, "recycled", recycledStatuses);
        ExportAttributes.checkChannel(contactChannel);
        extraAttributes = ExportOptions.extraAttributes(extraAttributes);
    }

    /** The defaults, reading times in {@code zone}. */
    public static SalesforceReportOptions of(ZoneId zone) {
        return builder(zone).build();
    }

    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(zone).locale(locale).dateTimePatterns(dateTimePatterns).charset(charset)
                .queueOwners(queueOwners).acceptedStatuses(acceptedStatuses).rejectedStatuses(rejectedStatuses)
                .recycledStatuses(recycledStatuses).contactedStatuses(contactedStatuses)
                .contactChannel(contactChannel);
        columns.forEach(builder::column);
        extraAttributes.forEach(builder::extraAttribute);
        return builder;
    }

    /** The labels looked for: the configured one, else the report's default. */
    public List<String> labels(SalesforceColumn column) {
        String configured = columns.get(column);
        return configured != null ? List.of(configured) : column.defaultLabels();
    }

    /** Whether the user named this column: then a file without it is an error, not a quiet default. */
    public boolean configured(SalesforceColumn column) {
        return columns.containsKey(column);
    }

    private static void disjoint(String aName, Set<String> a, String bName, Set<String> b) {
        Set<String> both = new HashSet<>(Labels.normalizeAll(a));
        both.retainAll(Labels.normalizeAll(b));
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("lead status " + both + " is both an " + aName + " and a " + bName
                    + " status");
        }
    }

    /**
     * Builds options; every setter replaces the previous value. Reports in another locale need
     * both {@link #locale} and {@link #dateTimePatterns}, e.g. {@code Locale.UK} with
     * {@code dd/MM/yyyy HH:mm} and {@code dd/MM/yyyy}.
     */
    public static final class Builder extends ExportOptionsBuilder<SalesforceColumn, Builder> {
        private Charset charset = StandardCharsets.UTF_8;
        private Collection<String> queueOwners = List.of();
        private Collection<String> acceptedStatuses = DEFAULT_ACCEPTED_STATUSES;
        private Collection<String> contactedStatuses = DEFAULT_CONTACTED_STATUSES;
        private String contactChannel = DEFAULT_CONTACT_CHANNEL;

        private Builder(ZoneId zone) {
            super(zone, SalesforceColumn.class, DEFAULT_DATE_TIME_PATTERNS, DEFAULT_REJECTED_STATUSES, List.of());
        }

        public Builder charset(Charset charset) {
            this.charset = charset;
            return this;
        }

        /** The column holding the MQL date (default "Create Date"). */
        public Builder mqlDateColumn(String label) {
            return column(SalesforceColumn.MQL_DATE, label);
        }

        /** The custom field holding the rejection reason (default: a "Rejection Reason" column if present). */
        public Builder rejectionReasonColumn(String label) {
            return column(SalesforceColumn.REJECTION_REASON, label);
        }

        public Builder queueOwners(Collection<String> names) {
            this.queueOwners = List.copyOf(names);
            return this;
        }

        public Builder acceptedStatuses(Collection<String> labels) {
            this.acceptedStatuses = List.copyOf(labels);
            return this;
        }

        public Builder contactedStatuses(Collection<String> labels) {
            this.contactedStatuses = List.copyOf(labels);
            return this;
        }

        public Builder contactChannel(String channel) {
            this.contactChannel = channel;
            return this;
        }

        public SalesforceReportOptions build() {
            return new SalesforceReportOptions(zone(), locale(), dateTimePatterns(), charset, columns(),
                    new LinkedHashSet<>(queueOwners), new LinkedHashSet<>(acceptedStatuses),
                    rejectedStatuses(), recycledStatuses(),
                    new LinkedHashSet<>(contactedStatuses), contactChannel, extraAttributes());
        }
    }
}
