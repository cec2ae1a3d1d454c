package io.leadsla.connector.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadsla.connector.export.ExportStamps.Stamp;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportStampsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Column MQL = new Column("MQL date", 1);
    private static final Column LAST = new Column("Last activity", 2);

    private final ExportStamps stamps = new ExportStamps(new ExportTimeParser(PARIS, List.of(), Locale.US),
            "; try the patterns option");

    /** Reads a three-column file (Id, MQL date, Last activity) row by row with {@code reader}. */
    private static ImportResult importRows(String rows, RowReader reader) {
        ImportCollector collector = new ImportCollector("x.csv", Crm.HUBSPOT);
        try (CsvExport csv = CsvExport.open("x.csv", new StringReader("Id,MQL date,Last activity\n" + rows))) {
            return collector.readRows(csv, row -> reader.read(row, collector));
        }
    }

    private interface RowReader {
        void read(ExportRow row, ImportCollector collector);
    }

    @Test
    void aDateOnlyCellFlagsItsEventAndIsTalliedOncePerColumn() {
        ImportResult result = importRows("1,2026-11-20 09:15,2026-11-21\n2,2026-11-20 09:15,2026-11-22\n",
                (row, collector) -> {
                    RowEvents events = new RowEvents(Crm.HUBSPOT, "contact", row.get(new Column("Id", 0)), Map.of());
                    Stamp mql = stamps.read(row, MQL);
                    Stamp last = stamps.read(row, LAST);
                    stamps.add(events, EventType.MQL_QUALIFIED, mql, mql.at(), Map.of(), collector);
                    stamps.add(events, EventType.CONTACT_ATTEMPT, last, last.at(), Map.of("channel", "call"), collector);
                    collector.addEvents(events.events());
                });

        assertThat(result.events()).extracting(LeadEvent::attributes).containsExactly(
                Map.of(), Map.of("channel", "call", "timeKnown", "false"),
                Map.of(), Map.of("channel", "call", "timeKnown", "false"));
        assertThat(result.events().get(1).occurredAt()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("Last activity");
            assertThat(w.message()).startsWith("2 events were placed at the start of the day (Europe/Paris)");
        });
    }

    @Test
    void aCellThatIsNotATimeSkipsItsRowWithTheHint() {
        ImportResult result = importRows("1,tomorrow,\n2,2026-11-20 09:15,\n", (row, collector) -> {
            RowEvents events = new RowEvents(Crm.HUBSPOT, "contact", row.get(new Column("Id", 0)), Map.of());
            Stamp mql = stamps.read(row, MQL);
            assertThat(stamps.read(row, LAST)).isNull();
            stamps.add(events, EventType.MQL_QUALIFIED, mql, mql.at(), Map.of(), collector);
            collector.addEvents(events.events());
        });

        assertThat(result.events()).extracting(LeadEvent::recordId).containsExactly("2");
        assertThat(result.counts()).isEqualTo(new ImportCounts(2, 1, 0, 1, 0));
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.message()).startsWith("'tomorrow' is not a date").endsWith("; try the patterns option; row skipped");
        });
    }

    @Test
    void aRejectionIsNeverBeforeTheMqlAndOnlyItCarriesTheReason() {
        ImportCollector collector = new ImportCollector("x.csv", Crm.SALESFORCE);
        RowEvents events = new RowEvents(Crm.SALESFORCE, "lead", "00Q1", Map.of("ownerId", "Jane"));
        Stamp mql = stamps.read(MQL, "2026-11-20 15:40");
        Stamp sameDay = stamps.read(LAST, "2026-11-20");
        Stamp later = stamps.read(LAST, "2026-11-23 10:00");

        assertThat(sameDay.notBefore(mql)).isEqualTo(mql.at());
        assertThat(later.notBefore(mql)).isEqualTo(later.at());
        stamps.addRejectedOrRecycled(events, EventType.REJECTED, sameDay, mql, "No budget", collector);
        stamps.addRejectedOrRecycled(events, EventType.RECYCLED, later, mql, "No budget", collector);

        assertThat(events.events()).extracting(LeadEvent::type, LeadEvent::occurredAt, LeadEvent::attributes)
                .containsExactly(
                        tuple(EventType.REJECTED, mql.at(),
                                Map.of("ownerId", "Jane", "timeKnown", "false", "reason", "No budget")),
                        tuple(EventType.RECYCLED, later.at(),
                                Map.of("ownerId", "Jane", "timeKnown", "false")));
        assertThatThrownBy(() -> stamps.addRejectedOrRecycled(events, EventType.ACCEPTED, later, mql, null, collector))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
