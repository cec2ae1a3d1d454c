package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /crm/v3/objects/{objectType}/search}. Filter groups are OR-ed, filters inside a group
 * AND-ed; datetime properties compare as instants (values as epoch ms or ISO-8601), numbers numerically,
 * everything else as case-insensitive text. Documented limits: 5 groups, 6 filters per group, 18 filters
 * in all, 200 results per page, and no paging past 10,000 results (400). Activities can be filtered by
 * {@code associations.contact}. Semantics HubSpot doesn't document and that are inferred here: NEQ and
 * NOT_IN match records without a value, unknown property names match nothing rather than failing, and the
 * free-text {@code query} matches any property value containing it.
 */
final class SearchApi {
    static final int MAX_LIMIT = 200;
    static final int MAX_RESULTS = 10_000;

    private final CrmStore store;
    private final PropertyCatalog catalog;
    private final JsonViews views;

    SearchApi(CrmStore store, PropertyCatalog catalog, JsonViews views) {
        this.store = store;
        this.catalog = catalog;
        this.views = views;
    }

    void register(Router router) {
        router.addSearch("POST", "/crm/v3/objects/{objectType}/search", this::search);
    }

    record Filter(String propertyName, String operator, String value, List<String> values, String highValue) {
    }

    record Sort(String propertyName, boolean descending) {
    }

    private ApiResponse search(ApiRequest request) {
        ObjectType type = PropertiesApi.objectType(request);
        JsonNode in = request.json();
        List<List<Filter>> groups = parseGroups(in.path("filterGroups"));
        List<Sort> sorts = parseSorts(in.path("sorts"));
        String query = in.hasNonNull("query") ? in.get("query").asText().toLowerCase(Locale.ROOT) : null;
        int limit = in.has("limit") ? in.get("limit").asInt(-1) : 10;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.validation("limit must be between 1 and " + MAX_LIMIT);
        }
        int after = parseAfter(in.path("after"));
        if (after >= MAX_RESULTS) {
            // HubSpot: paging beyond 10,000 results is a 400 (message inferred).
            throw ApiException.validation("The search API can return at most " + MAX_RESULTS
                    + " results for a query; after=" + after + " pages beyond that. Narrow the filters.");
        }
        List<String> properties = ObjectsApi.strings(in.path("properties"));

        List<CrmStore.SearchDoc> matches = new ArrayList<>();
        for (CrmStore.SearchDoc doc : store.searchable(type)) {
            if (matchesGroups(doc, groups) && matchesQuery(doc, query)) {
                matches.add(doc);
            }
        }
        matches.sort(comparator(type, sorts));

