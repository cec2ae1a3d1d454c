package io.leadsla.connector.hubspot.mapping;

import java.util.List;
import java.util.Objects;

/**
 * A contact property as the portal defines it ({@code GET /crm/v3/properties/contacts}).
 *
 * @param name    the internal name, e.g. {@code hs_lead_status}
 * @param type    HubSpot's type, e.g. {@code enumeration}, {@code string}, {@code number}
 * @param options the internal values of an enumeration's options (not their labels); empty for
 *                other types
 */
public record PropertyDefinition(String name, String type, List<String> options) {

    public PropertyDefinition {
        Objects.requireNonNull(name, "name");
        options = options == null ? List.of() : List.copyOf(options);
    }
}
