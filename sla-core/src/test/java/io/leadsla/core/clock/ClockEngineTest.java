package io.leadsla.core.clock;

import static io.leadsla.core.clock.TestSla.paris;
import static io.leadsla.core.event.EventType.ACCEPTED;
import static io.leadsla.core.event.EventType.ATTRIBUTES_CHANGED;
import static io.leadsla.core.event.EventType.CONTACT_ATTEMPT;
import static io.leadsla.core.event.EventType.DELETED;
import static io.leadsla.core.event.EventType.HANDED_OFF;
import static io.leadsla.core.event.EventType.MQL_QUALIFIED;
import static io.leadsla.core.event.EventType.OWNER_CHANGED;
import static io.leadsla.core.event.EventType.RECYCLED;
import static io.leadsla.core.event.EventType.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockEngineTest {

    private final ClockEngine engine = new ClockEngine(TestSla.policies(false));
    private final Instant monday9 = paris("2026-11-23T09:00");

    private static TestSla.History lead(String id) {
        return new TestSla.History(Crm.HUBSPOT, id);
    }

    private static SlaClock clock(LeadState state, String policyId, int cycle) {
        return state.clocks().stream().filter(c -> c.policyId().equals(policyId) && c.cycle() == cycle)
                .findFirst().orElseThrow(() -> new AssertionError("no " + policyId + " clock in cycle " + cycle
                        + ": " + state.clocks()));
    }

    private static SlaClock clock(LeadState state, String policyId) {
        return clock(state, policyId, 1);
    }

    @Test
    void hotLeadContactedWithinFiveMinutesIsMet() {
        List<LeadEvent> events = lead("1")
                .add(MQL_QUALIFIED, monday9, "leadSource", "Demo Request", "budget", "yes", "decisionMaker", "yes", "need", "yes")
                .add(HANDED_OFF, monday9.plusSeconds(60), "ownerId", "77", "ownerRegion", "EMEA")
                .add(CONTACT_ATTEMPT, monday9.plusSeconds(60 + 4 * 60), "channel", "call")
                .events();
        LeadState state = engine.fold(events, paris("2026-11-23T12:00"));

        SlaClock firstContact = clock(state, "first-contact");
        assertThat(firstContact.tier()).isEqualTo("hot");
        assertThat(firstContact.status()).isEqualTo(ClockStatus.MET);
        assertThat(firstContact.dueAt()).isEqualTo(monday9.plusSeconds(60 + 300));
        assertThat(firstContact.stoppedBy()).isEqualTo(CONTACT_ATTEMPT);
        assertThat(clock(state, "mql-handoff").status()).isEqualTo(ClockStatus.MET);
        assertThat(clock(state, "mql-quality").status()).isEqualTo(ClockStatus.MET);
        LeadCycle cycle = state.cycles().get(0);
        assertThat(cycle.handoffTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(cycle.firstResponseTime()).isEqualTo(Duration.ofMinutes(4));
        assertThat(cycle.owner()).isEqualTo("77");
        assertThat(cycle.source()).isEqualTo("Demo Request");
    }

    @Test
    void hotTierIsWallClockSoANightMqlBreachesAtNight() {
        Instant night = paris("2026-11-23T23:00");
        List<LeadEvent> events = lead("2")
                .add(MQL_QUALIFIED, night, "score", "91")
                .add(HANDED_OFF, night, "ownerId", "77", "ownerRegion", "EMEA").events();
        LeadState state = engine.fold(events, night.plusSeconds(6 * 60));
        SlaClock fc = clock(state, "first-contact");
        assertThat(fc.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(fc.breachedAt()).isEqualTo(night.plusSeconds(300));
    }

    @Test
    void standardLeadRunsOnBusinessHoursOfTheOwnersRegion() {
        // Friday 16:00 Paris: 2h left on Friday, 2h on Monday -> due Monday 11:00 Paris
        Instant friday = paris("2026-11-27T16:00");
        List<LeadEvent> emea = lead("3").add(MQL_QUALIFIED, friday)
                .add(HANDED_OFF, friday, "ownerId", "12", "ownerRegion", "EMEA").events();
        SlaClock fc = clock(engine.fold(emea, paris("2026-11-28T12:00")), "first-contact");
        assertThat(fc.tier()).isEqualTo("standard");
        assertThat(fc.calendar()).isEqualTo("emea");
        assertThat(fc.dueAt()).isEqualTo(paris("2026-11-30T11:00"));
        assertThat(fc.status()).isEqualTo(ClockStatus.ON_TRACK); // 2h of 4h used by Saturday: at risk from 3h

        List<LeadEvent> na = lead("3b").add(MQL_QUALIFIED, friday)
                .add(HANDED_OFF, friday, "ownerId", "40", "ownerRegion", "NA").events();
        SlaClock naClock = clock(engine.fold(na, paris("2026-11-28T12:00")), "first-contact");
        assertThat(naClock.calendar()).isEqualTo("na");
        // 16:00 Paris = 10:00 New York on Friday: 2.5h + 1.5h after lunch -> 15:00 New York
        assertThat(naClock.dueAt()).isEqualTo(java.time.LocalDateTime.parse("2026-11-27T15:00")
                .atZone(TestSla.NEW_YORK).toInstant());
    }

    @Test
    void atRiskThenBreachAndNextChange() {
        Instant friday = paris("2026-11-27T16:00");
        List<LeadEvent> events = lead("4").add(MQL_QUALIFIED, friday)
                .add(HANDED_OFF, friday, "ownerId", "12", "ownerRegion", "EMEA").events();

        LeadState saturday = engine.fold(events, paris("2026-11-28T12:00"));
        SlaClock fc = clock(saturday, "first-contact");
        assertThat(fc.status()).isEqualTo(ClockStatus.ON_TRACK);
        assertThat(fc.atRiskAt()).isEqualTo(paris("2026-11-30T10:00"));
        assertThat(fc.businessMinutesElapsed()).isEqualTo(120);
        assertThat(saturday.nextChangeAt()).isEqualTo(paris("2026-11-30T10:00"));

        LeadState mondayTen = engine.fold(events, paris("2026-11-30T10:00"));
        assertThat(clock(mondayTen, "first-contact").status()).isEqualTo(ClockStatus.AT_RISK);
        assertThat(mondayTen.nextChangeAt()).isEqualTo(paris("2026-11-30T11:00"));

        LeadState mondayEleven = engine.fold(events, paris("2026-11-30T11:00"));
        SlaClock breached = clock(mondayEleven, "first-contact");
        assertThat(breached.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(breached.breachedAt()).isEqualTo(paris("2026-11-30T11:00"));
    }

    @Test
    void automatedEmailIsNotAFirstTouch() {
        List<LeadEvent> events = lead("5").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "12", "ownerRegion", "EMEA")
                .add(CONTACT_ATTEMPT, monday9.plusSeconds(5), "channel", "email", "automated", "true")
                .add(CONTACT_ATTEMPT, monday9.plusSeconds(3600), "channel", "fax")
                .add(CONTACT_ATTEMPT, paris("2026-11-23T13:45"), "channel", "call").events();
        LeadState state = engine.fold(events, paris("2026-11-24T09:00"));
        SlaClock fc = clock(state, "first-contact");
        assertThat(fc.stoppedAt()).isEqualTo(paris("2026-11-23T13:45"));
        assertThat(fc.status()).isEqualTo(ClockStatus.MET);
        assertThat(state.cycles().get(0).attempts()).isEqualTo(1);
        assertThat(state.cycles().get(0).firstResponseBusinessTime()).isEqualTo(Duration.ofMinutes(225));
        assertThat(state.cycles().get(0).firstResponseTime()).isEqualTo(Duration.ofMinutes(285));
    }

    @Test
    void lateFirstContactIsMissed() {
        List<LeadEvent> events = lead("6").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "12", "ownerRegion", "EMEA")
                .add(CONTACT_ATTEMPT, paris("2026-11-23T15:00"), "channel", "call").events();
        // due at 14:00 (09:00-12:30 = 3.5h, then 13:30 + 0.5h)
        SlaClock fc = clock(engine.fold(events, paris("2026-11-24T09:00")), "first-contact");
        assertThat(fc.dueAt()).isEqualTo(paris("2026-11-23T14:00"));
        assertThat(fc.status()).isEqualTo(ClockStatus.MISSED);
        assertThat(fc.breachedAt()).isEqualTo(fc.dueAt());
    }

    @Test
    void missingMqlDataIsRecordedAtHandoff() {
        List<LeadEvent> events = lead("7").add(MQL_QUALIFIED, monday9, "budget", "50k")
                .add(ATTRIBUTES_CHANGED, monday9.plusSeconds(60), "need", "CRM migration")
                .add(HANDED_OFF, monday9.plusSeconds(120), "ownerId", "12").events();
        LeadState state = engine.fold(events, monday9.plusSeconds(3600));
        SlaClock quality = clock(state, "mql-quality");
        assertThat(quality.status()).isEqualTo(ClockStatus.MISSED);
        assertThat(quality.missingAttributes()).containsExactly("decisionMaker");
        assertThat(state.cycles().get(0).missingAttributes()).containsExactly("decisionMaker");
    }

    @Test
    void lateHandoffIsMarketingsDelayNotTheReps() {
        // MQL Monday 09:00, routed Monday 13:30 (3.5 business hours: late), rep calls 13:40
        List<LeadEvent> events = lead("8").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, paris("2026-11-23T13:30"), "ownerId", "12", "ownerRegion", "EMEA")
                .add(CONTACT_ATTEMPT, paris("2026-11-23T13:40"), "channel", "call").events();
        LeadState state = engine.fold(events, paris("2026-11-24T09:00"));
        assertThat(clock(state, "mql-handoff").status()).isEqualTo(ClockStatus.MISSED);
        assertThat(clock(state, "first-contact").status()).isEqualTo(ClockStatus.MET);
        assertThat(state.cycles().get(0).handoffBusinessTime()).isEqualTo(Duration.ofMinutes(210));
        assertThat(state.cycles().get(0).firstResponseTime()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void ownerAssignedBeforeTheMqlMeansHandoffAtTheMql() {
        List<LeadEvent> events = lead("9").add(HANDED_OFF, monday9.minusSeconds(600), "ownerId", "12")
                .add(MQL_QUALIFIED, monday9).events();
        LeadState state = engine.fold(events, monday9.plusSeconds(60));
        assertThat(state.cycles().get(0).handedOffAt()).isEqualTo(monday9);
        assertThat(clock(state, "first-contact").startedAt()).isEqualTo(monday9);
    }

    @Test
    void ownerChangeDoesNotRestartFirstContactUnlessThePolicySaysSo() {
        List<LeadEvent> events = lead("10").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "12")
                .add(OWNER_CHANGED, paris("2026-11-23T11:00"), "ownerId", "13").events();
        Instant now = paris("2026-11-23T11:30");
        assertThat(clock(engine.fold(events, now), "first-contact").startedAt()).isEqualTo(monday9);
        ClockEngine restarting = new ClockEngine(TestSla.policies(true));
        SlaClock restarted = clock(restarting.fold(events, now), "first-contact");
        assertThat(restarted.startedAt()).isEqualTo(paris("2026-11-23T11:00"));
        assertThat(restarted.dueAt()).isEqualTo(paris("2026-11-23T16:00"));
        assertThat(restarting.fold(events, now).cycles().get(0).owner()).isEqualTo("13");
    }

    @Test
    void fiveAttemptsWithinTenDaysMeetTheAttemptsPolicy() {
        TestSla.History h = lead("11").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "12");
        for (int day = 0; day < 5; day++) {
            h.add(CONTACT_ATTEMPT, monday9.plus(Duration.ofDays(day)).plusSeconds(600), "channel", day % 2 == 0 ? "call" : "email");
        }
        LeadState state = engine.fold(h.events(), monday9.plus(Duration.ofDays(20)));
        SlaClock attempts = clock(state, "attempts");
        assertThat(attempts.status()).isEqualTo(ClockStatus.MET);
        assertThat(attempts.attempts()).isEqualTo(5);
        assertThat(attempts.stoppedAt()).isEqualTo(monday9.plus(Duration.ofDays(4)).plusSeconds(600));
    }

    @Test
    void tooFewAttemptsBreachUnlessADispositionCameFirst() {
        TestSla.History h = lead("12").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "12")
                .add(CONTACT_ATTEMPT, monday9.plusSeconds(600), "channel", "call")
                .add(CONTACT_ATTEMPT, monday9.plusSeconds(6000), "channel", "call");
        SlaClock breached = clock(engine.fold(h.events(), monday9.plus(Duration.ofDays(11))), "attempts");
        assertThat(breached.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(breached.attempts()).isEqualTo(2);

        h.add(ACCEPTED, monday9.plus(Duration.ofDays(2)));
        SlaClock accepted = clock(engine.fold(h.events(), monday9.plus(Duration.ofDays(11))), "attempts");
        assertThat(accepted.status()).isEqualTo(ClockStatus.MET);
        assertThat(accepted.stoppedBy()).isEqualTo(ACCEPTED);
    }

    @Test
    void rejectionWithoutReasonStartsTheReasonClockUntilAReasonArrives() {
        TestSla.History h = lead("13").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "12")
                .add(CONTACT_ATTEMPT, monday9.plusSeconds(600), "channel", "call")
                .add(REJECTED, paris("2026-11-23T10:00"));
        LeadState open = engine.fold(h.events(), paris("2026-11-23T17:00"));
        SlaClock reason = clock(open, "rejection-reason");
        assertThat(reason.status()).isEqualTo(ClockStatus.AT_RISK);
        assertThat(reason.dueAt()).isEqualTo(paris("2026-11-24T10:00"));
        assertThat(open.cycles().get(0).rejectedWithoutReason()).isTrue();
        assertThat(open.cycles().get(0).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(clock(open, "disposition").status()).isEqualTo(ClockStatus.MET);

        h.add(ATTRIBUTES_CHANGED, paris("2026-11-23T17:30"), "reason", "No Budget");
        LeadState given = engine.fold(h.events(), paris("2026-11-25T09:00"));
        assertThat(clock(given, "rejection-reason").status()).isEqualTo(ClockStatus.MET);
        assertThat(given.cycles().get(0).rejectionReason()).isEqualTo("No Budget");
        assertThat(given.cycles().get(0).rejectedWithoutReason()).isTrue();
    }

    @Test
    void rejectionWithAReasonStartsNoReasonClock() {
        LeadState state = engine.fold(lead("14").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(REJECTED, monday9.plusSeconds(60), "reason", "Competitor").events(), monday9.plusSeconds(3600));
        assertThat(state.clocks()).noneMatch(c -> c.kind() == ClockKind.REJECTION_REASON);
        assertThat(state.cycles().get(0).rejectionReason()).isEqualTo("Competitor");
    }

    @Test
    void recycledLeadQualifiedAgainStartsANewCycleWithNewClocks() {
        List<LeadEvent> events = lead("15").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "12")
                .add(RECYCLED, paris("2026-11-23T10:00"), "ownerId", "") // back to marketing: owner cleared
                .add(MQL_QUALIFIED, paris("2026-12-07T09:00"))
                .add(HANDED_OFF, paris("2026-12-07T09:30"), "ownerId", "12").events();
        LeadState state = engine.fold(events, paris("2026-12-07T10:00"));
        assertThat(state.cycles()).hasSize(2);
        assertThat(state.cycles().get(0).outcome()).isEqualTo(Outcome.RECYCLED);
        assertThat(clock(state, "first-contact", 1).status()).isEqualTo(ClockStatus.CANCELLED);
        assertThat(clock(state, "disposition", 1).status()).isEqualTo(ClockStatus.MET);
        SlaClock second = clock(state, "first-contact", 2);
        assertThat(second.startedAt()).isEqualTo(paris("2026-12-07T09:30"));
        assertThat(second.status()).isEqualTo(ClockStatus.ON_TRACK);
    }

    @Test
    void aRepeatedMqlWhileTheCycleIsOpenChangesNothing() {
        List<LeadEvent> events = lead("16").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(MQL_QUALIFIED, monday9.plusSeconds(600)).events();
        assertThat(engine.fold(events, monday9.plusSeconds(900)).cycles()).hasSize(1);
    }

    @Test
    void deletionCancelsOpenClocksEvenWhenOverdue() {
        List<LeadEvent> events = lead("17").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(DELETED, paris("2026-11-25T09:00")).events();
        LeadState state = engine.fold(events, paris("2026-11-26T09:00"));
        assertThat(state.clocks()).filteredOn(c -> c.kind() != ClockKind.QUALITY && c.kind() != ClockKind.HANDOFF)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(ClockStatus.CANCELLED));
        assertThat(state.cycles().get(0).outcome()).isEqualTo(Outcome.DELETED);
        assertThat(state.nextChangeAt()).isNull();
    }

    @Test
    void eventsAfterNowAreNotYetKnown() {
        List<LeadEvent> events = lead("18").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(ACCEPTED, paris("2026-11-24T09:00")).events();
        LeadState before = engine.fold(events, paris("2026-11-23T10:00"));
        assertThat(before.cycles().get(0).outcome()).isEqualTo(Outcome.OPEN);
        assertThat(before.eventsApplied()).isEqualTo(2);
        assertThat(engine.fold(events, paris("2026-11-24T09:00")).cycles().get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void dispositionStraightFromTheQueueIsAHandoffWithoutRepClocks() {
        List<LeadEvent> events = lead("19").add(MQL_QUALIFIED, monday9)
                .add(ACCEPTED, monday9.plusSeconds(1800), "ownerId", "1").events();
        LeadState state = engine.fold(events, monday9.plusSeconds(3600));
        assertThat(state.cycles().get(0).handedOffAt()).isEqualTo(monday9.plusSeconds(1800));
        assertThat(state.cycles().get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(state.clocks()).extracting(SlaClock::kind).containsOnly(ClockKind.HANDOFF, ClockKind.QUALITY);
    }

    @Test
    void nonMqlLeadsRunNoClock() {
        LeadState state = engine.fold(lead("20").add(HANDED_OFF, monday9, "ownerId", "1")
                .add(CONTACT_ATTEMPT, monday9.plusSeconds(60), "channel", "call").events(), monday9.plusSeconds(600));
        assertThat(state.cycles()).isEmpty();
        assertThat(state.clocks()).isEmpty();
        assertThat(state.nextChangeAt()).isNull();
    }

    @Test
    void refusesEventsOfSeveralLeads() {
        List<LeadEvent> mixed = new ArrayList<>(lead("a").add(MQL_QUALIFIED, monday9).events());
        mixed.addAll(lead("b").add(MQL_QUALIFIED, monday9).events());
        assertThatThrownBy(() -> engine.fold(mixed, monday9)).hasMessageContaining("folded together");
    }

    // ---- same-instant data, late reasons, re-qualification, reassignment (review findings) ----

    @Test
    void dataSavedAtTheSameInstantAsTheMqlDecidesTheTier() {
        List<LeadEvent> events = lead("30").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "77", "ownerRegion", "EMEA")
                .add(ATTRIBUTES_CHANGED, monday9, "score", "95").events();
        SlaClock fc = clock(engine.fold(events, monday9.plusSeconds(60)), "first-contact");
        assertThat(fc.tier()).isEqualTo("hot");
        assertThat(fc.dueAt()).isEqualTo(monday9.plusSeconds(300));
    }

    @Test
    void aReasonEnteredWithOrJustBeforeTheRejectionCounts() {
        SeedLead base = () -> lead("31").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1");
        LeadState sameInstant = engine.fold(base.get().add(ATTRIBUTES_CHANGED, paris("2026-11-23T10:00"), "reason", "Budget")
                .add(REJECTED, paris("2026-11-23T10:00")).events(), paris("2026-11-24T10:00"));
        assertThat(sameInstant.cycles().get(0).rejectionReason()).isEqualTo("Budget");
        assertThat(sameInstant.cycles().get(0).rejectedWithoutReason()).isFalse();
        assertThat(sameInstant.clocks()).noneMatch(c -> c.kind() == ClockKind.REJECTION_REASON);

        LeadState before = engine.fold(base.get().add(ATTRIBUTES_CHANGED, paris("2026-11-23T09:59"), "reason", "Budget")
                .add(REJECTED, paris("2026-11-23T10:00")).events(), paris("2026-11-24T10:00"));
        assertThat(before.cycles().get(0).rejectedWithoutReason()).isFalse();
    }

    @Test
    void aReasonFromAnEarlierCycleDoesNotExcuseANewRejection() {
        List<LeadEvent> events = lead("32").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(REJECTED, paris("2026-11-23T10:00"), "reason", "Budget")
                .add(MQL_QUALIFIED, paris("2026-12-01T09:00"))
                .add(REJECTED, paris("2026-12-01T10:00")).events();
        LeadState state = engine.fold(events, paris("2026-12-01T11:00"));
        assertThat(state.cycles().get(1).rejectedWithoutReason()).isTrue();
        assertThat(clock(state, "rejection-reason", 2).status()).isEqualTo(ClockStatus.ON_TRACK);
    }

    @Test
    void aLateReasonReachesTheRejectionWaitingForItAfterANewMql() {
        List<LeadEvent> events = lead("33").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(REJECTED, paris("2026-11-23T10:00"))
                .add(MQL_QUALIFIED, paris("2026-11-23T11:00"))
                .add(ATTRIBUTES_CHANGED, paris("2026-11-23T11:30"), "reason", "No Need").events();
        LeadState state = engine.fold(events, paris("2026-11-23T12:00"));
        assertThat(clock(state, "rejection-reason", 1).status()).isEqualTo(ClockStatus.MET);
        assertThat(state.cycles().get(0).rejectionReason()).isEqualTo("No Need");
    }

    @Test
    void deletionCancelsOpenClocksOfEveryCycle() {
        List<LeadEvent> events = lead("34").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(REJECTED, paris("2026-11-23T10:00"))
                .add(MQL_QUALIFIED, paris("2026-11-30T09:00"))
                .add(DELETED, paris("2026-11-30T10:00")).events();
        LeadState state = engine.fold(events, paris("2026-12-10T10:00"));
        assertThat(clock(state, "rejection-reason", 1).status()).isEqualTo(ClockStatus.CANCELLED);
        assertThat(state.clocks()).noneMatch(c -> c.status().isOpen());
        assertThat(state.nextChangeAt()).isNull();
    }

    @Test
    void aLeadQualifiedAgainWhileItsOwnerKeepsItIsHandedOffAtTheMql() {
        List<LeadEvent> events = lead("35").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(REJECTED, paris("2026-11-23T10:00"), "reason", "Bad Timing")
                .add(MQL_QUALIFIED, paris("2026-12-07T09:00")).events();
        LeadState state = engine.fold(events, paris("2026-12-07T09:30"));
        assertThat(state.cycles().get(1).handedOffAt()).isEqualTo(paris("2026-12-07T09:00"));
        assertThat(clock(state, "mql-handoff", 2).status()).isEqualTo(ClockStatus.MET);
        assertThat(clock(state, "first-contact", 2).startedAt()).isEqualTo(paris("2026-12-07T09:00"));
    }

    @Test
    void aDispositionAndAnMqlAtTheSameInstantCloseOneCycleAndOpenTheNext() {
        List<LeadEvent> events = lead("36").add(MQL_QUALIFIED, monday9).add(HANDED_OFF, monday9, "ownerId", "1")
                .add(RECYCLED, paris("2026-11-23T10:00"), "ownerId", "")
                .add(MQL_QUALIFIED, paris("2026-11-23T10:00")).events();
        LeadState state = engine.fold(events, paris("2026-11-23T10:30"));
        assertThat(state.cycles()).hasSize(2);
        assertThat(state.cycles().get(0).outcome()).isEqualTo(Outcome.RECYCLED);
        assertThat(state.cycles().get(1).mqlAt()).isEqualTo(paris("2026-11-23T10:00"));
    }

    @Test
    void aLeadRequalifiedAndSentBackToTheQueueInOneSaveWaitsForItsHandoff() {
        // recycled by the rep; later marketing re-qualifies it and routes it back to its queue, in one save
        List<LeadEvent> events = lead("36").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "12", "ownerRegion", "EMEA")
                .add(RECYCLED, paris("2026-11-23T09:30"))
                .add(MQL_QUALIFIED, paris("2026-11-23T10:00"))
                .add(OWNER_CHANGED, paris("2026-11-23T10:00"), "ownerId", "").events();
        LeadState state = engine.fold(events, paris("2026-11-23T10:30"));
        assertThat(state.cycles()).hasSize(2);
        assertThat(state.cycles().get(1).handedOffAt()).as("no sales owner: the handoff is still to come").isNull();
    }

    @Test
    void reassigningABreachedLeadDoesNotEraseTheBreach() {
        ClockEngine restarting = new ClockEngine(TestSla.policies(true));
        List<LeadEvent> events = lead("37").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "12", "ownerRegion", "EMEA")
                .add(OWNER_CHANGED, paris("2026-11-23T15:00"), "ownerId", "40", "ownerRegion", "NA").events();
        SlaClock fc = clock(restarting.fold(events, paris("2026-11-23T15:30")), "first-contact");
        assertThat(fc.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(fc.startedAt()).isEqualTo(monday9);
    }

    @Test
    void aRestartedClockRunsOnTheNewOwnersCalendarAndTheSameOwnerChangesNothing() {
        ClockEngine restarting = new ClockEngine(TestSla.policies(true));
        List<LeadEvent> toNa = lead("38").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "12", "ownerRegion", "EMEA")
                .add(OWNER_CHANGED, paris("2026-11-23T10:00"), "ownerId", "40", "ownerRegion", "NA").events();
        SlaClock fc = clock(restarting.fold(toNa, paris("2026-11-23T10:30")), "first-contact");
        assertThat(fc.calendar()).isEqualTo("na");
        assertThat(fc.startedAt()).isEqualTo(paris("2026-11-23T10:00"));

        List<LeadEvent> same = lead("39").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "12", "ownerRegion", "EMEA")
                .add(HANDED_OFF, paris("2026-11-23T10:00"), "ownerId", "12", "ownerRegion", "EMEA").events();
        assertThat(clock(restarting.fold(same, paris("2026-11-23T10:30")), "first-contact").startedAt()).isEqualTo(monday9);
    }

    @Test
    void firstResponseIsMeasuredFromTheHandoffEvenAfterARestart() {
        ClockEngine restarting = new ClockEngine(TestSla.policies(true));
        List<LeadEvent> events = lead("40").add(MQL_QUALIFIED, monday9)
                .add(HANDED_OFF, monday9, "ownerId", "12", "ownerRegion", "EMEA")
                .add(OWNER_CHANGED, paris("2026-11-23T10:00"), "ownerId", "13", "ownerRegion", "EMEA")
                .add(CONTACT_ATTEMPT, paris("2026-11-23T10:10"), "channel", "call").events();
        LeadCycle cycle = restarting.fold(events, paris("2026-11-23T11:00")).cycles().get(0);
        assertThat(cycle.firstResponseTime()).isEqualTo(Duration.ofMinutes(70));
    }

    @Test
    void aQueueDispositionRecordsWhatStoppedTheClocks() {
        LeadState state = engine.fold(lead("41").add(MQL_QUALIFIED, monday9)
                .add(REJECTED, monday9.plusSeconds(600), "reason", "Spam").events(), monday9.plusSeconds(900));
        assertThat(clock(state, "mql-handoff").stoppedBy()).isEqualTo(REJECTED);
        assertThat(state.cycles().get(0).firstResponseTime()).isNull();
    }

    /** Builds a fresh history each time (histories are mutable builders). */
    @FunctionalInterface
    private interface SeedLead {
        TestSla.History get();
    }
}
