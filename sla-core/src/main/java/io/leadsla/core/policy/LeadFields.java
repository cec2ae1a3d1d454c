package io.leadsla.core.policy;

import java.util.Objects;

/** Which attributes carry the owner, the lead source and the rejection reason. */
public record LeadFields(String owner, String source, String rejectionReason) {

    public static final LeadFields DEFAULT = new LeadFields("ownerId", "leadSource", "reason");

    public LeadFields {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(source);
        Objects.requireNonNull(rejectionReason);
    }
}
