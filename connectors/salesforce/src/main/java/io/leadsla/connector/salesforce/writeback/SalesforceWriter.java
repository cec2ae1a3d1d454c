package io.leadsla.connector.salesforce.writeback;

import io.leadsla.core.followup.TaskKind;
import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.connector.api.TaskRequest;
import io.leadsla.connector.writeback.TaskTemplates;
import io.leadsla.connector.api.WriteBack;
import io.leadsla.core.event.Crm;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Writes SLA state onto Salesforce Leads ({@code update()}, 200 per call, each record succeeding
 * or failing on its own) and creates Tasks with {@code upsert()} on the external id
 * {@code LeadSLA_Task_Key__c}: a retry after a crash between Salesforce's answer and leadsla's
 * commit updates the same Task instead of making a second one.
 */
public final class SalesforceWriter implements CrmWriter {

    /** Errors retrying cannot fix: the record is gone, or the field or value is refused. */
    private static final Set<StatusCode> FINAL = Set.of(StatusCode.ENTITY_IS_DELETED, StatusCode.INVALID_CROSS_REFERENCE_KEY,
            StatusCode.MALFORMED_ID, StatusCode.INVALID_FIELD, StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE,
            StatusCode.FIELD_INTEGRITY_EXCEPTION, StatusCode.INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
            StatusCode.INSUFFICIENT_ACCESS_OR_READONLY, StatusCode.INVALID_ID_FIELD, StatusCode.CANNOT_UPDATE_CONVERTED_LEAD);

    private final SalesforceSession session;
    private final String orgId;
    private final TaskTemplates templates;
    private final Clock clock;

    public SalesforceWriter(SalesforceSession session, String orgId, TaskTemplates templates, Clock clock) {
        this.session = session;
        this.orgId = orgId;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public Crm crm() {
        return Crm.SALESFORCE;
    }

    @Override
    public String apiAccount() {
        return "salesforce:" + orgId;
    }

    @Override
    public int maxBatch() {
        return 200;
    }

    @Override
    public List<Outcome> write(List<WriteBack> writeBacks) {
        SObject[] leads = writeBacks.stream().map(w -> LeadSlaFields.lead(w.lead().recordId(), w.sla())).toArray(SObject[]::new);
        SaveResult[] results = session.call("update " + leads.length + " Leads", c -> c.update(leads));
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < writeBacks.size(); i++) {
            WriteBack w = writeBacks.get(i);
            SaveResult r = i < results.length ? results[i] : null; // results come in the order sent
            if (r == null) {
                outcomes.add(new RetryLater(w.lead(), "Salesforce gave no result for the record"));
            } else if (r.isSuccess()) {
                outcomes.add(new Written(w.lead()));
            } else if (isFinal(r.getErrors())) {
                outcomes.add(new Rejected(w.lead(), describe(r.getErrors())));
            } else {
                outcomes.add(new RetryLater(w.lead(), describe(r.getErrors())));
            }
        }
        return outcomes;
    }

    @Override
    public String createTask(TaskRequest request) {
        TaskTemplates.Template template = templates.template(request.kind());
        Instant due = request.kind() == TaskKind.MISSING_REASON && request.dueAt() != null
                ? request.dueAt() : clock.instant();
        SObject task = new SObject("Task");
        task.setField(LeadSlaFields.TASK_KEY, request.key());
        task.setField("WhoId", request.lead().recordId());
        task.setField("Subject", truncate(templates.render(template.subject(), request, request.dueAt()), 255));
        task.setField("Description", templates.render(template.body(), request, request.dueAt()));
        task.setField("ActivityDate", date(LocalDate.ofInstant(due, templates.zone())));
        task.setField("Status", "Not Started");
        if (template.priority() != null) {
            task.setField("Priority", template.priority());
        }
        if (template.type() != null) {
            task.setField("Type", template.type());
        }
        String assignee = templates.assignee(request);
        if (assignee != null && !assignee.isBlank()) {
            task.setField("OwnerId", assignee);
        }
        UpsertResult[] results = session.call("upsert Task " + request.key(),
                c -> c.upsert(LeadSlaFields.TASK_KEY, new SObject[] {task}));
        UpsertResult r = results[0];
        if (r.isSuccess()) {
            return r.getId();
        }
        if (isFinal(r.getErrors())) {
            throw new Refused("Salesforce refused task " + request.key() + ": " + describe(r.getErrors()));
        }
        throw new IllegalStateException("Salesforce did not create task " + request.key() + " yet: " + describe(r.getErrors()));
    }

    private static boolean isFinal(Error[] errors) {
        return errors != null && errors.length > 0 && Arrays.stream(errors).allMatch(e -> FINAL.contains(e.getStatusCode()));
    }

    private static String describe(Error[] errors) {
        if (errors == null || errors.length == 0) {
            return "no error given";
        }
        return Arrays.stream(errors).map(e -> e.getStatusCode() + ": " + e.getMessage()
                + (e.getFields() == null || e.getFields().length == 0 ? "" : " " + Arrays.toString(e.getFields())))
                .collect(Collectors.joining("; "));
    }

    /** A date field (ActivityDate): midnight UTC of that day, as force-wsc writes xsd:date. */
    private static Calendar date(LocalDate day) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
        return c;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
