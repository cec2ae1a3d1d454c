package io.leadsla.bench;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One lead's life in the quarter, as the CRM would record it. Most leads never qualify: they
 * arrive (a download, a webinar, a badge scan), get marketing's nurture e-mails, and their score
 * moves as they engage, or they turn out to be spam and are deleted; none of that starts an SLA
 * cycle. The others are qualified by marketing, routed to a rep, worked in the rep's office hours
 * at the rep's pace, then accepted, rejected, recycled (and perhaps qualified again weeks later),
 * deleted as spam, or still open when the quarter ends.
 *
 * <p>The plan is decided first (whether the lead qualifies, how it ends, whether anyone calls
 * it), then laid out in time, so the shares in the sample follow the rates below whatever the
 * timing. Events that would happen after the quarter are dropped: a lead cut off that way is
 * simply still open.
 *
 * <p>All randomness comes from the lead's own generator, so a lead's events depend only on the
 * seed and its index: leads can be simulated in any order, on any thread. An instance is
 * single-use and confined to the thread that runs it.
 */
final class LeadLife {

    /** A recycled lead may come back, but not forever. */
    private static final int MAX_CYCLES = 3;
    private static final long MINUTE = 60;
    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;

    // Marketing's funnel: the share of leads that become MQLs; the others are only nurtured.
    private static final double QUALIFIES = 0.21;
    /** Leads that do not qualify: spam, deleted by marketing ops within a day or two. */
    private static final double SPAM = 0.03;
    /** ... of which this many get the content they asked for by e-mail, seconds after the form. */
    private static final double DELIVERY_EMAIL = 0.80;
    /** ... and this many (opted in, not spam) are on the nurture track. */
    private static final double NURTURED = 0.80;
    /** A nurture e-mail gets a click (and the score a few points) this often. */
    private static final double ENGAGES = 0.30;
    /** A nurture e-mail is the last one (unsubscribed, or the track ends) this often. */
    private static final double TRACK_ENDS = 0.12;

    // Marketing's side: routing. Shares of MQLs (see docs/SAMPLES.md).
    private static final double NEVER_ROUTED = 0.03;
    private static final double PRE_ASSIGNED = 0.03;
    private static final double ROUTED_LATE = 0.10;
    private static final double REASSIGNED = 0.05;
    private static final double IN_SEQUENCE = 0.55;

    // Sales' side: how handed-off leads end, before the quarter cuts some of them short.
    private static final double DELETED = 0.01;
    private static final double STALLED = 0.025;
    private static final double RECYCLED = 0.075;
    private static final double ACCEPTED_HOT = 0.80;
    private static final double ACCEPTED_STANDARD = 0.62;
    /** Each missing MQL field (budget, decision maker, need) costs this much acceptance. */
    private static final double ACCEPTANCE_PER_MISSING_FIELD = 0.03;
    private static final double REJECTED_WITHOUT_REASON = 0.20;
    private static final double REASON_ADDED_LATER = 0.50;
    private static final double RECYCLED_COMES_BACK = 0.60;

    /** Office hours between attempt n-1 and n (index n), before the rep's own pace. */
    private static final long[] ATTEMPT_GAP_HOURS = {0, 0, 4, 9, 12, 14, 16, 18};
    /** Automated sequence steps after step 1, in calendar days after routing. */
    private static final int[] SEQUENCE_DAYS = {2, 5, 9};

    private enum Fate { ACCEPTED, REJECTED, RECYCLED, DELETED, STALLED }

    private final TrafficModel model;
    private final SplittableRandom rng;
    private final Crm crm;
    private final String objectType;
    private final String recordId;
    private final String idPrefix;
    private final List<LeadEvent> events = new ArrayList<>(16);
    private int attempts;
    private int sequenceSteps;
    private int nurtureSteps;
    private int updates;
    private Rep owner;
    private int lastScore;

    private LeadLife(TrafficModel model, SplittableRandom rng, Crm crm, String recordId) {
        this.model = model;
        this.rng = rng;
        this.crm = crm;
        this.objectType = crm == Crm.HUBSPOT ? "contact" : "lead";
        this.recordId = recordId;
        this.idPrefix = crm.id() + ":" + objectType + ":" + recordId + ":";
    }

    /** The lead's events inside the quarter, in the order they were generated (not sorted). */
    static List<LeadEvent> simulate(TrafficModel model, SplittableRandom rng, Crm crm, String recordId) {
        LeadLife life = new LeadLife(model, rng, crm, recordId);
        life.run();
        return life.events;
    }

