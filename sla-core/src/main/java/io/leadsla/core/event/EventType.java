package io.leadsla.core.event;

/**
 * What happened to a lead. The declaration order is also the order in which events with the same
 * {@code occurredAt} are applied: a lead qualified and routed in the same second is first
 * qualified, then routed, then contacted, then dispositioned.
 */
public enum EventType {
    /** Marketing qualified the lead (MQL): starts a new cycle unless one is open. */
    MQL_QUALIFIED,
    /** Routed or assigned to a sales owner: marketing's handoff. */
    HANDED_OFF,
    /** The sales owner changed after the handoff (reassignment). */
    OWNER_CHANGED,
    /** Fields changed that policies may read (tier, calendar, required data, a late reason). */
    ATTRIBUTES_CHANGED,
    /** A person tried to reach the lead: attribute {@code channel}, optional {@code outcome}. */
    CONTACT_ATTEMPT,
    /** Sales accepted the lead (SQL). */
    ACCEPTED,
    /** Sales rejected the lead; attribute {@code reason} may be absent. */
    REJECTED,
    /** Sent back to nurturing: ends the cycle; a later MQL starts a new one. */
    RECYCLED,
    /** The record was deleted in the CRM: cancels open clocks. */
    DELETED
}
