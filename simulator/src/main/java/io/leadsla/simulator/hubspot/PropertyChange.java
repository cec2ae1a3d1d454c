package io.leadsla.simulator.hubspot;

import java.time.Instant;

/** One entry of a property's history: the value set, when, and by whom. */
public record PropertyChange(String value, Instant timestamp, ChangeSource source) {
}
