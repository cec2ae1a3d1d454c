package io.leadsla.connector.hubspot.export;

import java.util.List;

/**
 * The columns of a HubSpot contacts export that the importer reads, with the labels HubSpot
 * gives them (headers are property labels, not internal names). Where HubSpot renamed a
 * property, the current label comes first and the older ones follow; any of them is accepted.
 * A label configured in {@link HubSpotExportOptions#columns()} replaces these.
 */
public enum HubSpotColumn {
    /** {@code hs_object_id}; older exports called it "Contact ID". Required. */
    RECORD_ID("Record ID", "Contact ID"),
    /**
     * When the contact entered the MQL lifecycle stage: {@code hs_v2_date_entered_marketingqualifiedlead}
     * in current portals, {@code hs_lifecyclestage_marketingqualifiedlead_date} in older ones. At
     * least one is required; when a file has both, the first non-blank one is read.
     */
    MQL_DATE("Date entered \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"",
            "Became a Marketing Qualified Lead Date"),
    /** When the contact entered the SQL stage: sales accepted the lead. */
    SQL_DATE("Date entered \"Sales Qualified Lead (Lifecycle Stage Pipeline)\"",
            "Became a Sales Qualified Lead Date"),
    /** {@code hubspot_owner_id}, exported as the owner's name. */
    OWNER("Contact owner", "HubSpot Owner"),
    /** {@code hubspot_owner_assigneddate}: the most recent owner assignment. */
    OWNER_ASSIGNED_DATE("Owner assigned date"),
    /** {@code hs_sa_first_engagement_date}: the current owner's first logged call, e-mail or meeting. */
    FIRST_ENGAGEMENT_DATE("Date of first engagement"),
    /** {@code notes_last_updated}: the last logged note, call, e-mail, meeting or task. */
    LAST_ACTIVITY_DATE("Last Activity Date"),
    /** {@code lastmodifieddate}: the last change to any property. */
    LAST_MODIFIED_DATE("Last Modified Date"),
    /** {@code hs_lead_status}, exported as the option label ("Unqualified", "Bad Timing"...). */
    LEAD_STATUS("Lead Status"),
    /** {@code hs_analytics_source}: "Original Traffic Source" in current portals, "Original Source" before. */
    LEAD_SOURCE("Original Traffic Source", "Original Source"),
    /** {@code hubspotscore}. */
    SCORE("HubSpot Score"),
    /** {@code country}. */
    COUNTRY("Country/Region", "Country"),
    /** {@code num_contacted_notes}: a count only, the export has no attempt times. */
    TIMES_CONTACTED("Number of times contacted"),
    /** Rejection reasons live in a custom property; this is the label looked for when none is configured. */
    REJECTION_REASON("Rejection Reason");

    private final List<String> labels;

    HubSpotColumn(String... labels) {
        this.labels = List.of(labels);
    }

    /** The labels looked for when none is configured, current first. */
    public List<String> defaultLabels() {
        return labels;
    }
}
