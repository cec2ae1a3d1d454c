package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The HubSpot-defined properties and groups a fresh portal has, as far as leadsla reads or writes them.
 * Names, types and option values follow HubSpot's documented defaults; group names for activity objects
 * and the option sets of the activity enumerations are best-effort (inferred).
 */
final class DefaultProperties {
    /** Default lifecycle stages, in pipeline order, with their labels. */
    static final List<Stage> LIFECYCLE_STAGES = List.of(
            new Stage("subscriber", "Subscriber"),
            new Stage("lead", "Lead"),
            new Stage("marketingqualifiedlead", "Marketing Qualified Lead"),
            new Stage("salesqualifiedlead", "Sales Qualified Lead"),
            new Stage("opportunity", "Opportunity"),
            new Stage("customer", "Customer"),
            new Stage("evangelist", "Evangelist"),
            new Stage("other", "Other"));

    /** A lifecycle stage's internal value and label. */
    record Stage(String value, String label) {
    }

    private final PropertyCatalog catalog;
    private final Instant now;
    private int order;

    private DefaultProperties(PropertyCatalog catalog, Instant now) {
        this.catalog = catalog;
        this.now = now;
    }

    static void load(PropertyCatalog catalog, Instant now) {
        new DefaultProperties(catalog, now).loadAll();
    }

    private void loadAll() {
        contacts();
        activities(ObjectType.TASKS, "task");
        task();
        activities(ObjectType.CALLS, "call");
        call();
        activities(ObjectType.EMAILS, "email");
        email();
        activities(ObjectType.MEETINGS, "meeting");
        meeting();
    }

    private void contacts() {
        ObjectType c = ObjectType.CONTACTS;
        group(c, "contactinformation", "Contact information");
        group(c, "sales_properties", "Sales properties");
        group(c, "analyticsinformation", "Web analytics history");
        group(c, "contact_activity", "Contact activity");
        group(c, "emailinformation", "Email information");
        string(c, "email", "Email", "contactinformation");
        string(c, "firstname", "First Name", "contactinformation");
        string(c, "lastname", "Last Name", "contactinformation");
        string(c, "company", "Company Name", "contactinformation");
        string(c, "jobtitle", "Job Title", "contactinformation");
        def(c, "phone", "Phone Number", "phone_number", "phonenumber", "contactinformation", List.of(), false);
        string(c, "country", "Country/Region", "contactinformation");
        List<PropertyDefinition.Option> stages = new ArrayList<>();
        for (Stage s : LIFECYCLE_STAGES) {
            stages.add(option(s.label(), s.value(), stages.size()));
        }
        def(c, "lifecyclestage", "Lifecycle Stage", "enumeration", "radio", "contactinformation", stages, false);
        def(c, "hs_lead_status", "Lead Status", "enumeration", "radio", "sales_properties", List.of(
                option("New", "NEW", 0), option("Open", "OPEN", 1), option("In Progress", "IN_PROGRESS", 2),
                option("Open Deal", "OPEN_DEAL", 3), option("Unqualified", "UNQUALIFIED", 4),
                option("Attempted to Contact", "ATTEMPTED_TO_CONTACT", 5), option("Connected", "CONNECTED", 6),
                option("Bad Timing", "BAD_TIMING", 7)), false);
        owner(c, "sales_properties");
        def(c, "hubspotscore", "HubSpot Score", "number", "number", "contactinformation", List.of(), false);
        def(c, "hs_analytics_source", "Original Traffic Source", "enumeration", "select", "analyticsinformation",
                List.of(option("Organic Search", "ORGANIC_SEARCH", 0), option("Paid Search", "PAID_SEARCH", 1),
                        option("Email Marketing", "EMAIL_MARKETING", 2), option("Organic Social", "SOCIAL_MEDIA", 3),
                        option("Referrals", "REFERRALS", 4), option("Other Campaigns", "OTHER_CAMPAIGNS", 5),
                        option("Direct Traffic", "DIRECT_TRAFFIC", 6), option("Offline Sources", "OFFLINE", 7),
                        option("Paid Social", "PAID_SOCIAL", 8), option("AI Referrals", "AI_REFERRALS", 9)),
                false);
        def(c, "createdate", "Create Date", "datetime", "date", "contactinformation", List.of(), false);
        def(c, "lastmodifieddate", "Last Modified Date", "datetime", "date", "contactinformation", List.of(),
                true);
        def(c, "hs_object_id", "Record ID", "number", "number", "contactinformation", List.of(), true);
        for (Stage s : LIFECYCLE_STAGES) {
            def(c, "hs_lifecyclestage_" + s.value() + "_date",
                    "Date entered \"" + s.label() + " (Lifecycle Stage Pipeline)\"", "datetime", "date",
                    "contactinformation", List.of(), false);
        }
        // Sales-activity rollups HubSpot maintains when calls, emails and meetings are logged.
        def(c, "notes_last_contacted", "Last Contacted", "datetime", "date", "contact_activity", List.of(), true);
        def(c, "notes_last_updated", "Last Activity Date", "datetime", "date", "contact_activity", List.of(), true);
        def(c, "num_contacted_notes", "Number of times contacted", "number", "number", "contact_activity",
                List.of(), true);
        def(c, "hs_last_sales_activity_timestamp", "Last Engagement Date", "datetime", "date",
                "contact_activity", List.of(), true);
    }

