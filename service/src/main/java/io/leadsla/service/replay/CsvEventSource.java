package io.leadsla.service.replay;

import io.leadsla.connector.export.CsvExportImporter;
import io.leadsla.connector.export.ExportImportException;
import io.leadsla.connector.export.ImportResult;
import io.leadsla.connector.export.ImportWarning;
import io.leadsla.core.event.LeadEvent;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A CRM's CSV export, read by that CRM's importer; skipped rows and approximations are reported. */
final class CsvEventSource implements EventSource {

    private final CsvExportImporter importer;
    private final String description;

    CsvEventSource(CsvExportImporter importer, String description) {
        this.importer = importer;
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public long read(Path file, Consumer<LeadEvent> events, Consumer<String> rejected) {
        ImportResult result;
        try {
            result = importer.importFile(file);
        } catch (ExportImportException e) {
            throw new ReplayException(e.getMessage(), e);
        }
        result.events().forEach(events);
        for (ImportWarning warning : result.warnings()) {
            rejected.accept(warning.toString());
        }
        return result.events().size();
    }
}
