package io.leadsla.connector.event;

import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.core.event.LeadEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Events already in leadsla's own format (docs/SPEC.md), one JSON object per line: what replay reads,
 * and what an integration that computes its own events (or a test) puts in the inbox.
 */
public final class LeadEventsNormalizer implements Normalizer {

    /** The inbox source of bodies in leadsla's event format. */
    public static final String SOURCE = "leadsla-events";

    private final LeadEventJson json = new LeadEventJson();

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<LeadEvent> normalize(String body) {
        List<LeadEvent> events = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                events.add(json.parse(line));
            } catch (EventFormatException e) {
                throw new UnreadableDeliveryException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return events;
    }

    /** The body of an inbox item holding {@code events}. */
    public String body(List<LeadEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 200);
        for (LeadEvent e : events) {
            out.append(json.write(e)).append('\n');
        }
        return out.toString();
    }
}
