package io.leadsla.connector.event;

import io.leadsla.core.event.LeadKey;
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
import java.util.Map;
import java.util.TreeMap;

/**
 * The normalized event's JSON form (docs/SPEC.md): one object per line in {@code .jsonl} files. Reads
 * with Jackson's streaming parser (no tree, no reflection) because replay parses millions of lines.
 * Unknown top-level fields are ignored, unknown attributes kept; attribute values that are numbers
 * or booleans are kept as their text, {@code null} attribute values are dropped.
 */
public final class LeadEventJson {

    /** Few distinct values repeat across millions of events (object types, record ids, sources, owners). */
    private static final int POOL_LIMIT = 100_000;

    private final JsonFactory factory;
    /** Canonical instances of repeated strings, so a big replay holds each once. */
    private final Map<String, String> pool;

    /** A thread-safe codec that shares repeated strings between the events it reads. */
    public LeadEventJson() {
        this(new JsonFactory());
    }

    public LeadEventJson(JsonFactory factory) {
        this.factory = factory;
        this.pool = new java.util.concurrent.ConcurrentHashMap<>();
    }

    private String pooled(String value) {
        if (value == null) {
            return null;
        }
        String known = pool.get(value);
        if (known != null) {
            return known;
        }
        if (pool.size() < POOL_LIMIT) {
            known = pool.putIfAbsent(value, value);
        }
        return known != null ? known : value;
    }

    /**
     * Parses one event.
     *
     * @throws EventFormatException naming the field at fault
     */
    public LeadEvent parse(String json) {
        try (JsonParser p = factory.createParser(json)) {
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one event from UTF-8 bytes (a line of a {@code .jsonl} file, without decoding it to
     * a string first).
     *
     * @throws EventFormatException naming the field at fault
     */
    public LeadEvent parse(byte[] utf8, int offset, int length) {
        try (JsonParser p = factory.createParser(utf8, offset, length)) {
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LeadEvent parse(JsonParser p) throws IOException {
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EventFormatException("an event must be a JSON object");
            }
            String eventId = null;
            String crm = null;
            String account = null;
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
                    case "account" -> account = pooled(text(p, value, field));
                    case "objectType" -> objectType = pooled(text(p, value, field));
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
                    account,
                    lowerCase(required(objectType, "objectType")),
                    required(recordId, "recordId"),
                    type(required(type, "type")),
                    instant(required(occurredAt, "occurredAt")),
                    attributes);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not valid JSON: " + e.getOriginalMessage(), e);
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
            if (!LeadKey.DEFAULT_ACCOUNT.equals(event.account())) { // optional: a single-account file reads as before
                g.writeStringField("account", event.account());
            }
            g.writeStringField("objectType", event.objectType());
            g.writeStringField("recordId", event.recordId());
            g.writeStringField("type", event.type().name());
            g.writeStringField("occurredAt", InstantText.format(event.occurredAt()));
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

    private Map<String, String> attributes(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (token != JsonToken.START_OBJECT) {
            throw new EventFormatException("'attributes' must be an object of strings");
        }
        // collected as key/value pairs and frozen once: no intermediate map per event
        String[] pairs = new String[16];
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (value) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                    if (n == pairs.length) {
                        pairs = java.util.Arrays.copyOf(pairs, n * 2);
                    }
                    pairs[n++] = name;
                    pairs[n++] = pooled(p.getText());
                }
                case VALUE_NULL -> { } // an absent value
                default -> throw new EventFormatException("attribute '" + name + "' must be a string");
            }
        }
        if (n == 0) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] entries = new Map.Entry[n / 2];
        for (int i = 0; i < n; i += 2) {
            entries[i / 2] = Map.entry(pairs[i], pairs[i + 1]);
        }
        try {
            return Map.ofEntries(entries);
        } catch (IllegalArgumentException duplicate) {
            throw new EventFormatException("an attribute is given twice: " + duplicate.getMessage());
        }
    }

    private String lowerCase(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isUpperCase(value.charAt(i))) {
                return pooled(value.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return value;
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
        Instant fast = canonicalInstant(value);
        if (fast != null) {
            return fast;
        }
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

    /**
     * Parses the form leadsla itself writes ({@code 2026-11-20T08:15:00Z}, optionally with
     * milliseconds) without a formatter: replay reads millions. {@code null} for any other form,
     * which the general parser then handles.
     */
    static Instant canonicalInstant(String s) {
        int n = s.length();
        if ((n != 20 && n != 24) || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || (n == 24 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int millis = n == 24 ? digits(s, 20, 3) : 0;
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1
                || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, millis * 1_000_000L);
        } catch (java.time.DateTimeException e) {
            return null; // 31 April and the like: let the general parser explain
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
