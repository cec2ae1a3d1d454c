package io.leadsla.service.replay;

import io.leadsla.connector.hubspot.export.HubSpotContactsImporter;
import io.leadsla.connector.hubspot.export.HubSpotExportOptions;
import io.leadsla.connector.salesforce.export.SalesforceLeadReportImporter;
import io.leadsla.connector.salesforce.export.SalesforceReportOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** Picks the reader for replay's input: normalized events or a CRM export. */
public class EventSources {

    public EventSource choose(String format, Path file, String csvZone, String csvLocale) {
        String chosen = format == null || format.equals("auto") ? detect(file) : format;
        return switch (chosen) {
            case "jsonl" -> new JsonlEventSource();
            case "hubspot-csv" -> {
                HubSpotExportOptions.Builder options = HubSpotExportOptions.builder(zone(csvZone));
                if (csvLocale != null) {
                    options.locale(locale(csvLocale));
                }
                yield new CsvEventSource(new HubSpotContactsImporter(options.build()),
                        "HubSpot contacts export, times in " + zone(csvZone).getId());
            }
            case "salesforce-csv" -> {
                SalesforceReportOptions.Builder options = SalesforceReportOptions.builder(zone(csvZone));
                if (csvLocale != null) {
                    options.locale(locale(csvLocale));
                }
                yield new CsvEventSource(new SalesforceLeadReportImporter(options.build()),
                        "Salesforce lead report, times in " + zone(csvZone).getId());
            }
            default -> throw new ReplayException("format '" + chosen + "' is not supported");
        };
    }

    private static ZoneId zone(String text) {
        if (text == null) {
            // an export's date-times carry no offset: a guessed zone would shift every clock silently
            throw new ReplayException("a CSV export's date-times carry no time zone: give --csv-zone "
                    + "(the exporting user's or the account's zone, e.g. Europe/Paris)");
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new ReplayException("--csv-zone '" + text + "' is not a time zone such as Europe/Paris");
        }
    }

    private static Locale locale(String text) {
        try {
            return new Locale.Builder().setLanguageTag(text.trim()).build();
        } catch (IllformedLocaleException e) {
            throw new ReplayException("--csv-locale '" + text + "' is not a locale such as en-US or fr-FR");
        }
    }

    /** {@code .jsonl}/{@code .json} are normalized events; a CSV is recognised by its id column. */
    static String detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return "jsonl";
        }
        if (name.endsWith(".csv")) {
            String header = firstLine(file);
            if (header.contains("Record ID") || header.contains("Contact ID")) {
                return "hubspot-csv";
            }
            if (header.contains("Lead ID")) {
                return "salesforce-csv";
            }
            throw new ReplayException(file + " is a CSV file but neither a HubSpot contacts export (no 'Record ID' column)"
                    + " nor a Salesforce lead report (no 'Lead ID' column): give --format");
        }
        throw new ReplayException("cannot tell the format of " + file + " from its name: give --format "
                + "(jsonl, hubspot-csv, salesforce-csv)");
    }

    private static String firstLine(Path file) {
        // ISO-8859-1 reads any bytes: the header labels looked for are ASCII, and the importer checks the encoding
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new ReplayException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
