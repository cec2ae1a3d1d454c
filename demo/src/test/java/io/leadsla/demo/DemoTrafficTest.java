package io.leadsla.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.event.Crm;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.demo.Rep.Pace;
import io.leadsla.demo.TrafficPlan.Accept;
import io.leadsla.demo.TrafficPlan.Attempt;
import io.leadsla.demo.TrafficPlan.Create;
import io.leadsla.demo.TrafficPlan.GiveReason;
import io.leadsla.demo.TrafficPlan.Nurture;
import io.leadsla.demo.TrafficPlan.Reject;
import io.leadsla.demo.TrafficPlan.Route;
import io.leadsla.demo.TrafficPlan.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {

    /** Tuesday 08:50 in Paris. */
    private static final Instant START = Instant.parse("2026-11-24T07:50:00Z");
    private static final PolicySet POLICIES = new PolicyLoader().load(Path.of("..", "config", "policies.yml"));

    private static List<Step> steps(long seed, int n) {
        TrafficPlan plan = DemoTraffic.plan(seed, START, POLICIES.calendar("emea"), POLICIES.calendar("na"));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(plan.next());
        }
        return steps;
    }

    @Test
    void theSameSeedPlaysTheSameTrafficAndAnotherSeedAnother() {
        assertThat(steps(7, 2_000)).isEqualTo(steps(7, 2_000));
        assertThat(steps(8, 2_000)).isNotEqualTo(steps(7, 2_000));
    }

    @Test
    void stepsComeInTimeOrderAndEachLeadsStoryInItsOwnOrder() {
        List<Step> steps = steps(1, 3_000);
        Map<Integer, Step> last = new HashMap<>();
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).at()).isAfterOrEqualTo(steps.get(i - 1).at());
        }
        java.util.Set<Integer> routed = new java.util.HashSet<>();
        for (Step step : steps) {
            Step before = last.put(step.lead(), step);
            if (before == null) {
                assertThat(step.action()).as("a lead's story starts with its creation").isInstanceOf(Create.class);
            } else {
                assertThat(step.action()).isNotInstanceOf(Create.class);
            }
            if (step.action() instanceof Route) {
                routed.add(step.lead());
            }
            if (step.action() instanceof Attempt || step.action() instanceof Accept || step.action() instanceof Reject
                    || step.action() instanceof GiveReason) {
                assertThat(routed).as("sales works a lead once it was routed to a rep").contains(step.lead());
            }
        }
    }

    @Test
    void theOpeningBreachesADemoRequestInEachCrmWithinMinutes() {
        List<Step> first = steps(42, 40).stream()
                .filter(s -> s.at().isBefore(START.plus(Duration.ofMinutes(10)))).toList();
        Map<Integer, Crm> crmOf = new HashMap<>();
        Map<Integer, Boolean> hot = new HashMap<>();
        for (Step s : first) {
            if (s.action() instanceof Create c) {
                crmOf.put(s.lead(), c.lead().crm());
                hot.put(s.lead(), c.lead().hot());
            }
        }
        for (Crm crm : Crm.values()) {
            assertThat(first).as("a hot lead given to a rep who never calls in " + crm)
                    .anyMatch(s -> s.action() instanceof Route r && r.rep().pace() == Pace.NEVER && r.rep().crm() == crm
                            && hot.get(s.lead()) && crmOf.get(s.lead()) == crm);
        }
    }

    @Test
    void theTrafficHasEverythingTheSlaIsAbout() {
        List<Step> steps = steps(3, 6_000);
        List<TrafficPlan.Lead> leads = steps.stream().filter(s -> s.action() instanceof Create)
                .map(s -> ((Create) s.action()).lead()).toList();
        assertThat(leads).hasSizeGreaterThan(500);
        assertThat(leads).anyMatch(l -> l.crm() == Crm.HUBSPOT).anyMatch(l -> l.crm() == Crm.SALESFORCE);
        long hot = leads.stream().filter(TrafficPlan.Lead::hot).count();
        assertThat(hot).as("about a fifth are demo requests").isBetween(leads.size() / 10L, leads.size() * 3L / 10);
        assertThat(leads).allMatch(l -> l.hot() == TrafficPlan.DEMO_REQUEST.equals(l.source()));
        assertThat(leads).allMatch(l -> l.hot() || l.score() < 80); // a score of 80 would make the lead hot
        assertThat(leads).as("some miss required MQL data").anyMatch(l -> l.data().size() < 3)
                .anyMatch(l -> l.data().size() == 3);
        assertThat(leads).as("from North America too").anyMatch(l -> List.of("US", "CA").contains(l.country()));
        assertThat(leads.stream().map(TrafficPlan.Lead::email).distinct().count()).isEqualTo(leads.size());

        assertThat(steps).anyMatch(s -> s.action() instanceof Route r && r.manual()) // late routing, reassignment
                .anyMatch(s -> s.action() instanceof Nurture)
                .anyMatch(s -> s.action() instanceof Attempt a && a.channel().equals("call"))
                .anyMatch(s -> s.action() instanceof Attempt a && a.channel().equals("email"))
                .anyMatch(s -> s.action() instanceof Attempt a && a.channel().equals("meeting"))
                .anyMatch(s -> s.action() instanceof Accept)
                .anyMatch(s -> s.action() instanceof Reject r && r.reason() != null)
                .anyMatch(s -> s.action() instanceof Reject r && r.reason() == null)
                .anyMatch(s -> s.action() instanceof GiveReason);
        for (Rep rep : Rep.TEAM) {
            assertThat(steps).as(rep + " gets leads").anyMatch(s -> s.action() instanceof Route r && r.rep().equals(rep));
        }
        assertThat(steps).as("a rep who never calls never calls")
                .noneMatch(s -> s.action() instanceof Attempt a && a.rep().pace() == Pace.NEVER);
    }
}
