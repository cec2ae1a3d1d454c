package io.leadsla.connector.hubspot.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The contact properties of one HubSpot portal, as far as the mapping needs them. The HTTP client
 * implements it from {@code GET /crm/v3/properties/contacts}; tests use {@link #of}.
 */
public interface PortalProperties {

    /** The contact property with this internal name, if the portal has it. */
    Optional<PropertyDefinition> contactProperty(String name);

    /** A fixed set of properties (a snapshot read once, or a test's fake portal). */
    static PortalProperties of(Collection<PropertyDefinition> properties) {
        Map<String, PropertyDefinition> byName = new LinkedHashMap<>();
        for (PropertyDefinition p : properties) {
            byName.put(p.name(), p);
        }
        Map<String, PropertyDefinition> snapshot = Map.copyOf(byName);
        return name -> Optional.ofNullable(name == null ? null : snapshot.get(name));
    }
}
