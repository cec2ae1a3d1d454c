package io.leadsla.connector.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportHeaderTest {

    private final ExportHeader header = new ExportHeader("contacts.csv", List.of("Record ID", "Lead status",
            "Date entered \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"", "Became a Marketing Qualified Lead Date",
            "Lead Status"));

    @Test
    void labelsMatchIgnoringCaseSpacesAndQuoteMarks() {
        assertThat(header.find(List.of("LEAD  STATUS"))).contains(new Column("Lead status", 1));
        assertThat(header.find(List.of("Date entered \u201CMarketing Qualified Lead (Lifecycle Stage Pipeline)\u201D")))
                .contains(new Column("Date entered \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"", 2));
        assertThat(header.find(List.of("Lead Score"))).isEmpty();
    }

    @Test
    void findAllKeepsTheOrderOfTheCandidatesAndReportsDuplicates() {
        assertThat(header.findAll(List.of("Became a Marketing Qualified Lead Date",
                "Date entered \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"", "Nope")))
                .extracting(Column::index).containsExactly(3, 2);
        assertThat(header.duplicates()).containsExactly("Lead Status");
    }

    @Test
    void theMissingColumnMessageListsWhatTheFileHas() {
        assertThat(header.missing(List.of("Lead ID"), "Is this a report?").getMessage()).isEqualTo(
                "contacts.csv: no 'Lead ID' column. Columns found: 'Record ID', 'Lead status', 'Date entered"
                        + " \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"', 'Became a Marketing Qualified Lead"
                        + " Date', 'Lead Status'. Is this a report?");
    }

    @Test
    void aLongHeaderIsCutInTheMessage() {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            labels.add("Property " + i);
        }
        String message = new ExportHeader("wide.csv", labels).missing(List.of("Record ID"), "").getMessage();
        assertThat(message).contains("'Property 40' and 5 more.").doesNotContain("'Property 41'");
    }

    @Test
    void rowsReadBlankCellsAsNullAndTheFirstFilledCandidate() {
        ExportRow row = new ExportRow(7, List.of("5101", " ", "", "2026-11-20 09:15", "x"));
        assertThat(row.get(new Column("Lead status", 1))).isNull();
        assertThat(row.get(null)).isNull();
        assertThat(row.first(List.of(new Column("a", 2), new Column("b", 3))))
                .isEqualTo(new ExportRow.Cell(new Column("b", 3), "2026-11-20 09:15"));
        assertThat(row.first(List.of(new Column("a", 2)))).isNull();
    }
}
