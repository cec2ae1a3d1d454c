package io.leadsla.simulator.hubspot;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Property definitions and groups per object type, and the checks HubSpot applies to property writes.
 * Thread-safe: every method synchronizes on the catalog.
 */
final class PropertyCatalog {
    static final Set<String> TYPES = Set.of("bool", "date", "datetime", "enumeration", "number",
            "phone_number", "string");
    static final Set<String> FIELD_TYPES = Set.of("booleancheckbox", "calculation_equation", "checkbox", "date",
            "file", "html", "number", "phonenumber", "radio", "select", "text", "textarea");
    private static final Set<String> ENUM_FIELD_TYPES = Set.of("booleancheckbox", "checkbox", "radio", "select",
            "calculation_equation");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final Clock clock;
    private final Map<ObjectType, Map<String, PropertyDefinition>> properties = new EnumMap<>(ObjectType.class);
    private final Map<ObjectType, Map<String, PropertyGroup>> groups = new EnumMap<>(ObjectType.class);

    PropertyCatalog(Clock clock) {
        this.clock = clock;
        for (ObjectType t : ObjectType.values()) {
            properties.put(t, new LinkedHashMap<>());
            groups.put(t, new LinkedHashMap<>());
        }
    }

    synchronized List<PropertyDefinition> list(ObjectType type) {
        return List.copyOf(properties.get(type).values());
    }

    synchronized Optional<PropertyDefinition> find(ObjectType type, String name) {
        return Optional.ofNullable(properties.get(type).get(name));
    }

    synchronized List<PropertyGroup> groups(ObjectType type) {
        return List.copyOf(groups.get(type).values());
    }

    synchronized void addGroup(ObjectType type, PropertyGroup group) {
        if (groups.get(type).containsKey(group.name())) {
            throw ApiException.conflict("A property group named '" + group.name() + "' already exists.");
        }
        if (group.name() == null || !NAME.matcher(group.name()).matches()) {
            throw ApiException.validation("Invalid property group name: " + group.name());
        }
        if (group.label() == null || group.label().isBlank()) {
            throw ApiException.validation("Property group label is required");
        }
        groups.get(type).put(group.name(), group);
    }

    /** Adds a property after the checks POST /crm/v3/properties/{objectType} makes; 409 on a taken name. */
    synchronized PropertyDefinition add(ObjectType type, PropertyDefinition def) {
        if (def.name() == null || def.name().isBlank()) {
            throw ApiException.validation("name can not be null or empty");
        }
        if (properties.get(type).containsKey(def.name())) {
            throw ApiException.conflict("Property named '" + def.name() + "' already exists.");
        }
        if (!NAME.matcher(def.name()).matches()) {
            throw ApiException.validation("Property name '" + def.name()
                    + "' is invalid: use lower-case letters, digits and underscores, starting with a letter");
        }
        if (def.label() == null || def.label().isBlank()) {
            throw ApiException.validation("label can not be null or empty");
        }
        if (def.type() == null || !TYPES.contains(def.type())) {
            throw ApiException.validation("Invalid type '" + def.type() + "'; expected one of " + TYPES);
        }
        if (def.fieldType() == null || !FIELD_TYPES.contains(def.fieldType())) {
            throw ApiException.validation("Invalid fieldType '" + def.fieldType() + "'; expected one of "
                    + FIELD_TYPES);
        }
        if (def.groupName() == null || !groups.get(type).containsKey(def.groupName())) {
            throw ApiException.validation("Property group '" + def.groupName() + "' does not exist");
        }
        if ("enumeration".equals(def.type())) {
            if (!ENUM_FIELD_TYPES.contains(def.fieldType())) {
                throw ApiException.validation("fieldType '" + def.fieldType()
                        + "' is not valid for an enumeration property");
            }
            if (def.options().isEmpty() && !def.externalOptions()) {
                throw ApiException.validation("Enumeration property '" + def.name() + "' requires options");
            }
            Set<String> seen = new HashSet<>();
            for (PropertyDefinition.Option o : def.options()) {
                if (o.value() == null || o.value().isEmpty() || o.label() == null || o.label().isEmpty()) {
                    throw ApiException.validation("Every option needs a label and a value");
                }
                if (!seen.add(o.value())) {
                    throw ApiException.validation("Duplicate option value '" + o.value() + "'");
                }
            }
        } else if (!def.options().isEmpty() && !"bool".equals(def.type())) {
            throw ApiException.validation("Only enumeration and bool properties can have options");
        }
        properties.get(type).put(def.name(), def);
        return def;
    }

