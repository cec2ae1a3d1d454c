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
        /**
         * A sales owner holds the lead (assigned by a handoff or an owner change, and not cleared
         * since): an MQL then is handed off at once, in the first cycle as in a re-qualification.
         */
        private boolean salesOwnerAssigned;
        /** The owner the rep's clocks were last (re)started for: an owner change to the same owner changes nothing. */
        private String assignedOwner;
        /** When the rejection-reason attribute was last set: a reason entered just before the rejection counts. */
        private Instant reasonSetAt;

        Fold(LeadKey lead, String objectType, Instant now) {
            this.lead = lead;
            this.objectType = objectType;
            this.now = now;
        }

        LeadState run(List<LeadEvent> ordered) {
            Set<String> seen = new HashSet<>(ordered.size() * 2);
            List<LeadEvent> distinct = new ArrayList<>(ordered.size());
            for (LeadEvent e : ordered) {
                if (seen.add(e.eventId())) {
                    distinct.add(e);
                }
            }
            List<LeadEvent> group = new ArrayList<>(4);
            for (int i = 0; i < distinct.size(); ) {
                Instant t = distinct.get(i).occurredAt();
                group.clear();
                while (i < distinct.size() && distinct.get(i).occurredAt().equals(t)) {
                    group.add(distinct.get(i++));
                }
                // one CRM save stamps every field with the same time: all of the instant's data
                // is known before any of its lifecycle changes is applied
                for (LeadEvent e : group) {
                    mergeAttributes(e.attributes(), t);
                }
                if (!attributes.containsKey(set.fields().owner())) {
                    // an owner cleared in this save (back to a queue) is gone for its MQL too
                    salesOwnerAssigned = false;
                }
                if (cycleOpen() && group.size() > 1) {
                    requalifyAfterDisposition(group);
                }
                for (LeadEvent e : group) {
                    apply(e);
                }
            }
            return snapshot(distinct.size());
        }

        /**
         * A disposition and an MQL at the same instant while a cycle is open: the disposition ends
         * the open cycle and the MQL starts the next one (not an MQL swallowed by the open cycle).
         */
        private void requalifyAfterDisposition(List<LeadEvent> group) {
            boolean disposition = false;
            boolean mql = false;
            for (LeadEvent e : group) {
                EventType type = e.type();
                disposition |= type == EventType.ACCEPTED || type == EventType.REJECTED || type == EventType.RECYCLED;
                mql |= type == EventType.MQL_QUALIFIED;
            }
            if (disposition && mql) {
                List<LeadEvent> mqls = new ArrayList<>();
                group.removeIf(e -> e.type() == EventType.MQL_QUALIFIED && mqls.add(e));
                group.addAll(mqls);
            }
        }

        private boolean cycleOpen() {
            return current != null && current.outcome == Outcome.OPEN;
        }

        private void apply(LeadEvent e) {
            Instant t = e.occurredAt();
            String reasonField = set.fields().rejectionReason();
            switch (e.type()) {
                case MQL_QUALIFIED -> {
                    if (!cycleOpen()) {
                        startCycle(t);
                        if (salesOwnerAssigned) {
                            handOff(t, true, EventType.MQL_QUALIFIED);
                        }
                    }
                }
                case HANDED_OFF -> {
                    if (cycleOpen() && current.handedOffAt == null) {
                        handOff(t, true, EventType.HANDED_OFF);
                    } else if (cycleOpen()) {
                        ownerChanged(t);
                    }
                    salesOwnerAssigned = attributes.containsKey(set.fields().owner());
                }
                case OWNER_CHANGED -> {
                    if (cycleOpen() && current.handedOffAt != null) {
                        ownerChanged(t);
                    }
                    salesOwnerAssigned = attributes.containsKey(set.fields().owner());
                }
                case ATTRIBUTES_CHANGED -> {
                    String reason = e.attribute(reasonField);
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
                    String reason = e.attribute(reasonField);
                    if (cycleOpen()) {
                        if (reason == null && reasonSetAt != null && !reasonSetAt.isBefore(current.mqlAt)) {
                            reason = attributes.get(reasonField); // entered during this cycle, before or with the rejection
                        }
                        dispose(t, Outcome.REJECTED, e.type(), reason);
                    } else if (reason != null) {
                        reasonGiven(t, reason, e.type());
                    }
                }
                case RECYCLED -> {
                    if (cycleOpen()) {
                        recycle(t, e.type());
                    }
                }
                case DELETED -> {
                    salesOwnerAssigned = false;
                    for (Cycle c : cycles) {
                        for (Running clock : c.clocks) {
                            clock.cancel(t, e.type());
                        }
                    }
                    if (cycleOpen()) {
                        current.outcome = Outcome.DELETED;
                        current.outcomeAt = t;
                    }
                }
            }
            if (!attributes.containsKey(set.fields().owner())) {
                salesOwnerAssigned = false; // the owner was cleared (e.g. back to a marketing queue)
            }
            if (cycleOpen()) {
                current.owner = attributes.get(set.fields().owner());
                if (current.source == null) {
                    current.source = attributes.get(set.fields().source());
                }
            }
        }

        private void mergeAttributes(Map<String, String> changes, Instant t) {
            String reasonField = set.fields().rejectionReason();
            for (Map.Entry<String, String> change : changes.entrySet()) {
                if (change.getValue().isBlank()) {
                    attributes.remove(change.getKey()); // a cleared field
                    if (change.getKey().equals(reasonField)) {
                        reasonSetAt = null;
                    }
                } else {
                    attributes.put(change.getKey(), change.getValue());
                    if (change.getKey().equals(reasonField)) {
                        reasonSetAt = t;
                    }
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

        private Running startClock(Policy.Clocked p, String tier, Instant t) {
            Target target = p.target().forTier(tier);
            if (target == null) {
                return null; // this policy sets no target for the tier
            }
            BusinessCalendar calendar = set.calendar(p.calendar().calendarFor(attributes));
            Running clock = new Running(p, ClockKind.of(p), current.number, tier, calendar, target, p.atRisk(), t);
            current.clocks.add(clock);
            return clock;
        }

        /**
         * Marketing's handoff at {@code t}, by {@code by}; the rep's clocks start unless the lead
         * was dispositioned straight from the queue.
         */
        private void handOff(Instant t, boolean startSalesClocks, EventType by) {
            Cycle c = current;
            c.handedOffAt = t;
            c.salesClocks = startSalesClocks;
            c.tier = set.tiers().tierOf(attributes);
            assignedOwner = attributes.get(set.fields().owner());
            BusinessCalendar handoffCalendar = reporting;
            for (Running clock : c.clocks) {
                if (clock.kind == ClockKind.HANDOFF && clock.isOpen()) {
                    clock.satisfy(t, by);
                    handoffCalendar = clock.calendar;
                } else if (clock.kind == ClockKind.QUALITY && clock.isOpen()) {
                    List<String> missing = new ArrayList<>();
                    for (String required : ((Policy.Quality) clock.policy).required()) {
                        if (!attributes.containsKey(required)) {
                            missing.add(required);
                        }
                    }
                    clock.missing = missing;
                    clock.close(t, by, missing.isEmpty() ? ClockStatus.MET : ClockStatus.MISSED);
                    if (c.missing == null) {
                        c.missing = missing;
                    }
                }
            }
            c.handoffTime = Duration.between(c.mqlAt, t);
            c.handoffBusinessTime = handoffCalendar.elapsed(c.mqlAt, t);
            c.responseCalendar = reporting;
            for (Policy p : startSalesClocks ? set.policies() : List.<Policy>of()) {
                if (p instanceof Policy.FirstContact || p instanceof Policy.Attempts || p instanceof Policy.Disposition) {
                    Running clock = startClock((Policy.Clocked) p, c.tier, t);
                    if (clock != null && clock.kind == ClockKind.FIRST_CONTACT && c.responseCalendar == reporting) {
                        c.responseCalendar = clock.calendar;
                    }
                }
            }
        }

        /**
         * A reassignment. With {@code restartOnOwnerChange} the new owner gets a fresh first-contact
         * clock on their own calendar, unless the clock is already breached: reassigning a
         * breached lead must not erase the breach. The same owner again changes nothing.
         */
        private void ownerChanged(Instant t) {
            String owner = attributes.get(set.fields().owner());
            if (java.util.Objects.equals(owner, assignedOwner)) {
                return;
            }
            assignedOwner = owner;
            for (Running clock : current.clocks) {
                if (clock.kind == ClockKind.FIRST_CONTACT && clock.isOpen() && clock.due != null && t.isBefore(clock.due)
                        && ((Policy.FirstContact) clock.policy).restartOnOwnerChange()) {
                    clock.calendar = set.calendar(((Policy.Clocked) clock.policy).calendar().calendarFor(attributes));
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

        /** The rep's first response (an attempt or a disposition): measured from the handoff, whatever the clocks. */
        private void stopFirstContact(Instant t, EventType by) {
            Cycle c = current;
            for (Running clock : c.clocks) {
                if (clock.kind == ClockKind.FIRST_CONTACT && clock.isOpen()) {
                    clock.satisfy(t, by);
                }
            }
            if (c.salesClocks && c.firstResponseTime == null) {
                c.firstResponseTime = Duration.between(c.handedOffAt, t);
                c.firstResponseBusinessTime = c.responseCalendar.elapsed(c.handedOffAt, t);
            }
        }

        private void dispose(Instant t, Outcome outcome, EventType by, String reason) {
            Cycle c = current;
            if (c.handedOffAt == null) {
                // dispositioned straight from the queue: that is the handoff, but no rep clock ran
                handOff(t, false, by);
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

        /** A late reason goes to the latest rejection still waiting for one, even after a new MQL. */
        private void reasonGiven(Instant t, String reason, EventType by) {
            for (int i = cycles.size() - 1; i >= 0; i--) {
                Cycle c = cycles.get(i);
                if (c.outcome == Outcome.REJECTED && c.reason == null) {
                    c.reason = reason;
                    for (Running clock : c.clocks) {
                        if (clock.kind == ClockKind.REJECTION_REASON && clock.isOpen()) {
                            clock.satisfy(t, by);
                        }
                    }
                    return;
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
        /** Whether the rep's clocks ran (not when dispositioned straight from the queue). */
        boolean salesClocks;
        BusinessCalendar responseCalendar;

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
        /** Re-selected when a reassignment restarts a first-contact clock. */
        BusinessCalendar calendar;
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
