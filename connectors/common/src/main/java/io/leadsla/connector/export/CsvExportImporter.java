package io.leadsla.connector.export;

import io.leadsla.core.event.Crm;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Turns one CRM's CSV export into normalized lead events, for {@code replay}. A whole-file
 * problem (not a CSV, a required column missing) is an {@link ExportImportException}; a bad cell
 * is an {@link ImportWarning} in the result and only its row is skipped.
 */
public interface CsvExportImporter {

    /** The CRM whose exports this importer reads. */
    Crm crm();

    /** The encoding {@link #importFile} decodes files with. */
    Charset charset();

    /**
     * Reads an export that is already open; the caller closes it.
     *
     * @throws ExportImportException when the export cannot be read as this CRM's export
     */
    ImportResult read(CsvExport export);

    /**
     * Reads an export file.
     *
     * @throws ExportImportException when the file cannot be read as this CRM's export
     */
    default ImportResult importFile(Path file) {
        try (CsvExport export = CsvExport.open(file, charset())) {
            return read(export);
        }
    }

    /**
     * Reads an export from {@code csv} (already decoded), naming it {@code source} in messages.
     *
     * @throws ExportImportException when the text cannot be read as this CRM's export
     */
    default ImportResult importCsv(String source, Reader csv) {
        try (CsvExport export = CsvExport.open(source, csv)) {
            return read(export);
        }
    }
}
