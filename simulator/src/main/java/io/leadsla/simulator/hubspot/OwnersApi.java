package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** {@code GET /crm/v3/owners} ({@code email}, {@code limit} up to 500, {@code after}) and one owner by id. */
final class OwnersApi {
    private final CrmStore store;
    private final JsonViews views;

    OwnersApi(CrmStore store, JsonViews views) {
        this.store = store;
        this.views = views;
    }

    void register(Router router) {
        router.add("GET", "/crm/v3/owners", this::list)
                .add("GET", "/crm/v3/owners/{ownerId}", this::get);
    }

    private ApiResponse list(ApiRequest request) {
        String email = request.queryFirst("email");
        int limit = parse(request.queryFirst("limit"), 100);
        if (limit < 1 || limit > 500) {
            throw ApiException.validation("limit must be between 1 and 500");
        }
        int after = parse(request.queryFirst("after"), 0);
        List<Owner> owners = store.owners().stream()
                .filter(o -> email == null || email.equalsIgnoreCase(o.email())).toList();
        ObjectNode body = views.mapper().createObjectNode();
        ArrayNode results = body.putArray("results");
        int end = Math.min(owners.size(), after + limit);
        for (int i = after; i < end; i++) {
            results.add(views.owner(owners.get(i)));
        }
        if (owners.size() > end) {
            views.paging(body, Integer.toString(end), "/crm/v3/owners/");
        }
        return ApiResponse.json(views.mapper(), 200, body);
    }

    private ApiResponse get(ApiRequest request) {
        String id = request.pathParam("ownerId");
        Owner owner = store.owner(id).orElseThrow(() -> ApiException.notFound("Owner " + id + " not found"));
        return ApiResponse.json(views.mapper(), 200, views.owner(owner));
    }

    private static int parse(String text, int fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("Invalid number: " + text);
        }
    }
}
