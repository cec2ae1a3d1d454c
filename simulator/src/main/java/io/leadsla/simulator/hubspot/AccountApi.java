package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /account-info/v3/details}: the portal the token belongs to (its id and time zone),
 * which leadsla reads when no portal id is configured.
 */
final class AccountApi {
    private final SimulatorOptions options;
    private final JsonViews views;

    AccountApi(SimulatorOptions options, JsonViews views) {
        this.options = options;
        this.views = views;
    }

    void register(Router router) {
        router.add("GET", "/account-info/v3/details", this::details);
    }

    private ApiResponse details(ApiRequest request) {
        ObjectNode body = views.mapper().createObjectNode()
                .put("portalId", options.portalId())
                .put("accountType", "STANDARD")
                .put("timeZone", options.dailyLimitZone().getId())
                .put("companyCurrency", "EUR")
                .put("uiDomain", "app.hubspot.com")
                .put("dataHostingLocation", "eu1");
        body.putArray("additionalCurrencies");
        return ApiResponse.json(views.mapper(), 200, body);
    }
}
