package io.leadsla.store;

import static io.leadsla.store.UtcTimes.instant;
import static io.leadsla.store.UtcTimes.utc;

import io.leadsla.core.clock.ClockKind;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.clock.LeadCycle;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.clock.Outcome;
import io.leadsla.core.clock.SlaClock;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Leads and their folded clocks. A lead is stale when events arrived since its last fold; its
 * {@code next_change_at} says when a clock turns at-risk or breached without any new event. Both
 * are indexed, so work is found without loading every open clock.
 */
public final class LeadRepository {

    /**
     * A lead to fold: its key, object type, the version its events were read at, when it changes
     * next, and the SLA summary last queued for its CRM record.
     */
    public record LeadRow(LeadKey lead, String objectType, long version, Instant nextChangeAt, String sla) {

        /** The SLA fields last queued for the record, typed; {@code null} when none were. */
        public io.leadsla.core.clock.RecordSla queuedSla() {
            return sla == null ? null : SlaPayload.parse(lead, sla);
        }
    }

    private static final String COLUMNS = "crm, account, record_id, object_type, version, next_change_at, sla";

    private final Jdbi jdbi;

    LeadRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Leads with events not folded yet. */
    public List<LeadRow> stale(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM leads WHERE stale = TRUE ORDER BY crm, account, record_id LIMIT :limit""".formatted(COLUMNS))
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    /** Leads whose clocks change status at or before {@code instant}, soonest first. */
    public List<LeadRow> changingBy(Instant instant, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM leads WHERE next_change_at <= :at ORDER BY next_change_at LIMIT :limit"""
                        .formatted(COLUMNS))
                .bind("at", utc(instant)).bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    /** Leads whose clocks should have changed status by {@code instant} and wait for their fold. */
    public long countChangingBy(Instant instant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads WHERE next_change_at <= :at")
                .bind("at", utc(instant)).mapTo(Long.class).one());
    }

    public Optional<LeadRow> find(LeadKey lead) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM leads WHERE crm = :crm AND account = :account AND record_id = :record""".formatted(COLUMNS))
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).map((rs, ctx) -> row(rs)).findOne());
    }

    /**
     * Claims up to {@code limit} stale leads (or, with {@code due}, leads whose next change is at
     * or before {@code now}) for the caller's transaction. Rows another instance holds are
     * skipped ({@code FOR UPDATE SKIP LOCKED}), so instances share the work and each lead is
     * folded by one of them; a crashed instance's locks go with its connection.
     */
    List<LeadRow> claim(Handle h, boolean due, Instant now, int limit) {
        // Stale leads are claimed in no particular order: every one is folded soon, and an ORDER BY
        // made H2 sort (and lock) every stale lead per claim, 0.5 s per batch at 300,000 stale leads
        // instead of 2 ms. Due leads come soonest first, a bounded range of the next_change_at index.
        String where = due ? "next_change_at <= :now ORDER BY next_change_at" : "stale = TRUE";
        return h.createQuery("SELECT " + COLUMNS + " FROM leads WHERE " + where + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("now", utc(now)).bind("limit", limit).map((rs, ctx) -> row(rs)).list();
    }

    /**
     * After a policy change (at start, with the policies now loaded): every lead with an open clock
     * of another policy version is folded again under {@code currentVersion}; closed clocks keep
     * the version they ran under (see {@link #saveFold}). With the same policies, nothing happens.
     *
     * @return how many leads were marked
     */
    public int markOpenLeadsStale(String currentVersion) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE leads SET stale = TRUE WHERE EXISTS (
                    SELECT 1 FROM clocks c WHERE c.crm = leads.crm AND c.account = leads.account AND c.record_id = leads.record_id
                    AND c.status IN ('ON_TRACK', 'AT_RISK', 'BREACHED') AND c.policy_version <> :version)""")
                .bind("version", currentVersion).execute());
    }

    /** A lead with nothing to fold: neither stale nor due. */
    void settle(Handle h, LeadKey lead) {
        h.createUpdate("UPDATE leads SET stale = FALSE, next_change_at = NULL WHERE crm = :crm AND account = :account AND record_id = :record")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).execute();
    }

    void recordSla(Handle h, LeadKey lead, String sla) {
        h.createUpdate("UPDATE leads SET sla = :sla WHERE crm = :crm AND account = :account AND record_id = :record")
                .bind("sla", sla).bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).execute();
    }

    /**
     * Replaces the lead's clocks with a new fold, in one transaction. The lead stays stale when
     * events arrived after {@code readVersion} (they were not in this fold): it is folded again.
     */
    public void saveFold(LeadState state, Instant nextChangeAt, long readVersion, Instant foldedAt) {
        jdbi.useTransaction(h -> saveFold(h, state, nextChangeAt, readVersion, foldedAt));
    }

    /**
     * @param nextChangeAt when to fold the lead again without new events: the state's next change,
     *                     or an event stamped after the fold's "now" (a CRM clock ahead of ours)
     */
    void saveFold(Handle h, LeadState state, Instant nextChangeAt, long readVersion, Instant foldedAt) {
        LeadKey lead = state.lead();
        // a clock closed under another policy version is history: it stays as it ran
        List<SlaClock> kept = clocks(h, lead).stream()
                .filter(c -> !c.status().isOpen() && !c.policyVersion().equals(versionOf(state, c)))
                .toList();
        java.util.Set<String> keptKeys = new java.util.HashSet<>();
        kept.forEach(c -> keptKeys.add(c.policyId() + "#" + c.cycle()));
        h.createUpdate("DELETE FROM clocks WHERE crm = :crm AND account = :account AND record_id = :record")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).execute();
        List<SlaClock> toInsert = new java.util.ArrayList<>(kept);
        for (SlaClock c : state.clocks()) {
            if (!keptKeys.contains(c.policyId() + "#" + c.cycle())) {
                toInsert.add(c);
            }
        }
        if (!toInsert.isEmpty()) {
            PreparedBatch insert = h.prepareBatch("""
                    INSERT INTO clocks (crm, account, record_id, policy_id, cycle, kind, tier, calendar, policy_version, status,
                        started_at, due_at, at_risk_at, stopped_at, breached_at, business_minutes_elapsed, stopped_by,
                        attempts, missing_attributes)
                    VALUES (:crm, :account, :record, :policy, :cycle, :kind, :tier, :calendar, :version, :status,
                        :started, :due, :atRisk, :stopped, :breached, :minutes, :stoppedBy, :attempts, :missing)""");
            for (SlaClock c : toInsert) {
                insert.bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).bind("policy", c.policyId())
                        .bind("cycle", c.cycle()).bind("kind", c.kind().name()).bind("tier", c.tier())
                        .bind("calendar", c.calendar()).bind("version", c.policyVersion()).bind("status", c.status().name())
                        // typed binds: a batch must not infer a column's type from a first row's null
                        .bindByType("started", utc(c.startedAt()), OffsetDateTime.class)
                        .bindByType("due", utc(c.dueAt()), OffsetDateTime.class)
                        .bindByType("atRisk", utc(c.atRiskAt()), OffsetDateTime.class)
                        .bindByType("stopped", utc(c.stoppedAt()), OffsetDateTime.class)
                        .bindByType("breached", utc(c.breachedAt()), OffsetDateTime.class)
                        .bind("minutes", c.businessMinutesElapsed())
                        .bindByType("stoppedBy", c.stoppedBy() == null ? null : c.stoppedBy().name(), String.class)
                        .bind("attempts", c.attempts())
                        .bindByType("missing", c.missingAttributes().isEmpty() ? null : String.join(",", c.missingAttributes()),
                                String.class)
                        .add();
            }
            insert.execute();
        }
        saveCycles(h, state);
        h.createUpdate("""
                        UPDATE leads SET next_change_at = :next, folded_at = :at,
                            stale = CASE WHEN version = :version THEN FALSE ELSE TRUE END
                        WHERE crm = :crm AND account = :account AND record_id = :record""")
                .bindByType("next", utc(nextChangeAt), OffsetDateTime.class)
                .bind("at", utc(foldedAt)).bind("version", readVersion)
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId())
                .execute();
    }

    /** Replaces the lead's funnel cycles (the KPIs' facts) with the fold's. */
    private static void saveCycles(Handle h, LeadState state) {
        LeadKey lead = state.lead();
        h.createUpdate("DELETE FROM lead_cycles WHERE crm = :crm AND account = :account AND record_id = :record")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).execute();
        if (state.cycles().isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO lead_cycles (crm, account, record_id, cycle, object_type, tier, owner_id, source, mql_at, handed_off_at,
                    first_contact_at, attempts, outcome, outcome_at, rejection_reason, rejected_without_reason,
                    missing_attributes, handoff_ms, handoff_business_ms, first_response_ms, first_response_business_ms)
                VALUES (:crm, :account, :record, :cycle, :type, :tier, :owner, :source, :mql, :handedOff, :firstContact, :attempts,
                    :outcome, :outcomeAt, :reason, :withoutReason, :missing, :handoff, :handoffBusiness, :response,
                    :responseBusiness)""");
        for (LeadCycle c : state.cycles()) {
            insert.bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId()).bind("cycle", c.number())
                    .bind("type", state.objectType()).bind("tier", c.tier())
                    .bindByType("owner", c.owner(), String.class).bindByType("source", c.source(), String.class)
                    .bind("mql", utc(c.mqlAt()))
                    .bindByType("handedOff", utc(c.handedOffAt()), OffsetDateTime.class)
                    .bindByType("firstContact", utc(c.firstContactAt()), OffsetDateTime.class)
                    .bind("attempts", c.attempts()).bind("outcome", c.outcome().name())
                    .bindByType("outcomeAt", utc(c.outcomeAt()), OffsetDateTime.class)
                    .bindByType("reason", c.rejectionReason(), String.class)
                    .bind("withoutReason", c.rejectedWithoutReason())
                    .bindByType("missing", c.missingAttributes() == null ? null : String.join(",", c.missingAttributes()),
                            String.class)
                    .bindByType("handoff", millis(c.handoffTime()), Long.class)
                    .bindByType("handoffBusiness", millis(c.handoffBusinessTime()), Long.class)
                    .bindByType("response", millis(c.firstResponseTime()), Long.class)
                    .bindByType("responseBusiness", millis(c.firstResponseBusinessTime()), Long.class)
                    .add();
        }
        insert.execute();
    }

    /** The lead's funnel cycles as last folded, oldest first. */
    public List<LeadCycle> cycles(LeadKey lead) {
        return jdbi.withHandle(h -> cycles(h, lead));
    }

    List<LeadCycle> cycles(Handle h, LeadKey lead) {
        return h.createQuery(
                        "SELECT * FROM lead_cycles WHERE crm = :crm AND account = :account AND record_id = :record ORDER BY cycle")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId())
                .map((rs, ctx) -> cycle(lead, rs)).list();
    }

    static LeadCycle cycle(LeadKey lead, ResultSet rs) throws SQLException {
        String missing = rs.getString("missing_attributes");
        return new LeadCycle(lead, rs.getInt("cycle"), rs.getString("tier"), rs.getString("owner_id"), rs.getString("source"),
                instant(rs, "mql_at"), instant(rs, "handed_off_at"), instant(rs, "first_contact_at"), rs.getInt("attempts"),
                Outcome.valueOf(rs.getString("outcome")), instant(rs, "outcome_at"), rs.getString("rejection_reason"),
                rs.getBoolean("rejected_without_reason"),
                missing == null ? null : missing.isEmpty() ? List.of() : Arrays.asList(missing.split(",")),
                duration(rs, "handoff_ms"), duration(rs, "handoff_business_ms"), duration(rs, "first_response_ms"),
                duration(rs, "first_response_business_ms"));
    }

    private static Long millis(java.time.Duration d) {
        return d == null ? null : d.toMillis();
    }

    private static java.time.Duration duration(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : java.time.Duration.ofMillis(ms);
    }

    /** The lead's clocks as last folded, by cycle then policy. */
    public List<SlaClock> clocks(LeadKey lead) {
        return jdbi.withHandle(h -> clocks(h, lead));
    }

    List<SlaClock> clocks(Handle h, LeadKey lead) {
        return h.createQuery("SELECT * FROM clocks WHERE crm = :crm AND account = :account AND record_id = :record ORDER BY cycle, policy_id")
                .bind("crm", lead.crm().id()).bind("account", lead.account()).bind("record", lead.recordId())
                .map((rs, ctx) -> clock(lead, rs)).list();
    }

    /** The policy version of the fold (all its clocks share it); the stored clock's own when the fold has none. */
    private static String versionOf(LeadState state, SlaClock stored) {
        return state.clocks().isEmpty() ? stored.policyVersion() : state.clocks().get(0).policyVersion();
    }

    private static LeadRow row(ResultSet rs) throws SQLException {
        return new LeadRow(new LeadKey(Crm.fromId(rs.getString("crm")), rs.getString("account"), rs.getString("record_id")),
                rs.getString("object_type"), rs.getLong("version"), instant(rs, "next_change_at"), rs.getString("sla"));
    }

    static SlaClock clock(LeadKey lead, ResultSet rs) throws SQLException {
        String missing = rs.getString("missing_attributes");
        String stoppedBy = rs.getString("stopped_by");
        return new SlaClock(lead, rs.getString("policy_id"), ClockKind.valueOf(rs.getString("kind")), rs.getInt("cycle"),
                rs.getString("tier"), rs.getString("calendar"), rs.getString("policy_version"),
                ClockStatus.valueOf(rs.getString("status")), instant(rs, "started_at"), instant(rs, "due_at"),
                instant(rs, "at_risk_at"), instant(rs, "stopped_at"), instant(rs, "breached_at"),
                rs.getLong("business_minutes_elapsed"), stoppedBy == null ? null : EventType.valueOf(stoppedBy),
                rs.getInt("attempts"), missing == null ? List.of() : Arrays.asList(missing.split(",")));
    }
}
