package io.leadsla.connector.hubspot.writeback;

import io.leadsla.core.clock.RecordSla;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contact properties leadsla writes (and {@code setup} creates), in their group, plus the
 * rejection-reason property reps fill. The names start with {@code leadsla_}, which is how the
 * connector recognises its own writes when HubSpot reports them back as property changes (the
 * rejection reason is read all the same: the mapping names it as an input).
 */
public final class SlaProperties {

    public static final String GROUP = "leadsla";
    public static final String GROUP_LABEL = "Lead SLA (leadsla)";
    public static final String STATUS = "leadsla_sla_status";
    public static final String DUE_AT = "leadsla_sla_due_at";
    public static final String POLICY = "leadsla_sla_policy";
    public static final String BREACHED_AT = "leadsla_breached_at";
    public static final String ATTEMPTS = "leadsla_attempts";
    /** Where reps give the reason of a rejection (the mapping's default {@code rejectionReasonProperty}). */
    public static final String REJECTION_REASON = "leadsla_rejection_reason";
    /** On tasks: the idempotency key of the task request that made the task. */
    public static final String TASK_KEY = "leadsla_task_key";

    private SlaProperties() {
    }

    /**
     * What to set on the contact for this SLA state. Datetimes go as epoch milliseconds (UTC), which
     * HubSpot accepts for datetime properties; an empty value clears a property.
     */
    public static Map<String, String> values(RecordSla sla) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(STATUS, sla.status() == null ? "" : sla.status().name());
        values.put(DUE_AT, millis(sla.dueAt()));
        values.put(POLICY, sla.policyId() == null ? "" : sla.policyId());
        values.put(BREACHED_AT, millis(sla.breachedAt()));
        values.put(ATTEMPTS, Integer.toString(sla.attempts()));
        return values;
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    /** The property definitions {@code setup} creates: POST /crm/v3/properties/{objectType} bodies. */
    public static List<Map<String, Object>> contactDefinitions() {
        List<Map<String, Object>> options = List.of(
                option("On track", "ON_TRACK", 0), option("At risk", "AT_RISK", 1), option("Breached", "BREACHED", 2),
                option("Met", "MET", 3), option("Missed", "MISSED", 4), option("Cancelled", "CANCELLED", 5));
        return List.of(
                definition(STATUS, "SLA status", "enumeration", "select", options,
                        "The lead SLA clock shown to the rep: the open one due soonest."),
                definition(DUE_AT, "SLA due at", "datetime", "date", null, "When that SLA clock is due."),
                definition(POLICY, "SLA policy", "string", "text", null, "Which SLA promise the clock measures."),
                definition(BREACHED_AT, "SLA breached at", "datetime", "date", null,
                        "The first breach in the lead's current cycle."),
                definition(ATTEMPTS, "SLA contact attempts", "number", "number", null,
                        "Contact attempts by a person in the current cycle (automated e-mails do not count)."),
                definition(REJECTION_REASON, "Rejection reason", "enumeration", "select", List.of(
                                option("No budget", "NO_BUDGET", 0), option("Not the decision maker", "NOT_DECISION_MAKER", 1),
                                option("No need", "NO_NEED", 2), option("Bad timing", "BAD_TIMING", 3),
                                option("Wrong or missing contact data", "BAD_DATA", 4),
                                option("Chose a competitor", "COMPETITOR", 5), option("Other", "OTHER", 6)),
                        "Why sales rejected the lead: set it with the rejection, leadsla asks for it otherwise. "
                                + "Edit the options to your reasons."));
    }

    /** The task property holding leadsla's idempotency key. */
    public static Map<String, Object> taskKeyDefinition() {
        return definition(TASK_KEY, "leadsla task key", "string", "text", null,
                "Set by leadsla on the tasks it creates, so that a retry never creates a second task.");
    }

    private static Map<String, Object> option(String label, String value, int order) {
        return Map.of("label", label, "value", value, "displayOrder", order, "hidden", false);
    }

    private static Map<String, Object> definition(String name, String label, String type, String fieldType,
                                                  List<Map<String, Object>> options, String description) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("label", label);
        d.put("type", type);
        d.put("fieldType", fieldType);
        d.put("groupName", GROUP);
        d.put("description", description);
        if (options != null) {
            d.put("options", options);
        }
        return d;
    }
}
