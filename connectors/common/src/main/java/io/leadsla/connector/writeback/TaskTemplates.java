package io.leadsla.connector.writeback;

import io.leadsla.connector.api.TaskRequest;
import io.leadsla.core.followup.TaskKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a task says and who gets it. Subjects and bodies are templates with {@code {policy}},
 * {@code {cycle}}, {@code {dueAt}} (in {@code zone}) and {@code {recordId}}; a breach goes to the
 * lead's owner unless the policy escalates it to a manager or a queue owner.
 *
 * @param escalateTo policy id → owner id who gets that policy's breach tasks
 */
public record TaskTemplates(Template breach, Template missingReason, Map<String, String> escalateTo, ZoneId zone) {

    /**
     * One kind of task: subject, body, and the CRM's own priority and type values (HubSpot: LOW,
     * MEDIUM, HIGH and TODO, CALL, EMAIL; Salesforce: High, Normal, Low and its Task types).
     */
    public record Template(String subject, String body, String priority, String type) {
        public Template {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
        }
    }

    public TaskTemplates {
        Objects.requireNonNull(breach, "breach");
        Objects.requireNonNull(missingReason, "missingReason");
        escalateTo = Map.copyOf(escalateTo);
        Objects.requireNonNull(zone, "zone");
    }

    /** HubSpot's defaults: priorities HIGH / MEDIUM, types CALL / TODO. */
    public static TaskTemplates defaults(ZoneId zone) {
        return defaults(zone, "HIGH", "CALL", "MEDIUM", "TODO");
    }

    /** The default texts with a CRM's own priority and type values. */
    public static TaskTemplates defaults(ZoneId zone, String breachPriority, String breachType, String reasonPriority,
                                         String reasonType) {
        return new TaskTemplates(
                new Template("Lead SLA breached: {policy}",
                        "The {policy} promise for this lead was due {dueAt} and was not kept. Contact the lead now "
                                + "and log the call or e-mail.", breachPriority, breachType),
                new Template("Add a rejection reason",
                        "This lead was rejected without a reason. Set the rejection reason so marketing can learn "
                                + "from it (due {dueAt}).", reasonPriority, reasonType),
                Map.of(), zone);
    }

    public Template template(TaskKind kind) {
        return kind == TaskKind.BREACH ? breach : missingReason;
    }

    /** Who gets the task: the escalation owner of a breached policy, else the lead's owner (may be null). */
    public String assignee(TaskRequest request) {
        if (request.kind() == TaskKind.BREACH && escalateTo.containsKey(request.policyId())) {
            return escalateTo.get(request.policyId());
        }
        return request.ownerId();
    }

    public String render(String template, TaskRequest request, Instant dueAt) {
        String due = dueAt == null ? "" : DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH)
                .format(dueAt.atZone(zone));
        return template.replace("{policy}", request.policyId())
                .replace("{cycle}", Integer.toString(request.cycle()))
                .replace("{dueAt}", due)
                .replace("{recordId}", request.lead().recordId());
    }
}
