package io.leadsla.service.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.leadsla.connector.event.InstantText;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.SlaClock;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes {@code clocks.jsonl}: one line per lead, policy and cycle, with docs/SPEC.md's fields
 * ({@code crm, recordId, policyId, status, startedAt, dueAt, stoppedAt, breachedAt,
 * businessMinutesElapsed}) followed by the rest of the clock. Streaming: replay writes millions.
 */
final class ClockLineWriter {

    private final JsonFactory factory = new JsonFactory();

    /** One lead's lines; thread-safe, so leads can be rendered in parallel and written in order. */
    String render(LeadState lead) {
        java.io.StringWriter out = new java.io.StringWriter(256 * Math.max(1, lead.clocks().size()));
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.setRootValueSeparator(null);
            write(lead, g);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(LeadState lead, JsonGenerator g) throws IOException {
        for (SlaClock c : lead.clocks()) {
            g.writeStartObject();
            g.writeStringField("crm", c.lead().crm().id());
            g.writeStringField("recordId", c.lead().recordId());
            g.writeStringField("policyId", c.policyId());
            g.writeStringField("status", c.status().name());
            instant(g, "startedAt", c.startedAt());
            instant(g, "dueAt", c.dueAt());
            instant(g, "stoppedAt", c.stoppedAt());
            instant(g, "breachedAt", c.breachedAt());
            g.writeNumberField("businessMinutesElapsed", c.businessMinutesElapsed());
            g.writeStringField("objectType", lead.objectType());
            g.writeStringField("kind", c.kind().name());
            g.writeNumberField("cycle", c.cycle());
            g.writeStringField("tier", c.tier());
            g.writeStringField("calendar", c.calendar());
            instant(g, "atRiskAt", c.atRiskAt());
            g.writeStringField("stoppedBy", c.stoppedBy() == null ? null : c.stoppedBy().name());
            if (c.attempts() > 0) {
                g.writeNumberField("attempts", c.attempts());
            }
            if (!c.missingAttributes().isEmpty()) {
                g.writeArrayFieldStart("missingAttributes");
                for (String m : c.missingAttributes()) {
                    g.writeString(m);
                }
                g.writeEndArray();
            }
            g.writeStringField("policyVersion", c.policyVersion());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void instant(JsonGenerator g, String field, Instant value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, InstantText.format(value));
        }
    }
}
