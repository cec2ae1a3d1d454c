package io.leadsla.core.clock;

import io.leadsla.core.calendar.BusinessCalendar;
import io.leadsla.core.calendar.HolidayRules;
import io.leadsla.core.calendar.TimeRange;
import io.leadsla.core.calendar.WeeklyHours;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.policy.AttemptRules;
import io.leadsla.core.policy.CalendarSelector;
import io.leadsla.core.policy.Condition;
import io.leadsla.core.policy.LeadFields;
import io.leadsla.core.policy.Policy;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.core.policy.Target;
import io.leadsla.core.policy.TierRule;
import io.leadsla.core.policy.TieredTarget;
import io.leadsla.core.policy.Tiers;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The seed SLA built in code, and a small event builder, for the engine's tests. */
public final class TestSla {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private TestSla() {
    }

    static BusinessCalendar calendar(String name, ZoneId zone, HolidayRules holidays) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getValue() <= 5) {
                hours.put(d, List.of(TimeRange.parse("09:00-12:30"), TimeRange.parse("13:30-18:00")));
            }
        }
        return new BusinessCalendar(name, zone, WeeklyHours.of(hours), holidays, Set.of(), Map.of());
    }

    public static PolicySet policies() {
        return policies(false);
    }

    public static History lead(Crm crm, String recordId) {
        return new History(crm, recordId);
    }

    public static PolicySet policies(boolean restartOnOwnerChange) {
        Map<String, BusinessCalendar> calendars = Map.of(
                "emea", calendar("emea", PARIS, year -> Set.of(LocalDate.of(year, 12, 25), LocalDate.of(year, 7, 14))),
                "na", calendar("na", NEW_YORK, year -> Set.of(LocalDate.of(year, 12, 25), LocalDate.of(year, 11, 26))));
        CalendarSelector byRegion = new CalendarSelector.ByAttribute("ownerRegion", Map.of("EMEA", "emea", "NA", "na"), "emea");
        Tiers tiers = new Tiers(List.of(
                new TierRule("hot", List.of(new Condition.Equals("leadSource", "Demo Request"))),
                new TierRule("hot", List.of(new Condition.AtLeast("score", new BigDecimal("80"))))), "standard");
        return new PolicySet("test-1", calendars, "emea", tiers, AttemptRules.DEFAULT, LeadFields.DEFAULT, List.of(
                new Policy.Handoff("mql-handoff", TieredTarget.of(Target.parse("2bh")), byRegion, 0.75),
                new Policy.Quality("mql-quality", List.of("budget", "decisionMaker", "need")),
                new Policy.FirstContact("first-contact", new TieredTarget(
                        Map.of("hot", Target.parse("5m"), "standard", Target.parse("4bh")), null), byRegion, 0.75,
                        restartOnOwnerChange),
                new Policy.Attempts("attempts", 5, TieredTarget.of(Target.parse("10d")), byRegion, 0.75),
                new Policy.Disposition("disposition", TieredTarget.of(Target.parse("10d")), byRegion, 0.75),
                new Policy.RejectionReason("rejection-reason", TieredTarget.of(Target.parse("8bh")), byRegion, 0.75),
                new Policy.Volume("mql-volume", 200, "emea")));
    }

    public static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    /** Builds one lead's events; each call adds an event with a unique id. */
    public static final class History {
        private final Crm crm;
        private final String recordId;
        private final List<LeadEvent> events = new java.util.ArrayList<>();

        History(Crm crm, String recordId) {
            this.crm = crm;
            this.recordId = recordId;
        }

        public History add(EventType type, Instant at, String... attributes) {
            Map<String, String> map = new HashMap<>();
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                map.put(attributes[i], attributes[i + 1]);
            }
            events.add(new LeadEvent(crm.id() + ":lead:" + recordId + ":" + type + ":" + events.size(), crm,
                    crm == Crm.HUBSPOT ? "contact" : "lead", recordId, type, at, map));
            return this;
        }

        public List<LeadEvent> events() {
            return List.copyOf(events);
        }
    }
}