    /**
     * Validates and normalizes a set of property writes. {@code ""} clears a value, as in HubSpot.
     * Returns the values to store (datetimes normalized to ISO-8601 UTC).
     *
     * @param apiWrite whether the write comes through the API (read-only values then fail)
     */
    synchronized Map<String, String> validateWrites(ObjectType type, Map<String, String> writes, boolean apiWrite,
                                                    Predicate<String> ownerExists) {
        List<ApiException.PropertyError> errors = new ArrayList<>();
        Map<String, String> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : writes.entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            PropertyDefinition def = properties.get(type).get(name);
            if (def == null) {
                errors.add(new ApiException.PropertyError(name, "PROPERTY_DOESNT_EXIST",
                        "Property \"" + name + "\" does not exist"));
                continue;
            }
            if (apiWrite && def.readOnlyValue()) {
                // Error code inferred: HubSpot documents that read-only properties make a write fail.
                errors.add(new ApiException.PropertyError(name, "READ_ONLY_VALUE",
                        "\"" + name + "\" is a read only property; its value cannot be set."));
                continue;
            }
            if (value.isEmpty()) {
                normalized.put(name, "");
                continue;
            }
            Optional<String> checked = normalize(def, value, ownerExists);
            if (checked.isEmpty()) {
                errors.add(invalidValue(def, value));
            } else {
                normalized.put(name, checked.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidProperties(errors);
        }
        return normalized;
    }

    private Optional<String> normalize(PropertyDefinition def, String value, Predicate<String> ownerExists) {
        String v = value.trim();
        switch (def.type()) {
            case "datetime":
                return HubSpotTime.parse(v).map(HubSpotTime::format);
            case "date":
                return HubSpotTime.parse(v).map(i -> i.atZone(ZoneOffset.UTC).toLocalDate().toString());
            case "number":
                try {
                    new BigDecimal(v);
                    return Optional.of(v);
                } catch (NumberFormatException ex) {
                    return Optional.empty();
                }
            case "bool":
                String b = v.toLowerCase(Locale.ROOT);
                return b.equals("true") || b.equals("false") ? Optional.of(b) : Optional.empty();
            case "enumeration":
                if ("hubspot_owner_id".equals(def.name())) {
                    return ownerExists.test(v) ? Optional.of(v) : Optional.empty();
                }
                if (def.externalOptions()) {
                    return Optional.of(v);
                }
                // checkbox properties hold several options separated by ';'
                for (String part : v.split(";")) {
                    if (def.options().stream().noneMatch(o -> o.value().equals(part))) {
                        return Optional.empty();
                    }
                }
                return Optional.of(v);
            default:
                return Optional.of(value);
        }
    }

    private static ApiException.PropertyError invalidValue(PropertyDefinition def, String value) {
        // Codes/messages for these cases are inferred from HubSpot's PROPERTY_DOESNT_EXIST shape.
        if ("hubspot_owner_id".equals(def.name())) {
            return new ApiException.PropertyError(def.name(), "INVALID_OWNER_ID",
                    value + " is not a valid owner id");
        }
        switch (def.type()) {
            case "enumeration":
                List<String> allowed = def.options().stream().map(PropertyDefinition.Option::value).toList();
                return new ApiException.PropertyError(def.name(), "INVALID_OPTION",
                        value + " was not one of the allowed options: " + allowed);
            case "datetime":
            case "date":
                return new ApiException.PropertyError(def.name(), "INVALID_DATE",
                        value + " is not a valid date or datetime");
            case "number":
                return new ApiException.PropertyError(def.name(), "INVALID_INTEGER",
                        value + " is not a valid number");
            default:
                return new ApiException.PropertyError(def.name(), "INVALID_OPTION",
                        value + " is not a valid value for " + def.type());
        }
    }

    /** Whether an object type defines the property (used by search and reads). */
    synchronized boolean has(ObjectType type, String name) {
        return properties.get(type).containsKey(name);
    }

    Instant now() {
        return clock.instant();
    }
}
