package io.leadsla.connector.salesforce.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.connector.export.ExportImportException;
import io.leadsla.connector.export.ImportCounts;
import io.leadsla.connector.export.ImportResult;
import io.leadsla.connector.export.ImportWarning;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceLeadReportImporterTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final SalesforceReportOptions WITH_QUEUE =
            SalesforceReportOptions.builder(NEW_YORK).queueOwners(List.of("Inbound Queue")).build();

    private static Path resource(String name) {
        try {
            return Path.of(SalesforceLeadReportImporterTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImportResult importSample(SalesforceReportOptions options) {
        return new SalesforceLeadReportImporter(options).importFile(resource("lead-report.csv"));
    }

    private static LeadEvent event(String recordId, EventType type, String at, Map<String, String> attributes) {
        Instant instant = Instant.parse(at);
        return new LeadEvent("salesforce:lead:" + recordId + ":" + type.name().toLowerCase(Locale.ROOT) + ":"
                + instant.toEpochMilli(), Crm.SALESFORCE, "lead", recordId, type, instant, attributes);
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
    void aContactedLeadIsMqlAtCreationHandedOffAndAttemptedOnItsLastActivityDay() {
        ImportResult result = importSample(WITH_QUEUE);

        Map<String, String> amy = Map.of("ownerId", "Jane Doe", "leadSource", "Web", "country", "United States",
                "leadStatus", "Working - Contacted");
        // 15-character report id, given in the API's 18-character form
        assertThat(eventsOf(result, "00Q8c00001XyZaBEAV")).containsExactly(
                event("00Q8c00001XyZaBEAV", EventType.MQL_QUALIFIED, "2026-09-23T14:15:00Z", amy),
                event("00Q8c00001XyZaBEAV", EventType.HANDED_OFF, "2026-09-23T14:15:00Z",
                        with(amy, "handoffTimeKnown", "false")),
                // 9/24/2026 is a date: midnight in New York (EDT, UTC-4)
                event("00Q8c00001XyZaBEAV", EventType.CONTACT_ATTEMPT, "2026-09-24T04:00:00Z",
                        with(amy, "channel", "call", "timeKnown", "false")));
        assertThat(result.events().get(0).eventId()).isEqualTo("salesforce:lead:00Q8c00001XyZaBEAV:mql_qualified:"
                + Instant.parse("2026-09-23T14:15:00Z").toEpochMilli());
    }

    @Test
    void aLeadOwnedByAQueueIsNotHandedOff() {
        assertThat(eventsOf(importSample(WITH_QUEUE), "00Q8c00001XyZaCEAV")).extracting(LeadEvent::type)
                .containsExactly(EventType.MQL_QUALIFIED);
        // without the queue configured the queue looks like a person
        assertThat(eventsOf(importSample(SalesforceReportOptions.of(NEW_YORK)), "00Q8c00001XyZaCEAV"))
                .extracting(LeadEvent::type).containsExactly(EventType.MQL_QUALIFIED, EventType.HANDED_OFF);
    }

    @Test
    void aConvertedLeadIsAcceptedOnItsConvertedDate() {
        Map<String, String> carla = Map.of("ownerId", "Jane Doe", "leadSource", "Partner Referral", "country", "Mexico",
                "leadStatus", "Closed - Converted");
        assertThat(eventsOf(importSample(WITH_QUEUE), "00Q8c00001XyZaDEAV")).containsExactly(
                event("00Q8c00001XyZaDEAV", EventType.MQL_QUALIFIED, "2026-09-22T13:05:00Z", carla),
                event("00Q8c00001XyZaDEAV", EventType.HANDED_OFF, "2026-09-22T13:05:00Z",
                        with(carla, "handoffTimeKnown", "false")),
                event("00Q8c00001XyZaDEAV", EventType.CONTACT_ATTEMPT, "2026-09-24T04:00:00Z",
                        with(carla, "channel", "call", "timeKnown", "false")),
                event("00Q8c00001XyZaDEAV", EventType.ACCEPTED, "2026-09-25T04:00:00Z", with(carla, "timeKnown", "false")));
    }

    @Test
    void aRejectionDatedTheDayOfCreationIsNeverBeforeTheMql() {
        Map<String, String> dan = Map.of("ownerId", "Raj Patel", "leadSource", "Web", "country", "United States",
                "leadStatus", "Closed - Not Converted");
        // created 3:40 PM, last activity that same day: midnight would be before the lead existed
        assertThat(eventsOf(importSample(WITH_QUEUE), "00Q8c00001XyZaEEAV")).containsExactly(
                event("00Q8c00001XyZaEEAV", EventType.MQL_QUALIFIED, "2026-09-23T19:40:00Z", dan),
                event("00Q8c00001XyZaEEAV", EventType.HANDED_OFF, "2026-09-23T19:40:00Z",
                        with(dan, "handoffTimeKnown", "false")),
                event("00Q8c00001XyZaEEAV", EventType.CONTACT_ATTEMPT, "2026-09-23T19:40:00Z",
                        with(dan, "channel", "call", "timeKnown", "false")),
                event("00Q8c00001XyZaEEAV", EventType.REJECTED, "2026-09-23T19:40:00Z",
                        with(dan, "reason", "Competitor", "timeKnown", "false")));
    }

    @Test
    void skipsTheFooterReadsQuotedLineBreaksAndReportsWhatItSkipped() {
        ImportResult result = importSample(WITH_QUEUE);
        String file = resource("lead-report.csv").toString();

        assertThat(result.counts()).isEqualTo(new ImportCounts(7, 6, 0, 1, 5));
        // Eve's description holds a line break and doubled quotes; her 18-character id is kept as it is
        assertThat(eventsOf(result, "00Q8c00001XyZaFEAV")).extracting(LeadEvent::type)
                .containsExactly(EventType.MQL_QUALIFIED, EventType.HANDED_OFF);
        assertThat(result.events()).extracting(LeadEvent::recordId).doesNotContain("00Q8c00001XyZaGEAV");
        assertThat(result.warnings()).startsWith(
                new ImportWarning(file, 8, "Create Date", "'23/09/2026 10:15' is not a date or date-time in an"
                        + " accepted form (2026-09-08 16:21, 2026-09-08T14:21:00Z, 2026-09-08, M/d/yyyy h:mm a,"
                        + " M/d/yyyy, h:mm a, M/d/yyyy); if the report was exported in another locale, set the"
                        + " Salesforce report options' dateTimePatterns; row skipped"),
                new ImportWarning(file, 9, "Lead Status", "status 'Working - Contacted' but no 'Last Activity' date;"
                        + " no CONTACT_ATTEMPT event"));
        assertThat(eventsOf(result, "00Q8c00001XyZaHEAV")).extracting(LeadEvent::type)
                .containsExactly(EventType.MQL_QUALIFIED, EventType.HANDED_OFF);
        assertThat(result.warnings()).contains(
                new ImportWarning(file, 0, "Last Activity", "4 events were placed at the start of the day"
                        + " (America/New_York) because the column holds dates without a time of day; those times are"
                        + " approximate (attribute timeKnown=false)"),
                new ImportWarning(file, 0, "Converted Date", "1 event was placed at the start of the day"
                        + " (America/New_York) because the column holds dates without a time of day; those times are"
                        + " approximate (attribute timeKnown=false)"));
        assertThat(result.warnings()).hasSize(4);
    }

    @Test
    void readsIcuFormattedTimesAndACustomMqlDateColumn() {
        String csv = "\"Lead ID\",\"Lead Owner\",\"Create Date\",\"MQL Date\"\r\n"
                + "\"00Q8c00001XyZaB\",\"Jane Doe\",\"9/1/2026, 9:00 AM\",\"9/23/2026, 10:15\u202FPM\"\r\n";
        SalesforceReportOptions options = SalesforceReportOptions.builder(NEW_YORK).mqlDateColumn("MQL Date").build();

        ImportResult result = new SalesforceLeadReportImporter(options).importCsv("icu.csv", new StringReader(csv));

        assertThat(result.events()).extracting(LeadEvent::type, LeadEvent::occurredAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventType.MQL_QUALIFIED, Instant.parse("2026-09-24T02:15:00Z")),
                org.assertj.core.groups.Tuple.tuple(EventType.HANDED_OFF, Instant.parse("2026-09-24T02:15:00Z")));
    }

    @Test
    void otherLocalesNeedTheirPatterns() {
        String csv = "\"Lead ID\",\"Create Date\"\n\"00Q8c00001XyZaB\",\"23/09/2026 16:15\"\n";
        SalesforceReportOptions uk = SalesforceReportOptions.builder(ZoneId.of("Europe/London"))
                .locale(Locale.UK).dateTimePatterns(List.of("dd/MM/yyyy HH:mm", "dd/MM/yyyy")).build();

        ImportResult result = new SalesforceLeadReportImporter(uk).importCsv("uk.csv", new StringReader(csv));

        assertThat(result.events()).singleElement()
                .satisfies(e -> assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-09-23T15:15:00Z")));
    }

    @Test
    void aMissingLeadIdColumnNamesTheFileTheColumnAndTheColumnsFound() {
        String csv = "\"Lead Owner\",\"Create Date\",\"Company / Account\"\n\"Jane Doe\",\"9/23/2026 10:15 AM\",\"Acme\"\n";
        SalesforceLeadReportImporter importer = new SalesforceLeadReportImporter(SalesforceReportOptions.of(NEW_YORK));

        assertThatThrownBy(() -> importer.importCsv("leads.csv", new StringReader(csv)))
                .isInstanceOf(ExportImportException.class)
                .hasMessageStartingWith("leads.csv: no 'Lead ID' column. Columns found: 'Lead Owner', 'Create Date',"
                        + " 'Company / Account'.")
                .hasMessageContaining("Details Only");
    }

    @Test
    void aMissingMqlDateColumnSaysHowToFixIt() {
        String csv = "\"Lead ID\",\"Lead Owner\"\n\"00Q8c00001XyZaB\",\"Jane Doe\"\n";
        SalesforceLeadReportImporter importer = new SalesforceLeadReportImporter(SalesforceReportOptions.of(NEW_YORK));

        assertThatThrownBy(() -> importer.importCsv("leads.csv", new StringReader(csv)))
                .isInstanceOf(ExportImportException.class)
                .hasMessageContaining("no 'Create Date' column")
                .hasMessageContaining("mqlDateColumn");
    }

    @Test
    void badIdsAndCheckboxesSkipTheirRowOnly() {
        String csv = "\"Lead ID\",\"Create Date\",\"Converted\"\n"
                + "\"not-an-id\",\"9/23/2026 10:15 AM\",\"0\"\n"
                + "\"00Q8c00001XyZaB\",\"9/23/2026 10:15 AM\",\"maybe\"\n"
                + "\"00Q8c00001XyZaC\",\"9/23/2026 10:15 AM\",\"0\"\n"
                + "\"00Q8c00001XyZaD\",\"\",\"0\"\n"
                + "\"00Q8c00001XyZaE\",\"9/23/2026 10:15 AM\"\n";

        ImportResult result = new SalesforceLeadReportImporter(SalesforceReportOptions.of(NEW_YORK))
                .importCsv("ids.csv", new StringReader(csv));

        assertThat(result.events()).extracting(LeadEvent::recordId).containsExactly("00Q8c00001XyZaCEAV");
        // rows == leads + notQualified + invalid, the row with a missing value included
        assertThat(result.counts()).isEqualTo(new ImportCounts(5, 1, 1, 3, 0));
        assertThat(result.warnings()).extracting(ImportWarning::toString).startsWith(
                "ids.csv:2: column 'Lead ID': 'not-an-id' is not a Salesforce id (15 or 18 letters and digits); row skipped",
                "ids.csv:3: column 'Converted': 'maybe' is not a checkbox value (1/0, true/false); row skipped",
                "ids.csv:6: the row has 2 values where the header has 3 columns; skipped");
    }

    @Test
    void readsAReportSavedAsLatin1WhenToldAndRefusesItAsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report-latin1.csv");
        Files.write(file, ("\"Lead ID\",\"Lead Owner\",\"Create Date\"\r\n"
                + "\"00Q8c00001XyZaB\",\"Jürgen Müller\",\"9/23/2026 10:15 AM\"\r\n").getBytes(StandardCharsets.ISO_8859_1));

        ImportResult latin1 = new SalesforceLeadReportImporter(SalesforceReportOptions.builder(NEW_YORK)
                .charset(StandardCharsets.ISO_8859_1).build()).importFile(file);
        assertThat(latin1.events()).allSatisfy(e -> assertThat(e.attribute("ownerId")).isEqualTo("Jürgen Müller"));

        SalesforceLeadReportImporter utf8 = new SalesforceLeadReportImporter(SalesforceReportOptions.of(NEW_YORK));
        assertThatThrownBy(() -> utf8.importFile(file))
                .isInstanceOf(ExportImportException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid UTF-8 text")
                .hasMessageContaining("ISO-8859-1");
    }

    @Test
    void copiesExtraColumnsAndReadsTheRejectionReasonFromAConfiguredColumn() {
        String csv = "\"Lead ID\",\"Lead Owner\",\"Create Date\",\"Lead Status\",\"Last Activity\",\"Disqualified Reason\","
                + "\"Industry\"\n"
                + "\"00Q8c00001XyZaB\",\"Jane Doe\",\"9/23/2026 10:15 AM\",\"Unqualified\",\"9/25/2026\",\"No budget\","
                + "\"Retail\"\n";
        SalesforceReportOptions options = SalesforceReportOptions.builder(NEW_YORK)
                .rejectionReasonColumn("Disqualified Reason")
                .extraAttribute("Industry", "industry")
                .contactChannel("email")
                .build();

        ImportResult result = new SalesforceLeadReportImporter(options).importCsv("r.csv", new StringReader(csv));

        assertThat(result.events()).allSatisfy(e -> assertThat(e.attribute("industry")).isEqualTo("Retail"));
        assertThat(result.events()).filteredOn(e -> e.type() == EventType.REJECTED).singleElement().satisfies(e -> {
            assertThat(e.attribute("reason")).isEqualTo("No budget");
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-09-25T04:00:00Z"));
        });
        assertThat(result.events()).filteredOn(e -> e.type() == EventType.CONTACT_ATTEMPT).singleElement()
                .satisfies(e -> assertThat(e.attribute("channel")).isEqualTo("email"));
    }

    @Test
    void optionsRefuseContradictions() {
        assertThatThrownBy(() -> SalesforceReportOptions.builder(NEW_YORK).rejectedStatuses(List.of("qualified")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> SalesforceReportOptions.builder(NEW_YORK).contactChannel("pigeon").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pigeon");
        assertThatThrownBy(() -> SalesforceReportOptions.of(null)).isInstanceOf(NullPointerException.class);
        SalesforceReportOptions options = SalesforceReportOptions.builder(NEW_YORK).queueOwners(List.of("Q")).build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(SalesforceReportOptions.of(NEW_YORK).acceptedStatuses())
                .containsExactly("Closed - Converted", "Qualified");
    }
}
