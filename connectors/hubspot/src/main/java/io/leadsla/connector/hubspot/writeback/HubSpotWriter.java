package io.leadsla.connector.hubspot.writeback;

import io.leadsla.core.followup.TaskKind;
import io.leadsla.connector.writeback.TaskTemplates;
import io.leadsla.connector.hubspot.api.HubSpotApiException;
import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.connector.api.TaskRequest;
import io.leadsla.connector.api.WriteBack;
import io.leadsla.core.event.Crm;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes SLA state onto HubSpot contacts (batch update, 100 per call) and creates tasks. Tasks
 * carry leadsla's idempotency key in {@code leadsla_task_key}; before creating one, the writer
 * searches for a task with that key, so a retry after a crash between HubSpot's answer and
 * leadsla's commit finds the task instead of making a second. (HubSpot's search index lags by
 * moments; the outbox retries after at least 5 seconds.)
 */
public final class HubSpotWriter implements CrmWriter {

    private final HubSpotClient client;
    private final String portalId;
    private final TaskTemplates templates;
    private final Clock clock;

    public HubSpotWriter(HubSpotClient client, String portalId, TaskTemplates templates, Clock clock) {
        this.client = client;
        this.portalId = portalId;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public Crm crm() {
        return Crm.HUBSPOT;
    }

    @Override
    public String apiAccount() {
        return "hubspot:" + portalId;
    }

    @Override
    public int maxBatch() {
        return 100;
    }

    @Override
    public List<Outcome> write(List<WriteBack> writeBacks) {
        Map<String, WriteBack> byId = new LinkedHashMap<>();
        List<HubSpotClient.ContactUpdate> updates = new ArrayList<>();
        for (WriteBack w : writeBacks) {
            byId.put(w.lead().recordId(), w);
            updates.add(new HubSpotClient.ContactUpdate(w.lead().recordId(), SlaProperties.values(w.sla())));
        }
        HubSpotClient.BatchUpdate answer = client.updateContacts(updates);
        List<Outcome> outcomes = new ArrayList<>();
        boolean foreignIds = false;
        for (String id : answer.updated()) {
            WriteBack w = byId.remove(id);
            if (w != null) {
                outcomes.add(new Written(w.lead()));
            } else {
                foreignIds = true; // HubSpot answered for a record we did not name: a merged contact's survivor
            }
        }
        for (WriteBack w : byId.values()) {
            HubSpotClient.BatchError error = answer.errors().get(w.lead().recordId());
            if (error != null && "OBJECT_NOT_FOUND".equals(error.category())) {
                outcomes.add(new Rejected(w.lead(), "HubSpot has no such contact (deleted or merged): " + error.message()));
            } else if (error != null && "VALIDATION_ERROR".equals(error.category())) {
                outcomes.add(new Rejected(w.lead(), "HubSpot refused the values: " + error.message()));
            } else if (error == null && foreignIds) {
                // merged into another contact: HubSpot wrote the survivor, whose own lead has its own
                // SLA; writing this lead's state there again would overwrite it
                outcomes.add(new Rejected(w.lead(), "merged into another contact (HubSpot answered under another id)"));
            } else if (error == null && w.attempts() >= 3) {
                outcomes.add(new Rejected(w.lead(), "HubSpot left the contact out of its answer " + (w.attempts() + 1)
                        + " times without an error (merged or deleted)"));
            } else {
                outcomes.add(new RetryLater(w.lead(), error == null
                        ? "HubSpot left the contact out of its answer without an error"
                        : error.category() + ": " + error.message()));
            }
        }
        return outcomes;
    }

    @Override
    public String createTask(TaskRequest request) {
        Optional<String> existing = client.findTask(SlaProperties.TASK_KEY, request.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        TaskTemplates.Template template = templates.template(request.kind());
        Instant due = request.kind() == TaskKind.MISSING_REASON && request.dueAt() != null
                ? request.dueAt() : clock.instant();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_timestamp", Long.toString(due.toEpochMilli()));
        properties.put("hs_task_subject", templates.render(template.subject(), request, request.dueAt()));
        properties.put("hs_task_body", templates.render(template.body(), request, request.dueAt()));
        properties.put("hs_task_status", "NOT_STARTED");
        if (template.priority() != null) {
            properties.put("hs_task_priority", template.priority());
        }
        if (template.type() != null) {
            properties.put("hs_task_type", template.type());
        }
        String assignee = templates.assignee(request);
        if (assignee != null && !assignee.isBlank()) {
            properties.put("hubspot_owner_id", assignee);
        }
        properties.put(SlaProperties.TASK_KEY, request.key());
        try {
            return client.createTask(properties, request.lead().recordId());
        } catch (HubSpotApiException e) {
            if (e.kind() == HubSpotApiException.Kind.REFUSED && e.status() != 401 && e.status() != 403) {
                throw new Refused(e.getMessage()); // the contact is gone, or the owner is not a user: retrying cannot help
            }
            throw e;
        }
    }
}
