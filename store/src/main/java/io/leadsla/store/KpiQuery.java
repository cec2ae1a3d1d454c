package io.leadsla.store;

import static io.leadsla.store.UtcTimes.utc;

import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.LeadCycle;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Streams the stored funnel cycles and clocks to the KPI calculator (sla-core), one lead at a
 * time, so a report over a million MQLs does not hold them all in memory.
 */
public final class KpiQuery {

    private static final int FETCH = 1_000;

    private final Jdbi jdbi;

    KpiQuery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Hands {@code sink} every lead with a cycle whose MQL falls in {@code [from, to)} (either bound
     * may be {@code null}), with those cycles and their clocks. The states carry no attributes and
     * no next change: they are what the KPIs count, not what the engine folds.
     */
    public void forEachLead(Instant from, Instant to, Consumer<LeadState> sink) {
        String period = (from == null ? "" : " AND l.mql_at >= :from") + (to == null ? "" : " AND l.mql_at < :to");
        // a transaction so that PostgreSQL streams with the fetch size instead of loading everything
        jdbi.useTransaction(h -> {
            try (ResultIterator<StoredCycle> cycles = query(h, "SELECT l.* FROM lead_cycles l WHERE 1 = 1" + period
                            + " ORDER BY l.crm, l.account, l.record_id, l.cycle", from, to)
                    .map((rs, ctx) -> new StoredCycle(rs.getString("object_type"), LeadRepository.cycle(key(rs), rs)))
                    .iterator();
                 ResultIterator<SlaClock> clocks = query(h, """
                         SELECT c.* FROM clocks c JOIN lead_cycles l
                             ON l.crm = c.crm AND l.account = c.account AND l.record_id = c.record_id AND l.cycle = c.cycle
                         WHERE 1 = 1""" + period + " ORDER BY c.crm, c.account, c.record_id, c.cycle, c.policy_id", from, to)
                         .map((rs, ctx) -> LeadRepository.clock(key(rs), rs)).iterator()) {
                merge(cycles, clocks, sink);
            }
        });
    }

    /** A cycle as stored, with its record's object type (which the domain's cycle does not carry). */
    private record StoredCycle(String objectType, LeadCycle cycle) {
    }

    /** Both results come in the same (crm, record) order: zip them lead by lead. */
    private static void merge(Iterator<StoredCycle> cycles, Iterator<SlaClock> clocks, Consumer<LeadState> sink) {
        Peek<StoredCycle> cyc = new Peek<>(cycles);
        Peek<SlaClock> clk = new Peek<>(clocks);
        while (cyc.peek() != null) {
            StoredCycle first = cyc.peek();
            LeadKey lead = first.cycle().lead();
            List<LeadCycle> leadCycles = new ArrayList<>(2);
            while (cyc.peek() != null && cyc.peek().cycle().lead().equals(lead)) {
                leadCycles.add(cyc.next().cycle());
            }
            List<SlaClock> leadClocks = new ArrayList<>(4);
            while (clk.peek() != null && clk.peek().lead().equals(lead)) {
                leadClocks.add(clk.next());
            }
            sink.accept(new LeadState(lead, first.objectType(), leadCycles, leadClocks, null, Map.of(), 0));
        }
    }

    /** Clocks by status now (all leads, all periods): for the dashboard and the metrics. */
    public Map<ClockStatus, Long> clocksByStatus() {
        Map<ClockStatus, Long> counts = new EnumMap<>(ClockStatus.class);
        for (ClockStatus s : ClockStatus.values()) {
            counts.put(s, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) FROM clocks GROUP BY status")
                .map((rs, ctx) -> Map.entry(ClockStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** A clock in a given status now, with its cycle's owner and tier: the "needs attention" list. */
    public record ClockInStatus(LeadKey lead, String policyId, int cycle, String status, String tier, String ownerId,
                                Instant startedAt, Instant dueAt, Instant breachedAt) {
    }

    /** Clocks in {@code status} (e.g. AT_RISK, BREACHED), the earliest due first. */
    public List<ClockInStatus> clocksIn(ClockStatus status, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.crm, c.account, c.record_id, c.policy_id, c.cycle, c.status, c.tier, l.owner_id, c.started_at, c.due_at,
                            c.breached_at
                        FROM clocks c LEFT JOIN lead_cycles l
                            ON l.crm = c.crm AND l.account = c.account AND l.record_id = c.record_id AND l.cycle = c.cycle
                        WHERE c.status = :status ORDER BY c.due_at, c.crm, c.account, c.record_id LIMIT :limit""")
                .bind("status", status.name()).bind("limit", limit)
                .map((rs, ctx) -> new ClockInStatus(key(rs), rs.getString("policy_id"), rs.getInt("cycle"),
                        rs.getString("status"), rs.getString("tier"), rs.getString("owner_id"),
                        UtcTimes.instant(rs, "started_at"), UtcTimes.instant(rs, "due_at"),
                        UtcTimes.instant(rs, "breached_at")))
                .list());
    }

    private static org.jdbi.v3.core.statement.Query query(Handle h, String sql, Instant from, Instant to) {
        org.jdbi.v3.core.statement.Query q = h.createQuery(sql).setFetchSize(FETCH);
        if (from != null) {
            q.bind("from", utc(from));
        }
        if (to != null) {
            q.bind("to", utc(to));
        }
        return q;
    }

    private static LeadKey key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LeadKey(Crm.fromId(rs.getString("crm")), rs.getString("account"), rs.getString("record_id"));
    }

    /** An iterator one can look ahead in. */
    private static final class Peek<T> {
        private final Iterator<T> it;
        private T head;

        Peek(Iterator<T> it) {
            this.it = it;
            this.head = it.hasNext() ? it.next() : null;
        }

        T peek() {
            return head;
        }

        T next() {
            T out = head;
            head = it.hasNext() ? it.next() : null;
            return out;
        }
    }
}
