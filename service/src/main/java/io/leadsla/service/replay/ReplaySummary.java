package io.leadsla.service.replay;

import io.leadsla.core.kpi.Compliance;
import io.leadsla.core.kpi.DurationStats;
import io.leadsla.core.kpi.KpiSummary;
import io.leadsla.core.kpi.MonthlyVolume;
import io.leadsla.core.kpi.ReasonCount;
import io.leadsla.core.policy.PolicySet;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The readable summary replay prints: the figures a weekly alignment meeting looks at. */
final class ReplaySummary {

    private ReplaySummary() {
    }

    static void print(PrintStream out, PolicySet policies, String source, ReplayResult r) {
        KpiSummary s = r.kpis().overall();
        out.printf(Locale.ROOT, "leadsla replay · policies %s · now %s%n", policies.version(), r.now());
        out.printf(Locale.ROOT, "events  %,d read from %s; %,d rejected%n", r.eventsRead(), source, r.rejected().size());
        for (String line : r.rejected().subList(0, Math.min(10, r.rejected().size()))) {
            out.println("        ! " + line);
        }
        if (r.rejected().size() > 10) {
            out.printf(Locale.ROOT, "        ! … %,d more in rejected.txt%n", r.rejected().size() - 10);
        }
        out.printf(Locale.ROOT, "leads   %,d (%,d reached MQL, %,d cycles)%n", r.leads(), r.leadsWithCycle(), r.cycles());
        out.printf(Locale.ROOT, "time    %.1f s reading, %.1f s folding and writing%n%n", r.readTime().toMillis() / 1000.0,
                r.foldTime().toMillis() / 1000.0);

        out.println("Funnel");
        out.printf(Locale.ROOT, "  MQLs %,d · handed over %,d · accepted %,d · rejected %,d · recycled %,d · deleted %,d · open %,d%n",
                s.mqls(), s.handedOff(), s.accepted(), s.rejected(), s.recycled(), s.deleted(), s.open());
        out.printf(Locale.ROOT, "  Acceptance rate %s (accepted SQL / MQL handed over; healthy above 60–70 %%)%n%n",
                percent(s.acceptanceRate()));

        out.println("Response times                    median       p90      mean      count");
        stats(out, "handoff, business time", s.handoffBusinessTime());
        stats(out, "handoff, wall clock", s.handoffTime());
        stats(out, "first response, business time", s.firstResponseBusinessTime());
        stats(out, "first response, wall clock", s.firstResponseTime());
        out.printf(Locale.ROOT, "  attempts per handed-over lead: %s%n%n",
                s.attemptsPerHandoff() == null ? "–" : String.format(Locale.ROOT, "%.2f", s.attemptsPerHandoff()));

        out.println("Policies                  met   missed  breached  at risk  on track  cancelled  met rate");
        for (Map.Entry<String, Compliance> e : s.policies().entrySet()) {
            Compliance c = e.getValue();
            out.printf(Locale.ROOT, "  %-20s %7d %8d %9d %8d %9d %10d  %8s%n", e.getKey(), c.met(), c.missed(),
                    c.breached(), c.atRisk(), c.onTrack(), c.cancelled(), percent(c.metRate()));
            Map<String, Compliance> byTier = s.policiesByTier().get(e.getKey());
            if (byTier != null && byTier.size() > 1) {
                byTier.forEach((tier, t) -> out.printf(Locale.ROOT, "    %-18s %7d %8d %9d %8d %9d %10d  %8s%n",
                        "tier " + tier, t.met(), t.missed(), t.breached(), t.atRisk(), t.onTrack(), t.cancelled(),
                        percent(t.metRate())));
            }
        }
        out.println();

        out.printf(Locale.ROOT, "Rejections %,d · without a reason %,d (reason added later %,d)%n", s.rejected(),
                s.rejectedWithoutReason(), s.reasonsAddedLater());
        for (ReasonCount reason : s.rejectionReasons()) {
            out.printf(Locale.ROOT, "  %-24s %6d  %6.1f %%%n", reason.reason(), reason.count(), reason.share());
        }
        out.println();

        out.printf(Locale.ROOT, "MQL data at handoff: %,d of %,d complete (%s)", s.qualityComplete(), s.qualityChecked(),
                percent(s.qualityChecked() == 0 ? null : Math.round(s.qualityComplete() * 1000.0 / s.qualityChecked()) / 10.0));
        if (!s.missingAttributes().isEmpty()) {
            StringBuilder missing = new StringBuilder();
            s.missingAttributes().forEach((k, v) -> missing.append(missing.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            out.print("; missing: " + missing);
        }
        out.println();
        out.println();

        out.println("MQL volume by month      MQLs  commitment  attainment");
        for (MonthlyVolume v : r.kpis().volume()) {
            out.printf(Locale.ROOT, "  %-20s %7d  %10s  %10s%n", v.month(), v.mqls(),
                    v.commitment() == null ? "–" : v.commitment().toString(), percent(v.attainment()));
        }
        out.printf(Locale.ROOT, "%nOpen clocks now: %,d at risk, %,d breached%n", r.clocksAtRisk(), r.clocksBreached());
    }

    private static void stats(PrintStream out, String label, DurationStats d) {
        out.printf(Locale.ROOT, "  %-30s %9s %9s %9s %10d%n", label, duration(d.medianMinutes()), duration(d.p90Minutes()),
                duration(d.meanMinutes()), d.count());
    }

    static String duration(Double minutes) {
        if (minutes == null) {
            return "–";
        }
        long m = Math.round(minutes);
        if (m < 60) {
            return m + "m";
        }
        if (m < 24 * 60) {
            return (m / 60) + "h" + (m % 60 == 0 ? "" : String.format(Locale.ROOT, "%02dm", m % 60));
        }
        return String.format(Locale.ROOT, "%dd%02dh", m / 1440, (m % 1440) / 60);
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f %%", value);
    }
}
