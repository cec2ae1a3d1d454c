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
        router.add("GET", "/crm/v4/objects/{objectType}/{id}/associations/{toObjectType}", this::list);
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
