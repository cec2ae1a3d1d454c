package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /crm/v3/objects/{objectType}}: create (201), read, list, update (200), archive (204) and the
 * batch read/update endpoints. Writes made here come from the token's app, so they are recorded and
 * published with change source INTEGRATION and the app id, like HubSpot does.
 */
final class ObjectsApi {
    static final int BATCH_LIMIT = 100;

    private final CrmStore store;
    private final JsonViews views;
    private final Clock clock;
    private final ChangeSource appSource;

    ObjectsApi(CrmStore store, JsonViews views, Clock clock, long appId) {
        this.store = store;
        this.views = views;
        this.clock = clock;
        this.appSource = ChangeSource.integration(appId);
    }

    void register(Router router) {
        router.add("POST", "/crm/v3/objects/{objectType}/batch/read", this::batchRead)
                .add("POST", "/crm/v3/objects/{objectType}/batch/update", this::batchUpdate)
                .add("POST", "/crm/v3/objects/{objectType}", this::create)
                .add("GET", "/crm/v3/objects/{objectType}", this::list)
                .add("GET", "/crm/v3/objects/{objectType}/{id}", this::read)
                .add("PATCH", "/crm/v3/objects/{objectType}/{id}", this::update)
                .add("DELETE", "/crm/v3/objects/{objectType}/{id}", this::archive);
    }

    private ApiResponse create(ApiRequest request) {
        ObjectType type = PropertiesApi.objectType(request);
        JsonNode in = request.json();
        Map<String, String> props = properties(in.path("properties"));
        List<CrmStore.AssociationRequest> associations = new ArrayList<>();
        for (JsonNode a : in.path("associations")) {
            String toId = a.path("to").path("id").asText("");
            if (!a.path("types").isArray() || a.path("types").isEmpty()) {
                throw ApiException.validation("Association to " + toId + " needs at least one type");
            }
            for (JsonNode t : a.path("types")) {
                String category = t.path("associationCategory").asText("HUBSPOT_DEFINED");
                if (!"HUBSPOT_DEFINED".equals(category)) {
                    throw ApiException.validation("Only HUBSPOT_DEFINED associations are simulated, got " + category);
                }
                associations.add(new CrmStore.AssociationRequest(toId, t.path("associationTypeId").asInt(-1)));
            }
        }
        ObjectSnapshot created = store.create(type, props, associations, appSource, true);
        return ApiResponse.json(views.mapper(), 201, views.object(created, created.properties().keySet(), null));
    }

    private ApiResponse read(ApiRequest request) {
        ObjectType type = PropertiesApi.objectType(request);
        String id = resolveId(type, request.pathParam("id"), request.queryFirst("idProperty"));
        boolean archived = "true".equalsIgnoreCase(request.queryFirst("archived"));
        // A missing record is a bare 404, as client reports of this call show (inferred).
        ObjectSnapshot s = store.get(type, id, archived).orElseThrow(ApiException::notFoundNoBody);
        ObjectNode node = views.object(s, requested(request, "properties"), request.queryList("propertiesWithHistory"));
        List<String> assocTypes = request.queryList("associations");
        if (!assocTypes.isEmpty()) {
            addAssociations(node, s, assocTypes);
        }
        return ApiResponse.json(views.mapper(), 200, node);
    }

    private ApiResponse list(ApiRequest request) {
        ObjectType type = PropertiesApi.objectType(request);
        int limit = parseInt(request.queryFirst("limit"), 10);
        if (limit < 1 || limit > 100) {
            throw ApiException.validation("limit must be between 1 and 100");
        }
        long after = parseInt(request.queryFirst("after"), 0);
        boolean archived = "true".equalsIgnoreCase(request.queryFirst("archived"));
        List<String> props = requested(request, "properties");
        ObjectNode body = views.mapper().createObjectNode();
        ArrayNode results = body.putArray("results");
        List<ObjectSnapshot> all = store.list(type, archived);
        int added = 0;
        String nextAfter = null;
        for (ObjectSnapshot s : all) {
            if (Long.parseLong(s.id()) < after) {
                continue;
            }
            if (added == limit) {
                nextAfter = s.id();
                break;
            }
            results.add(views.object(s, props, request.queryList("propertiesWithHistory")));
            added++;
        }
        if (nextAfter != null) {
            views.paging(body, nextAfter, "/crm/v3/objects/" + type.pathName());
        }
        return ApiResponse.json(views.mapper(), 200, body);
    }

