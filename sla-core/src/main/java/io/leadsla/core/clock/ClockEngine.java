package io.leadsla.core.clock;

import io.leadsla.core.calendar.BusinessCalendar;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.policy.Policy;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.core.policy.Target;
import io.leadsla.core.policy.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds a lead's events into its SLA clocks. A pure function of the set of events and "now":
 * events are applied in {@link LeadEvent#APPLY_ORDER} whatever order they arrived in, a repeated
 * {@code eventId} is applied once, and events after "now" are not yet known.
 *
 * <p>The lead's life is a series of cycles. An MQL starts a cycle (and the handoff and quality
 * clocks); the handoff to a sales owner starts first contact, attempts and disposition; the
 * disposition (accepted, rejected, recycled) ends the cycle; a later MQL starts a new one. A
 * rejection without a reason starts the rejection-reason clock. A deletion cancels open clocks.
 *
 * <p>Stateless and thread-safe: one engine serves any number of leads concurrently.
 */
public final class ClockEngine {

    private final PolicySet set;
    private final BusinessCalendar reporting;

    public ClockEngine(PolicySet set) {
        this.set = Objects.requireNonNull(set, "set");
        this.reporting = set.reportingCalendar();
    }

    public PolicySet policies() {
        return set;
    }

    /**
     * The state of one lead at {@code now}.
     *
     * @param events the lead's events in any order, repeats allowed; all must be of the same lead
     * @throws IllegalArgumentException if the events belong to several leads
     */
    public LeadState fold(Collection<LeadEvent> events, Instant now) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a lead needs at least one event");
        }
        List<LeadEvent> ordered = new ArrayList<>(events.size());
        LeadKey lead = null;
        String objectType = null;
        for (LeadEvent e : events) {
            LeadKey key = e.lead();
            if (lead == null) {
                lead = key;
                objectType = e.objectType();
            } else if (!lead.equals(key)) {
                throw new IllegalArgumentException("events of " + lead + " and " + key + " folded together");
            }
            if (!e.occurredAt().isAfter(now)) {
                ordered.add(e);
            }
        }
        ordered.sort(LeadEvent.APPLY_ORDER);
        return new Fold(lead, objectType, now).run(ordered);
    }

    /** One fold's mutable working state; never escapes {@link #fold}. */
    private final class Fold {
        private final LeadKey lead;
        private final String objectType;
        private final Instant now;
        private final Map<String, String> attributes = new HashMap<>();
        private final List<Cycle> cycles = new ArrayList<>();
        private Cycle current;
        /** A sales owner was assigned before the MQL: the handoff happens at the MQL itself. */
        private boolean ownerAssignedBeforeMql;

        Fold(LeadKey lead, String objectType, Instant now) {
            this.lead = lead;
            this.objectType = objectType;
            this.now = now;
        }

        LeadState run(List<LeadEvent> ordered) {
            Set<String> seen = new HashSet<>(ordered.size() * 2);
            int applied = 0;
            for (LeadEvent e : ordered) {
                if (seen.add(e.eventId())) {
                    apply(e);
                    applied++;
                }
            }
            return snapshot(applied);
        }

        private boolean cycleOpen() {
            return current != null && current.outcome == Outcome.OPEN;
        }

        private void apply(LeadEvent e) {
            mergeAttributes(e.attributes());
            Instant t = e.occurredAt();
            switch (e.type()) {
                case MQL_QUALIFIED -> {
                    if (!cycleOpen()) {
                        startCycle(t);
                        if (ownerAssignedBeforeMql) {
                            ownerAssignedBeforeMql = false;
                            handOff(t, true);
                        }
                    }
                }
                case HANDED_OFF -> {
                    if (!cycleOpen()) {
                        ownerAssignedBeforeMql = true;
                    } else if (current.handedOffAt == null) {
                        handOff(t, true);
                    } else {
                        ownerChanged(t);
                    }
                }
                case OWNER_CHANGED -> {
                    if (cycleOpen() && current.handedOffAt != null) {
                        ownerChanged(t);
                    }
                }
                case ATTRIBUTES_CHANGED -> {
                    String reason = e.attribute(set.fields().rejectionReason());
                    if (reason != null) {
                        reasonGiven(t, reason, e.type());
                    }
                }
                case CONTACT_ATTEMPT -> {
                    if (cycleOpen() && current.handedOffAt != null && set.attemptRules().counts(e.attributes())) {
                        attempt(t, e.type());
                    }
                }
                case ACCEPTED -> {
                    if (cycleOpen()) {
                        dispose(t, Outcome.ACCEPTED, e.type(), null);
                    }
                }
                case REJECTED -> {
                    String reason = e.attribute(set.fields().rejectionReason());
                    if (cycleOpen()) {
                        dispose(t, Outcome.REJECTED, e.type(), reason);
                    } else if (reason != null) {
                        reasonGiven(t, reason, e.type());
                    }
                }
                case RECYCLED -> {
                    ownerAssignedBeforeMql = false;
                    if (cycleOpen()) {
                        recycle(t, e.type());
                    }
                }
                case DELETED -> {
                    ownerAssignedBeforeMql = false;
                    if (current != null) {
                        for (Running c : current.clocks) {
                            c.cancel(t, e.type());
                        }
                        if (current.outcome == Outcome.OPEN) {
                            current.outcome = Outcome.DELETED;
                            current.outcomeAt = t;
                        }
                    }
                }
            }
            if (cycleOpen()) {
                current.owner = attributes.get(set.fields().owner());
                if (current.source == null) {
                    current.source = attributes.get(set.fields().source());
                }
            }
        }

        private void mergeAttributes(Map<String, String> changes) {
            for (Map.Entry<String, String> change : changes.entrySet()) {
                if (change.getValue().isBlank()) {
                    attributes.remove(change.getKey()); // a cleared field
                } else {
                    attributes.put(change.getKey(), change.getValue());
                }
            }
        }

        private void startCycle(Instant t) {
            Cycle c = new Cycle(cycles.size() + 1, t);
            c.mqlTier = set.tiers().tierOf(attributes);
            c.tier = c.mqlTier;
            c.source = attributes.get(set.fields().source());
            cycles.add(c);
            current = c;
            for (Policy p : set.policies()) {
                if (p instanceof Policy.Handoff h) {
                    startClock(h, c.mqlTier, t);
                } else if (p instanceof Policy.Quality q) {
                    c.clocks.add(new Running(q, ClockKind.QUALITY, c.number, c.mqlTier, reporting, null, 0, t));
                }
            }
        }

        private void startClock(Policy.Clocked p, String tier, Instant t) {
            Target target = p.target().forTier(tier);
            if (target == null) {
                return; // this policy sets no target for the tier
            }
            BusinessCalendar calendar = set.calendar(p.calendar().calendarFor(attributes));
            current.clocks.add(new Running(p, ClockKind.of(p), current.number, tier, calendar, target, p.atRisk(), t));
        }

        /** Marketing's handoff at {@code t}; the rep's clocks start unless the lead was dispositioned at once. */
        private void handOff(Instant t, boolean startSalesClocks) {
            Cycle c = current;
            c.handedOffAt = t;
            c.tier = set.tiers().tierOf(attributes);
            BusinessCalendar handoffCalendar = reporting;
            for (Running clock : c.clocks) {
                if (clock.kind == ClockKind.HANDOFF && clock.isOpen()) {
                    clock.satisfy(t, EventType.HANDED_OFF);
                    handoffCalendar = clock.calendar;
                } else if (clock.kind == ClockKind.QUALITY && clock.isOpen()) {
                    List<String> missing = new ArrayList<>();
                    for (String required : ((Policy.Quality) clock.policy).required()) {
                        if (!attributes.containsKey(required)) {
                            missing.add(required);
                        }
                    }
                    clock.missing = missing;
                    clock.close(t, EventType.HANDED_OFF, missing.isEmpty() ? ClockStatus.MET : ClockStatus.MISSED);
                    if (c.missing == null) {
                        c.missing = missing;
                    }
                }
            }
            c.handoffTime = Duration.between(c.mqlAt, t);
            c.handoffBusinessTime = handoffCalendar.elapsed(c.mqlAt, t);
            for (Policy p : startSalesClocks ? set.policies() : List.<Policy>of()) {
                if (p instanceof Policy.FirstContact || p instanceof Policy.Attempts || p instanceof Policy.Disposition) {
                    startClock((Policy.Clocked) p, c.tier, t);
                }
            }
        }

        private void ownerChanged(Instant t) {
            for (Running clock : current.clocks) {
                if (clock.kind == ClockKind.FIRST_CONTACT && clock.isOpen()
                        && ((Policy.FirstContact) clock.policy).restartOnOwnerChange()) {
                    clock.schedule(t);
                }
            }
        }

        private void attempt(Instant t, EventType by) {
            Cycle c = current;
            c.attempts++;
            if (c.firstContactAt == null) {
                c.firstContactAt = t;
            }
            stopFirstContact(t, by);
            for (Running clock : c.clocks) {
                if (clock.kind == ClockKind.ATTEMPTS && clock.isOpen()) {
                    clock.attempts = c.attempts;
                    if (c.attempts >= ((Policy.Attempts) clock.policy).minAttempts()) {
                        clock.satisfy(t, by);
                    }
                }
            }
        }

        private void stopFirstContact(Instant t, EventType by) {
            for (Running clock : current.clocks) {
                if (clock.kind == ClockKind.FIRST_CONTACT && clock.isOpen()) {
                    clock.satisfy(t, by);
                    if (current.firstResponseTime == null) {
                        current.firstResponseTime = Duration.between(clock.start, t);
                        current.firstResponseBusinessTime = clock.calendar.elapsed(clock.start, t);
                    }
                }
            }
        }

        private void dispose(Instant t, Outcome outcome, EventType by, String reason) {
            Cycle c = current;
            if (c.handedOffAt == null) {
                // dispositioned straight from the queue: that is the handoff, but no rep clock ran
                handOff(t, false);
            }
            stopFirstContact(t, by);
            for (Running clock : c.clocks) {
                if ((clock.kind == ClockKind.ATTEMPTS || clock.kind == ClockKind.DISPOSITION) && clock.isOpen()) {
                    clock.satisfy(t, by);
                }
            }
            c.outcome = outcome;
            c.outcomeAt = t;
            if (outcome == Outcome.REJECTED) {
                if (reason == null) {
                    c.rejectedWithoutReason = true;
                    for (Policy p : set.policies()) {
                        if (p instanceof Policy.RejectionReason r) {
                            startClock(r, c.tier, t);
                        }
                    }
                } else {
                    c.reason = reason;
                }
            }
        }

        private void recycle(Instant t, EventType by) {
            Cycle c = current;
            for (Running clock : c.clocks) {
                if (!clock.isOpen()) {
                    continue;
                }
                switch (clock.kind) {
                    case DISPOSITION -> clock.satisfy(t, by); // sending back to nurture is a disposition
                    case QUALITY -> clock.cancel(t, by);
                    default -> clock.interrupt(t, by);
                }
            }
            c.outcome = Outcome.RECYCLED;
            c.outcomeAt = t;
        }

        private void reasonGiven(Instant t, String reason, EventType by) {
            if (current == null || current.outcome != Outcome.REJECTED) {
                return;
            }
            if (current.reason == null) {
                current.reason = reason;
            }
            for (Running clock : current.clocks) {
                if (clock.kind == ClockKind.REJECTION_REASON && clock.isOpen()) {
                    clock.satisfy(t, by);
                }
            }
        }

        private LeadState snapshot(int applied) {
            List<LeadCycle> outCycles = new ArrayList<>(cycles.size());
            List<SlaClock> outClocks = new ArrayList<>();
            Instant next = null;
            for (Cycle c : cycles) {
                outCycles.add(c.toCycle(lead));
                for (Running clock : c.clocks) {
                    outClocks.add(clock.toClock(lead, now));
                    Instant change = clock.nextChange(now);
                    if (change != null && (next == null || change.isBefore(next))) {
                        next = change;
                    }
                }
            }
            return new LeadState(lead, objectType, outCycles, outClocks, next, attributes, applied);
        }
    }

    /** A cycle being folded. */
    private static final class Cycle {
        final int number;
        final Instant mqlAt;
        final List<Running> clocks = new ArrayList<>(8);
        String mqlTier;
        String tier;
        String owner;
        String source;
        Instant handedOffAt;
        Instant firstContactAt;
        int attempts;
        Outcome outcome = Outcome.OPEN;
        Instant outcomeAt;
        String reason;
        boolean rejectedWithoutReason;
        List<String> missing;
        Duration handoffTime;
        Duration handoffBusinessTime;
        Duration firstResponseTime;
        Duration firstResponseBusinessTime;

        Cycle(int number, Instant mqlAt) {
            this.number = number;
            this.mqlAt = mqlAt;
        }

        LeadCycle toCycle(LeadKey lead) {
            return new LeadCycle(lead, number, tier, owner, source, mqlAt, handedOffAt, firstContactAt, attempts,
                    outcome, outcomeAt, reason, rejectedWithoutReason, missing, handoffTime, handoffBusinessTime,
                    firstResponseTime, firstResponseBusinessTime);
        }
    }

    /** A clock being folded. */
    private final class Running {
        final Policy policy;
        final ClockKind kind;
        final int cycle;
        final String tier;
        final BusinessCalendar calendar;
        final Target target;
        final double atRisk;
        Instant start;
        Instant due;
        Instant atRiskAt;
        Instant stop;
        EventType stoppedBy;
        ClockStatus closed;
        int attempts;
        List<String> missing = List.of();

        Running(Policy policy, ClockKind kind, int cycle, String tier, BusinessCalendar calendar, Target target,
                double atRisk, Instant start) {
            this.policy = policy;
            this.kind = kind;
            this.cycle = cycle;
            this.tier = tier;
            this.calendar = calendar;
            this.target = target;
            this.atRisk = atRisk;
            schedule(start);
        }

        void schedule(Instant from) {
            start = from;
            if (target != null) {
                due = plus(from, target);
                atRiskAt = atRisk >= 1 ? due : plus(from, target.fraction(atRisk));
            }
        }

        private Instant plus(Instant from, Target t) {
            return t.basis() == TimeBasis.WALL ? from.plus(t.amount()) : calendar.add(from, t.amount());
        }

        boolean isOpen() {
            return closed == null;
        }

        void close(Instant t, EventType by, ClockStatus status) {
            stop = t;
            stoppedBy = by;
            closed = status;
        }

        /** The commitment was kept at {@code t}: MET before the due time, MISSED after (the deadline is exclusive). */
        void satisfy(Instant t, EventType by) {
            if (isOpen()) {
                close(t, by, due == null || t.isBefore(due) ? ClockStatus.MET : ClockStatus.MISSED);
            }
        }

        /** The commitment became moot at {@code t}: CANCELLED, unless it was already breached. */
        void interrupt(Instant t, EventType by) {
            if (isOpen()) {
                close(t, by, due != null && !t.isBefore(due) ? ClockStatus.MISSED : ClockStatus.CANCELLED);
            }
        }

        void cancel(Instant t, EventType by) {
            if (isOpen()) {
                close(t, by, ClockStatus.CANCELLED);
            }
        }

        ClockStatus statusAt(Instant now) {
            if (closed != null) {
                return closed;
            }
            if (due == null) {
                return ClockStatus.ON_TRACK;
            }
            if (!now.isBefore(due)) {
                return ClockStatus.BREACHED;
            }
            return now.isBefore(atRiskAt) ? ClockStatus.ON_TRACK : ClockStatus.AT_RISK;
        }

        Instant nextChange(Instant now) {
            if (closed != null || due == null) {
                return null;
            }
            if (now.isBefore(atRiskAt)) {
                return atRiskAt;
            }
            return now.isBefore(due) ? due : null;
        }

        SlaClock toClock(LeadKey lead, Instant now) {
            ClockStatus status = statusAt(now);
            Instant end = stop != null ? stop : now;
            Instant breachedAt = null;
            if (due != null && (status == ClockStatus.BREACHED || status == ClockStatus.MISSED)) {
                breachedAt = due;
            } else if (kind == ClockKind.QUALITY && status == ClockStatus.MISSED) {
                breachedAt = stop;
            }
            long minutes = calendar.elapsedMillis(start.toEpochMilli(), end.toEpochMilli()) / 60_000;
            return new SlaClock(lead, policy.id(), kind, cycle, tier, calendar.name(), set.version(), status, start,
                    due, atRiskAt, stop, breachedAt, minutes, stoppedBy, attempts, missing);
        }
    }
}
