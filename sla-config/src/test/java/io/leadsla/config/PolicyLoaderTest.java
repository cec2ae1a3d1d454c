package io.leadsla.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.core.calendar.BusinessCalendar;
import io.leadsla.core.policy.Policy;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.core.policy.Target;
import io.leadsla.core.policy.TimeBasis;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

    private static final Path SHIPPED = Path.of("..", "config", "policies.yml");
    private final PolicyLoader loader = new PolicyLoader();

    private PolicySet load(String yaml) {
        return loader.load("test.yml", new StringReader(yaml));
    }

    /** A valid file with one line replaced, to test a single mistake at a known line. */
    private static String minimal(String policies) {
        return """
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours:
                      weekdays: ["09:00-12:30", "13:30-18:00"]
                tiers:
                  default: standard
                  rules:
                    - tier: hot
                      when: [{attribute: score, atLeast: 80}]
                policies:
                """ + policies;
    }

    @Test
    void theShippedPoliciesEncodeTheSeedSla() {
        PolicySet set = loader.load(SHIPPED);
        assertThat(set.version()).isEqualTo("2026-11-seed");
        assertThat(set.first(Policy.Volume.class).orElseThrow().monthlyCommitment()).isEqualTo(200);
        assertThat(set.first(Policy.Quality.class).orElseThrow().required()).containsExactly("budget", "decisionMaker", "need");
        assertThat(set.first(Policy.Handoff.class).orElseThrow().target().forTier("standard"))
                .isEqualTo(new Target(Duration.ofHours(2), TimeBasis.BUSINESS));
        Policy.FirstContact fc = set.first(Policy.FirstContact.class).orElseThrow();
        assertThat(fc.target().forTier("hot")).isEqualTo(new Target(Duration.ofMinutes(5), TimeBasis.WALL));
        assertThat(fc.target().forTier("standard")).isEqualTo(new Target(Duration.ofHours(4), TimeBasis.BUSINESS));
        assertThat(fc.calendar().calendarFor(Map.of("ownerRegion", "NA"))).isEqualTo("na");
        assertThat(fc.atRisk()).isEqualTo(0.75);
        Policy.Attempts attempts = set.first(Policy.Attempts.class).orElseThrow();
        assertThat(attempts.minAttempts()).isEqualTo(5);
        assertThat(attempts.target().forTier("hot")).isEqualTo(new Target(Duration.ofDays(10), TimeBasis.WALL));
        assertThat(set.tiers().tierOf(Map.of("leadSource", "Demo Request"))).isEqualTo("hot");
        assertThat(set.tiers().tierOf(Map.of("score", "85"))).isEqualTo("hot");
        assertThat(set.tiers().tierOf(Map.of("score", "40"))).isEqualTo("standard");
        assertThat(set.attemptRules().counts(Map.of("channel", "email", "automated", "true"))).isFalse();
        assertThat(set.attemptRules().counts(Map.of("channel", "call"))).isTrue();
    }

    @Test
    void holidaysComeFromJollydayOnTheirObservedDate() {
        PolicySet set = loader.load(SHIPPED);
        BusinessCalendar emea = set.calendar("emea");
        assertThat(emea.hoursOn(LocalDate.of(2026, 7, 14))).as("Bastille Day").isEmpty();
        assertThat(emea.hoursOn(LocalDate.of(2026, 12, 25))).as("Christmas").isEmpty();
        assertThat(emea.hoursOn(LocalDate.of(2026, 12, 24))).as("closed day").isEmpty();
        assertThat(emea.hoursOn(LocalDate.of(2026, 12, 23))).hasSize(2);
        BusinessCalendar na = set.calendar("na");
        assertThat(na.hoursOn(LocalDate.of(2026, 7, 3))).as("Independence Day observed on Friday").isEmpty();
        assertThat(na.hoursOn(LocalDate.of(2026, 11, 26))).as("Thanksgiving").isEmpty();
        assertThat(na.hoursOn(LocalDate.of(2026, 9, 7))).as("Labor Day").isEmpty();
        // Wednesday 25 Nov 16:00 New York + 4bh: 1h Wednesday, Thanksgiving closed, 3h Friday -> Friday 11:00
        ZoneId ny = ZoneId.of("America/New_York");
        Instant due = na.add(LocalDateTime.parse("2026-11-25T16:00").atZone(ny).toInstant(), Duration.ofHours(4));
        assertThat(due).isEqualTo(LocalDateTime.parse("2026-11-27T11:00").atZone(ny).toInstant());
    }

    @Test
    void regionalHolidays() {
        PolicySet set = load("""
                calendars:
                  munich:
                    timeZone: Europe/Berlin
                    hours: {weekdays: "09:00-17:00"}
                    holidays: {country: DE, region: by}
                  berlin:
                    timeZone: Europe/Berlin
                    hours: {weekdays: "09:00-17:00"}
                    holidays: {country: DE, region: be}
                policies: []
                """);
        LocalDate epiphany = LocalDate.of(2027, 1, 6);
        assertThat(set.calendar("munich").hoursOn(epiphany)).isEmpty();
        assertThat(set.calendar("berlin").hoursOn(epiphany)).isNotEmpty();
    }

    @Test
    void aBadDurationNamesFileLineAndPath() {
        assertThatThrownBy(() -> load(minimal("""
                  - id: handoff
                    type: handoff
                    target: 2x
                """)))
                .isInstanceOf(PolicyConfigException.class)
                .hasMessageStartingWith("test.yml:14: policies[0].target: '2x' is not a duration")
                .hasMessageContaining("4bh");
    }

    @Test
    void unknownKeysAreErrors() {
        assertThatThrownBy(() -> load(minimal("""
                  - id: fc
                    type: first-contact
                    target: 4bh
                    resetOnOwnerChange: true
                """)))
                .hasMessageStartingWith("test.yml:15: policies[0].resetOnOwnerChange: unknown key 'resetOnOwnerChange'")
                .hasMessageContaining("restartOnOwnerChange");
    }

    @Test
    void unknownCalendarTierAndPolicyType() {
        assertThatThrownBy(() -> load(minimal("""
                  - id: fc
                    type: first-contact
                    target: 4bh
                    calendar: apac
                """))).hasMessageStartingWith("test.yml:15: policies[0].calendar: no calendar named 'apac' (defined: emea)");
        assertThatThrownBy(() -> load(minimal("""
                  - id: fc
                    type: first-contact
                    target: {hot: 5m, warm: 1h, standard: 4bh}
                """))).hasMessageStartingWith("test.yml:14: policies[0].target.warm: no tier named 'warm'");
        assertThatThrownBy(() -> load(minimal("""
                  - id: fc
                    type: first-contact
                    target: {hot: 5m}
                """))).hasMessageContaining("policies[0].target: tier 'standard' has no target");
        assertThatThrownBy(() -> load(minimal("""
                  - id: fc
                    type: first-touch
                    target: 5m
                """))).hasMessageStartingWith("test.yml:13: policies[0].type: unknown policy type 'first-touch'");
    }

    @Test
    void duplicatePolicyIdsAndBadAtRisk() {
        assertThatThrownBy(() -> load(minimal("""
                  - {id: a, type: disposition, target: 10d}
                  - {id: a, type: disposition, target: 5d}
                """))).hasMessageStartingWith("test.yml:13: policies[1]: policy id 'a' is used twice");
        assertThatThrownBy(() -> load(minimal("""
                  - {id: a, type: disposition, target: 10d, atRisk: 130%}
                """))).hasMessageContaining("policies[0].atRisk: '130%' is not a share");
    }

    @Test
    void calendarMistakes() {
        assertThatThrownBy(() -> load("""
                calendars:
                  emea:
                    timeZone: Europe/Pariss
                    hours: {weekdays: "09:00-18:00"}
                policies: []
                """)).hasMessageStartingWith("test.yml:3: calendars.emea.timeZone: 'Europe/Pariss' is not an IANA time zone");
        assertThatThrownBy(() -> load("""
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours: {weekdays: ["09:00-13:00", "12:00-18:00"]}
                policies: []
                """)).hasMessageContaining("test.yml:4: calendars.emea.hours.weekdays: opening hours overlap");
        assertThatThrownBy(() -> load("""
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours: {weekdays: "9h-18h"}
                policies: []
                """)).hasMessageContaining("calendars.emea.hours.weekdays: '9h-18h' is not a time range like 09:00-12:30");
        assertThatThrownBy(() -> load("""
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours: {weekdays: "09:00-18:00"}
                    holidays: {country: XX}
                policies: []
                """)).hasMessageContaining("test.yml:5: calendars.emea.holidays: no holiday calendar for country 'XX'");
        assertThatThrownBy(() -> load("""
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours: {saturday: closed, sunday: closed}
                policies: []
                """)).hasMessageContaining("calendars.emea.hours: a business calendar needs at least one open hour");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeys() {
        assertThatThrownBy(() -> load("calendars:\n  emea: [unclosed\npolicies: []\n"))
                .isInstanceOf(PolicyConfigException.class).hasMessageStartingWith("test.yml:3: not valid YAML");
        assertThatThrownBy(() -> load(minimal("""
                  - id: a
                    id: b
                    type: disposition
                    target: 10d
                """))).hasMessageContaining("'id' is given twice");
        assertThatThrownBy(() -> load("")).hasMessage("test.yml: the file is empty");
    }

    @Test
    void conditionsAndOpenDays() {
        PolicySet set = load("""
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours: {weekdays: "09:00-18:00", saturday: closed}
                    openDays:
                      - {date: 2026-12-05, hours: "10:00-14:00"}
                      - {date: 2026-12-07}
                tiers:
                  default: c
                  rules:
                    - {tier: a, when: [{attribute: country, in: [FR, DE]}, {attribute: email, matches: "(?i).*@corp\\\\.com"}]}
                    - {tier: b, when: {attribute: budget, present: true}}
                    - {tier: small, when: {attribute: employees, atMost: 50}}
                policies: []
                """);
        assertThat(set.tiers().tierOf(Map.of("country", "FR", "email", "x@CORP.com"))).isEqualTo("a");
        assertThat(set.tiers().tierOf(Map.of("country", "FR", "email", "x@other.com"))).isEqualTo("c");
        assertThat(set.tiers().tierOf(Map.of("budget", "10k"))).isEqualTo("b");
        assertThat(set.tiers().tierOf(Map.of("employees", "12"))).isEqualTo("small");
        assertThat(set.calendar("emea").hoursOn(LocalDate.of(2026, 12, 5))).hasSize(1);
        // an open day without hours takes its weekday's hours (Monday 7 December is a normal day)
        assertThat(set.calendar("emea").hoursOn(LocalDate.of(2026, 12, 7))).containsExactly(io.leadsla.core.calendar.TimeRange.parse("09:00-18:00"));
    }

    @Test
    void mistakesThatUsedToPassSilently() {
        assertThatThrownBy(() -> load("""
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours: {weekdays: "09:00-18:00", saturday: {from: "09:00", to: "13:00"}}
                policies: []
                """)).hasMessageContaining("calendars.emea.hours.saturday: expected opening hours");
        assertThatThrownBy(() -> load("""
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours: {weekdays: "09:00-18:00"}
                    openDays: [{date: 2026-12-05, hours: closed}]
                policies: []
                """)).hasMessageContaining("an open day needs opening hours");
        assertThatThrownBy(() -> load("""
                calendars:
                  emea:
                    timeZone: Europe/Paris
                    hours: {weekdays: "09:00-18:00"}
                    openDays: [{date: 2026-12-05, hours: "10:00-12:00"}, {date: 2026-12-05, hours: "10:00-13:00"}]
                policies: []
                """)).hasMessageContaining("2026-12-05 is listed twice");
        assertThatThrownBy(() -> load(minimal("  - {id: a, type: disposition, target: 0m}\n")))
                .hasMessageContaining("policies[0].target: a target must be more than zero");
        assertThatThrownBy(() -> load(minimal("  - {id: a, type: disposition, target: 999999999999d}\n")))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> load(minimal("  - {id: a, type: disposition, target: 20000d}\n")))
                .hasMessageContaining("more than ten years");
        assertThatThrownBy(() -> load(minimal("""
                  - {id: v1, type: volume, monthlyCommitment: 100}
                  - {id: v2, type: volume, monthlyCommitment: 50}
                """))).hasMessageContaining("policies[1]: only one volume policy");
        assertThatThrownBy(() -> load(minimal("""
                  - &fc {id: a, type: disposition, target: 10d}
                  - {<<: *fc, id: b}
                """))).hasMessageContaining("merge keys (<<) are not supported");
    }

    @Test
    void attemptChannelsAreCheckedAndTheAutomatedRuleStays() {
        PolicySet set = load("""
                calendars:
                  emea: {timeZone: Europe/Paris, hours: {weekdays: "09:00-18:00"}}
                attempts:
                  channels: [Call, Email]
                policies: []
                """);
        assertThat(set.attemptRules().counts(Map.of("channel", "call"))).isTrue();
        assertThat(set.attemptRules().counts(Map.of("channel", "Email"))).isTrue();
        assertThat(set.attemptRules().counts(Map.of("channel", "sms"))).isFalse();
        assertThat(set.attemptRules().counts(Map.of("channel", "email", "automated", "true"))).isFalse();
        assertThatThrownBy(() -> load("""
                calendars:
                  emea: {timeZone: Europe/Paris, hours: {weekdays: "09:00-18:00"}}
                attempts:
                  channels: [call, fax]
                policies: []
                """)).hasMessageContaining("attempts.channels[1]: unknown channel 'fax'");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> loader.load(Path.of("no-such-policies.yml")))
                .isInstanceOf(PolicyConfigException.class).hasMessageContaining("no-such-policies.yml: cannot read the file");
    }
}
