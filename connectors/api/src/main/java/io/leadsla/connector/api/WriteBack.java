package io.leadsla.connector.api;

import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.LeadKey;
import java.util.Objects;

/**
 * A record's pending write-back: the SLA fields to put on it (what the rep sees), the outbox
 * version of that state, and how many tries failed so far.
 */
public record WriteBack(LeadKey lead, String objectType, RecordSla sla, long version, int attempts) {

    public WriteBack {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(sla, "sla");
    }
}
