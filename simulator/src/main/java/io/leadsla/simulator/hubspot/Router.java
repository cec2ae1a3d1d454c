package io.leadsla.simulator.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps method + path to a handler using templates like {@code /crm/v3/objects/{objectType}/{id}}.
 * Routes are tried in registration order, so literal segments registered first win over parameters.
 */
final class Router {
    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    /** A route; {@code search} marks the Search API, which has its own rate limit and no limit headers. */
    record Route(String method, String template, boolean search, Handler handler) {
        String endpointKey() {
            return method + " " + template;
        }
    }

    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, false, handler));
        return this;
    }

    Router addSearch(String method, String template, Handler handler) {
        routes.add(new Route(method, template, true, handler));
        return this;
    }

    /** The matching route; if only the path matches, a match whose route is null (405). */
    Match match(String method, String path) {
        String[] segments = split(path);
        boolean pathMatched = false;
        for (Route r : routes) {
            Map<String, String> params = matchTemplate(split(r.template()), segments);
            if (params != null) {
                if (r.method().equals(method)) {
                    return new Match(r, params);
                }
                pathMatched = true;
            }
        }
        return pathMatched ? new Match(null, Map.of()) : null;
    }

    private static Map<String, String> matchTemplate(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), segments[i]);
            } else if (!t.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
