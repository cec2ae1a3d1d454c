package io.leadsla.service.replay;

import io.leadsla.connector.event.JsonlEventReader;
import io.leadsla.connector.event.LeadEventJson;
import io.leadsla.core.event.LeadEvent;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Normalized events, one JSON object per line (docs/SPEC.md). */
final class JsonlEventSource implements EventSource {

    @Override
    public String describe() {
        return "normalized events (.jsonl)";
    }

    @Override
    public long read(Path file, Consumer<LeadEvent> events, Consumer<String> rejected) {
        try (InputStream in = Files.newInputStream(file)) {
            return new JsonlEventReader(new LeadEventJson())
                    .read(file.toString(), in, events, error -> rejected.accept(error.toString()));
        } catch (IOException e) {
            throw new ReplayException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
