package io.leadsla.config;

import io.leadsla.core.calendar.BusinessCalendar;
import io.leadsla.core.calendar.HolidayRules;
import io.leadsla.core.calendar.TimeRange;
import io.leadsla.core.calendar.WeeklyHours;
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
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a policies YAML file (calendars, tiers, attempt rules, policies; see
 * docs/CONFIGURATION.md) into a validated {@link PolicySet}. Every mistake, from a YAML syntax
 * error to a policy naming a calendar that does not exist, is a {@link PolicyConfigException}
 * naming the file, the line and the path; unknown keys are mistakes too.
 */
public final class PolicyLoader {

    private static final String[] DAY_KEYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    private static final double DEFAULT_AT_RISK = 0.75;

    public PolicySet load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(file.toString(), reader);
        } catch (IOException e) {
            throw new PolicyConfigException(file.toString(), 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    public PolicySet load(String fileName, Reader reader) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(50);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new PolicyConfigException(fileName, e.getProblemMark().getLine() + 1, "",
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new PolicyConfigException(fileName, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new PolicyConfigException(fileName, 0, "", "the file is empty");
        }
        return new Reading(new YamlValue(fileName, root, "")).policySet();
    }

    /** One file being read. */
    private static final class Reading {
        private final YamlValue root;
        private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        private final Map<String, YamlValue> calendarNodes = new HashMap<>();
        private Tiers tiers;
        private String reportingCalendar;

        Reading(YamlValue root) {
            this.root = root;
        }

        PolicySet policySet() {
            YamlValue.Mapping top = root.asMap().allowOnly("version", "reportingCalendar", "fields", "calendars", "tiers",
                    "attempts", "policies");
            String version = top.has("version") ? top.required("version").asString() : "unversioned";
            YamlValue calendarsNode = top.required("calendars");
            for (Map.Entry<String, YamlValue> e : calendarsNode.asMap().entries().entrySet()) {
                calendars.put(e.getKey(), calendar(e.getKey(), e.getValue()));
                calendarNodes.put(e.getKey(), e.getValue());
            }
            if (calendars.isEmpty()) {
                throw calendarsNode.error("define at least one calendar");
            }
            YamlValue reporting = top.optional("reportingCalendar");
            reportingCalendar = reporting == null ? calendars.keySet().iterator().next() : calendarName(reporting);
            tiers = top.has("tiers") ? tiers(top.required("tiers")) : Tiers.single("standard");
            AttemptRules attempts = top.has("attempts") ? attemptRules(top.required("attempts")) : AttemptRules.DEFAULT;
            LeadFields fields = top.has("fields") ? fields(top.required("fields")) : LeadFields.DEFAULT;
            List<Policy> policies = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            boolean volume = false;
            for (YamlValue p : top.required("policies").asList()) {
                Policy policy = policy(p);
                if (!ids.add(policy.id())) {
                    throw p.error("policy id '" + policy.id() + "' is used twice");
                }
                if (policy instanceof Policy.Volume) {
                    if (volume) {
                        throw p.error("only one volume policy: marketing's commitment is one number a month");
                    }
                    volume = true;
                }
                policies.add(policy);
            }
            return guard(root, () -> new PolicySet(version, calendars, reportingCalendar, tiers, attempts, fields, policies));
        }

        private BusinessCalendar calendar(String name, YamlValue node) {
            YamlValue.Mapping m = node.asMap().allowOnly("timeZone", "hours", "holidays", "closedDays", "openDays");
            YamlValue zoneNode = m.required("timeZone");
            ZoneId zone;
            try {
                zone = ZoneId.of(zoneNode.asString().trim());
            } catch (DateTimeException e) {
                throw zoneNode.error("'" + zoneNode.asString() + "' is not an IANA time zone (e.g. Europe/Paris, America/New_York)");
            }
            WeeklyHours hours = weeklyHours(m.required("hours"));
            HolidayRules holidays = HolidayRules.NONE;
            if (m.has("holidays")) {
                YamlValue h = m.required("holidays");
                YamlValue.Mapping hm = h.asMap().allowOnly("country", "region");
                List<String> regions = hm.has("region") ? List.of(hm.required("region").asString().split("/")) : List.of();
                holidays = guard(h, () -> new JollydayHolidays(hm.required("country").asString(), regions));
            }
            Set<LocalDate> closed = new java.util.HashSet<>();
            if (m.has("closedDays")) {
                for (YamlValue d : m.required("closedDays").asList()) {
                    closed.add(date(d));
                }
            }
            Map<LocalDate, List<TimeRange>> open = new HashMap<>();
            if (m.has("openDays")) {
                for (YamlValue d : m.required("openDays").asList()) {
                    YamlValue.Mapping dm = d.asMap().allowOnly("date", "hours");
                    LocalDate date = date(dm.required("date"));
                    if (closed.contains(date)) {
                        throw dm.required("date").error(date + " is both a closed day and an open day");
                    }
                    if (open.containsKey(date)) {
                        throw dm.required("date").error(date + " is listed twice as an open day");
                    }
                    List<TimeRange> ranges = dm.has("hours") ? ranges(dm.required("hours"))
                            : hours.on(date.getDayOfWeek());
                    if (dm.has("hours") && ranges.isEmpty()) {
                        throw dm.required("hours").error("an open day needs opening hours (to close a day, list it in closedDays)");
                    }
                    if (ranges.isEmpty()) {
                        throw d.error("open day " + date + " falls on a " + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                                + ", which has no weekly hours: give its 'hours'");
                    }
                    open.put(date, ranges);
                }
            }
            HolidayRules holidayRules = holidays;
            return guard(node, () -> new BusinessCalendar(name, zone, hours, holidayRules, closed, open));
        }

        private WeeklyHours weeklyHours(YamlValue node) {
            List<String> allowed = new ArrayList<>(List.of(DAY_KEYS));
            allowed.add("weekdays");
            allowed.add("everyDay");
            YamlValue.Mapping m = node.asMap().allowOnly(allowed.toArray(String[]::new));
            Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
            if (m.has("everyDay")) {
                List<TimeRange> r = ranges(m.required("everyDay"));
                for (DayOfWeek d : DayOfWeek.values()) {
                    hours.put(d, r);
                }
            }
            if (m.has("weekdays")) {
                List<TimeRange> r = ranges(m.required("weekdays"));
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (d.getValue() <= 5) {
                        hours.put(d, r);
                    }
                }
            }
            for (int i = 0; i < DAY_KEYS.length; i++) {
                YamlValue day = m.entries().get(DAY_KEYS[i]);
                if (day != null) { // a day given explicitly wins over weekdays/everyDay; empty means closed
                    if (day.isMap()) {
                        throw day.error("expected opening hours such as [\"09:00-12:30\", \"13:30-18:00\"], or closed");
                    }
                    hours.put(DayOfWeek.of(i + 1), day.isList() || day.isScalar() ? ranges(day) : List.of());
                }
            }
            return guard(node, () -> WeeklyHours.of(hours));
        }

        private List<TimeRange> ranges(YamlValue node) {
            if (node.isMap()) {
                throw node.error("expected opening hours such as [\"09:00-12:30\", \"13:30-18:00\"], or closed");
            }
            if (node.isScalar() && node.asString().trim().equalsIgnoreCase("closed")) {
                return List.of();
            }
            List<TimeRange> ranges = new ArrayList<>();
            for (YamlValue r : node.isScalar() ? List.of(node) : node.asList()) {
                ranges.add(guard(r, () -> TimeRange.parse(r.asString())));
            }
            return guard(node, () -> WeeklyHours.normalize(ranges, node.path()));
        }

        private LocalDate date(YamlValue node) {
            String text = node.asString().trim();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw node.error("'" + text + "' is not a date like 2026-12-24");
            }
        }

        private String calendarName(YamlValue node) {
            String name = node.asString().trim();
            if (!calendars.containsKey(name)) {
                throw node.error("no calendar named '" + name + "' (defined: " + String.join(", ", calendars.keySet()) + ")");
            }
            return name;
        }

        private Tiers tiers(YamlValue node) {
            YamlValue.Mapping m = node.asMap().allowOnly("default", "rules");
            String fallback = m.required("default").asString().trim();
            List<TierRule> rules = new ArrayList<>();
            if (m.has("rules")) {
                for (YamlValue r : m.required("rules").asList()) {
                    YamlValue.Mapping rm = r.asMap().allowOnly("tier", "when");
                    rules.add(new TierRule(rm.required("tier").asString().trim(), conditions(rm.required("when"))));
                }
            }
            return new Tiers(rules, fallback);
        }

        private List<Condition> conditions(YamlValue node) {
            List<Condition> conditions = new ArrayList<>();
            for (YamlValue c : node.isMap() ? List.of(node) : node.asList()) {
                conditions.add(condition(c));
            }
            return conditions;
        }

        private Condition condition(YamlValue node) {
            YamlValue.Mapping m = node.asMap().allowOnly("attribute", "equals", "in", "atLeast", "atMost", "present", "matches");
            String attribute = m.required("attribute").asString().trim();
            List<String> operators = m.keys().stream().filter(k -> !k.equals("attribute")).toList();
            if (operators.size() != 1) {
                throw node.error("a condition needs exactly one of equals, in, atLeast, atMost, present, matches");
            }
            String op = operators.get(0);
            YamlValue v = m.required(op);
            return switch (op) {
                case "equals" -> new Condition.Equals(attribute, v.asString().trim());
                case "in" -> new Condition.In(attribute, Set.copyOf(v.asStrings().stream().map(String::trim).toList()));
                case "atLeast" -> new Condition.AtLeast(attribute, number(v));
                case "atMost" -> new Condition.AtMost(attribute, number(v));
                case "present" -> {
                    if (!v.asBoolean()) {
                        throw v.error("'present' can only be true (to test absence, order a rule before it)");
                    }
                    yield new Condition.Present(attribute);
                }
                case "matches" -> {
                    try {
                        yield new Condition.Matches(attribute, Pattern.compile(v.asString()));
                    } catch (PatternSyntaxException e) {
                        throw v.error("not a valid regular expression: " + e.getDescription());
                    }
                }
                default -> throw new IllegalStateException(op);
            };
        }

        private static BigDecimal number(YamlValue v) {
            try {
                return new BigDecimal(v.asString().trim());
            } catch (NumberFormatException e) {
                throw v.error("'" + v.asString() + "' is not a number");
            }
        }

        /** Each key defaults on its own: listing channels must not drop the automated-e-mail rule. */
        private AttemptRules attemptRules(YamlValue node) {
            YamlValue.Mapping m = node.asMap().allowOnly("channels", "ignoreWhen");
            Set<String> channels = AttemptRules.DEFAULT.channels();
            if (m.has("channels")) {
                Set<String> listed = new LinkedHashSet<>();
                for (YamlValue c : m.required("channels").isScalar() ? List.of(m.required("channels")) : m.required("channels").asList()) {
                    String channel = c.asString().trim().toLowerCase(Locale.ROOT);
                    if (!AttemptRules.CHANNELS.contains(channel)) {
                        throw c.error("unknown channel '" + c.asString() + "' (channels: " + String.join(", ", AttemptRules.CHANNELS) + ")");
                    }
                    listed.add(channel);
                }
                channels = listed;
            }
            List<Condition> ignore = m.has("ignoreWhen") ? conditions(m.required("ignoreWhen")) : AttemptRules.DEFAULT.ignoreWhen();
            return new AttemptRules(channels, ignore);
        }

        private static LeadFields fields(YamlValue node) {
            YamlValue.Mapping m = node.asMap().allowOnly("owner", "source", "rejectionReason");
            LeadFields d = LeadFields.DEFAULT;
            return new LeadFields(
                    m.has("owner") ? m.required("owner").asString().trim() : d.owner(),
                    m.has("source") ? m.required("source").asString().trim() : d.source(),
                    m.has("rejectionReason") ? m.required("rejectionReason").asString().trim() : d.rejectionReason());
        }

        private Policy policy(YamlValue node) {
            YamlValue.Mapping m = node.asMap();
            String type = m.required("type").asString().trim();
            String id = m.required("id").asString().trim();
            return switch (type) {
                case "handoff" -> {
                    m.allowOnly("id", "type", "target", "calendar", "atRisk");
                    yield guard(node, () -> new Policy.Handoff(id, target(m.required("target")), selector(m), atRisk(m)));
                }
                case "quality" -> {
                    m.allowOnly("id", "type", "required");
                    yield guard(node, () -> new Policy.Quality(id, m.required("required").asStrings()));
                }
                case "first-contact" -> {
                    m.allowOnly("id", "type", "target", "calendar", "atRisk", "restartOnOwnerChange");
                    boolean restart = m.has("restartOnOwnerChange") && m.required("restartOnOwnerChange").asBoolean();
                    yield guard(node, () -> new Policy.FirstContact(id, target(m.required("target")), selector(m), atRisk(m), restart));
                }
                case "attempts" -> {
                    m.allowOnly("id", "type", "minAttempts", "within", "calendar", "atRisk");
                    int min = m.required("minAttempts").asInt();
                    if (min < 1) {
                        throw m.required("minAttempts").error("must be at least 1");
                    }
                    yield guard(node, () -> new Policy.Attempts(id, min, target(m.required("within")), selector(m), atRisk(m)));
                }
                case "disposition" -> {
                    m.allowOnly("id", "type", "target", "calendar", "atRisk");
                    yield guard(node, () -> new Policy.Disposition(id, target(m.required("target")), selector(m), atRisk(m)));
                }
                case "rejection-reason" -> {
                    m.allowOnly("id", "type", "target", "calendar", "atRisk");
                    yield guard(node, () -> new Policy.RejectionReason(id, target(m.required("target")), selector(m), atRisk(m)));
                }
                case "volume" -> {
                    m.allowOnly("id", "type", "monthlyCommitment", "calendar");
                    int commitment = m.required("monthlyCommitment").asInt();
                    if (commitment < 0) {
                        throw m.required("monthlyCommitment").error("must not be negative");
                    }
                    String calendar = m.has("calendar") ? calendarName(m.required("calendar")) : reportingCalendar;
                    yield new Policy.Volume(id, commitment, calendar);
                }
                default -> throw m.required("type").error("unknown policy type '" + type + "' (expected one of: handoff, "
                        + "quality, first-contact, attempts, disposition, rejection-reason, volume)");
            };
        }

        /** A single target for every tier, or one per tier with an optional {@code default}. */
        private TieredTarget target(YamlValue node) {
            if (node.isScalar()) {
                return TieredTarget.of(duration(node));
            }
            Map<String, Target> byTier = new HashMap<>();
            Target fallback = null;
            for (Map.Entry<String, YamlValue> e : node.asMap().entries().entrySet()) {
                if (e.getKey().equals("default")) {
                    fallback = duration(e.getValue());
                } else if (!tiers.names().contains(e.getKey())) {
                    throw e.getValue().error("no tier named '" + e.getKey() + "' (tiers: "
                            + String.join(", ", tiers.names()) + ")");
                } else {
                    byTier.put(e.getKey(), duration(e.getValue()));
                }
            }
            if (fallback == null) {
                for (String tier : tiers.names()) {
                    if (!byTier.containsKey(tier)) {
                        throw node.error("tier '" + tier + "' has no target: add it, or a 'default'");
                    }
                }
            }
            return new TieredTarget(byTier, fallback);
        }

        private static Target duration(YamlValue node) {
            Target target = guard(node, () -> Target.parse(node.asString()));
            if (target.amount().isZero()) {
                throw node.error("a target must be more than zero (write 1m for 'at once')");
            }
            if (target.amount().compareTo(java.time.Duration.ofDays(3660)) > 0) {
                throw node.error("'" + node.asString() + "' is more than ten years: is a unit missing or wrong?");
            }
            return target;
        }

        private CalendarSelector selector(YamlValue.Mapping policy) {
            YamlValue node = policy.optional("calendar");
            if (node == null) {
                return new CalendarSelector.Fixed(reportingCalendar);
            }
            if (node.isScalar()) {
                return new CalendarSelector.Fixed(calendarName(node));
            }
            YamlValue.Mapping m = node.asMap().allowOnly("byAttribute", "values", "default");
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<String, YamlValue> e : m.required("values").asMap().entries().entrySet()) {
                values.put(e.getKey(), calendarName(e.getValue()));
            }
            return new CalendarSelector.ByAttribute(m.required("byAttribute").asString().trim(), values,
                    calendarName(m.required("default")));
        }

        private static double atRisk(YamlValue.Mapping policy) {
            YamlValue node = policy.optional("atRisk");
            if (node == null) {
                return DEFAULT_AT_RISK;
            }
            String text = node.asString().trim();
            try {
                double share = text.endsWith("%")
                        ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
                        : Double.parseDouble(text);
                if (!(share > 0 && share <= 1)) {
                    throw new NumberFormatException();
                }
                return share;
            } catch (NumberFormatException e) {
                throw node.error("'" + text + "' is not a share of the target: write e.g. 75% or 0.75");
            }
        }
    }

    /** Runs a domain constructor and turns its refusal into an error at {@code node}'s line. */
    private static <T> T guard(YamlValue node, Supplier<T> build) {
        try {
            return build.get();
        } catch (PolicyConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}
