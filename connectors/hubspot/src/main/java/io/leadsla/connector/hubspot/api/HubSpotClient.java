package io.leadsla.connector.hubspot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadsla.connector.hubspot.api.HubSpotApiException.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few HubSpot CRM v3 endpoints leadsla needs, typed. HubSpot publishes no Java SDK; this is a
 * thin layer over {@link HubSpotHttp}, which owns limits, retries and the circuit breaker.
 */
public final class HubSpotClient {

    /** HubSpot-defined association type: task → contact. */
    public static final int TASK_TO_CONTACT = 204;

    private final HubSpotHttp http;

    public HubSpotClient(HubSpotHttp http) {
        this.http = http;
    }

    public HubSpotHttp http() {
        return http;
    }

    /** The portal the token belongs to: its id and time zone (GET /account-info/v3/details). */
    public record Account(String portalId, String timeZone) {
    }

    public Account account() {
        JsonNode body = require(http.get("/account-info/v3/details"), "portalId");
        return new Account(body.get("portalId").asText(), body.path("timeZone").asText(null));
    }

    /** A property definition: internal name, type, group and the internal values of its options. */
    public record Property(String name, String label, String type, String fieldType, String groupName,
                           List<String> options) {
    }

    /** Every property of an object type (GET /crm/v3/properties/{objectType}). */
    public List<Property> properties(String objectType) {
        JsonNode body = require(http.get("/crm/v3/properties/" + objectType), "results");
        List<Property> properties = new ArrayList<>();
        for (JsonNode p : body.get("results")) {
            properties.add(property(p));
        }
        return properties;
    }