    private void run() {
        Market market = Market.CHOICE.pick(rng);
        String company = Catalog.company(rng, market.country());
        if (rng.nextDouble() >= QUALIFIES) {
            nurtured(market, company);
            return;
        }
        String source = Catalog.SOURCES.pick(rng);
        Instant mql = source.equals(Catalog.TRADE_SHOW) ? model.tradeShowImport(rng, market.region()) : null;
        if (mql == null) {
            if (source.equals(Catalog.TRADE_SHOW)) {
                source = "Webinar"; // a quarter too short for a show
            }
            mql = model.shape().sample(rng, market);
        }
        for (int cycle = 1; mql != null; cycle++) {
            Instant recycledAt = cycle(cycle, mql, market, company, source);
            if (recycledAt == null || cycle == MAX_CYCLES || rng.nextDouble() >= RECYCLED_COMES_BACK) {
                break;
            }
            // back through nurturing: weeks later, at a normal inbound hour; null past the quarter
            mql = model.shape().sample(rng, market, recycledAt.plusSeconds(14 * DAY), recycledAt.plusSeconds(42 * DAY));
            source = Catalog.RETURN_SOURCES.pick(rng);
        }
    }

    /**
     * A lead that does not qualify this quarter: it arrives with a score, maybe gets the content it
     * asked for by e-mail, then marketing's nurture e-mails every week or two at the sender's
     * morning slot; a click raises its score a little. Spam is deleted by marketing ops in office
     * hours. No MQL, no handoff, no disposition: nothing here starts an SLA cycle.
     */
    private void nurtured(Market market, String company) {
        Region region = market.region();
        String source = Catalog.NURTURE_SOURCES.pick(rng);
        Instant arrived = source.equals(Catalog.TRADE_SHOW) ? model.tradeShowImport(rng, region) : null;
        if (arrived == null) {
            if (source.equals(Catalog.TRADE_SHOW)) {
                source = "Webinar"; // a quarter too short for a show
            }
            arrived = model.shape().sample(rng, market);
        }
        int score = Catalog.nurtureScore(rng, source);
        update(arrived, source, score, market, company);
        boolean asked = source.equals("Content Download") || source.equals("Webinar");
        if (asked && rng.nextDouble() < DELIVERY_EMAIL) {
            emit(EventType.CONTACT_ATTEMPT, arrived.plusSeconds(5 + rng.nextInt(115)),
                    "nurture-" + ++nurtureSteps, Catalog.AUTOMATED_EMAIL);
        }
        if (rng.nextDouble() < SPAM) {
            Instant deleted = region.plusWorkingSeconds(arrived, logUniform(20 * MINUTE, 2 * region.workingDaySeconds()));
            emit(EventType.DELETED, deleted, "deleted", Catalog.NONE);
            return;
        }
        if (rng.nextDouble() >= NURTURED) {
            return;
        }
        LocalDate date = ZonedDateTime.ofInstant(arrived, region.zone()).toLocalDate().plusDays(2 + rng.nextInt(5));
        while (true) {
            while (date.getDayOfWeek().getValue() >= 6) {
                date = date.plusDays(1); // nurture e-mails skip weekends
            }
            Instant sent = date.atTime(7, 0).plusSeconds(rng.nextInt((int) (3 * HOUR))).atZone(region.zone()).toInstant();
            if (!sent.isBefore(model.end())) {
                return;
            }
            emit(EventType.CONTACT_ATTEMPT, sent, "nurture-" + ++nurtureSteps, Catalog.AUTOMATED_EMAIL);
            if (rng.nextDouble() < ENGAGES) {
                // a click when the reader gets to it, at an hour people read e-mail
                Instant click = model.shape().sample(rng, market, sent.plusSeconds(10 * MINUTE), sent.plusSeconds(3 * DAY));
                if (click != null) {
                    score = Math.min(Catalog.NURTURE_SCORE_CAP, score + 2 + rng.nextInt(9));
                    update(click, source, score, market, company);
                }
            }
            if (rng.nextDouble() < TRACK_ENDS) {
                return;
            }
            date = date.plusDays(9 + rng.nextInt(8));
        }
    }

    private void update(Instant at, String source, int score, Market market, String company) {
        emit(EventType.ATTRIBUTES_CHANGED, at, "update-" + ++updates,
                Catalog.profile(source, score, market.country(), company));
    }

