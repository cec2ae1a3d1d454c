package io.leadsla.core.event;

import java.util.Objects;

/** Identifies a lead across leadsla: the CRM and the record id in it. */
public record LeadKey(Crm crm, String recordId) implements Comparable<LeadKey> {

    public LeadKey {
        Objects.requireNonNull(crm, "crm");
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("recordId must not be blank");
        }
    }

    @Override
    public int compareTo(LeadKey other) {
        int byCrm = crm.compareTo(other.crm);
        return byCrm != 0 ? byCrm : recordId.compareTo(other.recordId);
    }

    @Override
    public String toString() {
        return crm.id() + ":" + recordId;
    }
}
