package io.leadsla.core.followup;

/** Why leadsla asks for a CRM task. */
public enum TaskKind {
    /** A rep's clock was breached: the owner (or a manager) must act. */
    BREACH,
    /** A rejection came without a reason: the owner is asked for one. */
    MISSING_REASON
}
