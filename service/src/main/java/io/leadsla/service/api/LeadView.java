package io.leadsla.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.core.clock.LeadCycle;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.store.LeadHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/leads/{crm}/{recordId}}: a record's clocks, funnel cycles, the events that drove
 * them, what was written back to the CRM record and the tasks asked for (docs/openapi.yaml).
 * Durations are in minutes, like the KPIs.
 */
public record LeadView(String crm, String recordId, String objectType, Instant foldedAt, Instant nextChangeAt,
                       boolean foldPending, JsonNode sla, List<Clock> clocks, List<Cycle> cycles, List<JsonNode> events,
                       List<WriteBack> writeBacks, PendingWriteBack pendingWriteBack, List<LeadHistory.TaskEntry> tasks) {

    /** One SLA clock of one cycle. */
    public record Clock(String policyId, String kind, int cycle, String tier, String calendar, String status,
                        Instant startedAt, Instant atRiskAt, Instant dueAt, Instant stoppedAt, Instant breachedAt,
                        long businessMinutesElapsed, String stoppedBy, int attempts, List<String> missingAttributes,
                        String policyVersion) {
    }

    /** One pass through the funnel, from an MQL to its disposition. */
    public record Cycle(int number, String tier, String owner, String source, Instant mqlAt, Instant handedOffAt,
                        Instant firstContactAt, int attempts, String outcome, Instant outcomeAt, String rejectionReason,
                        boolean rejectedWithoutReason, List<String> missingAttributes, Double handoffMinutes,
                        Double handoffBusinessMinutes, Double firstResponseMinutes, Double firstResponseBusinessMinutes) {
    }

    /** An SLA state queued for the CRM record ({@code fields}: what the rep sees). */
    public record WriteBack(Instant queuedAt, JsonNode fields) {
    }

    /** The state the CRM has not confirmed yet, with its failed tries. */
    public record PendingWriteBack(JsonNode fields, int attempts, Instant nextAttemptAt, String lastError, Instant failedAt) {
    }

    static LeadView of(LeadHistory h, ObjectMapper json) {
        List<WriteBack> writeBacks = h.writeBacks().stream().map(w -> new WriteBack(w.queuedAt(), parse(json, w.payload()))).toList();
        PendingWriteBack pending = h.pendingWriteBack() == null ? null : new PendingWriteBack(
                parse(json, h.pendingWriteBack().payload()), h.pendingWriteBack().attempts(),
                h.pendingWriteBack().nextAttemptAt(), h.pendingWriteBack().lastError(), h.pendingWriteBack().failedAt());
        JsonNode sla = pending != null ? pending.fields() : writeBacks.isEmpty() ? null : writeBacks.get(writeBacks.size() - 1).fields();
        return new LeadView(h.lead().crm().id(), h.lead().recordId(), h.objectType(), h.foldedAt(), h.nextChangeAt(),
                h.foldPending(), sla, h.clocks().stream().map(LeadView::clock).toList(),
                h.cycles().stream().map(LeadView::cycle).toList(),
                h.events().stream().map(e -> parse(json, e)).toList(), writeBacks, pending, h.tasks());
    }

    private static Clock clock(SlaClock c) {
        return new Clock(c.policyId(), c.kind().name(), c.cycle(), c.tier(), c.calendar(), c.status().name(), c.startedAt(),
                c.atRiskAt(), c.dueAt(), c.stoppedAt(), c.breachedAt(), c.businessMinutesElapsed(),
                c.stoppedBy() == null ? null : c.stoppedBy().name(), c.attempts(), c.missingAttributes(), c.policyVersion());
    }

    private static Cycle cycle(LeadCycle c) {
        return new Cycle(c.number(), c.tier(), c.owner(), c.source(), c.mqlAt(), c.handedOffAt(), c.firstContactAt(),
                c.attempts(), c.outcome().name(), c.outcomeAt(), c.rejectionReason(), c.rejectedWithoutReason(),
                c.missingAttributes(), minutes(c.handoffTime()), minutes(c.handoffBusinessTime()),
                minutes(c.firstResponseTime()), minutes(c.firstResponseBusinessTime()));
    }

    private static Double minutes(Duration d) {
        return d == null ? null : Math.round(d.toMillis() / 6_000.0) / 10.0;
    }

    private static JsonNode parse(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON that does not parse: " + text, e);
        }
    }
}
