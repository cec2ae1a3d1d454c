package io.leadsla.connector.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesWhatInstantToStringWritesAndReadsBack() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong() % 4_000_000_000_000L; // about 1843 to 2096
            Instant instant = Instant.ofEpochMilli(random.nextInt(4) == 0 ? millis - millis % 1000 : millis);
            String text = InstantText.format(instant);
            assertThat(text).isEqualTo(instant.toString());
            assertThat(LeadEventJson.canonicalInstant(text)).isEqualTo(instant);
        }
    }

    @Test
    void fallsBackForNanosAndFarYears() {
        Instant nanos = Instant.parse("2026-11-20T08:15:00.123456789Z");
        assertThat(InstantText.format(nanos)).isEqualTo(nanos.toString());
        Instant far = Instant.parse("+12026-01-01T00:00:00Z");
        assertThat(InstantText.format(far)).isEqualTo(far.toString());
        assertThat(LeadEventJson.canonicalInstant("2026-02-30T00:00:00Z")).isNull();
        assertThat(LeadEventJson.canonicalInstant("2026-11-20T08:15:00+01:00")).isNull();
    }
}