    /** One MQL cycle. Returns when the lead was recycled, or {@code null} if it was not. */
    private Instant cycle(int cycle, Instant mqlAt, Market market, String company, String source) {
        int score = Catalog.score(rng, source);
        if (cycle > 1) {
            score = Math.min(100, Math.max(score, lastScore + 5 + rng.nextInt(20))); // it came back warmer
        }
        lastScore = score;
        boolean hot = source.equals(Catalog.DEMO_REQUEST) || score >= 80;
        Map<String, String> mql = new LinkedHashMap<>();
        mql.put("leadSource", source);
        mql.put("score", Catalog.scoreText(score));
        mql.put("country", market.country());
        mql.put("company", company);
        int missing = 0;
        missing += optional(mql, "budget", Catalog.BUDGETS.pick(rng), Catalog.BUDGET_MISSING);
        missing += optional(mql, "decisionMaker", Catalog.DECISION_MAKER.pick(rng), Catalog.DECISION_MAKER_MISSING);
        missing += optional(mql, "need", Catalog.NEEDS.pick(rng), Catalog.NEED_MISSING);
        emit(EventType.MQL_QUALIFIED, mqlAt, "mql", Map.copyOf(mql));

        // routing: automatic in minutes, sometimes manual and late, sometimes the owner was known
        // before the MQL, sometimes nobody picks it up at all
        Region region = market.region();
        Rep rep = cycle > 1 && owner != null && rng.nextDouble() < 0.6 ? owner : model.route(rng, region);
        double routing = rng.nextDouble();
        Instant handoff;
        if (routing < NEVER_ROUTED) {
            return null; // stuck in the routing queue: an open MQL with no owner
        } else if (routing < NEVER_ROUTED + PRE_ASSIGNED
                && mqlAt.minusSeconds(15 * MINUTE).isAfter(lastEventBefore(mqlAt))) {
            handoff = mqlAt.minusSeconds(MINUTE + rng.nextInt((int) (14 * MINUTE)));
        } else if (routing < NEVER_ROUTED + PRE_ASSIGNED + ROUTED_LATE) {
            // manual routing by the ops desk: 3 to 30 hours, and over the weekend when it falls there
            Instant queued = mqlAt.plusSeconds(3 * HOUR + rng.nextLong(27 * HOUR));
            handoff = region.plusWorkingSeconds(queued, region.isWorkingTime(queued) ? 0 : rng.nextLong(2 * HOUR));
        } else if (rng.nextDouble() < 0.7) {
            handoff = mqlAt.plusSeconds(20 + rng.nextInt((int) (10 * MINUTE)));
        } else {
            handoff = mqlAt.plusSeconds(logUniform(10 * MINUTE, 2 * HOUR));
        }
        emit(EventType.HANDED_OFF, handoff, "handoff", Catalog.owner(rep));
        Instant routed = handoff.isAfter(mqlAt) ? handoff : mqlAt;

        Instant workFrom = routed;
        if (rng.nextDouble() < REASSIGNED) {
            Rep next = model.reassign(rng, rep);
            workFrom = region.plusWorkingSeconds(routed, logUniform(HOUR, 2 * region.workingDaySeconds()));
            emit(EventType.OWNER_CHANGED, workFrom, "owner", Catalog.owner(next));
            rep = next;
        }
        owner = rep;

        Worked worked = work(rep, fate(hot, missing), hot, workFrom);
        if (rng.nextDouble() < IN_SEQUENCE) {
            sequence(region, routed, worked.sequenceStop());
        }
        return worked.recycledAt();
    }

    /**
     * What the rep's work means for the rest of the cycle.
     *
     * @param sequenceStop when an automated sequence stops (the lead answered or got a
     *                     disposition), {@code null} if never
     * @param recycledAt   when the lead went back to nurturing, {@code null} if it did not
     */
    private record Worked(Instant sequenceStop, Instant recycledAt) {
    }

    private Fate fate(boolean hot, int missingFields) {
        double accepted = (hot ? ACCEPTED_HOT : ACCEPTED_STANDARD) - ACCEPTANCE_PER_MISSING_FIELD * missingFields;
        double u = rng.nextDouble();
        if (u < DELETED) {
            return Fate.DELETED;
        }
        if (u < DELETED + STALLED) {
            return Fate.STALLED;
        }
        if (u < DELETED + STALLED + RECYCLED) {
            return Fate.RECYCLED;
        }
        return u < DELETED + STALLED + RECYCLED + accepted ? Fate.ACCEPTED : Fate.REJECTED;
    }

