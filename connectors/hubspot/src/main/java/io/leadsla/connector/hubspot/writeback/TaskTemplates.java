package io.leadsla.connector.hubspot.writeback;

import io.leadsla.connector.writeback.TaskRequest;
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

    /** One kind of task: subject, body, HubSpot priority (LOW, MEDIUM, HIGH) and type (TODO, CALL, EMAIL). */
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

    public static TaskTemplates defaults(ZoneId zone) {
        return new TaskTemplates(
                new Template("Lead SLA breached: {policy}",
                        "The {policy} promise for this lead was due {dueAt} and was not kept. Contact the lead now "
                                + "and log the call or e-mail.", "HIGH", "CALL"),
                new Template("Add a rejection reason",
                        "This lead was rejected without a reason. Set the rejection reason so marketing can learn "
                                + "from it (due {dueAt}).", "MEDIUM", "TODO"),
                Map.of(), zone);
    }

    public Template template(TaskRequest.Kind kind) {
        return kind == TaskRequest.Kind.BREACH ? breach : missingReason;
    }

    /** Who gets the task: the escalation owner of a breached policy, else the lead's owner (may be null). */
    public String assignee(TaskRequest request) {
        if (request.kind() == TaskRequest.Kind.BREACH && escalateTo.containsKey(request.policyId())) {
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
