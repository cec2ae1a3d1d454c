package io.leadsla.connector.writeback;

import io.leadsla.core.event.LeadKey;
import java.time.Instant;

/**
 * A CRM task leadsla asks for. {@code key} is its idempotency key (e.g.
 * {@code hubspot:5101:first-contact:1:BREACH}): one task per key, whatever retries, crashes or
 * instances. {@code attempts}: failed tries so far.
 */
public record TaskRequest(String key, LeadKey lead, String objectType, Kind kind, String policyId, int cycle,
                          String ownerId, Instant dueAt, Instant createdAt, int attempts) {

    /** Why a task is asked for. */
    public enum Kind {
        /** A rep's clock was breached: the owner (or a manager) must act. */
        BREACH,
        /** A rejection came without a reason: the owner is asked for one. */
        MISSING_REASON
    }

    /** The idempotency key of the task about a lead's policy clock in a cycle. */
    public static String key(LeadKey lead, String policyId, int cycle, Kind kind) {
        return lead.crm().id() + ":" + lead.recordId() + ":" + policyId + ":" + cycle + ":" + kind;
    }
}
