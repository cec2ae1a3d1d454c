package io.leadsla.connector.export;

/**
 * What happened to the rows of an export. Every data row is counted in {@link #rows()} and in
 * exactly one of the other row counts: {@code rows == leads + notQualified + invalid}.
 *
 * @param rows         data rows read, malformed ones included (not the header, blank lines or the footer)
 * @param leads        rows that produced at least one event
 * @param notQualified rows skipped because the lead never became an MQL (no MQL date)
 * @param invalid      rows skipped because of a bad cell or a malformed row (each has a warning)
 * @param footerLines  lines after the data that are not records (report title, copyright...)
 */
public record ImportCounts(long rows, long leads, long notQualified, long invalid, long footerLines) {

    public ImportCounts {
        if (rows < 0 || leads < 0 || notQualified < 0 || invalid < 0 || footerLines < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