    private void activities(ObjectType type, String groupName) {
        group(type, groupName, Character.toUpperCase(groupName.charAt(0)) + groupName.substring(1)
                + " information");
        def(type, "hs_timestamp", "Activity date", "datetime", "date", groupName, List.of(), false);
        def(type, "hs_createdate", "Create date", "datetime", "date", groupName, List.of(), true);
        def(type, "hs_lastmodifieddate", "Last modified date", "datetime", "date", groupName, List.of(), true);
        def(type, "hs_object_id", "Record ID", "number", "number", groupName, List.of(), true);
        owner(type, groupName);
    }

    private void task() {
        ObjectType t = ObjectType.TASKS;
        string(t, "hs_task_subject", "Task Title", "task");
        def(t, "hs_task_body", "Notes", "string", "textarea", "task", List.of(), false);
        def(t, "hs_task_status", "Task Status", "enumeration", "select", "task", List.of(
                option("Not started", "NOT_STARTED", 0), option("In progress", "IN_PROGRESS", 1),
                option("Waiting", "WAITING", 2), option("Completed", "COMPLETED", 3),
                option("Deferred", "DEFERRED", 4)), false);
        def(t, "hs_task_priority", "Priority", "enumeration", "select", "task", List.of(
                option("None", "NONE", 0), option("Low", "LOW", 1), option("Medium", "MEDIUM", 2),
                option("High", "HIGH", 3)), false);
        def(t, "hs_task_type", "Task Type", "enumeration", "select", "task", List.of(
                option("Call", "CALL", 0), option("Email", "EMAIL", 1), option("To-do", "TODO", 2),
                option("LinkedIn", "LINKED_IN", 3), option("Meeting", "MEETING", 4)), false);
        def(t, "hs_task_completion_date", "Completed at", "datetime", "date", "task", List.of(), true);
    }

    private void call() {
        ObjectType t = ObjectType.CALLS;
        string(t, "hs_call_title", "Call Title", "call");
        def(t, "hs_call_body", "Call notes", "string", "textarea", "call", List.of(), false);
        def(t, "hs_call_direction", "Call direction", "enumeration", "select", "call", List.of(
                option("Inbound", "INBOUND", 0), option("Outbound", "OUTBOUND", 1)), false);
        // hs_call_disposition holds outcome GUIDs that portals can extend, so it is not checked.
        string(t, "hs_call_disposition", "Call outcome", "call");
        def(t, "hs_call_status", "Call status", "enumeration", "select", "call", List.of(
                option("Busy", "BUSY", 0), option("Calling CRM user", "CALLING_CRM_USER", 1),
                option("Canceled", "CANCELED", 2), option("Completed", "COMPLETED", 3),
                option("Connecting", "CONNECTING", 4), option("Failed", "FAILED", 5),
                option("In progress", "IN_PROGRESS", 6), option("No answer", "NO_ANSWER", 7),
                option("Queued", "QUEUED", 8), option("Ringing", "RINGING", 9)), false);
        def(t, "hs_call_duration", "Call duration", "number", "number", "call", List.of(), false);
    }

    private void email() {
        ObjectType t = ObjectType.EMAILS;
        def(t, "hs_email_direction", "Email direction", "enumeration", "select", "email", List.of(
                option("Email", "EMAIL", 0), option("Incoming email", "INCOMING_EMAIL", 1),
                option("Forwarded email", "FORWARDED_EMAIL", 2)), false);
        string(t, "hs_email_subject", "Email subject", "email");
        def(t, "hs_email_text", "Email body", "string", "textarea", "email", List.of(), false);
        def(t, "hs_email_status", "Email send status", "enumeration", "select", "email", List.of(
                option("Bounced", "BOUNCED", 0), option("Failed", "FAILED", 1), option("Scheduled", "SCHEDULED", 2),
                option("Sending", "SENDING", 3), option("Sent", "SENT", 4)), false);
    }

    private void meeting() {
        ObjectType t = ObjectType.MEETINGS;
        string(t, "hs_meeting_title", "Meeting name", "meeting");
        def(t, "hs_meeting_body", "Meeting description", "string", "textarea", "meeting", List.of(), false);
        def(t, "hs_meeting_start_time", "Start time", "datetime", "date", "meeting", List.of(), false);
        def(t, "hs_meeting_end_time", "End time", "datetime", "date", "meeting", List.of(), false);
        def(t, "hs_meeting_outcome", "Meeting outcome", "enumeration", "select", "meeting", List.of(
                option("Scheduled", "SCHEDULED", 0), option("Completed", "COMPLETED", 1),
                option("Rescheduled", "RESCHEDULED", 2), option("No show", "NO_SHOW", 3),
                option("Canceled", "CANCELED", 4)), false);
    }

    private void owner(ObjectType type, String group) {
        // Owners are external options: valid values are the portal's owner ids.
        catalog.add(type, new PropertyDefinition("hubspot_owner_id", type == ObjectType.CONTACTS ? "Contact owner"
                : "Activity assigned to", "enumeration", "select", group, "", List.of(), order++, false, false,
                true, true, false, true, false, now, now));
    }

    private void group(ObjectType type, String name, String label) {
        catalog.addGroup(type, new PropertyGroup(name, label, -1, false));
    }

    private void string(ObjectType type, String name, String label, String group) {
        def(type, name, label, "string", "text", group, List.of(), false);
    }

    private void def(ObjectType type, String name, String label, String t, String fieldType, String group,
                     List<PropertyDefinition.Option> options, boolean readOnlyValue) {
        catalog.add(type, new PropertyDefinition(name, label, t, fieldType, group, "", options, order++, false,
                false, !readOnlyValue, true, false, false, readOnlyValue, now, now));
    }

    private static PropertyDefinition.Option option(String label, String value, int displayOrder) {
        return new PropertyDefinition.Option(label, value, "", displayOrder, false);
    }
}