    /** The rep's attempts and disposition, in the rep's office hours. */
    private Worked work(Rep rep, Fate fate, boolean hot, Instant from) {
        Rep.Speed pace = rep.speed();
        Region office = rep.region();
        long day = office.workingDaySeconds();

        // how many human attempts, and which one reaches the lead (0: none does)
        int planned;
        int connects = 0;
        switch (fate) {
            case ACCEPTED -> {
                connects = Math.min(pace.maxAttempts, pickConnectingAttempt());
                planned = connects;
            }
            case REJECTED -> {
                if (rng.nextDouble() < 0.12) {
                    planned = 0; // rejected on sight: a student, a fake phone number
                } else if (rng.nextDouble() < 0.85) {
                    connects = 1 + rng.nextInt(3);
                    planned = connects;
                } else {
                    planned = 2 + rng.nextInt(3); // never reached: the number is wrong
                }
            }
            case RECYCLED -> planned = rng.nextDouble() < 0.35
                    ? 0 // never worked: marketing takes it back
                    : Math.max(3, pace.maxAttempts - rng.nextInt(3)); // slow reps give up sooner
            case STALLED -> planned = rng.nextDouble() < 0.6 ? 0 : 1 + rng.nextInt(3);
            case DELETED -> planned = rng.nextDouble() < 0.85 ? 0 : 1;
            default -> throw new IllegalStateException(fate.name());
        }

        Instant t = from;
        Instant connectedAt = null;
        for (int n = 1; n <= planned; n++) {
            long delay = n == 1 ? firstTouch(pace, hot, day) : gap(pace, n);
            t = office.plusWorkingSeconds(t, delay);
            if (n == connects) {
                connectedAt = t;
                attempt(t, Catalog.connectingAttempt(rng));
            } else {
                attempt(t, Catalog.missedAttempt(rng));
            }
        }
        Instant lastAttempt = t;

        Instant disposedAt;
        switch (fate) {
            case ACCEPTED -> {
                double u = rng.nextDouble();
                if (u < 0.35) {
                    // a discovery meeting first; the rep converts right after it
                    Instant meeting = office.plusWorkingSeconds(connectedAt, logUniform(day / 2, 4 * day));
                    attempt(meeting, Catalog.MEETING);
                    disposedAt = office.plusWorkingSeconds(meeting, 15 * MINUTE + rng.nextInt((int) (75 * MINUTE)));
                } else if (u < 0.9) {
                    disposedAt = office.plusWorkingSeconds(connectedAt, logUniform(2 * MINUTE, HOUR));
                } else {
                    disposedAt = office.plusWorkingSeconds(connectedAt, logUniform(HOUR, 2 * day)); // forgot the status
                }
                emit(EventType.ACCEPTED, disposedAt, "accepted", Catalog.NONE);
            }
            case REJECTED -> {
                String reason;
                if (connects > 0) {
                    disposedAt = office.plusWorkingSeconds(connectedAt, logUniform(2 * MINUTE, day));
                    reason = Catalog.REASONS_AFTER_TALK.pick(rng);
                } else if (planned > 0) {
                    disposedAt = office.plusWorkingSeconds(lastAttempt, logUniform(10 * MINUTE, day));
                    reason = "Bad Data";
                } else {
                    disposedAt = office.plusWorkingSeconds(from, logUniform(10 * MINUTE, 2 * day));
                    reason = Catalog.REASONS_ON_SIGHT.pick(rng);
                }
                if (rng.nextDouble() < REJECTED_WITHOUT_REASON) {
                    emit(EventType.REJECTED, disposedAt, "rejected", Catalog.NONE);
                    if (rng.nextDouble() < REASON_ADDED_LATER) {
                        Instant later = office.plusWorkingSeconds(disposedAt, logUniform(HOUR, 5 * day));
                        emit(EventType.ATTRIBUTES_CHANGED, later, "reason", Catalog.reason(reason));
                    }
                } else {
                    emit(EventType.REJECTED, disposedAt, "rejected", Catalog.reason(reason));
                }
            }
            case RECYCLED -> {
                if (planned > 0) {
                    disposedAt = office.plusWorkingSeconds(lastAttempt, logUniform(day, 3 * day));
                } else {
                    // marketing's nightly workflow takes back leads nobody worked for 10+ days
                    LocalDate night = ZonedDateTime.ofInstant(from, office.zone()).toLocalDate()
                            .plusDays(10 + rng.nextInt(12));
                    disposedAt = night.atTime(1, 0).plusSeconds(rng.nextInt((int) (2 * HOUR)))
                            .atZone(office.zone()).toInstant();
                }
                emit(EventType.RECYCLED, disposedAt, "recycled", Catalog.NONE);
            }
            case DELETED -> {
                disposedAt = planned > 0
                        ? office.plusWorkingSeconds(lastAttempt, logUniform(30 * MINUTE, day))
                        : office.plusWorkingSeconds(from, logUniform(10 * MINUTE, 2 * day));
                emit(EventType.DELETED, disposedAt, "deleted", Catalog.NONE);
            }
            case STALLED -> disposedAt = null;
            default -> throw new IllegalStateException(fate.name());
        }
        Instant stop = connectedAt != null && (disposedAt == null || connectedAt.isBefore(disposedAt))
                ? connectedAt : disposedAt;
        return new Worked(stop, fate == Fate.RECYCLED ? disposedAt : null);
    }

