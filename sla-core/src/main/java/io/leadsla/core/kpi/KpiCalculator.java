package io.leadsla.core.kpi;

import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.LeadCycle;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.Outcome;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.core.policy.Policy;
import io.leadsla.core.policy.PolicySet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the shared KPIs from folded leads. A cycle belongs to the period of its MQL (cohort
 * view: "of the MQLs of March, how many were accepted"), and months are those of the policy set's
 * reporting calendar.
 */
public final class KpiCalculator {

    static final String NO_OWNER = "(no owner)";
    static final String NO_SOURCE = "(no source)";

    private final PolicySet policies;
    /** Months for grouping: the reporting calendar's zone. */
    private final ZoneId zone;
    /** Months for the volume commitment: the volume policy's calendar's zone. */
    private final ZoneId volumeZone;

    public KpiCalculator(PolicySet policies) {
        this.policies = policies;
        this.zone = policies.reportingCalendar().zone();
        this.volumeZone = policies.first(Policy.Volume.class).map(v -> policies.calendar(v.calendar()).zone()).orElse(zone);
    }

    /**
     * @param from    first MQL instant included; {@code null} for no lower bound
     * @param to      first MQL instant excluded; {@code null} for no upper bound
     * @param groupBy a grouping, or {@code null} for the overall figures only
     */
    public KpiReport compute(Iterable<LeadState> leads, Instant from, Instant to, GroupBy groupBy) {
        Accumulator acc = accumulator(from, to, groupBy == null ? List.of() : List.of(groupBy));
        leads.forEach(acc::add);
        return groupBy == null ? acc.reports().get("overall") : acc.reports().get(groupBy.id());
    }

    /** The overall report and every grouping, in one pass over the leads. */
    public Map<String, KpiReport> computeAll(Iterable<LeadState> leads, Instant from, Instant to) {
        Accumulator acc = accumulator(from, to, List.of(GroupBy.values()));
        leads.forEach(acc::add);
        return acc.reports();
    }

    /**
     * Adds leads one at a time, so a caller can stream millions of leads through without keeping
     * them (replay does). Not thread-safe.
     */
    public Accumulator accumulator(Instant from, Instant to, List<GroupBy> groupings) {
        return new Accumulator(from, to, groupings);
    }

    /** KPIs being accumulated; {@link #reports()} may be called at any time. */
    public final class Accumulator {
        private final Instant from;
        private final Instant to;
        private final List<GroupBy> groupings;
        private final Tally overall = new Tally();
        private final List<Map<String, Tally>> groups = new ArrayList<>();
        private final Map<YearMonth, long[]> mqlsByMonth = new TreeMap<>();
        private final List<SlaClock> clocks = new ArrayList<>(16);

        private Accumulator(Instant from, Instant to, List<GroupBy> groupings) {
            this.from = from;
            this.to = to;
            this.groupings = List.copyOf(groupings);
            for (int i = 0; i < groupings.size(); i++) {
                groups.add(new TreeMap<>());
            }
        }

        public void add(LeadState lead) {
            for (LeadCycle cycle : lead.cycles()) {
                if ((from != null && cycle.mqlAt().isBefore(from)) || (to != null && !cycle.mqlAt().isBefore(to))) {
                    continue;
                }
                clocks.clear();
                for (SlaClock c : lead.clocks()) {
                    if (c.cycle() == cycle.number()) {
                        clocks.add(c);
                    }
                }
                overall.add(cycle, clocks);
                YearMonth month = YearMonth.from(cycle.mqlAt().atZone(zone));
                YearMonth volumeMonth = volumeZone.equals(zone) ? month : YearMonth.from(cycle.mqlAt().atZone(volumeZone));
                mqlsByMonth.computeIfAbsent(volumeMonth, m -> new long[1])[0]++;
                for (int i = 0; i < groupings.size(); i++) {
                    groups.get(i).computeIfAbsent(keyOf(cycle, groupings.get(i), month), k -> new Tally()).add(cycle, clocks);
                }
            }
        }