    private ApiResponse update(ApiRequest request) {
        ObjectType type = PropertiesApi.objectType(request);
        String id = resolveId(type, request.pathParam("id"), request.queryFirst("idProperty"));
        Map<String, String> props = properties(request.json().path("properties"));
        requireSomeProperties(props);
        ObjectSnapshot s = store.update(type, id, props, appSource, true);
        return ApiResponse.json(views.mapper(), 200, views.object(s, props.keySet(), null));
    }

    private ApiResponse archive(ApiRequest request) {
        ObjectType type = PropertiesApi.objectType(request);
        // HubSpot answers 204 even when there was nothing to archive.
        store.archive(type, request.pathParam("id"), appSource);
        return ApiResponse.empty(204);
    }

    private ApiResponse batchRead(ApiRequest request) {
        ObjectType type = PropertiesApi.objectType(request);
        JsonNode in = request.json();
        JsonNode inputs = in.path("inputs");
        checkBatchSize(inputs);
        List<String> props = strings(in.path("properties"));
        List<String> history = strings(in.path("propertiesWithHistory"));
        String idProperty = in.hasNonNull("idProperty") ? in.get("idProperty").asText() : null;
        String started = HubSpotTime.format(clock.instant());
        ArrayNode results = views.mapper().createArrayNode();
        List<String> missing = new ArrayList<>();
        for (JsonNode input : inputs) {
            String raw = input.path("id").asText("");
            String id = idProperty == null ? raw : resolveId(type, raw, idProperty);
            store.get(type, id, false).ifPresentOrElse(
                    s -> results.add(views.object(s, props, history)), () -> missing.add(raw));
        }
        ObjectNode body = batchBody(results, started);
        if (!missing.isEmpty()) {
            addNotFound(body, missing, "Could not get some " + type.upperName()
                    + " objects, they may be deleted or not exist. Check that ids are valid.");
            return ApiResponse.json(views.mapper(), 207, body);
        }
        return ApiResponse.json(views.mapper(), 200, body);
    }

    /**
     * Batch update: over 100 inputs, duplicate ids or an empty property set is a 400 for the whole batch,
     * as is any invalid property (validation runs before writes). Ids that don't exist don't stop the
     * others: the answer is 207 Multi-Status with {@code numErrors} and an OBJECT_NOT_FOUND error listing
     * them (HubSpot's changelog: 200 when fully successful, 207 when one or more operations fail; the
     * error message text is inferred).
     */
    private ApiResponse batchUpdate(ApiRequest request) {
        ObjectType type = PropertiesApi.objectType(request);
        JsonNode inputs = request.json().path("inputs");
        checkBatchSize(inputs);
        List<Map.Entry<String, Map<String, String>>> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (JsonNode input : inputs) {
            String id = input.path("id").asText("");
            if (!seen.add(id)) {
                duplicates.add(id);
            }
            Map<String, String> props = properties(input.path("properties"));
            requireSomeProperties(props);
            entries.add(new AbstractMap.SimpleEntry<>(id, props));
        }
        if (!duplicates.isEmpty()) {
            throw ApiException.validation("Duplicate IDs found in batch input: " + duplicates
                    + ". IDs must be unique");
        }
        String started = HubSpotTime.format(clock.instant());
        CrmStore.BatchOutcome outcome = store.batchUpdate(type, entries, appSource);
        ArrayNode results = views.mapper().createArrayNode();
        for (CrmStore.Updated u : outcome.updated()) {
            results.add(views.object(u.snapshot(), u.written(), null));
        }
        ObjectNode body = batchBody(results, started);
        if (!outcome.missingIds().isEmpty()) {
            addNotFound(body, outcome.missingIds(), "Could not update some " + type.upperName()
                    + " objects, they may be deleted or not exist. Check that ids are valid.");
            return ApiResponse.json(views.mapper(), 207, body);
        }
        return ApiResponse.json(views.mapper(), 200, body);
    }

