package io.leadsla.connector.hubspot.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.connector.export.ExportImportException;
import io.leadsla.connector.export.ImportCounts;
import io.leadsla.connector.export.ImportResult;
import io.leadsla.connector.export.ImportWarning;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotContactsImporterTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String MQL_HEADER = "Date entered \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"";

    private static Path resource(String name) {
        try {
            return Path.of(HubSpotContactsImporterTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImportResult importSample(HubSpotExportOptions options) {
        return new HubSpotContactsImporter(options).importFile(resource("contacts-export.csv"));
    }

    private static LeadEvent event(String recordId, EventType type, String at, Map<String, String> attributes) {
        Instant instant = Instant.parse(at);
        return new LeadEvent("hubspot:contact:" + recordId + ":" + type.name().toLowerCase(Locale.ROOT) + ":"
                + instant.toEpochMilli(), Crm.HUBSPOT, "contact", recordId, type, instant, attributes);
    }

    private static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> all = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            all.put(keyValues[i], keyValues[i + 1]);
        }
        return all;
    }

    private static List<LeadEvent> eventsOf(ImportResult result, String recordId) {
        return result.events().stream().filter(e -> e.recordId().equals(recordId)).toList();
    }

    @Test
    void readsTheSampleExportIntoExactEvents() {
        ImportResult result = importSample(HubSpotExportOptions.of(PARIS));

        Map<String, String> amelie = Map.of("ownerId", "Camille Martin", "leadSource", "Direct Traffic",
                "score", "85", "country", "France", "leadStatus", "Connected", "timesContacted", "3");
        assertThat(eventsOf(result, "5101")).containsExactly(
                event("5101", EventType.MQL_QUALIFIED, "2026-11-20T08:15:00Z", amelie),
                event("5101", EventType.HANDED_OFF, "2026-11-20T08:20:00Z", amelie),
                event("5101", EventType.CONTACT_ATTEMPT, "2026-11-20T09:02:00Z", with(amelie, "channel", "call")),
                event("5101", EventType.ACCEPTED, "2026-11-23T13:00:00Z", amelie));
        // the id form of docs/SPEC.md with the event type as tag: epoch millis of 2026-11-20T08:15:00Z (09:15 in Paris)
        assertThat(result.events().get(0).eventId()).isEqualTo("hubspot:contact:5101:mql_qualified:1795162500000");

        Map<String, String> jonas = Map.of("ownerId", "Luc Bernard", "leadSource", "Paid Search", "score", "40",
                "country", "Germany", "leadStatus", "Unqualified", "timesContacted", "2");
        assertThat(eventsOf(result, "5102")).containsExactly(
                event("5102", EventType.MQL_QUALIFIED, "2026-11-20T16:45:00Z", jonas),
                // no "Owner assigned date" value: handed off as it qualified, and flagged as a guess
                event("5102", EventType.HANDED_OFF, "2026-11-20T16:45:00Z", with(jonas, "handoffTimeKnown", "false")),
                event("5102", EventType.CONTACT_ATTEMPT, "2026-11-21T08:00:00Z", with(jonas, "channel", "call")),
                event("5102", EventType.REJECTED, "2026-11-24T10:30:00Z",
                        with(jonas, "reason", "No budget", "timeKnown", "false")));
    }

    @Test
    void summerTimesUseTheSummerOffsetOfTheConfiguredZone() {
        ImportResult result = importSample(HubSpotExportOptions.of(PARIS));

        Map<String, String> sofia = Map.of("ownerId", "Camille Martin", "leadSource", "Referrals", "score", "70",
                "country", "Italy", "leadStatus", "In Progress", "timesContacted", "0");
        assertThat(eventsOf(result, "5104")).containsExactly(
                event("5104", EventType.MQL_QUALIFIED, "2026-07-01T07:00:00Z", sofia),
                event("5104", EventType.HANDED_OFF, "2026-07-01T07:30:00Z", sofia));

        ImportResult inNewYork = importSample(HubSpotExportOptions.of(ZoneId.of("America/New_York")));
        assertThat(eventsOf(inNewYork, "5104").get(0).occurredAt()).isEqualTo(Instant.parse("2026-07-01T13:00:00Z"));
    }

    @Test
    void anOwnerAssignedBeforeTheMqlHandsOffAtTheMqlAndBadTimingRecyclesAtTheLastModification() {
        ImportResult result = importSample(HubSpotExportOptions.of(PARIS));

        Map<String, String> noah = Map.of("ownerId", "Luc Bernard", "leadSource", "Social Media", "score", "55",
                "country", "United States", "leadStatus", "Bad Timing", "timesContacted", "0");
        assertThat(eventsOf(result, "5105")).containsExactly(
                event("5105", EventType.MQL_QUALIFIED, "2026-11-25T09:00:00Z", noah),
                event("5105", EventType.HANDED_OFF, "2026-11-25T09:00:00Z", noah),
                event("5105", EventType.RECYCLED, "2026-12-01T07:00:00Z", with(noah, "timeKnown", "false")));
    }

    @Test
    void aDateWithoutTimeStartsTheDayInTheZoneAndIsFlagged() {
        ImportResult result = importSample(HubSpotExportOptions.of(PARIS));

        // Liam also has a quoted message with a line break and doubled quotes: the row still reads
        assertThat(eventsOf(result, "5107")).containsExactly(event("5107", EventType.MQL_QUALIFIED,
                "2026-11-25T23:00:00Z", Map.of("leadSource", "Offline Sources", "score", "65", "country", "Ireland",
                        "leadStatus", "New", "timesContacted", "0", "timeKnown", "false")));
        assertThat(result.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isZero();
            assertThat(w.column()).isEqualTo(MQL_HEADER);
            assertThat(w.message()).startsWith("1 event was placed at the start of the day (Europe/Paris)");
        });
    }

    @Test
    void countsSkipsAndWarnsWithFileLineAndColumn() {
        ImportResult result = importSample(HubSpotExportOptions.of(PARIS));

        assertThat(result.counts()).isEqualTo(new ImportCounts(8, 6, 1, 1, 0));
        assertThat(result.events()).extracting(LeadEvent::recordId).doesNotContain("5103", "5106");
        String file = resource("contacts-export.csv").toString();
        assertThat(result.warnings()).contains(
                new ImportWarning(file, 7, MQL_HEADER, "'2026-13-40 09:00' is not a date or date-time in an accepted"
                        + " form (2026-09-08 16:21, 2026-09-08T14:21:00Z, 2026-09-08); row skipped"),
                // line 10, not 9: Liam's message spans lines 8 and 9
                new ImportWarning(file, 10, "Lead Status", "lead status 'Unqualified' but no 'Last Activity Date' or"
                        + " 'Last Modified Date' to date it; no REJECTED event"));
        assertThat(eventsOf(result, "5108")).extracting(LeadEvent::type)
                .containsExactly(EventType.MQL_QUALIFIED, EventType.HANDED_OFF);
        assertThat(result.warnings().get(0).toString()).isEqualTo(file + ":7: column '" + MQL_HEADER
                + "': '2026-13-40 09:00' is not a date or date-time in an accepted form (2026-09-08 16:21,"
                + " 2026-09-08T14:21:00Z, 2026-09-08); row skipped");
    }

    @Test
    void theSameFileGivesTheSameEvents() {
        HubSpotContactsImporter importer = new HubSpotContactsImporter(HubSpotExportOptions.of(PARIS));
        ImportResult first = importer.importFile(resource("contacts-export.csv"));
        ImportResult second = importer.importFile(resource("contacts-export.csv"));
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(first.events()).extracting(LeadEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void optionsChangeStatusesChannelReasonColumnAndExtras() {
        HubSpotExportOptions options = HubSpotExportOptions.builder(PARIS)
                .rejectedStatuses(List.of("bad timing")) // labels compare case-insensitively
                .recycledStatuses(List.of())
                .firstEngagementChannel("email")
                .rejectionReasonColumn("Message")
                .extraAttribute("Company size", "companySize")
                .build();
        ImportResult result = importSample(options);

        assertThat(eventsOf(result, "5105")).extracting(LeadEvent::type)
                .containsExactly(EventType.MQL_QUALIFIED, EventType.HANDED_OFF, EventType.REJECTED);
        assertThat(eventsOf(result, "5102")).extracting(LeadEvent::type).doesNotContain(EventType.REJECTED);
        assertThat(eventsOf(result, "5102")).filteredOn(e -> e.type() == EventType.CONTACT_ATTEMPT)
                .singleElement().satisfies(e -> assertThat(e.attribute("channel")).isEqualTo("email"));
        assertThat(eventsOf(result, "5101")).allSatisfy(e -> assertThat(e.attribute("companySize")).isEqualTo("51-200"));
        assertThat(eventsOf(result, "5105")).allSatisfy(e -> assertThat(e.attribute("companySize")).isNull());
    }

    @Test
    void readsOlderExportLabels() {
        ImportResult result = new HubSpotContactsImporter(HubSpotExportOptions.of(ZoneId.of("Europe/London")))
                .importFile(resource("contacts-export-legacy.csv"));

        Map<String, String> ada = Map.of("ownerId", "Grace Hopper", "leadSource", "Direct Traffic", "score", "90",
                "country", "United Kingdom", "leadStatus", "Open");
        assertThat(result.events()).containsExactly(
                event("901", EventType.MQL_QUALIFIED, "2025-03-03T09:00:00Z", ada),
                event("901", EventType.HANDED_OFF, "2025-03-03T09:00:00Z", with(ada, "handoffTimeKnown", "false")),
                event("901", EventType.ACCEPTED, "2025-03-05T16:30:00Z", ada));
        assertThat(result.warnings()).extracting(ImportWarning::message)
                .contains("no 'Date of first engagement' column: no CONTACT_ATTEMPT events");
    }

    @Test
    void aMissingRecordIdColumnNamesTheFileTheColumnAndTheColumnsFound() {
        String csv = "Email,Contact owner," + "\"" + MQL_HEADER.replace("\"", "\"\"") + "\"\n"
                + "a@example.com,Camille Martin,2026-11-20 09:15\n";
        HubSpotContactsImporter importer = new HubSpotContactsImporter(HubSpotExportOptions.of(PARIS));

        assertThatThrownBy(() -> importer.importCsv("export.csv", new StringReader(csv)))
                .isInstanceOf(ExportImportException.class)
                .hasMessageStartingWith("export.csv: no 'Record ID' or 'Contact ID' column. Columns found: 'Email',"
                        + " 'Contact owner', '" + MQL_HEADER + "'.")
                .hasMessageContaining("HubSpot contacts export");
    }

    @Test
    void aFileWithoutAnyMqlDateColumnIsRefused() {
        String csv = "Record ID,Email\n5101,a@example.com\n";
        HubSpotContactsImporter importer = new HubSpotContactsImporter(HubSpotExportOptions.of(PARIS));

        assertThatThrownBy(() -> importer.importCsv("no-mql.csv", new StringReader(csv)))
                .isInstanceOf(ExportImportException.class)
                .hasMessageContaining("no-mql.csv: no '" + MQL_HEADER + "' or 'Became a Marketing Qualified Lead Date'"
                        + " column")
                .hasMessageContaining("Columns found: 'Record ID', 'Email'");
    }

    @Test
    void aConfiguredColumnThatIsMissingIsAnErrorNotASilentDefault() {
        HubSpotContactsImporter importer = new HubSpotContactsImporter(
                HubSpotExportOptions.builder(PARIS).rejectionReasonColumn("Disqualification reason").build());

        assertThatThrownBy(() -> importer.importFile(resource("contacts-export.csv")))
                .isInstanceOf(ExportImportException.class)
                .hasMessageContaining("no 'Disqualification reason' column");
    }

    @Test
    void configuredPatternsReadDatesReSavedByASpreadsheet() {
        String csv = "Record ID," + "\"" + MQL_HEADER.replace("\"", "\"\"") + "\"\n" + "7,11/20/2026 09:15\n";
        HubSpotExportOptions options = HubSpotExportOptions.builder(PARIS)
                .dateTimePatterns(List.of("MM/dd/yyyy HH:mm")).build();

        ImportResult result = new HubSpotContactsImporter(options).importCsv("resaved.csv", new StringReader(csv));

        assertThat(result.events()).singleElement()
                .satisfies(e -> assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z")));
    }

    @Test
    void optionsRefuseWhatWouldSilentlyGoWrong() {
        assertThatThrownBy(() -> HubSpotExportOptions.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("time zone");
        assertThatThrownBy(() -> HubSpotExportOptions.builder(PARIS).firstEngagementChannel("fax").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fax");
        assertThatThrownBy(() -> HubSpotExportOptions.builder(PARIS).extraAttribute("Notes", "reason").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'reason'");
        assertThatThrownBy(() -> HubSpotExportOptions.builder(PARIS).recycledStatuses(List.of("UNQUALIFIED")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> HubSpotExportOptions.builder(PARIS).dateTimePatterns(List.of("yyyy-MM-dd {")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yyyy-MM-dd {");
        HubSpotExportOptions options = HubSpotExportOptions.builder(PARIS).extraAttribute("Company size", "size").build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
    }
}