        /** {@code "overall"} (no groups), then one report per grouping, keyed by {@link GroupBy#id()}. */
        public Map<String, KpiReport> reports() {
            KpiSummary summary = overall.summary();
            List<MonthlyVolume> volume = volume(mqlsByMonth, from, to);
            Map<String, KpiReport> reports = new LinkedHashMap<>();
            reports.put("overall", new KpiReport(from, to, null, summary, Map.of(), volume));
            for (int i = 0; i < groupings.size(); i++) {
                reports.put(groupings.get(i).id(),
                        new KpiReport(from, to, groupings.get(i).id(), summary, summaries(groups.get(i)), volume));
            }
            return reports;
        }
    }

    private static Map<String, KpiSummary> summaries(Map<String, Tally> tallies) {
        Map<String, KpiSummary> out = new LinkedHashMap<>();
        tallies.forEach((key, tally) -> out.put(key, tally.summary()));
        return out;
    }

    private static String keyOf(LeadCycle cycle, GroupBy groupBy, YearMonth month) {
        return switch (groupBy) {
            case OWNER -> cycle.owner() == null ? NO_OWNER : cycle.owner();
            case SOURCE -> cycle.source() == null ? NO_SOURCE : cycle.source();
            case TIER -> cycle.tier();
            case MONTH -> month.toString();
            case ACCOUNT -> cycle.lead().crm().id() + "/" + cycle.lead().account();
        };
    }

