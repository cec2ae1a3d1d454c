package io.leadsla.connector.salesforce.export;

import java.util.List;

/**
 * The columns of a Salesforce lead report ("Details Only", exported as CSV) that the importer
 * reads, with the field labels a report uses as headers. A label configured in
 * {@link SalesforceReportOptions#columns()} replaces these.
 */
public enum SalesforceColumn {
    /** The lead's id, 15 characters in reports (18 accepted too). Required. */
    LEAD_ID("Lead ID"),
    /**
     * When the lead became an MQL. A standard lead has no such field, so the default is the
     * creation date ("every lead in the report is an MQL from the moment it exists"); point it
     * at a custom MQL date field when the org has one. Required.
     */
    MQL_DATE("Create Date"),
    /** A user's or a queue's name. */
    OWNER("Lead Owner"),
    LEAD_SOURCE("Lead Source"),
    LEAD_STATUS("Lead Status"),
    /** {@code LastActivityDate}: a date, no time of day. */
    LAST_ACTIVITY("Last Activity"),
    /** Only used to date a rejection when "Last Activity" is blank. */
    LAST_MODIFIED("Last Modified Date", "Last Modified"),
    /** The converted checkbox: 1/0 in reports. */
    CONVERTED("Converted"),
    /** {@code ConvertedDate}: a date, no time of day. */
    CONVERTED_DATE("Converted Date"),
    COUNTRY("Country"),
    /** No standard lead field; orgs with a scoring tool add one (label varies). */
    SCORE("Score", "Lead Score"),
    /** Rejection reasons are usually a custom picklist; this is the label looked for when none is configured. */
    REJECTION_REASON("Rejection Reason");

    private final List<String> labels;

    SalesforceColumn(String... labels) {
        this.labels = List.of(labels);
    }

    /** The labels looked for when none is configured. */
    public List<String> defaultLabels() {
        return labels;
    }
}
