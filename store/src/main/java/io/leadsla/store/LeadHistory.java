package io.leadsla.store;

import io.leadsla.core.clock.LeadCycle;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.List;

/**
 * Everything leadsla knows and did about one CRM record: its clocks and funnel cycles as last
 * folded, the events that drove them, the SLA states written back and the tasks asked for.
 *
 * @param foldPending events arrived after the last fold (the clocks are about to change)
 * @param events      normalized events (docs/SPEC.md JSON), in the order they happened
 * @param writeBacks  every SLA state queued for the record ({@code payload}: the SLA fields as JSON)
 * @param pendingWriteBack the state still to write, when the CRM has not confirmed it yet
 */
public record LeadHistory(LeadKey lead, String objectType, Instant foldedAt, Instant nextChangeAt, boolean foldPending,
                          List<SlaClock> clocks, List<LeadCycle> cycles, List<String> events,
                          List<OutboxRepository.LoggedWriteBack> writeBacks, PendingWriteBack pendingWriteBack, List<TaskEntry> tasks) {

    public LeadHistory {
        clocks = List.copyOf(clocks);
        cycles = List.copyOf(cycles);
        events = List.copyOf(events);
        writeBacks = List.copyOf(writeBacks);
        tasks = List.copyOf(tasks);
    }

    /**
     * The latest state not yet confirmed by the CRM, with its failed tries; {@code failedAt} when
     * the CRM refused it for good (e.g. the record was deleted).
     */
    public record PendingWriteBack(String payload, int attempts, Instant nextAttemptAt, String lastError, Instant failedAt) {
    }

    /** A task leadsla asked for, and what became of it ({@code crmTaskId} once the CRM made it). */
    public record TaskEntry(String key, String kind, String policyId, int cycle, String ownerId, Instant dueAt,
                            Instant requestedAt, int attempts, String crmTaskId, Instant doneAt, Instant failedAt,
                            String lastError) {
    }
}
