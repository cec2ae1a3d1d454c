package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.util.List;

/**
 * A property definition with the fields {@code GET /crm/v3/properties/{objectType}} returns.
 * {@code readOnlyValue} mirrors {@code modificationMetadata.readOnlyValue}: such values can't be written
 * through the API (HubSpot documents that read-only properties make a write fail).
 */
public record PropertyDefinition(String name, String label, String type, String fieldType, String groupName,
                                 String description, List<Option> options, int displayOrder,
                                 boolean hasUniqueValue, boolean hidden, boolean formField,
                                 boolean hubspotDefined, boolean calculated, boolean externalOptions,
                                 boolean readOnlyValue, Instant createdAt, Instant updatedAt) {

    public PropertyDefinition {
        options = List.copyOf(options);
    }

    public record Option(String label, String value, String description, int displayOrder, boolean hidden) {
    }

    boolean isDateTime() {
        return "datetime".equals(type);
    }

    boolean isDate() {
        return "date".equals(type);
    }
}
