package io.leadsla.connector.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowEventsTest {

    @Test
    void idsAreDeterministicAndEventsComeInApplyOrderWithTheRowsAttributes() {
        RowEvents row = new RowEvents(Crm.HUBSPOT, "contact", "5101", Map.of("ownerId", "Camille", "score", "85"));
        Instant mql = Instant.parse("2026-11-20T08:15:00Z");
        row.add(EventType.REJECTED, mql, Map.of("reason", "No budget", "score", "90"));
        row.add(EventType.MQL_QUALIFIED, mql);

        List<LeadEvent> events = row.events();

        assertThat(events).extracting(LeadEvent::type).containsExactly(EventType.MQL_QUALIFIED, EventType.REJECTED);
        assertThat(events.get(0).eventId()).isEqualTo("hubspot:contact:5101:mql_qualified:1795162500000");
        assertThat(events.get(0).attributes()).isEqualTo(Map.of("ownerId", "Camille", "score", "85"));
        // an event's own attributes win over the row's
        assertThat(events.get(1).attributes()).isEqualTo(Map.of("ownerId", "Camille", "score", "90", "reason", "No budget"));
    }

    @Test
    void labelsCompareAsPeopleReadThem() {
        assertThat(Labels.normalize("  Closed -  Not\u00A0Converted ")).isEqualTo("closed - not converted");
        assertThat(Labels.in("UNQUALIFIED", Labels.normalizeAll(List.of("Unqualified")))).isTrue();
        assertThat(Labels.in("Unqualified lead", Labels.normalizeAll(List.of("Unqualified")))).isFalse();
        assertThat(Labels.in(null, Labels.normalizeAll(List.of("Unqualified")))).isFalse();
    }

    @Test
    void warningsPrintLikeCompilerMessages() {
        assertThat(new ImportWarning("a.csv", 12, "Create Date", "bad").toString())
                .isEqualTo("a.csv:12: column 'Create Date': bad");
        assertThat(new ImportWarning("a.csv", 0, null, "note").toString()).isEqualTo("a.csv: note");
        assertThat(new ExportImportException("a.csv", 3, "broken").getMessage()).isEqualTo("a.csv:3: broken");
    }
}
