package io.leadsla.connector.api;

import io.leadsla.core.followup.TaskKind;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;

/**
 * A CRM task leadsla asks for. {@code key} is its idempotency key (e.g.
 * {@code hubspot:5101:first-contact:1:BREACH}): one task per key, whatever retries, crashes or
 * instances. {@code attempts}: failed tries so far.
 */
public record TaskRequest(String key, LeadKey lead, String objectType, TaskKind kind, String policyId, int cycle,
                          String ownerId, Instant dueAt, Instant createdAt, int attempts) {

    /**
     * The idempotency key of the task about a lead's policy clock in a cycle: {@code
     * hubspot:5101:first-contact:1:BREACH}, with the account outside the default one
     * ({@code hubspot@emea:5101:…}).
     */
    public static String key(LeadKey lead, String policyId, int cycle, TaskKind kind) {
        return lead + ":" + policyId + ":" + cycle + ":" + kind;
    }
}