    private List<MonthlyVolume> volume(Map<YearMonth, long[]> mqlsByMonth, Instant from, Instant to) {
        Integer commitment = policies.first(Policy.Volume.class).map(Policy.Volume::monthlyCommitment).orElse(null);
        Map<YearMonth, long[]> months = new TreeMap<>(mqlsByMonth);
        if (from != null && to != null) { // show empty months of the period too
            for (YearMonth m = YearMonth.from(from.atZone(volumeZone)); !m.atDay(1).atStartOfDay(volumeZone).toInstant().isAfter(to.minusMillis(1));
                 m = m.plusMonths(1)) {
                months.putIfAbsent(m, new long[1]);
            }
        }
        List<MonthlyVolume> out = new ArrayList<>();
        months.forEach((month, count) -> out.add(new MonthlyVolume(month.toString(), count[0], commitment,
                commitment == null || commitment == 0 ? null : percent(count[0], commitment))));
        return out;
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** Accumulates one group's cycles. */
    private final class Tally {
        long mqls;
        long handedOff;
        long accepted;
        long rejected;
        long recycled;
        long deleted;
        long deletedAfterHandoff;
        long open;
        long attempts;
        long withoutReason;
        long reasonLater;
        long qualityChecked;
        long qualityComplete;
        final Durations handoff = new Durations();
        final Durations handoffBusiness = new Durations();
        final Durations response = new Durations();
        final Durations responseBusiness = new Durations();
        final Map<String, long[]> byPolicy = new LinkedHashMap<>();
        final Map<String, Map<String, long[]>> byPolicyTier = new LinkedHashMap<>();
        final Map<String, long[]> reasons = new HashMap<>();
        final Map<String, long[]> missing = new TreeMap<>();

        Tally() {
            for (Policy p : policies.policies()) {
                if (!(p instanceof Policy.Volume)) {
                    byPolicy.put(p.id(), new long[ClockStatus.values().length]);
                    byPolicyTier.put(p.id(), new TreeMap<>());
                }
            }
        }

        void add(LeadCycle c, List<SlaClock> clocks) {
            mqls++;
            if (c.handedOff()) {
                handedOff++;
                attempts += c.attempts();
                switch (c.outcome()) {
                    case ACCEPTED -> accepted++;
                    case REJECTED -> rejected++;
                    case RECYCLED -> recycled++;
                    case DELETED -> {
                        deleted++;
                        deletedAfterHandoff++;
                    }
                    case OPEN -> open++;
                }
            } else if (c.outcome() == Outcome.RECYCLED) {
                recycled++;
            } else if (c.outcome() == Outcome.DELETED) {
                deleted++;
            }
            if (c.rejectedWithoutReason()) {
                withoutReason++;
                if (c.rejectionReason() != null) {
                    reasonLater++;
                }
            }
            if (c.outcome() == Outcome.REJECTED && c.rejectionReason() != null) {
                reasons.computeIfAbsent(c.rejectionReason(), r -> new long[1])[0]++;
            }
            if (c.missingAttributes() != null) {
                qualityChecked++;
                if (c.missingAttributes().isEmpty()) {
                    qualityComplete++;
                }
                for (String m : c.missingAttributes()) {
                    missing.computeIfAbsent(m, k -> new long[1])[0]++;
                }
            }
            handoff.add(c.handoffTime());
            handoffBusiness.add(c.handoffBusinessTime());
            response.add(c.firstResponseTime());
            responseBusiness.add(c.firstResponseBusinessTime());
            for (SlaClock clock : clocks) {
                long[] counts = byPolicy.get(clock.policyId());
                if (counts == null) {
                    continue; // a clock of a policy no longer configured
                }
                counts[clock.status().ordinal()]++;
                byPolicyTier.get(clock.policyId())
                        .computeIfAbsent(clock.tier(), t -> new long[ClockStatus.values().length])[clock.status().ordinal()]++;
            }
        }

        KpiSummary summary() {
            Map<String, Compliance> compliance = new LinkedHashMap<>();
            byPolicy.forEach((id, counts) -> compliance.put(id, compliance(counts)));
            Map<String, Map<String, Compliance>> byTier = new LinkedHashMap<>();
            byPolicyTier.forEach((id, tiers) -> {
                Map<String, Compliance> perTier = new LinkedHashMap<>();
                tiers.forEach((tier, counts) -> perTier.put(tier, compliance(counts)));
                byTier.put(id, perTier);
            });
            long withReason = reasons.values().stream().mapToLong(v -> v[0]).sum();
            List<ReasonCount> reasonCounts = reasons.entrySet().stream()
                    .map(e -> new ReasonCount(e.getKey(), e.getValue()[0], percent(e.getValue()[0], withReason)))
                    .sorted(Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::reason))
                    .toList();
            Map<String, Long> missingCounts = new LinkedHashMap<>();
            missing.forEach((k, v) -> missingCounts.put(k, v[0]));
            return new KpiSummary(mqls, handedOff, accepted, rejected, recycled, deleted, open,
                    percent(accepted, handedOff - deletedAfterHandoff), handoff.stats(), handoffBusiness.stats(), response.stats(),
                    responseBusiness.stats(), compliance, byTier,
                    handedOff == 0 ? null : Math.round(attempts * 100.0 / handedOff) / 100.0,
                    reasonCounts, withoutReason, reasonLater, qualityChecked, qualityComplete, missingCounts);
        }

        private Compliance compliance(long[] n) {
            long met = n[ClockStatus.MET.ordinal()];
            long missed = n[ClockStatus.MISSED.ordinal()];
            long breached = n[ClockStatus.BREACHED.ordinal()];
            return new Compliance(met, missed, breached, n[ClockStatus.AT_RISK.ordinal()],
                    n[ClockStatus.ON_TRACK.ordinal()], n[ClockStatus.CANCELLED.ordinal()],
                    percent(met, met + missed + breached));
        }
    }

    /** A growable array of durations in milliseconds. */
    private static final class Durations {
        long[] values = new long[16];
        int size;

        void add(Duration d) {
            if (d == null) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = d.toMillis();
        }

        DurationStats stats() {
            return DurationStats.ofMillis(values, size);
        }
    }
}
