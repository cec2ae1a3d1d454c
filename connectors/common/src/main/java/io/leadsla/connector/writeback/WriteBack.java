package io.leadsla.connector.writeback;

import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.LeadKey;

/**
 * A record's pending write-back: the SLA fields to put on it ({@code payload}, see
 * {@link SlaPayload}), the outbox version of that state, and how many tries failed so far.
 */
public record WriteBack(LeadKey lead, String objectType, String payload, long version, int attempts) {

    /** The SLA fields, typed. */
    public RecordSla sla() {
        return SlaPayload.parse(lead, payload);
    }
}
