package io.leadsla.service.replay;

import io.leadsla.core.event.LeadEvent;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Where replay reads events from: a normalized {@code .jsonl} file or a CRM export. */
public interface EventSource {

    /** A description for the summary, e.g. "events.jsonl (normalized events)". */
    String describe();

    /**
     * Reads every event. Lines or rows that cannot be read go to {@code rejected} as "file:line: why";
     * the rest is read.
     *
     * @return events read
     * @throws ReplayException when the input as a whole is unusable
     */
    long read(Path file, Consumer<LeadEvent> events, Consumer<String> rejected);
}