        ObjectNode body = views.mapper().createObjectNode();
        body.put("total", matches.size());
        ArrayNode results = body.putArray("results");
        int end = Math.min(Math.min(matches.size(), after + limit), MAX_RESULTS);
        for (int i = after; i < end; i++) {
            CrmStore.SearchDoc d = matches.get(i);
            results.add(views.object(type, Long.toString(d.id()), d.properties(), d.createdAt(), d.updatedAt(),
                    false, java.util.Map.of(), properties.isEmpty() ? null : properties, null));
        }
        if (matches.size() > after + limit) {
            // Also given at the 10,000 mark: the next call is then refused, as in HubSpot.
            ObjectNode next = body.putObject("paging").putObject("next");
            next.put("after", Integer.toString(after + limit));
        }
        return ApiResponse.json(views.mapper(), 200, body);
    }

    private List<List<Filter>> parseGroups(JsonNode node) {
        List<List<Filter>> groups = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return groups;
        }
        if (!node.isArray()) {
            throw ApiException.validation("filterGroups must be an array");
        }
        if (node.size() > 5) {
            throw ApiException.validation("Too many filter groups: " + node.size() + " (maximum 5)");
        }
        int total = 0;
        for (JsonNode g : node) {
            List<Filter> filters = new ArrayList<>();
            for (JsonNode f : g.path("filters")) {
                String name = f.path("propertyName").asText("");
                String op = f.path("operator").asText("").toUpperCase(Locale.ROOT);
                if (name.isEmpty() || op.isEmpty()) {
                    throw ApiException.validation("Each filter needs a propertyName and an operator");
                }
                filters.add(new Filter(name, op, f.hasNonNull("value") ? f.get("value").asText() : null,
                        ObjectsApi.strings(f.path("values")),
                        f.hasNonNull("highValue") ? f.get("highValue").asText() : null));
            }
            if (filters.size() > 6) {
                throw ApiException.validation("Too many filters in a group: " + filters.size() + " (maximum 6)");
            }
            total += filters.size();
            groups.add(filters);
        }
        if (total > 18) {
            throw ApiException.validation("Too many filters: " + total + " (maximum 18)");
        }
        for (List<Filter> g : groups) {
            g.forEach(SearchApi::checkFilter);
        }
        return groups;
    }

    private static void checkFilter(Filter f) {
        switch (f.operator()) {
            case "EQ": case "NEQ": case "LT": case "LTE": case "GT": case "GTE":
            case "CONTAINS_TOKEN": case "NOT_CONTAINS_TOKEN":
                if (f.value() == null) {
                    throw ApiException.validation("Operator " + f.operator() + " requires a value");
                }
                break;
            case "BETWEEN":
                if (f.value() == null || f.highValue() == null) {
                    throw ApiException.validation("Operator BETWEEN requires value and highValue");
                }
                break;
            case "IN": case "NOT_IN":
                if (f.values().isEmpty()) {
                    throw ApiException.validation("Operator " + f.operator() + " requires values");
                }
                break;
            case "HAS_PROPERTY": case "NOT_HAS_PROPERTY":
                break;
            default:
                throw ApiException.validation("Unsupported operator " + f.operator());
        }
    }

    private static List<Sort> parseSorts(JsonNode node) {
        List<Sort> sorts = new ArrayList<>();
        for (JsonNode s : node) {
            if (s.isTextual()) {
                String t = s.asText();
                sorts.add(t.startsWith("-") ? new Sort(t.substring(1), true) : new Sort(t, false));
            } else {
                String dir = s.path("direction").asText("ASCENDING").toUpperCase(Locale.ROOT);
                if (!dir.equals("ASCENDING") && !dir.equals("DESCENDING")) {
                    throw ApiException.validation("Sort direction must be ASCENDING or DESCENDING");
                }
                sorts.add(new Sort(s.path("propertyName").asText(""), dir.equals("DESCENDING")));
            }
        }
        return sorts;
    }

    private static int parseAfter(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || node.asText().isEmpty()) {
            return 0;
        }
        try {
            int after = Integer.parseInt(node.asText().trim());
            if (after < 0) {
                throw ApiException.validation("after must not be negative");
            }
            return after;
        } catch (NumberFormatException e) {
            throw ApiException.validation("Invalid after: " + node.asText());
        }
    }

    private boolean matchesGroups(CrmStore.SearchDoc doc, List<List<Filter>> groups) {
        if (groups.isEmpty()) {
            return true;
        }
        for (List<Filter> g : groups) {
            if (g.stream().allMatch(f -> matches(doc, f))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesQuery(CrmStore.SearchDoc doc, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        return doc.properties().values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(query));
    }

    private boolean matches(CrmStore.SearchDoc doc, Filter f) {
        if (f.propertyName().startsWith("associations.")) {
            return matchesAssociation(doc, f);
        }
        String value = doc.properties().get(f.propertyName());
        Optional<PropertyDefinition> def = catalog.find(doc.type(), f.propertyName());
        if (def.isEmpty()) {
            return false;
        }
        PropertyDefinition d = def.get();
        switch (f.operator()) {
            case "HAS_PROPERTY":
                return value != null;
            case "NOT_HAS_PROPERTY":
                return value == null;
            case "EQ":
                return value != null && compare(d, value, f.value()) == 0;
            case "NEQ":
                return value == null || compare(d, value, f.value()) != 0;
            case "LT":
                return value != null && compare(d, value, f.value()) < 0;
            case "LTE":
                return value != null && compare(d, value, f.value()) <= 0;
            case "GT":
                return value != null && compare(d, value, f.value()) > 0;
            case "GTE":
                return value != null && compare(d, value, f.value()) >= 0;
            case "BETWEEN":
                return value != null && compare(d, value, f.value()) >= 0 && compare(d, value, f.highValue()) <= 0;
            case "IN":
                return value != null && f.values().stream().anyMatch(v -> compare(d, value, v) == 0);
            case "NOT_IN":
                return value == null || f.values().stream().noneMatch(v -> compare(d, value, v) == 0);
            case "CONTAINS_TOKEN":
                return value != null && containsToken(value, f.value());
            case "NOT_CONTAINS_TOKEN":
                return value == null || !containsToken(value, f.value());
            default:
                throw ApiException.validation("Unsupported operator " + f.operator());
        }
    }

    private boolean matchesAssociation(CrmStore.SearchDoc doc, Filter f) {
        String target = f.propertyName().substring("associations.".length());
        if (!"contact".equals(target) || !doc.type().isActivity()) {
            throw ApiException.validation("Unsupported association filter " + f.propertyName()
                    + " for " + doc.type().pathName());
        }
        Set<Long> contacts = store.contactsOf(doc.type(), doc.id());
        switch (f.operator()) {
            case "EQ":
                return contacts.contains(parseId(f.value()));
            case "NEQ":
                return !contacts.contains(parseId(f.value()));
            case "IN":
                return f.values().stream().anyMatch(v -> contacts.contains(parseId(v)));
            case "NOT_IN":
                return f.values().stream().noneMatch(v -> contacts.contains(parseId(v)));
            case "HAS_PROPERTY":
                return !contacts.isEmpty();
            case "NOT_HAS_PROPERTY":
                return contacts.isEmpty();
            default:
                throw ApiException.validation("Operator " + f.operator() + " is not supported for associations");
        }
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Compares a stored value with a filter value according to the property's type. */
    private static int compare(PropertyDefinition d, String stored, String wanted) {
        if (d.isDateTime() || d.isDate()) {
            Instant a = HubSpotTime.parse(stored).orElse(Instant.MIN);
            Instant b = HubSpotTime.parse(wanted).orElseThrow(() -> ApiException.validation(
                    "Invalid value '" + wanted + "' for datetime property " + d.name()));
            return a.compareTo(b);
        }
        if ("number".equals(d.type())) {
            try {
                return new BigDecimal(stored.trim()).compareTo(new BigDecimal(wanted.trim()));
            } catch (NumberFormatException e) {
                throw ApiException.validation("Invalid value '" + wanted + "' for number property " + d.name());
            }
        }
        return stored.compareToIgnoreCase(wanted);
    }

    private static boolean containsToken(String value, String token) {
        String regex = Pattern.quote(token.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
        Pattern p = Pattern.compile("(^|.*[^a-z0-9])" + regex + "($|[^a-z0-9].*)", Pattern.DOTALL);
        return p.matcher(value.toLowerCase(Locale.ROOT)).matches();
    }

    private Comparator<CrmStore.SearchDoc> comparator(ObjectType type, List<Sort> sorts) {
        Comparator<CrmStore.SearchDoc> byId = Comparator.comparingLong(CrmStore.SearchDoc::id);
        Comparator<CrmStore.SearchDoc> result = null;
        for (Sort s : sorts) {
            Optional<PropertyDefinition> def = catalog.find(type, s.propertyName());
            if (def.isEmpty()) {
                continue;
            }
            Comparator<CrmStore.SearchDoc> c = (a, b) -> compareValues(def.get(),
                    a.properties().get(s.propertyName()), b.properties().get(s.propertyName()));
            if (s.descending()) {
                c = c.reversed();
            }
            result = result == null ? c : result.thenComparing(c);
        }
        // Without sorts, HubSpot returns records in creation order.
        return result == null ? byId : result.thenComparing(byId);
    }

    /** Missing values sort lowest. */
    private static int compareValues(PropertyDefinition d, String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (d.isDateTime() || d.isDate()) {
            return HubSpotTime.parse(a).orElse(Instant.MIN).compareTo(HubSpotTime.parse(b).orElse(Instant.MIN));
        }
        if ("number".equals(d.type())) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        }
        return a.compareToIgnoreCase(b);
    }
}
