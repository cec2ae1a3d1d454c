package io.leadsla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.bench.SampleGenerator.Options;
import io.leadsla.connector.event.LeadEventJson;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample is what RevOps judges the product by: these tests pin that it is reproducible, well
 * formed, and contains every situation the SLA has to handle, in a plausible order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleGeneratorTest {

    private static final Set<EventType> DISPOSITIONS =
            EnumSet.of(EventType.ACCEPTED, EventType.REJECTED, EventType.RECYCLED, EventType.DELETED);
    /** What only a lead in an SLA cycle may have: a lead that never qualifies has none of these. */
    private static final Set<EventType> CYCLE_EVENTS = EnumSet.of(EventType.MQL_QUALIFIED, EventType.HANDED_OFF,
            EventType.OWNER_CHANGED, EventType.ACCEPTED, EventType.REJECTED, EventType.RECYCLED);
    /** The example SLA (config/policies.yml) commits to this many MQLs a month, Europe/Paris months. */
    private static final int MONTHLY_COMMITMENT = 200;
    private static final ZoneId REPORTING_ZONE = ZoneId.of("Europe/Paris");
    private static final Pattern EVENT_ID = Pattern.compile(
            "(hubspot:contact:\\d+|salesforce:lead:00Q[0-9A-Za-z]{15}):[a-z]+(-\\d+)?:(\\d+)");

    /** The shipped sample: default arguments. */
    private LeadEvent[] events;
    private Map<LeadKey, List<LeadEvent>> leads;
    /** The leads that reached MQL at least once, and the others (nurtured only). */
    private Map<LeadKey, List<LeadEvent>> mqlLeads;
    private Map<LeadKey, List<LeadEvent>> nurtured;

    @BeforeAll
    void generateTheDefaultSample() {
        events = new SampleGenerator(Options.DEFAULTS).events();
        leads = new LinkedHashMap<>();
        for (LeadEvent e : events) {
            leads.computeIfAbsent(e.lead(), k -> new ArrayList<>()).add(e);
        }
        mqlLeads = new LinkedHashMap<>();
        nurtured = new LinkedHashMap<>();
        leads.forEach((lead, events) -> (events.stream().anyMatch(e -> e.type() == EventType.MQL_QUALIFIED)
                ? mqlLeads : nurtured).put(lead, events));
    }

    @Test
    void theSameArgumentsGiveTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        Options small = Options.DEFAULTS.withLeads(400);
        String first = text(small);
        assertThat(text(small)).isEqualTo(first);
        assertThat(text(small.withSeed(43))).isNotEqualTo(first);
    }

    @Test
    void theCommittedSampleIsWhatTheDefaultsGenerate() throws IOException {
        Path committed = Path.of("..", "config", "samples", "events.jsonl");
        assertThat(committed).as("the sample is part of the repository").isRegularFile();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("config/samples/events.jsonl is stale: regenerate it (docs/SAMPLES.md)")
                .isEqualTo(text(Options.DEFAULTS));
    }

    @Test
    void theEventCountScalesWithTheLeads() {
        int thousand = new SampleGenerator(Options.DEFAULTS.withLeads(1000)).events().length;
        int twoThousand = new SampleGenerator(Options.DEFAULTS.withLeads(2000)).events().length;
        assertThat(thousand).isBetween(4_000, 6_000);
        assertThat((double) twoThousand / thousand).isBetween(1.85, 2.15);
        assertThat(new SampleGenerator(Options.DEFAULTS.withLeads(0)).events()).isEmpty();
    }

    @Test
    void everyLineParsesBackToTheSameEvent() throws IOException {
        String[] lines = text(Options.DEFAULTS).split("\n");
        assertThat(lines).hasSameSizeAs(events);
        LeadEventJson json = new LeadEventJson();
        for (int i = 0; i < lines.length; i++) {
            assertThat(json.parse(lines[i])).isEqualTo(events[i]);
        }
    }

    @Test
    void eventsAreSortedUniqueInsideTheQuarterAndWellNamed() {
        Instant start = Instant.parse("2026-07-01T00:00:00Z");
        Instant end = Instant.parse("2026-10-01T00:00:00Z");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < events.length; i++) {
            LeadEvent e = events[i];
            assertThat(ids.add(e.eventId())).as("unique %s", e.eventId()).isTrue();
            assertThat(e.occurredAt()).isBetween(start, end.minusMillis(1));
            if (i > 0) {
                assertThat(SampleGenerator.FILE_ORDER.compare(events[i - 1], e)).isNegative();
            }
            var id = EVENT_ID.matcher(e.eventId());
            assertThat(id.matches()).as(e.eventId()).isTrue();
            assertThat(Long.parseLong(id.group(3))).isEqualTo(e.occurredAt().toEpochMilli());
            assertThat(e.objectType()).isEqualTo(e.crm() == Crm.HUBSPOT ? "contact" : "lead");
            assertThat(e.eventId()).startsWith(e.crm().id() + ":" + e.objectType() + ":" + e.recordId() + ":");
        }
    }

    @Test
    void salesforceIdsCarryTheRealChecksum() {
        // the example Salesforce itself documents for the 15 to 18 character conversion
        assertThat(RecordIds.withChecksum("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
        leads.keySet().stream().filter(k -> k.crm() == Crm.SALESFORCE).forEach(k ->
                assertThat(RecordIds.withChecksum(k.recordId().substring(0, 15))).isEqualTo(k.recordId()));
    }

    @Test
    void theTrafficContainsEveryScenario() {
        assertThat(leadsWhere(events -> events.stream().anyMatch(e -> e.crm() == Crm.HUBSPOT))).isPositive();
        assertThat(leadsWhere(events -> events.stream().anyMatch(e -> e.crm() == Crm.SALESFORCE))).isPositive();
        assertThat(count(e -> e.type() == EventType.MQL_QUALIFIED && isWeekend(e))).as("weekend MQLs").isPositive();
        assertThat(count(e -> e.type() == EventType.MQL_QUALIFIED && isHot(e))).as("hot leads").isPositive();
        assertThat(count(SampleGeneratorTest::isAutomated)).as("automated attempts").isPositive();
        assertThat(leadsWhere(this::automatedTouchSecondsAfterHandoff)).as("sequence e-mail right after handoff").isPositive();
        assertThat(count(e -> e.type() == EventType.REJECTED && e.attribute("reason") != null)).as("rejections with a reason").isPositive();
        assertThat(count(e -> e.type() == EventType.REJECTED && e.attribute("reason") == null)).as("rejections without a reason").isPositive();
        assertThat(count(e -> e.type() == EventType.ATTRIBUTES_CHANGED && e.attribute("reason") != null)).as("late reasons").isPositive();
        assertThat(leadsWhere(this::recycledThenQualifiedAgain)).as("recycled leads that came back").isPositive();
        assertThat(mqlLeadsWhere(events -> events.stream().anyMatch(e -> e.type() == EventType.DELETED))).as("deleted MQLs").isPositive();
        assertThat(mqlLeadsWhere(SampleGeneratorTest::isOpen)).as("open leads").isPositive();
        assertThat(count(e -> e.type() == EventType.OWNER_CHANGED)).as("reassignments").isPositive();
        assertThat(leadsWhere(events -> events.get(0).type() == EventType.HANDED_OFF)).as("pre-assigned").isPositive();
        assertThat(mqlLeadsWhere(events -> events.stream().noneMatch(e -> e.type() == EventType.HANDED_OFF))).as("never handed off").isPositive();
        assertThat(leadsWhere(this::handedOffLate)).as("handed off after 3 hours or more").isPositive();
        assertThat(leadsWhere(events -> events.stream().anyMatch(e -> e.type() == EventType.HANDED_OFF)
                && events.stream().noneMatch(SampleGeneratorTest::isHumanAttempt))).as("never contacted").isPositive();
        assertThat(count(e -> e.type() == EventType.MQL_QUALIFIED && e.attribute("budget") == null)).as("MQLs without budget").isPositive();
        // and the leads that never qualify: nurture e-mails, score changes, spam deletions
        assertThat(nurtured).as("leads that never reach MQL").isNotEmpty();
        assertThat(nurturedWhere(events -> events.stream().anyMatch(SampleGeneratorTest::isAutomated))).as("nurture e-mails").isPositive();
        assertThat(nurturedWhere(events -> events.stream().filter(e -> e.type() == EventType.ATTRIBUTES_CHANGED).count() > 1))
                .as("scores that move").isPositive();
        assertThat(nurturedWhere(events -> events.stream().anyMatch(e -> e.type() == EventType.DELETED))).as("spam deleted").isPositive();
    }

    @Test
    void theSharesLookLikeARealQuarter() {
        int n = leads.size();
        assertThat(share(leadsWhere(events -> events.get(0).crm() == Crm.HUBSPOT), n)).isBetween(0.55, 0.65);
        assertThat(share(mqlLeads.size(), n)).as("leads that reach MQL").isBetween(0.18, 0.26);
        long mqls = count(e -> e.type() == EventType.MQL_QUALIFIED);
        assertThat(share(count(e -> e.type() == EventType.MQL_QUALIFIED && "Demo Request".equals(e.attribute("leadSource"))), mqls))
                .isBetween(0.09, 0.16);
        assertThat(share(count(e -> e.type() == EventType.MQL_QUALIFIED && e.attribute("need") == null), mqls)).isBetween(0.12, 0.28);
        long handoffs = count(e -> e.type() == EventType.HANDED_OFF);
        assertThat(share(count(e -> e.type() == EventType.ACCEPTED), handoffs)).isBetween(0.55, 0.65);
        assertThat(share(count(e -> e.type() == EventType.RECYCLED), handoffs)).isBetween(0.04, 0.10);
        assertThat(share(mqlLeadsWhere(events -> events.stream().anyMatch(e -> e.type() == EventType.DELETED)), handoffs)).isBetween(0.003, 0.02);
        long rejections = count(e -> e.type() == EventType.REJECTED);
        assertThat(share(count(e -> e.type() == EventType.REJECTED && e.attribute("reason") == null), rejections)).isBetween(0.12, 0.28);
        assertThat(share(mqlLeadsWhere(SampleGeneratorTest::isOpen), mqlLeads.size())).isBetween(0.07, 0.15);
        assertThat(share(nurturedWhere(events -> events.stream().anyMatch(e -> e.type() == EventType.DELETED)), nurtured.size()))
                .as("spam among the leads that never qualify").isBetween(0.01, 0.06);
    }

    /**
     * The example SLA commits to 200 MQLs a month: the sample sits around it, with the European
     * August below and July and September above. A month counts the MQLs that start a cycle
     * (the first MQL of a lead, or the first after a disposition), on Europe/Paris time, as the
     * volume policy reports them.
     */
    @Test
    void theMonthlyMqlVolumeSitsAroundTheCommitment() {
        Map<Month, Integer> byMonth = new EnumMap<>(Month.class);
        for (List<LeadEvent> events : leads.values()) {
            boolean inCycle = false;
            for (LeadEvent e : events) {
                if (e.type() == EventType.MQL_QUALIFIED && !inCycle) {
                    byMonth.merge(e.occurredAt().atZone(REPORTING_ZONE).getMonth(), 1, Integer::sum);
                    inCycle = true;
                } else if (DISPOSITIONS.contains(e.type())) {
                    inCycle = false;
                }
            }
        }
        int july = byMonth.getOrDefault(Month.JULY, 0);
        int august = byMonth.getOrDefault(Month.AUGUST, 0);
        int september = byMonth.getOrDefault(Month.SEPTEMBER, 0);
        assertThat(List.of(july, august, september)).as("MQLs in July, August, September: %s", byMonth)
                .allSatisfy(n -> assertThat(n).isBetween(150, 260));
        assertThat(august).as("August, %s", byMonth).isLessThan(MONTHLY_COMMITMENT);
        assertThat(july).as("July, %s", byMonth).isGreaterThan(MONTHLY_COMMITMENT);
        assertThat(september).as("September, %s", byMonth).isGreaterThan(MONTHLY_COMMITMENT);
    }

    /**
     * A lead that never qualifies must never start an SLA cycle: it has score and data changes,
     * nurture e-mails and perhaps a deletion (spam), nothing else; and it looks like a lead.
     */
    @Test
    void leadsThatNeverQualifyAreOnlyNurtured() {
        assertThat(share(nurtured.size(), leads.size())).isBetween(0.74, 0.82);
        nurtured.forEach((lead, events) -> {
            assertThat(events).as("%s", lead).noneMatch(e -> CYCLE_EVENTS.contains(e.type()));
            assertThat(events).as("%s", lead).allMatch(e -> e.type() == EventType.ATTRIBUTES_CHANGED
                    || isAutomated(e) && "email".equals(e.attribute("channel"))
                    || e.type() == EventType.DELETED);
            assertThat(events.get(0).type()).as("%s arrives with its data", lead).isEqualTo(EventType.ATTRIBUTES_CHANGED);
            String country = events.get(0).attribute("country");
            for (LeadEvent e : events) {
                if (e.type() == EventType.ATTRIBUTES_CHANGED) {
                    assertThat(e.attributes()).as(e.eventId()).containsOnlyKeys("leadSource", "score", "country", "company");
                    assertThat(Integer.parseInt(e.attribute("score"))).as(e.eventId()).isBetween(0, 69);
                    assertThat(e.attribute("leadSource")).as(e.eventId()).isNotEqualTo("Demo Request");
                    assertThat(e.attribute("country")).isEqualTo(country);
                }
            }
            long deletions = events.stream().filter(e -> e.type() == EventType.DELETED).count();
            assertThat(deletions).as("%s", lead).isLessThanOrEqualTo(1);
            if (deletions == 1) {
                assertThat(events.get(events.size() - 1).type()).as("%s: nothing after the deletion", lead).isEqualTo(EventType.DELETED);
            }
        });
        // fewer events than the MQLs, but more than one on average: they engage, or get e-mails
        double perNurtured = (double) nurtured.values().stream().mapToInt(List::size).sum() / nurtured.size();
        assertThat(perNurtured).isBetween(2.5, 6.0);
    }

    /** MQL, then handoff, then attempts, then one disposition; a new cycle only after a disposition. */
    @Test
    void eachLeadsEventsComeInAPlausibleOrder() {
        mqlLeads.forEach((lead, events) -> {
            boolean inCycle = false;
            boolean handedOff = false;
            LeadEvent disposition = null;
            LeadEvent preAssigned = null;
            for (LeadEvent e : events) {
                String at = lead + " " + e.type() + " " + e.occurredAt();
                switch (e.type()) {
                    case MQL_QUALIFIED -> {
                        assertThat(!inCycle || disposition != null).as("a new MQL only after a disposition: " + at).isTrue();
                        assertThat(disposition == null || disposition.type() == EventType.RECYCLED).as(at).isTrue();
                        if (preAssigned != null) {
                            assertThat(Duration.between(preAssigned.occurredAt(), e.occurredAt())).as(at)
                                    .isBetween(Duration.ZERO, Duration.ofMinutes(15));
                        }
                        inCycle = true;
                        handedOff = preAssigned != null;
                        preAssigned = null;
                        disposition = null;
                    }
                    case HANDED_OFF -> {
                        if (!inCycle || disposition != null) {
                            preAssigned = e; // assigned a few minutes before the MQL it belongs to
                        } else {
                            assertThat(handedOff).as("one handoff per cycle: " + at).isFalse();
                            handedOff = true;
                        }
                    }
                    case OWNER_CHANGED, CONTACT_ATTEMPT ->
                            assertThat(inCycle && handedOff && disposition == null).as("worked after the handoff, before the disposition: " + at).isTrue();
                    case ACCEPTED, REJECTED, RECYCLED, DELETED -> {
                        assertThat(inCycle && handedOff && disposition == null).as("one disposition after the handoff: " + at).isTrue();
                        disposition = e;
                    }
                    case ATTRIBUTES_CHANGED ->
                            assertThat(disposition).as("a late reason follows a rejection without one: " + at)
                                    .matches(d -> d != null && d.type() == EventType.REJECTED && d.attribute("reason") == null);
                    default -> throw new AssertionError(at);
                }
            }
            assertThat(preAssigned).as(lead + " ends with a pre-assignment and no MQL").isNull();
        });
    }

    /** Reps call, mail, accept, reject and reassign inside their office hours, never on a holiday. */
    @Test
    void repsWorkOnlyInTheirOfficeHours() {
        Map<String, Office> offices = Map.of(
                "EMEA", new Office(ZoneId.of("Europe/Paris"), LocalTime.of(9, 0), LocalTime.of(18, 0),
                        Set.of(LocalDate.of(2026, 7, 14), LocalDate.of(2026, 8, 15))),
                "NA", new Office(ZoneId.of("America/New_York"), LocalTime.of(8, 0), LocalTime.of(17, 0),
                        Set.of(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7))));
        long checked = 0;
        for (List<LeadEvent> events : mqlLeads.values()) {
            String region = null;
            for (LeadEvent e : events) {
                if (e.type() == EventType.HANDED_OFF || e.type() == EventType.OWNER_CHANGED) {
                    region = e.attribute("ownerRegion");
                    assertThat(e.attribute("ownerId")).isNotNull();
                }
                boolean byRep = isHumanAttempt(e) || e.type() == EventType.OWNER_CHANGED
                        || e.type() == EventType.ACCEPTED || e.type() == EventType.REJECTED
                        || e.type() == EventType.DELETED || e.type() == EventType.ATTRIBUTES_CHANGED;
                if (byRep) {
                    assertThat(offices.get(region).isOpen(e.occurredAt())).as("%s at %s (%s)", e.eventId(), e.occurredAt(), region).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(count(e -> mqlLeads.containsKey(e.lead())) / 3);
        // marketing ops deletes the spam among the other leads in its region's office hours
        for (List<LeadEvent> events : nurtured.values()) {
            String region = Set.of("US", "CA").contains(events.get(0).attribute("country")) ? "NA" : "EMEA";
            for (LeadEvent e : events) {
                if (e.type() == EventType.DELETED) {
                    assertThat(offices.get(region).isOpen(e.occurredAt())).as("%s at %s (%s)", e.eventId(), e.occurredAt(), region).isTrue();
                }
            }
        }
    }

    @Test
    void theCommandLineIsReadStrictly() {
        assertThat(Options.parse()).isEqualTo(Options.DEFAULTS);
        Options o = Options.parse("--leads", "10", "--seed", "7", "--from", "2026-10-01", "--to", "2026-12-31", "--out", "x.jsonl");
        assertThat(o).isEqualTo(new Options(10, 7, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), Path.of("x.jsonl")));
        assertThatThrownBy(() -> Options.parse("--lead", "10")).hasMessageContaining("unknown argument --lead");
        assertThatThrownBy(() -> Options.parse("--leads")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse("--leads", "many")).hasMessageContaining("cannot read 'many'");
        assertThat(Options.parse("--from", "2026-10-01", "--to", "2026-12-31").from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThatThrownBy(() -> Options.parse("--from", "2026-10-01")).hasMessageContaining("must not be before");
        assertThatThrownBy(() -> Options.parse("--leads", "-1")).hasMessageContaining("must not be negative");
    }

    @Test
    void mainWritesTheFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("samples/events.jsonl");
        SampleGenerator.main(new String[] {"--leads", "50", "--seed", "5", "--out", out.toString()});
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(text(Options.DEFAULTS.withLeads(50).withSeed(5)));
    }

    @Test
    void anotherQuarterWorksToo() {
        LeadEvent[] q4 = new SampleGenerator(new Options(300, 1, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), null)).events();
        assertThat(q4).isNotEmpty().allSatisfy(e -> assertThat(e.occurredAt())
                .isBetween(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-12-31T23:59:59Z")));
        LeadEvent[] oneDay = new SampleGenerator(new Options(50, 1, LocalDate.of(2026, 7, 4), LocalDate.of(2026, 7, 4), null)).events();
        assertThat(oneDay).isNotEmpty().allSatisfy(e -> assertThat(e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 7, 4)));
    }

    private record Office(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
        boolean isOpen(Instant at) {
            ZonedDateTime local = at.atZone(zone);
            DayOfWeek day = local.getDayOfWeek();
            return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(local.toLocalDate())
                    && !local.toLocalTime().isBefore(open) && local.toLocalTime().isBefore(close);
        }
    }

    private static String text(Options options) throws IOException {
        StringWriter out = new StringWriter();
        SampleGenerator.write(new SampleGenerator(options).events(), out);
        return out.toString();
    }

    private long count(Predicate<LeadEvent> p) {
        long n = 0;
        for (LeadEvent e : events) {
            if (p.test(e)) {
                n++;
            }
        }
        return n;
    }

    private long leadsWhere(Predicate<List<LeadEvent>> p) {
        return leads.values().stream().filter(p).count();
    }

    private long mqlLeadsWhere(Predicate<List<LeadEvent>> p) {
        return mqlLeads.values().stream().filter(p).count();
    }

    private long nurturedWhere(Predicate<List<LeadEvent>> p) {
        return nurtured.values().stream().filter(p).count();
    }

    private static double share(long part, long whole) {
        return (double) part / whole;
    }

    private static boolean isWeekend(LeadEvent mql) {
        ZoneId zone = Set.of("US", "CA").contains(mql.attribute("country")) ? ZoneId.of("America/New_York") : ZoneId.of("Europe/Paris");
        DayOfWeek day = mql.occurredAt().atZone(zone).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static boolean isHot(LeadEvent mql) {
        return "Demo Request".equals(mql.attribute("leadSource")) || Integer.parseInt(mql.attribute("score")) >= 80;
    }

    private static boolean isAutomated(LeadEvent e) {
        return e.type() == EventType.CONTACT_ATTEMPT && "true".equals(e.attribute("automated"));
    }

    private static boolean isHumanAttempt(LeadEvent e) {
        return e.type() == EventType.CONTACT_ATTEMPT && !"true".equals(e.attribute("automated"));
    }

    /** Still open at the end of the quarter: the last MQL has no disposition after it. */
    private static boolean isOpen(List<LeadEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (DISPOSITIONS.contains(events.get(i).type())) {
                return false;
            }
            if (events.get(i).type() == EventType.MQL_QUALIFIED) {
                return true;
            }
        }
        return true;
    }

    private boolean recycledThenQualifiedAgain(List<LeadEvent> events) {
        boolean recycled = false;
        for (LeadEvent e : events) {
            if (e.type() == EventType.RECYCLED) {
                recycled = true;
            } else if (recycled && e.type() == EventType.MQL_QUALIFIED) {
                return true;
            }
        }
        return false;
    }

    private boolean automatedTouchSecondsAfterHandoff(List<LeadEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            LeadEvent e = events.get(i);
            if (isAutomated(e) && events.get(i - 1).type() == EventType.HANDED_OFF
                    && Duration.between(events.get(i - 1).occurredAt(), e.occurredAt()).toSeconds() < 120) {
                return true;
            }
        }
        return false;
    }

    private boolean handedOffLate(List<LeadEvent> events) {
        Instant mql = null;
        for (LeadEvent e : events) {
            if (e.type() == EventType.MQL_QUALIFIED) {
                mql = e.occurredAt();
            } else if (DISPOSITIONS.contains(e.type())) {
                mql = null;
            } else if (e.type() == EventType.HANDED_OFF && mql != null
                    && Duration.between(mql, e.occurredAt()).toHours() >= 3) {
                return true;
            }
        }
        return false;
    }
}
