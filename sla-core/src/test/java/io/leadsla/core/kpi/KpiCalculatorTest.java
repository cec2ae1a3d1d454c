package io.leadsla.core.kpi;

import static io.leadsla.core.event.EventType.ACCEPTED;
import static io.leadsla.core.event.EventType.ATTRIBUTES_CHANGED;
import static io.leadsla.core.event.EventType.CONTACT_ATTEMPT;
import static io.leadsla.core.event.EventType.HANDED_OFF;
import static io.leadsla.core.event.EventType.MQL_QUALIFIED;
import static io.leadsla.core.event.EventType.RECYCLED;
import static io.leadsla.core.event.EventType.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.TestSla;
import io.leadsla.core.event.Crm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiCalculatorTest {

    private final ClockEngine engine = new ClockEngine(TestSla.policies());
    private final KpiCalculator kpis = new KpiCalculator(TestSla.policies());
    private final Instant t0 = TestSla.paris("2026-11-02T09:00");
    private final Instant now = TestSla.paris("2026-12-31T00:00");

    private List<LeadState> leads() {
        List<LeadState> leads = new ArrayList<>();
        // 1: accepted, rep "a", called after 10 minutes
        leads.add(engine.fold(TestSla.lead(Crm.HUBSPOT, "1")
                .add(MQL_QUALIFIED, t0, "leadSource", "Webinar", "budget", "y", "decisionMaker", "y", "need", "y")
                .add(HANDED_OFF, t0.plusSeconds(600), "ownerId", "a")
                .add(CONTACT_ATTEMPT, t0.plusSeconds(1200), "channel", "call")
                .add(ACCEPTED, t0.plusSeconds(86_400)).events(), now));
        // 2: rejected with a reason, rep "a", called after 30 minutes
        leads.add(engine.fold(TestSla.lead(Crm.HUBSPOT, "2")
                .add(MQL_QUALIFIED, t0, "leadSource", "Webinar", "budget", "y")
                .add(HANDED_OFF, t0, "ownerId", "a")
                .add(CONTACT_ATTEMPT, t0.plusSeconds(1800), "channel", "email")
                .add(REJECTED, t0.plusSeconds(7200), "reason", "Budget").events(), now));
        // 3: rejected without reason, reason added later, rep "b", demo request
        leads.add(engine.fold(TestSla.lead(Crm.SALESFORCE, "3")
                .add(MQL_QUALIFIED, t0, "leadSource", "Demo Request")
                .add(HANDED_OFF, t0, "ownerId", "b")
                .add(CONTACT_ATTEMPT, t0.plusSeconds(120), "channel", "call")
                .add(REJECTED, t0.plusSeconds(3600))
                .add(ATTRIBUTES_CHANGED, t0.plusSeconds(7200), "reason", "Budget").events(), now));
        // 4: rejected without reason, never given; rep "b"
        leads.add(engine.fold(TestSla.lead(Crm.SALESFORCE, "4")
                .add(MQL_QUALIFIED, t0, "leadSource", "Paid Search")
                .add(HANDED_OFF, t0, "ownerId", "b")
                .add(REJECTED, t0.plusSeconds(3600)).events(), now));
        // 5: open, handed off, no contact
        leads.add(engine.fold(TestSla.lead(Crm.HUBSPOT, "5")
                .add(MQL_QUALIFIED, t0, "leadSource", "Webinar")
                .add(HANDED_OFF, t0, "ownerId", "b").events(), now));
        // 6: MQL never handed off, recycled
        leads.add(engine.fold(TestSla.lead(Crm.HUBSPOT, "6")
                .add(MQL_QUALIFIED, t0, "leadSource", "Webinar")
                .add(RECYCLED, t0.plusSeconds(86_400 * 3)).events(), now));
        // 7: MQL in December (next month) accepted
        leads.add(engine.fold(TestSla.lead(Crm.HUBSPOT, "7")
                .add(MQL_QUALIFIED, TestSla.paris("2026-12-01T10:00"), "leadSource", "Referral")
                .add(HANDED_OFF, TestSla.paris("2026-12-01T10:00"), "ownerId", "a")
                .add(ACCEPTED, TestSla.paris("2026-12-01T11:00")).events(), now));
        return leads;
    }

    @Test
    void acceptanceRateIsAcceptedOverHandedOver() {
        KpiSummary s = kpis.compute(leads(), null, null, null).overall();
        assertThat(s.mqls()).isEqualTo(7);
        assertThat(s.handedOff()).isEqualTo(6);
        assertThat(s.accepted()).isEqualTo(2);
        assertThat(s.rejected()).isEqualTo(3);
        assertThat(s.open()).isEqualTo(1);
        assertThat(s.recycled()).isEqualTo(1);
        assertThat(s.acceptanceRate()).isEqualTo(33.3);
    }

    @Test
    void rejectionReasonsAndRejectionsWithoutReason() {
        KpiSummary s = kpis.compute(leads(), null, null, null).overall();
        assertThat(s.rejectionReasons()).containsExactly(new ReasonCount("Budget", 2, 100.0));
        assertThat(s.rejectedWithoutReason()).isEqualTo(2);
        assertThat(s.reasonsAddedLater()).isEqualTo(1);
        assertThat(s.policies().get("rejection-reason").met()).isEqualTo(1);
        assertThat(s.policies().get("rejection-reason").breached()).isEqualTo(1);
    }

    @Test
    void firstResponseStatistics() {
        KpiSummary s = kpis.compute(leads(), null, null, null).overall();
        // responses: 10 min (1), 30 min (2), 2 min (3), 60 min by disposition (4); 5 has none; 7 disposition at 60 min
        DurationStats wall = s.firstResponseTime();
        assertThat(wall.count()).isEqualTo(5);
        assertThat(wall.medianMinutes()).isEqualTo(30.0);
        assertThat(wall.p90Minutes()).isEqualTo(60.0);
        assertThat(wall.meanMinutes()).isEqualTo(32.4);
    }

    @Test
    void groupsByOwnerSourceTierAndMonth() {
        KpiReport byOwner = kpis.compute(leads(), null, null, GroupBy.OWNER);
        assertThat(byOwner.groups()).containsOnlyKeys("a", "b", "(no owner)");
        assertThat(byOwner.groups().get("a").acceptanceRate()).isEqualTo(66.7);
        assertThat(byOwner.groups().get("b").acceptanceRate()).isEqualTo(0.0);

        KpiReport byTier = kpis.compute(leads(), null, null, GroupBy.TIER);
        assertThat(byTier.groups().get("hot").mqls()).isEqualTo(1);
        assertThat(byTier.groups().get("standard").mqls()).isEqualTo(6);

        KpiReport bySource = kpis.compute(leads(), null, null, GroupBy.SOURCE);
        assertThat(bySource.groups().get("Webinar").mqls()).isEqualTo(4);

        KpiReport byMonth = kpis.compute(leads(), null, null, GroupBy.MONTH);
        assertThat(byMonth.groups()).containsOnlyKeys("2026-11", "2026-12");
    }

    @Test
    void periodFiltersByMqlAndVolumeIsAgainstTheCommitment() {
        KpiReport november = kpis.compute(leads(), TestSla.paris("2026-11-01T00:00"), TestSla.paris("2026-12-01T00:00"), null);
        assertThat(november.overall().mqls()).isEqualTo(6);
        assertThat(november.volume()).containsExactly(new MonthlyVolume("2026-11", 6, 200, 3.0));

        KpiReport quarter = kpis.compute(leads(), TestSla.paris("2026-10-01T00:00"), TestSla.paris("2027-01-01T00:00"), null);
        assertThat(quarter.volume()).extracting(MonthlyVolume::month).containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(quarter.volume().get(0).mqls()).isZero();
    }

    @Test
    void qualityCountsMissingAttributesAtHandoff() {
        KpiSummary s = kpis.compute(leads(), null, null, null).overall();
        assertThat(s.qualityChecked()).isEqualTo(6);
        assertThat(s.qualityComplete()).isEqualTo(1);
        assertThat(s.missingAttributes()).containsEntry("budget", 4L).containsEntry("need", 5L);
    }

    @Test
    void leadsDeletedAfterTheHandoffDoNotCountAgainstAcceptance() {
        List<LeadState> leads = new ArrayList<>(leads());
        leads.add(engine.fold(TestSla.lead(Crm.HUBSPOT, "8").add(MQL_QUALIFIED, t0).add(HANDED_OFF, t0, "ownerId", "a")
                .add(io.leadsla.core.event.EventType.DELETED, t0.plusSeconds(60)).events(), now));
        KpiSummary s = kpis.compute(leads, null, null, null).overall();
        assertThat(s.handedOff()).isEqualTo(7);
        assertThat(s.deleted()).isEqualTo(1);
        assertThat(s.acceptanceRate()).isEqualTo(33.3); // 2 accepted of 6 handed over and not deleted
    }

    @Test
    void volumeMonthsFollowTheVolumePolicysCalendar() {
        io.leadsla.core.policy.PolicySet base = TestSla.policies();
        List<io.leadsla.core.policy.Policy> policies = new ArrayList<>(base.policies());
        policies.removeIf(p -> p instanceof io.leadsla.core.policy.Policy.Volume);
        policies.add(new io.leadsla.core.policy.Policy.Volume("volume-na", 100, "na"));
        io.leadsla.core.policy.PolicySet na = new io.leadsla.core.policy.PolicySet(base.version(), base.calendars(),
                base.defaultCalendar(), base.tiers(), base.attemptRules(), base.fields(), policies);
        // 02:00 UTC on 1 December is still 30 November in New York
        LeadState lead = new ClockEngine(na).fold(TestSla.lead(Crm.HUBSPOT, "9")
                .add(MQL_QUALIFIED, Instant.parse("2026-12-01T02:00:00Z")).events(), now);
        KpiReport report = new KpiCalculator(na).compute(List.of(lead), null, null, GroupBy.MONTH);
        assertThat(report.volume()).containsExactly(new MonthlyVolume("2026-11", 1, 100, 1.0));
        assertThat(report.groups()).containsOnlyKeys("2026-12"); // grouping stays on the reporting calendar (Paris)
    }
}
