package io.leadsla.service.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the reader for replay's input: normalized events or a CRM export. */
public class EventSources {

    public EventSource choose(String format, Path file, String csvZone, String csvLocale) {
        String chosen = format == null || format.equals("auto") ? detect(file) : format;
        return switch (chosen) {
            case "jsonl" -> new JsonlEventSource();
            default -> throw new ReplayException("format '" + chosen + "' is not supported");
        };
    }

    /** {@code .jsonl}/{@code .json} are normalized events; a CSV is recognised by its id column. */
    static String detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return "jsonl";
        }
        if (name.endsWith(".csv")) {
            String header = firstLine(file);
            if (header.contains("Record ID")) {
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
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new ReplayException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
