package io.leadsla.connector.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.event.LeadEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlEventReaderTest {

    private static String line(int i) {
        return "{\"eventId\":\"e" + i + "\",\"crm\":\"hubspot\",\"objectType\":\"contact\",\"recordId\":\"" + (i % 97)
                + "\",\"type\":\"CONTACT_ATTEMPT\",\"occurredAt\":\"2026-11-20T08:15:00Z\",\"attributes\":{\"channel\":\"call\"}}";
    }

    @Test
    void readsEveryLineOfABigFileInOrderWithLineNumbersOfBadOnes() {
        StringBuilder file = new StringBuilder("\uFEFF");
        int lines = 10_000; // several parallel batches, and one that is not full
        for (int i = 1; i <= lines; i++) {
            if (i == 4096 || i == 9001) {
                file.append("{broken\n");
            } else if (i == 5000) {
                file.append("   \n");
            } else {
                file.append(line(i)).append('\n');
            }
        }
        List<LeadEvent> events = new ArrayList<>();
        List<JsonlEventReader.LineError> errors = new ArrayList<>();
        long count = new JsonlEventReader(new LeadEventJson())
                .read("big.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), events::add, errors::add);
        assertThat(count).isEqualTo(lines - 3);
        assertThat(events).hasSize(lines - 3);
        assertThat(events.get(0).eventId()).isEqualTo("e1");
        assertThat(events.get(events.size() - 1).eventId()).isEqualTo("e10000");
        assertThat(events).extracting(LeadEvent::eventId).doesNotHaveDuplicates();
        assertThat(errors).extracting(JsonlEventReader.LineError::line).containsExactly(4096L, 9001L);
        assertThat(errors.get(0).toString()).startsWith("big.jsonl:4096: not valid JSON");
        // repeated strings are shared, not copied per event
        assertThat(events.get(0).objectType()).isSameAs(events.get(500).objectType());
    }

    @Test
    void exactlyOneBatchAndEmptyInput() {
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 4096; i++) {
            file.append(line(i)).append('\n');
        }
        List<LeadEvent> events = new ArrayList<>();
        assertThat(new JsonlEventReader(new LeadEventJson()).read("x", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                events::add, e -> { throw new AssertionError(e.toString()); })).isEqualTo(4096);
        assertThat(new JsonlEventReader(new LeadEventJson()).read("x", new ByteArrayInputStream(new byte[0]),
                events::add, e -> { })).isZero();
    }

    @Test
    void windowsLineEndingsNoFinalNewlineUtf8AndLinesLongerThanTheBuffer() {
        String longValue = "x".repeat(5_000_000); // longer than the 4 MiB read buffer
        String file = line(1).replace("\"call\"", "\"réunion ☎\"") + "\r\n"
                + line(2).replace("\"call\"", "\"" + longValue + "\"") + "\r\n"
                + line(3); // no newline at the end
        List<LeadEvent> events = new ArrayList<>();
        List<JsonlEventReader.LineError> errors = new ArrayList<>();
        long count = new JsonlEventReader(new LeadEventJson()).read("w.jsonl",
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), events::add, errors::add);
        assertThat(errors).isEmpty();
        assertThat(count).isEqualTo(3);
        assertThat(events.get(0).attributes()).containsEntry("channel", "réunion ☎");
        assertThat(events.get(1).attributes().get("channel")).hasSize(5_000_000);
        assertThat(events.get(2).eventId()).isEqualTo("e3");
    }
}
