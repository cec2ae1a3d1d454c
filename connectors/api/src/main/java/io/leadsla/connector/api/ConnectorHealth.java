package io.leadsla.connector.api;

import java.util.Map;
import java.util.Objects;

/** A CRM account's health as one instance sees it: a verdict, a sentence for the operator, figures. */
public record ConnectorHealth(boolean healthy, String message, Map<String, Object> details) {

    public ConnectorHealth {
        Objects.requireNonNull(message, "message");
        details = Map.copyOf(details);
    }
}
