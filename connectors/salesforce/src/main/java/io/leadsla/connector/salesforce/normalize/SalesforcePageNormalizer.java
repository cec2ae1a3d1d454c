package io.leadsla.connector.salesforce.normalize;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.core.event.LeadEvent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A page the Salesforce poller stored → lead events, through the same {@link LeadChangeInterpreter}
 * as Outbound Messages. The poller writes each page as
 * <pre>{"orgId":"00D…","objectType":"Lead","records":[{"Id":"00Q…","Status":"…",…}]}</pre>
 * where {@code objectType} is {@code Lead}, {@code LeadHistory}, {@code Task} or {@code Event}
 * and each record is a flat object of field name → text value or null (datetimes as ISO-8601
 * instants, booleans as {@code "true"}/{@code "false"}). One normalizer per kind of page, each its
 * own inbox source. A page from another org than the configured one, or that is not such a page,
 * is refused whole with a message naming the record and the field.
 */
public final class SalesforcePageNormalizer implements Normalizer {

    /** The kinds of polled pages, each an inbox source. */
    public enum Page {
        /** Leads modified since the last poll (by {@code SystemModstamp}). */
        LEADS("salesforce-poll-leads", Set.of("Lead")),
        /** LeadHistory rows created since the last poll. */
        HISTORY("salesforce-poll-history", Set.of("LeadHistory")),
        /** Tasks and Events about leads, created or modified since the last poll. */
        ACTIVITIES("salesforce-poll-activities", Set.of("Task", "Event"));

        private final String source;
        private final Set<String> objectTypes;

        Page(String source, Set<String> objectTypes) {
            this.source = source;
            this.objectTypes = objectTypes;
        }

        public String source() {
            return source;
        }

        /** The {@code objectType} values such a page may have. */
        public Set<String> objectTypes() {
            return objectTypes;
        }
    }

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION) // messages must not echo the body
            .build();
    private final Page page;
    private final LeadChangeInterpreter interpreter;
    private final SalesforceRecords records;
    private final SalesforceId org;

    /** @param org the configured org ({@code SALESFORCE_ORG_ID}): pages of any other are refused */
    public SalesforcePageNormalizer(Page page, LeadChangeInterpreter interpreter, SalesforceId org) {
        this.page = Objects.requireNonNull(page, "page");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
        this.records = interpreter.records();
        this.org = Objects.requireNonNull(org, "org");
    }

    /** The three normalizers of polled pages, for registering with the pipeline. */
    public static List<SalesforcePageNormalizer> all(LeadChangeInterpreter interpreter, SalesforceId org) {
        return List.of(new SalesforcePageNormalizer(Page.LEADS, interpreter, org),
                new SalesforcePageNormalizer(Page.HISTORY, interpreter, org),
                new SalesforcePageNormalizer(Page.ACTIVITIES, interpreter, org));
    }

    @Override
    public String source() {
        return page.source();
    }

    @Override
    public List<LeadEvent> normalize(String body) {
        JsonNode root = read(body);
        String orgId = root.path("orgId").asText("");
        if (SalesforceId.parse(orgId).filter(org::equals).isEmpty()) {
            throw unreadable("orgId '" + shorten(orgId) + "' is not the configured org " + org
                    + " (SALESFORCE_ORG_ID): the poller reads another org than the one configured");
        }
        String objectType = root.path("objectType").asText("");
        if (!page.objectTypes().contains(objectType)) {
            throw unreadable("objectType '" + shorten(objectType) + "' is not one of " + page.objectTypes()
                    + " (a " + page.source() + " page)");
        }
        JsonNode list = root.get("records");
        if (list == null || !list.isArray()) {
            throw unreadable("no records array");
        }
        Set<LeadEvent> events = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, String> record = record(list.get(i), i);
            try {
                events.addAll(interpreter.eventsOf(change(objectType, record)));
            } catch (BadRecordException e) {
                throw unreadable(where(i, record) + ": " + e.getMessage());
            }
        }
        return List.copyOf(events);
    }

    private LeadChange change(String objectType, Map<String, String> record) {
        return switch (objectType) {
            case "Lead" -> records.lead(record);
            case "LeadHistory" -> records.history(record);
            case "Task" -> records.task(record);
            case "Event" -> records.event(record);
            default -> throw new IllegalStateException("objectType checked above: " + objectType);
        };
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw unreadable("the body is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw unreadable("not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw unreadable("expected a JSON object with orgId, objectType and records");
        }
        return root;
    }

    private Map<String, String> record(JsonNode node, int index) {
        if (!node.isObject()) {
            throw unreadable("records[" + index + "] is not an object");
        }
        Map<String, String> record = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw unreadable("records[" + index + "]." + field.getKey() + " is not a text value (records are "
                        + "flat: field name → text or null)");
            }
            record.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        return record;
    }

    private static String where(int index, Map<String, String> record) {
        String id = record.get("Id");
        return "records[" + index + "]" + (id == null ? "" : " (Id " + shorten(id) + ")");
    }

    private UnreadableDeliveryException unreadable(String problem) {
        return new UnreadableDeliveryException("Salesforce poll page (" + page.source() + "): " + problem);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
