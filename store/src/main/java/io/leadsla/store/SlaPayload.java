package io.leadsla.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.leadsla.connector.event.InstantText;
import io.leadsla.core.clock.RecordSla;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The SLA fields to write on a CRM record, as the outbox stores them (a stable JSON text). */
final class SlaPayload {

    private static final JsonFactory JSON = new JsonFactory();

    private SlaPayload() {
    }

    static String of(RecordSla sla) {
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
}