    /**
     * Office time to the first human touch. Hot leads get the rep's fast track unless the rep
     * misses the alert; slow and overloaded reps sometimes let a lead sit for days.
     */
    private long firstTouch(Rep.Speed pace, boolean hot, long day) {
        if (hot && rng.nextDouble() >= pace.hotMissRate) {
            return logUniform(pace.hotMin, pace.hotMax);
        }
        long delay = logUniform(pace.standardMin, pace.standardMax);
        if ((pace == Rep.Speed.SLOW || pace == Rep.Speed.OVERLOADED) && rng.nextDouble() < 0.10) {
            delay += logUniform(day, 3 * day);
        }
        return delay;
    }

    private long gap(Rep.Speed pace, int attempt) {
        double hours = ATTEMPT_GAP_HOURS[Math.min(attempt, ATTEMPT_GAP_HOURS.length - 1)]
                * pace.gapFactor * (0.6 + 0.8 * rng.nextDouble());
        return Math.max(5 * MINUTE, Math.round(hours * HOUR));
    }

    /** Most leads that answer do so on the first or second try. */
    private int pickConnectingAttempt() {
        double u = rng.nextDouble();
        return u < 0.45 ? 1 : u < 0.70 ? 2 : u < 0.85 ? 3 : u < 0.95 ? 4 : 5;
    }

    /**
     * The marketing automation sequence: an e-mail often seconds after routing (which must not
     * count as the rep's first touch), then a few more at the sender's morning slot, until the
     * lead answers or is dispositioned.
     */
    private void sequence(Region region, Instant routed, Instant stop) {
        Instant first = rng.nextDouble() < 0.7
                ? routed.plusSeconds(3 + rng.nextInt(88))
                : routed.plusSeconds(HOUR + rng.nextLong(2 * HOUR));
        automated(first, stop);
        LocalDate start = ZonedDateTime.ofInstant(routed, region.zone()).toLocalDate();
        for (int days : SEQUENCE_DAYS) {
            LocalDate date = start.plusDays(days);
            while (date.getDayOfWeek().getValue() >= 6) {
                date = date.plusDays(1); // sequences skip weekends
            }
            Instant at = date.atTime(7, 0).plusSeconds(rng.nextInt((int) (3 * HOUR))).atZone(region.zone()).toInstant();
            automated(at, stop);
        }
    }

    private void automated(Instant at, Instant stop) {
        if (stop == null || at.isBefore(stop)) {
            emit(EventType.CONTACT_ATTEMPT, at, "sequence-" + ++sequenceSteps, Catalog.AUTOMATED_EMAIL);
        }
    }

    private void attempt(Instant at, Map<String, String> attributes) {
        emit(EventType.CONTACT_ATTEMPT, at, "attempt-" + ++attempts, attributes);
    }

    private int optional(Map<String, String> attributes, String name, String value, double missingRate) {
        if (rng.nextDouble() < missingRate) {
            return 1;
        }
        attributes.put(name, value);
        return 0;
    }

    /** Log-uniform in [min, max] seconds: many short delays, a long tail. */
    private long logUniform(long min, long max) {
        double lo = Math.log(min);
        return Math.round(Math.exp(lo + rng.nextDouble() * (Math.log(max) - lo)));
    }

    /** The latest event so far, or the start of the quarter: a pre-assignment must come after both. */
    private Instant lastEventBefore(Instant mqlAt) {
        Instant last = model.start();
        for (LeadEvent e : events) {
            if (e.occurredAt().isBefore(mqlAt) && e.occurredAt().isAfter(last)) {
                last = e.occurredAt();
            }
        }
        return last;
    }

    /** Records the event unless it lies after the quarter (it has not happened yet). */
    private void emit(EventType type, Instant at, String tag, Map<String, String> attributes) {
        if (at.isBefore(model.end())) {
            events.add(new LeadEvent(idPrefix + tag + ":" + at.toEpochMilli(), crm, objectType, recordId,
                    type, at, attributes));
        }
    }
}