    private void addAssociations(ObjectNode node, ObjectSnapshot s, List<String> assocTypes) {
        ObjectNode assoc = views.mapper().createObjectNode();
        for (String name : assocTypes) {
            ObjectType other = ObjectType.parse(name).orElse(null);
            if (other == null || other.isActivity() == s.type().isActivity()) {
                continue;
            }
            ArrayNode results = views.mapper().createArrayNode();
            if (s.type() == ObjectType.CONTACTS) {
                for (Long actId : store.activitiesOf(s.id(), other)) {
                    ObjectNode r = results.addObject();
                    r.put("id", Long.toString(actId));
                    r.put("type", other.contactToLabel());
                }
            } else {
                for (Long contactId : store.contactsOf(s.type(), Long.parseLong(s.id()))) {
                    ObjectNode r = results.addObject();
                    r.put("id", Long.toString(contactId));
                    r.put("type", s.type().toContactLabel());
                }
            }
            if (!results.isEmpty()) {
                assoc.putObject(other.pathName()).set("results", results);
            }
        }
        if (!assoc.isEmpty()) {
            node.set("associations", assoc);
        }
    }

    private ObjectNode batchBody(ArrayNode results, String started) {
        ObjectNode body = views.mapper().createObjectNode();
        body.put("status", "COMPLETE");
        body.set("results", results);
        body.put("startedAt", started);
        body.put("completedAt", HubSpotTime.format(clock.instant()));
        return body;
    }

    private void addNotFound(ObjectNode body, List<String> ids, String message) {
        body.put("numErrors", 1);
        ObjectNode err = body.putArray("errors").addObject();
        err.put("status", "error");
        err.put("category", "OBJECT_NOT_FOUND");
        err.put("message", message);
        ArrayNode ctx = err.putObject("context").putArray("ids");
        ids.forEach(ctx::add);
    }

    private String resolveId(ObjectType type, String raw, String idProperty) {
        if (idProperty == null || "hs_object_id".equals(idProperty)) {
            return raw;
        }
        if (type != ObjectType.CONTACTS || !"email".equals(idProperty)) {
            throw ApiException.validation("Unable to perform lookup by non-unique property " + idProperty);
        }
        return store.list(type, false).stream()
                .filter(s -> raw.equalsIgnoreCase(s.property("email")))
                .map(ObjectSnapshot::id).findFirst().orElse("missing:" + raw);
    }

    private static void checkBatchSize(JsonNode inputs) {
        if (!inputs.isArray()) {
            throw ApiException.validation("inputs must be an array");
        }
        if (inputs.size() > BATCH_LIMIT) {
            // Message inferred; the 100-input limit is HubSpot's.
            throw ApiException.validation("Batch size of " + inputs.size() + " exceeds the limit of "
                    + BATCH_LIMIT + " inputs");
        }
    }

    private static void requireSomeProperties(Map<String, String> props) {
        if (props.isEmpty()) {
            throw ApiException.validation("No properties found to update, please provide at least one.");
        }
    }

    static Map<String, String> properties(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
        }
        return out;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static List<String> requested(ApiRequest request, String name) {
        List<String> list = request.queryList(name);
        return list.isEmpty() ? null : list;
    }

    private static int parseInt(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("Invalid number: " + text);
        }
    }
}