    /** One property, or empty when the portal has none of that name. */
    public Optional<Property> property(String objectType, String name) {
        try {
            return Optional.of(property(require(http.get("/crm/v3/properties/" + objectType + "/" + encode(name)), "name")));
        } catch (HubSpotApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Property property(JsonNode p) {
        List<String> options = new ArrayList<>();
        if (p.has("options")) {
            for (JsonNode o : p.get("options")) {
                options.add(o.path("value").asText());
            }
        }
        return new Property(p.path("name").asText(), p.path("label").asText(null), p.path("type").asText(null),
                p.path("fieldType").asText(null), p.path("groupName").asText(null), List.copyOf(options));
    }

    /** The names of the property groups of an object type (GET /crm/v3/properties/{objectType}/groups). */
    public List<String> propertyGroups(String objectType) {
        JsonNode body = require(http.get("/crm/v3/properties/" + objectType + "/groups"), "results");
        List<String> names = new ArrayList<>();
        for (JsonNode g : body.get("results")) {
            names.add(g.path("name").asText());
        }
        return names;
    }

    /** @return {@code true} when created, {@code false} when the group exists already (409) */
    public boolean createPropertyGroup(String objectType, String name, String label) {
        ObjectNode body = http.json().createObjectNode().put("name", name).put("label", label).put("displayOrder", -1);
        return createdOrExists(() -> http.post("/crm/v3/properties/" + objectType + "/groups", body));
    }

    /** @return {@code true} when created, {@code false} when a property of that name exists (409) */
    public boolean createProperty(String objectType, Map<String, Object> definition) {
        return createdOrExists(() -> http.post("/crm/v3/properties/" + objectType, definition));
    }

    private static boolean createdOrExists(java.util.function.Supplier<HubSpotHttp.Answer> call) {
        try {
            call.get();
            return true;
        } catch (HubSpotApiException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** Properties to set on one contact (its id is also sent as objectWriteTraceId, echoed in a per-record error). */
    public record ContactUpdate(String id, Map<String, String> properties) {
    }

    /**
     * The answer of a batch update: the ids HubSpot updated, and for the others what it said
     * (HubSpot answers 207 with {@code results} and {@code errors} when only some succeeded).
     */
    public record BatchUpdate(List<String> updated, Map<String, BatchError> errors) {
    }

    /** One error of a batch: HubSpot's category and message. */
    public record BatchError(String category, String message) {
    }

    /** POST /crm/v3/objects/contacts/batch/update, at most 100 contacts. */
    public BatchUpdate updateContacts(List<ContactUpdate> updates) {
        if (updates.size() > 100) {
            throw new IllegalArgumentException("HubSpot updates at most 100 contacts per call, got " + updates.size());
        }
        ObjectNode body = http.json().createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (ContactUpdate u : updates) {
            ObjectNode input = inputs.addObject().put("id", u.id()).put("objectWriteTraceId", u.id());
            ObjectNode props = input.putObject("properties");
            u.properties().forEach(props::put);
        }
        HubSpotHttp.Answer answer = http.post("/crm/v3/objects/contacts/batch/update", body);
        JsonNode result = require(answer, "results");
        List<String> updated = new ArrayList<>();
        for (JsonNode r : result.get("results")) {
            updated.add(r.path("id").asText());
        }
        Map<String, BatchError> errors = new LinkedHashMap<>();
        for (JsonNode e : result.path("errors")) {
            BatchError error = new BatchError(e.path("category").asText(null), e.path("message").asText(null));
            JsonNode context = e.path("context");
            for (JsonNode id : context.path("ids")) {
                if (!id.asText().isEmpty()) {
                    errors.put(id.asText(), error);
                }
            }
            for (JsonNode id : context.path("objectWriteTraceId")) {
                errors.put(id.asText(), error);
            }
            if (e.hasNonNull("objectWriteTraceId")) {
                errors.put(e.get("objectWriteTraceId").asText(), error);
            }
        }
        return new BatchUpdate(updated, errors);
    }

    /**
     * Reads up to 100 objects with their current properties and the change history of some
     * (POST /crm/v3/objects/{type}/batch/read): the raw {@code results} elements, as HubSpot sent them.
     */
    public List<JsonNode> readWithHistory(String objectType, List<String> ids, List<String> properties,
                                          List<String> propertiesWithHistory) {
        if (ids.size() > 100) {
            throw new IllegalArgumentException("HubSpot reads at most 100 objects per call, got " + ids.size());
        }
        ObjectNode body = http.json().createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        ids.forEach(id -> inputs.addObject().put("id", id));
        properties.forEach(body.putArray("properties")::add);
        propertiesWithHistory.forEach(body.putArray("propertiesWithHistory")::add);
        JsonNode answer = require(http.post("/crm/v3/objects/" + objectType + "/batch/read", body), "results");
        List<JsonNode> results = new ArrayList<>();
        answer.get("results").forEach(results::add);
        return results;
    }

    /**
     * The contacts each activity is associated to (POST /crm/v4/associations/{type}/contacts/batch/read).
     *
     * @return activity id → contact ids (activities without contacts are absent)
     */
    public Map<String, List<String>> contactsOf(String activityType, List<String> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        ObjectNode body = http.json().createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        activityIds.forEach(id -> inputs.addObject().put("id", id));
        JsonNode answer = require(http.post("/crm/v4/associations/" + activityType + "/contacts/batch/read", body), "results");
        Map<String, List<String>> contacts = new LinkedHashMap<>();
        for (JsonNode r : answer.get("results")) {
            List<String> to = new ArrayList<>();
            r.path("to").forEach(t -> to.add(t.path("toObjectId").asText()));
            if (!to.isEmpty()) {
                contacts.put(r.path("from").path("id").asText(), to);
            }
        }
        return contacts;
    }

    /** One page of a CRM search. */
    public SearchPage search(String objectType, SearchRequest request) {
        JsonNode body = require(http.search("/crm/v3/objects/" + objectType + "/search", request), "results");
        List<SearchPage.CrmObject> results = new ArrayList<>();
        for (JsonNode r : body.get("results")) {
            results.add(crmObject(r));
        }
        String next = body.path("paging").path("next").path("after").asText(null);
        return new SearchPage(body.path("total").asLong(results.size()), results, next);
    }

    private static SearchPage.CrmObject crmObject(JsonNode r) {
        Map<String, String> properties = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = r.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            properties.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
        }
        return new SearchPage.CrmObject(r.path("id").asText(), properties, instant(r.path("createdAt")),
                instant(r.path("updatedAt")));
    }

    private static Instant instant(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : Instant.parse(n.asText());
    }

    /**
     * Creates a task associated to a contact (type 204).
     *
     * @return the task's id
     */
    public String createTask(Map<String, String> properties, String contactId) {
        ObjectNode body = http.json().createObjectNode();
        ObjectNode props = body.putObject("properties");
        properties.forEach(props::put);
        ObjectNode association = body.putArray("associations").addObject();
        association.putObject("to").put("id", contactId);
        association.putArray("types").addObject()
                .put("associationCategory", "HUBSPOT_DEFINED").put("associationTypeId", TASK_TO_CONTACT);
        return require(http.create("/crm/v3/objects/tasks", body), "id").get("id").asText();
    }

    /** The task whose {@code property} equals {@code value} (leadsla's idempotency key), if one exists. */
    public Optional<String> findTask(String property, String value) {
        SearchPage page = search("tasks", new SearchRequest(
                List.of(new SearchRequest.FilterGroup(List.of(SearchRequest.Filter.of(property, "EQ", value)))),
                null, List.of(property), 1, null));
        return page.results().stream().map(SearchPage.CrmObject::id).findFirst();
    }

    /** An owner: a HubSpot user who can own records and tasks. */
    public record Owner(String id, String email, String firstName, String lastName, String userId) {
    }

    /** Every owner of the portal (GET /crm/v3/owners, paged). */
    public List<Owner> owners() {
        List<Owner> owners = new ArrayList<>();
        String after = null;
        do {
            JsonNode body = require(http.get("/crm/v3/owners?limit=100" + (after == null ? "" : "&after=" + encode(after))),
                    "results");
            for (JsonNode o : body.get("results")) {
                owners.add(new Owner(o.path("id").asText(), o.path("email").asText(null), o.path("firstName").asText(null),
                        o.path("lastName").asText(null), o.path("userId").asText(null)));
            }
            after = body.path("paging").path("next").path("after").asText(null);
        } while (after != null);
        return owners;
    }

    private static JsonNode require(HubSpotHttp.Answer answer, String field) {
        JsonNode body = answer.body();
        if (body == null || !body.has(field)) {
            throw new HubSpotApiException(Kind.MALFORMED, answer.status(), null,
                    "the answer has no '" + field + "': " + (body == null ? "(empty body)" : abbreviate(body.toString())),
                    null, null, null);
        }
        return body;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
