package io.leadsla.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.RecordSla;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaPayloadTest {

    private static final LeadKey LEAD = new LeadKey(Crm.HUBSPOT, "5101");

    @Test
    void readsBackWhatItWrote() {
        RecordSla breached = new RecordSla(LEAD, 2, ClockStatus.BREACHED, "first-contact",
                Instant.parse("2026-11-23T08:05:00Z"), Instant.parse("2026-11-23T08:05:00Z"), 3);
        String payload = SlaPayload.of(breached);
        assertThat(payload).isEqualTo("{\"cycle\":2,\"status\":\"BREACHED\",\"policyId\":\"first-contact\","
                + "\"dueAt\":\"2026-11-23T08:05:00Z\",\"breachedAt\":\"2026-11-23T08:05:00Z\",\"attempts\":3}");
        assertThat(SlaPayload.parse(LEAD, payload)).isEqualTo(breached);
        RecordSla none = new RecordSla(LEAD, 0, null, null, null, null, 0);
        assertThat(SlaPayload.parse(LEAD, SlaPayload.of(none))).isEqualTo(none);
    }
}
