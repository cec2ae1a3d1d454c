package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders records, properties, groups and owners in the JSON shapes of HubSpot's CRM v3 API.
 * Which properties a read returns when none are named follows HubSpot's defaults (contacts: createdate,
 * email, firstname, hs_object_id, lastmodifieddate, lastname; activities: hs_createdate,
 * hs_lastmodifieddate, hs_object_id). Named properties without a value come back as null; the id and
 * create/modify dates are always included (inferred from observed responses).
 */
final class JsonViews {
    private static final List<String> CONTACT_DEFAULTS = List.of("createdate", "email", "firstname", "hs_object_id",
            "lastmodifieddate", "lastname");

    private final ObjectMapper mapper;

    JsonViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    static Set<String> alwaysIncluded(ObjectType type) {
        return new LinkedHashSet<>(List.of(type.createdDateProperty(), "hs_object_id", type.modifiedDateProperty()));
    }

    static Collection<String> defaults(ObjectType type) {
        return type == ObjectType.CONTACTS ? CONTACT_DEFAULTS : alwaysIncluded(type);
    }

    /**
     * A record. {@code requested} null means the type's defaults; otherwise the named properties plus
     * the always-included ones.
     */
    ObjectNode object(ObjectSnapshot s, Collection<String> requested, Collection<String> withHistory) {
        return object(s.type(), s.id(), s.properties(), s.createdAt(), s.updatedAt(), s.archived(), s.history(),
                requested, withHistory);
    }

    ObjectNode object(ObjectType type, String id, Map<String, String> values, Instant createdAt, Instant updatedAt,
                      boolean archived, Map<String, List<PropertyChange>> history, Collection<String> requested,
                      Collection<String> withHistory) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", id);
        ObjectNode props = node.putObject("properties");
        Set<String> names = new LinkedHashSet<>();
        if (requested == null || requested.isEmpty()) {
            names.addAll(defaults(type));
        } else {
            names.addAll(requested);
            names.addAll(alwaysIncluded(type));
        }
        names.stream().sorted().forEach(n -> props.put(n, values.get(n)));
        if (withHistory != null && !withHistory.isEmpty()) {
            ObjectNode hist = node.putObject("propertiesWithHistory");
            for (String n : withHistory) {
                ArrayNode list = hist.putArray(n);
                List<PropertyChange> changes = history.getOrDefault(n, List.of());
                // HubSpot lists history newest first.
                for (int i = changes.size() - 1; i >= 0; i--) {
                    list.add(historyEntry(changes.get(i)));
                }
            }
        }
        node.put("createdAt", HubSpotTime.format(createdAt));
        node.put("updatedAt", HubSpotTime.format(updatedAt));
        node.put("archived", archived);
        return node;
    }

    ObjectNode historyEntry(PropertyChange c) {
        ObjectNode e = mapper.createObjectNode();
        e.put("value", c.value());
        e.put("timestamp", HubSpotTime.format(c.timestamp()));
        e.put("sourceType", c.source().sourceType());
        if (c.source().sourceId() != null) {
            e.put("sourceId", c.source().sourceId());
        }
        if (c.source().userId() != null) {
            e.put("updatedByUserId", c.source().userId());
        }
        return e;
    }

    ObjectNode property(PropertyDefinition d) {
        ObjectNode n = mapper.createObjectNode();
        n.put("updatedAt", HubSpotTime.format(d.updatedAt()));
        n.put("createdAt", HubSpotTime.format(d.createdAt()));
        n.put("name", d.name());
        n.put("label", d.label());
        n.put("type", d.type());
        n.put("fieldType", d.fieldType());
        n.put("description", d.description() == null ? "" : d.description());
        n.put("groupName", d.groupName());
        ArrayNode options = n.putArray("options");
        for (PropertyDefinition.Option o : d.options()) {
            ObjectNode on = options.addObject();
            on.put("label", o.label());
            on.put("value", o.value());
            on.put("description", o.description() == null ? "" : o.description());
            on.put("displayOrder", o.displayOrder());
            on.put("hidden", o.hidden());
        }
        n.put("displayOrder", d.displayOrder());
        n.put("calculated", d.calculated());
        n.put("externalOptions", d.externalOptions());
        n.put("hasUniqueValue", d.hasUniqueValue());
        n.put("hidden", d.hidden());
        n.put("hubspotDefined", d.hubspotDefined());
        ObjectNode meta = n.putObject("modificationMetadata");
        meta.put("archivable", !d.hubspotDefined());
        meta.put("readOnlyDefinition", d.hubspotDefined());
        meta.put("readOnlyValue", d.readOnlyValue());
        n.put("formField", d.formField());
        n.put("archived", false);
        return n;
    }

    ObjectNode group(PropertyGroup g) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", g.name());
        n.put("label", g.label());
        n.put("displayOrder", g.displayOrder());
        n.put("archived", g.archived());
        return n;
    }

    ObjectNode owner(Owner o) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", o.id());
        n.put("email", o.email());
        n.put("type", "PERSON");
        n.put("firstName", o.firstName());
        n.put("lastName", o.lastName());
        n.put("userId", o.userId());
        n.put("userIdIncludingInactive", o.userId());
        n.put("createdAt", HubSpotTime.format(o.createdAt()));
        n.put("updatedAt", HubSpotTime.format(o.createdAt()));
        n.put("archived", false);
        if (!o.teams().isEmpty()) {
            ArrayNode teams = n.putArray("teams");
            for (Owner.Team t : o.teams()) {
                ObjectNode tn = teams.addObject();
                tn.put("id", t.id());
                tn.put("name", t.name());
                tn.put("primary", t.primary());
            }
        }
        return n;
    }

    /** {@code paging.next.after} (and a link, as HubSpot includes one). */
    void paging(ObjectNode response, String after, String linkBase) {
        ObjectNode next = response.putObject("paging").putObject("next");
        next.put("after", after);
        next.put("link", linkBase + "?after=" + after);
    }
}
