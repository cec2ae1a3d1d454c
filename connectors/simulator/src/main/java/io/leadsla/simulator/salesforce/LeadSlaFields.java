package io.leadsla.simulator.salesforce;

import java.util.List;

/**
 * The custom fields leadsla's Salesforce setup deploys, for tests and the demo to put in place in one call.
 * The picklist values are parameters because they are leadsla's choice, not Salesforce's.
 */
public final class LeadSlaFields {
    public static final String STATUS = "LeadSLA_Status__c";
    public static final String DUE_AT = "LeadSLA_Due_At__c";
    public static final String BREACHED_AT = "LeadSLA_Breached_At__c";
    public static final String POLICY = "LeadSLA_Policy__c";
    public static final String ATTEMPTS = "LeadSLA_Attempts__c";
    public static final String REJECTION_REASON = "LeadSLA_Rejection_Reason__c";
    public static final String TASK_KEY = "LeadSLA_Task_Key__c";

    public static final List<String> DEFAULT_STATUSES = List.of("Pending", "Met", "Breached", "Paused", "Stopped");
    public static final List<String> DEFAULT_REJECTION_REASONS = List.of("Bad Fit", "No Budget", "Duplicate",
            "Not Reachable", "Spam", "Other");

    private LeadSlaFields() {
    }

    public static void deployTo(Schema schema) {
        deployTo(schema, DEFAULT_STATUSES, DEFAULT_REJECTION_REASONS);
    }

    public static void deployTo(Schema schema, List<String> statuses, List<String> rejectionReasons) {
        schema.addField(StandardObjects.LEAD, FieldDef.customPicklist(STATUS, "SLA Status", true,
                statuses.toArray(String[]::new)).withTracking());
        schema.addField(StandardObjects.LEAD, FieldDef.customDateTime(DUE_AT, "SLA Due At"));
        schema.addField(StandardObjects.LEAD, FieldDef.customDateTime(BREACHED_AT, "SLA Breached At"));
        schema.addField(StandardObjects.LEAD, FieldDef.customText(POLICY, "SLA Policy", 80));
        schema.addField(StandardObjects.LEAD, FieldDef.customNumber(ATTEMPTS, "SLA Attempts", 4, 0));
        schema.addField(StandardObjects.LEAD, FieldDef.customPicklist(REJECTION_REASON, "Rejection Reason", true,
                rejectionReasons.toArray(String[]::new)));
        schema.addField(StandardObjects.TASK, FieldDef.customText(TASK_KEY, "LeadSLA Task Key", 80)
                .asExternalId(true));
    }
}
