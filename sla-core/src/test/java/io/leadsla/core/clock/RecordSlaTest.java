package io.leadsla.core.clock;

import static io.leadsla.core.clock.TestSla.paris;
import static io.leadsla.core.event.EventType.ACCEPTED;
import static io.leadsla.core.event.EventType.CONTACT_ATTEMPT;
import static io.leadsla.core.event.EventType.HANDED_OFF;
import static io.leadsla.core.event.EventType.MQL_QUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.event.Crm;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordSlaTest {

    private final ClockEngine engine = new ClockEngine(TestSla.policies());
    private final Instant monday9 = paris("2026-11-23T09:00");

    @Test
    void showsTheOpenPromiseDueSoonest() {
        LeadState state = engine.fold(TestSla.lead(Crm.HUBSPOT, "1").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "1", "ownerRegion", "EMEA").events(), paris("2026-11-23T10:00"));
        RecordSla sla = RecordSla.of(state);
        assertThat(sla.policyId()).isEqualTo("first-contact");
        assertThat(sla.status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(sla.dueAt()).isEqualTo(paris("2026-11-23T14:00"));
        assertThat(sla.breachedAt()).isNull();
    }

    @Test
    void keepsTheFirstBreachOfTheCycleOnceContacted() {
        LeadState state = engine.fold(TestSla.lead(Crm.HUBSPOT, "2").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "1", "ownerRegion", "EMEA")
                .add(CONTACT_ATTEMPT, paris("2026-11-23T15:00"), "channel", "call").events(), paris("2026-11-23T16:00"));
        RecordSla sla = RecordSla.of(state);
        assertThat(sla.breachedAt()).isEqualTo(paris("2026-11-23T14:00"));
        assertThat(sla.attempts()).isEqualTo(1);
        assertThat(sla.status()).isEqualTo(ClockStatus.ON_TRACK); // the next promise: the attempts clock
        assertThat(sla.policyId()).isIn("attempts", "disposition");
    }

    @Test
    void aClosedCycleShowsItsLastClockAndALeadWithoutMqlShowsNothing() {
        LeadState accepted = engine.fold(TestSla.lead(Crm.HUBSPOT, "3").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "1")
                .add(ACCEPTED, monday9.plusSeconds(600)).events(), paris("2026-11-24T10:00"));
        assertThat(RecordSla.of(accepted).status()).isEqualTo(ClockStatus.MET);
        LeadState none = engine.fold(TestSla.lead(Crm.HUBSPOT, "4").add(HANDED_OFF, monday9, "ownerId", "1").events(), monday9);
        assertThat(RecordSla.of(none).status()).isNull();
        assertThat(RecordSla.of(none).cycle()).isZero();
    }
}
