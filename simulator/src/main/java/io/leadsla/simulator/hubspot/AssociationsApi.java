package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /crm/v4/objects/{objectType}/{id}/associations/{toObjectType}}: a record's associations
 * seen from its side, e.g. a task created with type 204 (task→contact) reads back from the contact as
 * 203 (contact→task). Shape: {@code {"results":[{"toObjectId":…,"associationTypes":[{"category",
 * "typeId","label"}]}]}}; {@code toObjectId} is a string as in HubSpot's current OpenAPI-generated
 * clients (older clients typed it as a number).
 */
final class AssociationsApi {
    private final CrmStore store;
    private final JsonViews views;

    AssociationsApi(CrmStore store, JsonViews views) {
        this.store = store;
        this.views = views;
    }

    void register(Router router) {
        router.add("GET", "/crm/v4/objects/{objectType}/{id}/associations/{toObjectType}", this::list)
                .add("POST", "/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read", this::batchRead);
    }

    /**
     * {@code POST /crm/v4/associations/{from}/{to}/batch/read} with {@code {"inputs":[{"id":…}]}}:
     * {@code {"status":"COMPLETE","results":[{"from":{"id"},"to":[{"toObjectId","associationTypes"}]}]}};
     * inputs without associations are left out of the results (inferred: HubSpot reports them as errors
     * in a 207, which leadsla treats the same way).
     */
    private ApiResponse batchRead(ApiRequest request) {
        String rawFrom = request.pathParam("fromObjectType");
        String rawTo = request.pathParam("toObjectType");
        ObjectType from = ObjectType.parse(rawFrom).orElseThrow(() -> ApiException.validation(
                "Unable to infer object type from: " + rawFrom));
        ObjectType to = ObjectType.parse(rawTo).orElseThrow(() -> ApiException.validation(
                "Unable to infer object type from: " + rawTo));
        com.fasterxml.jackson.databind.JsonNode inputs = request.json().path("inputs");
        if (!inputs.isArray()) {
            throw ApiException.validation("inputs must be an array");
        }
        ObjectNode body = views.mapper().createObjectNode().put("status", "COMPLETE");
        ArrayNode results = body.putArray("results");
        for (com.fasterxml.jackson.databind.JsonNode input : inputs) {
            String id = input.path("id").asText("");
            List<Long> targets = new ArrayList<>();
            int typeId = 0;
            if (from.isActivity() && to == ObjectType.CONTACTS && !id.isBlank() && store.exists(from, id)) {
                targets.addAll(store.contactsOf(from, Long.parseLong(id.trim())));
                typeId = from.toContactTypeId();
            } else if (from == ObjectType.CONTACTS && to.isActivity() && store.exists(from, id)) {
                targets.addAll(store.activitiesOf(id, to));
                typeId = to.contactToTypeId();
            }
            if (targets.isEmpty()) {
                continue;
            }
            ObjectNode r = results.addObject();
            r.putObject("from").put("id", id);
            ArrayNode toArray = r.putArray("to");
            for (Long target : targets) {
                ObjectNode t = toArray.addObject();
                t.put("toObjectId", target);
                ObjectNode type = t.putArray("associationTypes").addObject();
                type.put("category", "HUBSPOT_DEFINED");
                type.put("typeId", typeId);
                type.putNull("label");
            }
        }
        body.put("startedAt", HubSpotTime.format(java.time.Instant.now()));
        body.put("completedAt", HubSpotTime.format(java.time.Instant.now()));
        return ApiResponse.json(views.mapper(), 200, body);
    }

    private ApiResponse list(ApiRequest request) {
        ObjectType from = PropertiesApi.objectType(request);
        String rawTo = request.pathParam("toObjectType");
        ObjectType to = ObjectType.parse(rawTo).orElseThrow(() -> ApiException.validation(
                "Unable to infer object type from: " + rawTo));
        String id = request.pathParam("id");
        if (!store.exists(from, id)) {
            throw ApiException.notFound("No " + from.singular() + " with id " + id);
        }
        List<Long> targets = new ArrayList<>();
        int typeId;
        if (from == ObjectType.CONTACTS && to.isActivity()) {
            targets.addAll(store.activitiesOf(id, to));
            typeId = to.contactToTypeId();
        } else if (from.isActivity() && to == ObjectType.CONTACTS) {
            targets.addAll(store.contactsOf(from, Long.parseLong(id.trim())));
            typeId = from.toContactTypeId();
        } else {
            typeId = 0;
        }
        int limit = parse(request.queryFirst("limit"), 500);
        int after = parse(request.queryFirst("after"), 0);
        ObjectNode body = views.mapper().createObjectNode();
        ArrayNode results = body.putArray("results");
        int end = Math.min(targets.size(), after + limit);
        for (int i = after; i < end; i++) {
            ObjectNode r = results.addObject();
            r.put("toObjectId", Long.toString(targets.get(i)));
            ObjectNode t = r.putArray("associationTypes").addObject();
            t.put("category", "HUBSPOT_DEFINED");
            t.put("typeId", typeId);
            t.putNull("label");
        }
        if (targets.size() > end) {
            views.paging(body, Integer.toString(end), "/crm/v4/objects/" + from.pathName() + "/" + id
                    + "/associations/" + to.pathName());
        }
        return ApiResponse.json(views.mapper(), 200, body);
    }

    private static int parse(String text, int fallback) {
        try {
            return text == null ? fallback : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw ApiException.validation("Invalid number: " + text);
        }
    }
}
