package io.leadsla.connector.export;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadEvent;
import java.util.List;
import java.util.Objects;

/**
 * The events read from one export, in file order (each row's events in
 * {@link LeadEvent#APPLY_ORDER}), with what was skipped or approximated along the way.
 *
 * @param source   the file (or other source name) the events came from
 * @param crm      the CRM the export came from
 * @param events   the normalized events
 * @param warnings rows or cells skipped and approximations made, in file order (whole-file notes last)
 * @param counts   what happened to the rows
 */
public record ImportResult(
        String source, Crm crm, List<LeadEvent> events, List<ImportWarning> warnings, ImportCounts counts) {

    public ImportResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(crm, "crm");
        events = List.copyOf(events);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(counts, "counts");
    }

    /** One line for a console: how many leads and events, how many rows skipped and why. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d rows, %d leads, %d events; skipped %d not MQL, %d invalid; %d warnings",
                source, counts.rows(), counts.leads(), events.size(), counts.notQualified(), counts.invalid(),
                warnings.size());
    }
}
