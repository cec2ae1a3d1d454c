package io.leadsla.core.clock;

/** How a lead's cycle ended, as far as is known at "now". */
public enum Outcome {
    OPEN,
    ACCEPTED,
    REJECTED,
    RECYCLED,
    DELETED
}
