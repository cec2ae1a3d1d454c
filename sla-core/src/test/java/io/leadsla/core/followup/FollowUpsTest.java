package io.leadsla.core.followup;

import static io.leadsla.core.clock.TestSla.paris;
import static io.leadsla.core.event.EventType.HANDED_OFF;
import static io.leadsla.core.event.EventType.MQL_QUALIFIED;
import static io.leadsla.core.event.EventType.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.ClockKind;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.TestSla;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that follow a fold: which breaches ask for a task, and when the lead is looked at again. */
class FollowUpsTest {

    private final ClockEngine engine = new ClockEngine(TestSla.policies());
    private final FollowUps followUps = new FollowUps();
    private final Instant monday9 = paris("2026-11-23T09:00");

    private List<LeadEvent> handedOffStandardLead() {
        return TestSla.lead(Crm.HUBSPOT, "1")
                .add(MQL_QUALIFIED, monday9, "budget", "yes", "decisionMaker", "yes", "need", "yes")
                .add(HANDED_OFF, monday9.plusSeconds(60), "ownerId", "77", "ownerRegion", "EMEA")
                .events();
    }

    @Test
    void aBreachedFirstContactAsksTheOwnerForOneTask() {
        Instant afterDue = paris("2026-11-23T14:00"); // 4 business hours from 09:01 with lunch 12:30-13:30: due 14:01
        assertThat(followUps.tasks(engine.fold(handedOffStandardLead(), afterDue), afterDue)).isEmpty();

        Instant breached = paris("2026-11-23T15:00");
        List<TaskAsk> asks = followUps.tasks(engine.fold(handedOffStandardLead(), breached), breached);
        assertThat(asks).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(TaskKind.BREACH);
            assertThat(a.policyId()).isEqualTo("first-contact");
            assertThat(a.cycle()).isEqualTo(1);
            assertThat(a.ownerId()).isEqualTo("77");
            assertThat(a.breachedAt()).isEqualTo(paris("2026-11-23T14:01"));
        });
    }

    @Test
    void marketingsLateHandoffAsksNoTaskOfTheRep() {
        List<LeadEvent> queued = TestSla.lead(Crm.HUBSPOT, "2")
                .add(MQL_QUALIFIED, monday9, "budget", "yes").events(); // never handed off, data missing
        Instant late = paris("2026-11-24T17:00");
        LeadState state = engine.fold(queued, late);
        assertThat(state.clocks()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ClockKind.HANDOFF);
            assertThat(c.status().name()).isEqualTo("BREACHED");
        });
        assertThat(followUps.tasks(state, late)).isEmpty();
        assertThat(FollowUps.isRepClock(ClockKind.HANDOFF)).isFalse();
        assertThat(FollowUps.isRepClock(ClockKind.QUALITY)).isFalse();
        assertThat(FollowUps.isRepClock(ClockKind.FIRST_CONTACT)).isTrue();
    }

    @Test
    void aRejectionWithoutReasonAsksForTheReasonOnlyOnceItsGraceRanOut() {
        List<LeadEvent> events = TestSla.lead(Crm.SALESFORCE, "00Q000000000001AAA")
                .add(MQL_QUALIFIED, monday9, "budget", "yes", "decisionMaker", "yes", "need", "yes")
                .add(HANDED_OFF, monday9.plusSeconds(60), "ownerId", "005A", "ownerRegion", "EMEA")
                .add(REJECTED, monday9.plusSeconds(600))
                .events();
        Instant soon = monday9.plusSeconds(1200);
        assertThat(followUps.tasks(engine.fold(events, soon), soon)).isEmpty();

        Instant nextDay = paris("2026-11-24T12:00"); // 8 business hours after 09:10 Monday: due 09:10 Tuesday
        assertThat(followUps.tasks(engine.fold(events, nextDay), nextDay)).singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(TaskKind.MISSING_REASON);
                    assertThat(a.policyId()).isEqualTo("rejection-reason");
                    assertThat(a.ownerId()).isEqualTo("005A");
                });
    }

    @Test
    void aBreachOlderThanTheGraceWhenFirstSeenIsHistory() {
        Instant weekLater = paris("2026-11-30T10:00");
        LeadState state = engine.fold(handedOffStandardLead(), weekLater);
        assertThat(new FollowUps().tasks(state, weekLater)).isEmpty();
        assertThat(new FollowUps(Duration.ofDays(30)).tasks(state, weekLater))
                .extracting(TaskAsk::policyId).contains("first-contact");
    }

    @Test
    void theNextLookIsTheNextClockChangeOrAFutureEventWhicheverIsFirst() {
        Instant now = monday9.plusSeconds(120);
        List<LeadEvent> events = handedOffStandardLead();
        LeadState state = engine.fold(events, now);
        assertThat(FollowUps.nextLook(state, events, now)).isEqualTo(state.nextChangeAt()).isAfter(now);

        Instant ahead = now.plusSeconds(30); // stamped by a CRM clock ahead of ours
        List<LeadEvent> withFuture = new java.util.ArrayList<>(events);
        withFuture.add(new LeadEvent("hubspot:future", Crm.HUBSPOT, "contact", "1",
                io.leadsla.core.event.EventType.CONTACT_ATTEMPT, ahead, java.util.Map.of("channel", "call")));
        assertThat(FollowUps.nextLook(engine.fold(withFuture, now), withFuture, now)).isEqualTo(ahead);
    }

    @Test
    void aChangeDueNowIsLookedAtAgainOneSecondLaterNeverNow() {
        List<LeadEvent> events = handedOffStandardLead();
        Instant now = monday9.plusSeconds(120);
        LeadState state = engine.fold(events, now);
        Instant due = state.nextChangeAt();
        LeadState atDue = new LeadState(state.lead(), state.objectType(), state.cycles(), state.clocks(), due,
                state.attributes(), state.eventsApplied());
        assertThat(FollowUps.nextLook(atDue, events, due)).isEqualTo(due.plusSeconds(1));
        LeadState idle = new LeadState(state.lead(), state.objectType(), List.of(), List.of(), null, java.util.Map.of(), 0);
        assertThat(FollowUps.nextLook(idle, List.of(), now)).isNull();
    }
}
