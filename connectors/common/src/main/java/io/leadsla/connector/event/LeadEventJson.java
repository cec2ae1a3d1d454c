package io.leadsla.connector.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The normalized event's JSON form (SPEC.md): one object per line in {@code .jsonl} files. Reads
 * with Jackson's streaming parser (no tree, no reflection) because replay parses millions of lines.
 * Unknown top-level fields are ignored, unknown attributes kept; attribute values that are numbers
 * or booleans are kept as their text, {@code null} attribute values are dropped.
 */
public final class LeadEventJson {

    private final JsonFactory factory;

    public LeadEventJson() {
        this(new JsonFactory());
    }

    public LeadEventJson(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Parses one event.
     *
     * @throws EventFormatException naming the field at fault
     */
    public LeadEvent parse(String json) {
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EventFormatException("an event must be a JSON object");
            }
            String eventId = null;
            String crm = null;
            String objectType = null;
            String recordId = null;
            String type = null;
            String occurredAt = null;
            Map<String, String> attributes = Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "eventId" -> eventId = text(p, value, field);
                    case "crm" -> crm = text(p, value, field);
                    case "objectType" -> objectType = text(p, value, field);
                    case "recordId" -> recordId = text(p, value, field);
                    case "type" -> type = text(p, value, field);
                    case "occurredAt" -> occurredAt = text(p, value, field);
                    case "attributes" -> attributes = attributes(p, value);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new EventFormatException("unexpected content after the event object");
            }
            return new LeadEvent(
                    required(eventId, "eventId"),
                    crm(required(crm, "crm")),
                    required(objectType, "objectType").toLowerCase(java.util.Locale.ROOT),
                    required(recordId, "recordId"),
                    type(required(type, "type")),
                    instant(required(occurredAt, "occurredAt")),
                    attributes);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException(e.getMessage(), e);
        }
    }

    /** One line of JSON, fields in SPEC order, attributes sorted by name (stable output). */
    public String write(LeadEvent event) {
        StringWriter out = new StringWriter(256);
        write(event, out);
        return out.toString();
    }

    public void write(LeadEvent event, Writer out) {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("eventId", event.eventId());
            g.writeStringField("crm", event.crm().id());
            g.writeStringField("objectType", event.objectType());
            g.writeStringField("recordId", event.recordId());
            g.writeStringField("type", event.type().name());
            g.writeStringField("occurredAt", event.occurredAt().toString());
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> a : new TreeMap<>(event.attributes()).entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonParser p, JsonToken token, String field) throws IOException {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new EventFormatException("'" + field + "' must be a string");
    }

    private static Map<String, String> attributes(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (token != JsonToken.START_OBJECT) {
            throw new EventFormatException("'attributes' must be an object of strings");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (value) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                        attributes.put(name, p.getText());
                case VALUE_NULL -> { } // an absent value
                default -> throw new EventFormatException("attribute '" + name + "' must be a string");
            }
        }
        return attributes;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new EventFormatException("missing '" + field + "'");
        }
        return value;
    }

    private static Crm crm(String value) {
        try {
            return Crm.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("'crm' is '" + value + "': expected hubspot or salesforce");
        }
    }

    private static EventType type(String value) {
        try {
            return EventType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("'type' is '" + value + "': expected one of "
                    + java.util.Arrays.toString(EventType.values()));
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new EventFormatException("'occurredAt' is '" + value
                        + "': expected an ISO-8601 instant such as 2026-11-20T08:15:00Z");
            }
        }
    }
}
