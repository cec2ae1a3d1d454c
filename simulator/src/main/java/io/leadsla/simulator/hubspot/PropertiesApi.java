package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** {@code /crm/v3/properties/{objectType}} and its groups. */
final class PropertiesApi {
    private final PropertyCatalog catalog;
    private final JsonViews views;

    PropertiesApi(PropertyCatalog catalog, JsonViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    void register(Router router) {
        router.add("GET", "/crm/v3/properties/{objectType}/groups", this::listGroups)
                .add("POST", "/crm/v3/properties/{objectType}/groups", this::createGroup)
                .add("GET", "/crm/v3/properties/{objectType}", this::list)
                .add("POST", "/crm/v3/properties/{objectType}", this::create)
                .add("GET", "/crm/v3/properties/{objectType}/{propertyName}", this::get);
    }

    static ObjectType objectType(ApiRequest request) {
        String raw = request.pathParam("objectType");
        // Message inferred; HubSpot refuses object types it can't resolve.
        return ObjectType.parse(raw).orElseThrow(() -> ApiException.validation(
                "Unable to infer object type from: " + raw));
    }

    private ApiResponse list(ApiRequest request) {
        ObjectNode body = views.mapper().createObjectNode();
        ArrayNode results = body.putArray("results");
        catalog.list(objectType(request)).forEach(d -> results.add(views.property(d)));
        return ApiResponse.json(views.mapper(), 200, body);
    }

    private ApiResponse get(ApiRequest request) {
        ObjectType type = objectType(request);
        String name = request.pathParam("propertyName");
        PropertyDefinition d = catalog.find(type, name).orElseThrow(() -> ApiException.notFound(
                "Unable to find property " + name + " for object type " + type.objectTypeId()));
        return ApiResponse.json(views.mapper(), 200, views.property(d));
    }

    private ApiResponse create(ApiRequest request) {
        ObjectType type = objectType(request);
        JsonNode in = request.json();
        List<PropertyDefinition.Option> options = new ArrayList<>();
        int i = 0;
        for (JsonNode o : in.path("options")) {
            options.add(new PropertyDefinition.Option(text(o, "label"), text(o, "value"), text(o, "description"),
                    o.path("displayOrder").asInt(i), o.path("hidden").asBoolean(false)));
            i++;
        }
        String propertyType = text(in, "type");
        if ("bool".equals(propertyType) && options.isEmpty()) {
            options.add(new PropertyDefinition.Option("Yes", "true", "", 0, false));
            options.add(new PropertyDefinition.Option("No", "false", "", 1, false));
        }
        var now = catalog.now();
        PropertyDefinition def = new PropertyDefinition(text(in, "name"), text(in, "label"), propertyType,
                text(in, "fieldType"), text(in, "groupName"), text(in, "description"), options,
                in.path("displayOrder").asInt(-1), in.path("hasUniqueValue").asBoolean(false),
                in.path("hidden").asBoolean(false), in.path("formField").asBoolean(false), false,
                "calculation_equation".equals(text(in, "fieldType")), in.path("externalOptions").asBoolean(false),
                false, now, now);
        return ApiResponse.json(views.mapper(), 201, views.property(catalog.add(type, def)));
    }

    private ApiResponse listGroups(ApiRequest request) {
        ObjectNode body = views.mapper().createObjectNode();
        ArrayNode results = body.putArray("results");
        catalog.groups(objectType(request)).forEach(g -> results.add(views.group(g)));
        return ApiResponse.json(views.mapper(), 200, body);
    }

    private ApiResponse createGroup(ApiRequest request) {
        ObjectType type = objectType(request);
        JsonNode in = request.json();
        PropertyGroup group = new PropertyGroup(text(in, "name"), text(in, "label"),
                in.path("displayOrder").asInt(-1), false);
        catalog.addGroup(type, group);
        return ApiResponse.json(views.mapper(), 201, views.group(group));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
