package io.leadsla.simulator.salesforce;

import java.util.List;

/**
 * The custom fields of leadsla's Salesforce package ({@code connectors/salesforce/sfdx}), for tests and
 * the demo to put in place in one call; the defaults are the package's values.
 */
public final class LeadSlaFields {
    public static final String STATUS = "LeadSLA_Status__c";
    public static final String DUE_AT = "LeadSLA_Due_At__c";
    public static final String BREACHED_AT = "LeadSLA_Breached_At__c";
    public static final String POLICY = "LeadSLA_Policy__c";
    public static final String ATTEMPTS = "LeadSLA_Attempts__c";
    public static final String REJECTION_REASON = "LeadSLA_Rejection_Reason__c";
    public static final String TASK_KEY = "LeadSLA_Task_Key__c";

    public static final List<String> DEFAULT_STATUSES = List.of("ON_TRACK", "AT_RISK", "BREACHED", "MET", "MISSED",
            "CANCELLED");
    public static final List<String> DEFAULT_REJECTION_REASONS = List.of("NO_BUDGET", "NOT_DECISION_MAKER", "NO_NEED",
            "BAD_TIMING", "BAD_DATA", "COMPETITOR", "OTHER");

    private LeadSlaFields() {
    }

    public static void deployTo(Schema schema) {
        deployTo(schema, DEFAULT_STATUSES, DEFAULT_REJECTION_REASONS);
    }

    public static void deployTo(Schema schema, List<String> statuses, List<String> rejectionReasons) {
        schema.addField(StandardObjects.LEAD, FieldDef.customPicklist(STATUS, "SLA Status", true,
                statuses.toArray(String[]::new)));
        schema.addField(StandardObjects.LEAD, FieldDef.customDateTime(DUE_AT, "SLA Due At"));
        schema.addField(StandardObjects.LEAD, FieldDef.customDateTime(BREACHED_AT, "SLA Breached At"));
        schema.addField(StandardObjects.LEAD, FieldDef.customText(POLICY, "SLA Policy", 80));
        schema.addField(StandardObjects.LEAD, FieldDef.customNumber(ATTEMPTS, "SLA Attempts", 4, 0));
        schema.addField(StandardObjects.LEAD, FieldDef.customPicklist(REJECTION_REASON, "Rejection Reason", true,
                rejectionReasons.toArray(String[]::new)).withTracking());
        schema.addField(StandardObjects.TASK, FieldDef.customText(TASK_KEY, "LeadSLA Task Key", 255)
                .asExternalId(true));
    }
}
