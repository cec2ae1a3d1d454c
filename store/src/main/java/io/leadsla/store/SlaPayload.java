package io.leadsla.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.leadsla.connector.event.InstantText;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.LeadKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The SLA fields to write on a CRM record, as the outbox stores them (a stable JSON text). */
final class SlaPayload {

    private static final JsonFactory JSON = new JsonFactory();

    private SlaPayload() {
    }

    public static String of(RecordSla sla) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("cycle", sla.cycle());
            g.writeStringField("status", sla.status() == null ? null : sla.status().name());
            g.writeStringField("policyId", sla.policyId());
            instant(g, "dueAt", sla.dueAt());
            instant(g, "breachedAt", sla.breachedAt());
            g.writeNumberField("attempts", sla.attempts());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value == null ? null : InstantText.format(value));
    }

    /** Reads back what {@link #of} wrote. */
    public static RecordSla parse(LeadKey lead, String payload) {
        try (JsonParser p = JSON.createParser(payload)) {
            int cycle = 0;
            int attempts = 0;
            ClockStatus status = null;
            String policyId = null;
            Instant dueAt = null;
            Instant breachedAt = null;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an SLA payload: " + payload);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                String text = value == JsonToken.VALUE_NULL ? null : p.getText();
                switch (field) {
                    case "cycle" -> cycle = p.getIntValue();
                    case "status" -> status = text == null ? null : ClockStatus.valueOf(text);
                    case "policyId" -> policyId = text;
                    case "dueAt" -> dueAt = text == null ? null : Instant.parse(text);
                    case "breachedAt" -> breachedAt = text == null ? null : Instant.parse(text);
                    case "attempts" -> attempts = p.getIntValue();
                    default -> p.skipChildren();
                }
            }
            return new RecordSla(lead, cycle, status, policyId, dueAt, breachedAt, attempts);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an SLA payload: " + payload, e);
        }
    }
}
