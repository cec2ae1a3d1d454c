package io.leadsla.core.clock;

import io.leadsla.core.policy.Policy;

/** The kind of commitment a clock measures; one per clocked policy type. */
public enum ClockKind {
    HANDOFF,
    QUALITY,
    FIRST_CONTACT,
    ATTEMPTS,
    DISPOSITION,
    REJECTION_REASON;

    public static ClockKind of(Policy policy) {
        if (policy instanceof Policy.Handoff) {
            return HANDOFF;
        } else if (policy instanceof Policy.Quality) {
            return QUALITY;
        } else if (policy instanceof Policy.FirstContact) {
            return FIRST_CONTACT;
        } else if (policy instanceof Policy.Attempts) {
            return ATTEMPTS;
        } else if (policy instanceof Policy.Disposition) {
            return DISPOSITION;
        } else if (policy instanceof Policy.RejectionReason) {
            return REJECTION_REASON;
        }
        throw new IllegalArgumentException("policy '" + policy.id() + "' runs no clock");
    }
}
