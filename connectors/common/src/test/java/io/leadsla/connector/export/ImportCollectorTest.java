package io.leadsla.connector.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.event.Crm;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportCollectorTest {

    @Test
    void aRepeatedRecordIsWarnedAboutWithItsFirstLineAndDuplicateColumnsComeAfterTheRowWarnings() {
        ImportCollector collector = new ImportCollector("x.csv", Crm.HUBSPOT);
        ImportResult result;
        try (CsvExport csv = CsvExport.open("x.csv", new StringReader("Id,Name,name\n7,Ann,a\n8,Bob,b\n7,Ann,c\n"))) {
            collector.duplicateColumns(csv.header());
            Column id = csv.header().find(List.of("Id")).orElseThrow();
            result = collector.readRows(csv, row -> collector.seen(row, id, row.get(id), "record " + row.get(id)));
        }

        assertThat(result.warnings()).extracting(ImportWarning::toString).containsExactly(
                "x.csv:4: column 'Id': record 7 appears again (first on line 2); both rows are read",
                "x.csv: columns appearing more than once (the first of each is read): name");
        assertThat(result.counts().rows()).isEqualTo(3);
    }
}
