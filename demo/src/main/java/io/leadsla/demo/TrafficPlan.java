package io.leadsla.demo;

import io.leadsla.core.calendar.BusinessCalendar;
import io.leadsla.core.event.Crm;
import io.leadsla.demo.Rep.Pace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * What the demo's marketing team and reps do, in simulated time: an endless, seeded schedule of
 * steps (a lead arrives as an MQL, is routed to a rep, the rep calls or doesn't, accepts or
 * rejects it). The same seed and start give the same steps; record ids are the CRMs' business,
 * so steps name leads by number.
 *
 * <p>The first leads are a fixed opening, so that every run shows, within its first simulated
 * hours: demo requests (hot, 5 minutes wall clock) breached by a rep who never calls in both CRMs,
 * one kept by a quick rep, standard leads (4 business hours) going at risk then breached, a
 * rejection without a reason, a late routing. Then leads arrive at random, more in office hours
 * (about one every 8 minutes) than at night (one every 40 minutes).
 */
final class TrafficPlan implements Iterator<TrafficPlan.Step> {

    /** What happens to a lead. */
    sealed interface Action permits Create, Nurture, Route, Attempt, Accept, Reject, GiveReason {
    }

    /** Marketing qualifies a new lead (an MQL in the CRM). */
    record Create(Lead lead) implements Action {
    }

    /** An automated marketing e-mail (a sequence): not a person's touch, it must not stop any clock. */
    record Nurture() implements Action {
    }

    /** The lead is given to a rep: by the routing rule, or by a person ({@code manual}: late routing, reassignment). */
    record Route(Rep rep, boolean manual) implements Action {
    }

    /** The rep tries to reach the lead: {@code call}, {@code email} or {@code meeting}. */
    record Attempt(Rep rep, String channel, String outcome, boolean first) implements Action {
    }

    /** Sales accepts the lead (SQL). */
    record Accept(Rep rep) implements Action {
    }

    /** Sales rejects the lead, with a reason or (null) without. */
    record Reject(Rep rep, String reason) implements Action {
    }

    /** The rep adds the missing rejection reason afterwards. */
    record GiveReason(Rep rep, String reason) implements Action {
    }

    /** One step: at a simulated instant, on the lead with that number. */
    record Step(Instant at, int lead, int order, Action action) {
    }

    /**
     * A lead as marketing hands it over. {@code data} holds the MQL's required data that is
     * present ({@code budget}, {@code decisionMaker}, {@code need}); a missing key is missing data.
     */
    record Lead(int number, Crm crm, boolean hot, String firstName, String lastName, String company, String email,
                String country, String source, int score, String rating, Map<String, String> data) {

        String name() {
            return firstName + " " + lastName;
        }

        String tier() {
            return hot ? "hot" : "standard";
        }
    }

    static final List<String> REASONS = List.of("NO_BUDGET", "NOT_DECISION_MAKER", "NO_NEED", "BAD_TIMING", "BAD_DATA",
            "COMPETITOR", "OTHER");
    static final String DEMO_REQUEST = "Demo Request";
    /** HubSpot: the portal's own lead source property (lead_source); the demo creates it with these options. */
    static final List<String> HUBSPOT_SOURCES = List.of(DEMO_REQUEST, "Webinar", "Content Download", "Contact Us",
            "Trade Show", "Partner Referral");
    /** Salesforce: the standard Lead Source picklist. */
    static final List<String> SALESFORCE_SOURCES = List.of(DEMO_REQUEST, "Web", "Phone Inquiry", "Partner Referral",
            "Purchased List", "Other");

    private enum Outcome { RANDOM, ACCEPT, REJECT_WITH_REASON, REJECT_REASON_LATER, REJECT_WITHOUT_REASON, OPEN }

    /** A lead of the opening, arriving {@code after} the start. */
    private record Opening(Duration after, Crm crm, boolean hot, Pace pace, boolean complete, boolean lateRouting,
                           Outcome outcome) {
    }

    // the demo starts 10 minutes before the office opens: the first two demo requests come while
    // nobody is at work (a 5-minute promise all the same), the next ones once the office is open
    private static final List<Opening> OPENING = List.of(
            new Opening(Duration.ofMinutes(1), Crm.HUBSPOT, true, Pace.NEVER, true, false, Outcome.RANDOM),
            new Opening(Duration.ofMinutes(2), Crm.SALESFORCE, true, Pace.NEVER, true, false, Outcome.RANDOM),
            new Opening(Duration.ofMinutes(10), Crm.HUBSPOT, false, Pace.SLOW, true, false, Outcome.ACCEPT),
            new Opening(Duration.ofMinutes(11), Crm.SALESFORCE, false, Pace.NEVER, true, false, Outcome.RANDOM),
            new Opening(Duration.ofMinutes(12), Crm.HUBSPOT, true, Pace.QUICK, true, false, Outcome.ACCEPT),
            new Opening(Duration.ofMinutes(14), Crm.SALESFORCE, true, Pace.SLOW, true, false, Outcome.REJECT_WITH_REASON),
            new Opening(Duration.ofMinutes(15), Crm.HUBSPOT, false, Pace.QUICK, false, false, Outcome.REJECT_WITHOUT_REASON),
            new Opening(Duration.ofMinutes(17), Crm.SALESFORCE, false, Pace.QUICK, true, false, Outcome.ACCEPT),
            new Opening(Duration.ofMinutes(18), Crm.SALESFORCE, false, Pace.QUICK, true, true, Outcome.RANDOM),
            new Opening(Duration.ofMinutes(20), Crm.HUBSPOT, false, Pace.QUICK, true, false, Outcome.REJECT_REASON_LATER),
            new Opening(Duration.ofMinutes(22), Crm.SALESFORCE, true, Pace.QUICK, false, false, Outcome.REJECT_REASON_LATER));

    private static final Duration OFFICE_ARRIVALS = Duration.ofMinutes(8);
    private static final Duration NIGHT_ARRIVALS = Duration.ofMinutes(40);

    private static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Clara", "David", "Elena", "Felix", "Grace",
            "Hugo", "Ines", "Jonas", "Karin", "Lucas", "Maria", "Noah", "Olivia", "Paul", "Rosa", "Samuel", "Tara",
            "Victor", "Wendy", "Yusuf", "Zoe", "Emma", "Louis", "Mia", "Oscar", "Julia", "Théo", "Lena");
    private static final List<String> LAST_NAMES = List.of("Lovelace", "Moreau", "Schmidt", "García", "Rossi", "Jansen",
            "Novak", "Dupont", "Weber", "Silva", "Andersson", "Kowalczyk", "Lambert", "Fontaine", "Keller", "Brown",
            "Martínez", "Bianchi", "de Vries", "Nielsen", "Walsh", "Petit", "Hoffmann", "Costa", "Smith", "Miller");
    private static final List<String> COMPANIES = List.of("Analytical Engines", "Northwind Traders", "Globex",
            "Initech", "Umbrella Logistics", "Stark Components", "Wayne Foods", "Acme Robotics", "Hooli Health",
            "Vandelay Industries", "Soylent Energy", "Cyberdyne Services", "Tyrell Labs", "Wonka Confectionery",
            "Oceanic Air", "Blue Sun Retail", "Gringotts Finance", "Pied Piper Data", "Massive Dynamic", "Nakatomi Trading");
    private static final List<String> EMEA_COUNTRIES = List.of("FR", "FR", "DE", "DE", "GB", "ES", "IT", "NL", "BE", "SE");
    private static final List<String> NA_COUNTRIES = List.of("US", "US", "US", "CA");
    private static final List<String> BUDGETS = List.of("< 10k", "10k-50k", "50k-200k", "> 200k");
    private static final List<String> DECISION_MAKERS = List.of("Yes", "Yes", "Influencer", "Signs off with the CFO");
    private static final List<String> NEEDS = List.of("Replace spreadsheets", "Pipeline visibility", "Faster onboarding",
            "Consolidate tools", "Compliance reporting");

    private final long seed;
    private final Instant start;
    private final BusinessCalendar emea;
    private final BusinessCalendar na;
    private final Random arrivals;
    private final PriorityQueue<Step> pending = new PriorityQueue<>(
            Comparator.comparing(Step::at).thenComparingInt(Step::lead).thenComparingInt(Step::order));
    private int nextNumber = 1;
    private Instant nextArrival;

    /**
     * @param emea the office hours of the EMEA team (and of leads from there)
     * @param na   those of the North American team
     */
    TrafficPlan(long seed, Instant start, BusinessCalendar emea, BusinessCalendar na) {
        this.seed = seed;
        this.start = start;
        this.emea = emea;
        this.na = na;
        this.arrivals = new Random(seed);
        this.nextArrival = start.plus(OPENING.get(0).after());
    }

    @Override
    public boolean hasNext() {
        return true; // leads keep coming
    }

    @Override
    public Step next() {
        while (pending.isEmpty() || !nextArrival.isAfter(pending.peek().at())) {
            addLead();
        }
        Step step = pending.poll();
        if (step == null) {
            throw new NoSuchElementException();
        }
        return step;
    }

    /** The next step's time, without taking it. */
    Instant peekTime() {
        while (pending.isEmpty() || !nextArrival.isAfter(pending.peek().at())) {
            addLead();
        }
        return pending.peek().at();
    }

    private void addLead() {
        int number = nextNumber++;
        Instant arrival = nextArrival;
        Opening opening = number <= OPENING.size() ? OPENING.get(number - 1) : null;
        if (number < OPENING.size()) {
            nextArrival = start.plus(OPENING.get(number).after());
        } else {
            Duration mean = emea.isOpen(arrival) ? OFFICE_ARRIVALS : NIGHT_ARRIVALS;
            long gapMillis = Math.max(30_000L, Math.round(-Math.log(1 - arrivals.nextDouble()) * mean.toMillis()));
            nextArrival = arrival.plusMillis(gapMillis);
        }
        // each lead has its own generator: its story does not depend on how steps interleave
        Random r = new Random(seed * 1_000_003L + number * 7_919L);
        new LeadStory(number, arrival, opening, r).write();
    }

    /** Writes one lead's steps. */
    private final class LeadStory {
        private final int number;
        private final Instant arrival;
        private final Opening opening;
        private final Random r;
        private int order;

        LeadStory(int number, Instant arrival, Opening opening, Random r) {
            this.number = number;
            this.arrival = arrival;
            this.opening = opening;
            this.r = r;
        }

        private void add(Instant at, Action action) {
            pending.add(new Step(at, number, order++, action));
        }

        void write() {
            Crm crm = opening != null ? opening.crm() : r.nextBoolean() ? Crm.HUBSPOT : Crm.SALESFORCE;
            boolean hot = opening != null ? opening.hot() : r.nextDouble() < 0.2;
            boolean northAmerica = opening == null && r.nextDouble() < 0.15;
            Lead lead = lead(crm, hot, northAmerica, opening == null ? r.nextDouble() < 0.75 : opening.complete());
            add(arrival, new Create(lead));
            if (crm == Crm.HUBSPOT && r.nextBoolean()) {
                add(arrival.plus(minutes(1, 3)), new Nurture());
            }
            BusinessCalendar leadHours = northAmerica ? na : emea;
            Rep rep = northAmerica ? Rep.of(crm).stream().filter(x -> x.region().equals(Rep.NA)).findFirst().orElseThrow()
                    : Rep.find(crm, Rep.EMEA, opening != null ? opening.pace() : pace());
            Instant routed;
            boolean late = opening != null ? opening.lateRouting() : !hot && r.nextDouble() < 0.15;
            if (hot) {
                routed = arrival.plus(seconds(30, 90)); // demo requests: an assignment rule, day and night
            } else if (late) {
                routed = leadHours.add(arrival, minutes(150, 240)); // stuck in the queue: the handoff clock breaches
            } else {
                routed = leadHours.add(arrival, minutes(2, opening != null ? 6 : 20));
            }
            add(routed, new Route(rep, late));
            work(rep, routed, lead, opening == null ? Outcome.RANDOM : opening.outcome());
        }

        /** What the rep does with the lead from {@code from} on. */
        private void work(Rep rep, Instant from, Lead lead, Outcome wanted) {
            BusinessCalendar hours = rep.region().equals(Rep.NA) ? na : emea;
            if (rep.pace() == Pace.NEVER) {
                // nobody calls: the lead breaches; the next working day a manager gives it to a quick rep
                Rep other = Rep.find(rep.crm(), rep.region(), Pace.QUICK);
                Instant reassigned = hours.add(from, minutes(6 * 60, 9 * 60));
                add(reassigned, new Route(other, true));
                work(other, reassigned, lead, wanted);
                return;
            }
            Instant first;
            if (rep.pace() == Pace.QUICK) {
                first = lead.hot() && hours.isOpen(from) ? from.plus(seconds(20, 60))
                        : hours.add(from, lead.hot() ? minutes(2, 15) : minutes(10, 100));
            } else {
                first = lead.hot() && hours.isOpen(from) ? from.plus(minutes(10, 40))
                        : hours.add(from, lead.hot() ? minutes(30, 90) : minutes(255, 420));
            }
            Outcome outcome = wanted == Outcome.RANDOM ? outcome() : wanted;
            // the opening's rejections come after one call, so that a missing reason is asked for the same day
            boolean brisk = opening != null && outcome != Outcome.ACCEPT && outcome != Outcome.OPEN;
            int attempts = brisk ? 1 : outcome == Outcome.OPEN ? (rep.pace() == Pace.QUICK ? 3 + r.nextInt(3) : 1 + r.nextInt(2))
                    : 1 + r.nextInt(rep.pace() == Pace.QUICK ? 3 : 2);
            Instant at = first;
            for (int i = 0; i < attempts; i++) {
                if (i > 0) {
                    at = hours.add(at, minutes(60, 300));
                }
                String channel = i == 0 ? (lead.hot() || r.nextDouble() < 0.8 ? "call" : "email") : channel();
                add(at, new Attempt(rep, channel, channel.equals("call") ? callOutcome() : null, i == 0));
            }
            Instant decided = hours.add(at, brisk ? minutes(10, 30) : minutes(30, 180));
            switch (outcome) {
                case ACCEPT -> add(decided, new Accept(rep));
                case REJECT_WITH_REASON -> add(decided, new Reject(rep, reason(lead)));
                case REJECT_WITHOUT_REASON -> add(decided, new Reject(rep, null));
                case REJECT_REASON_LATER -> {
                    add(decided, new Reject(rep, null));
                    add(hours.add(decided, minutes(40, 180)), new GiveReason(rep, reason(lead)));
                }
                case OPEN, RANDOM -> {
                    // still being worked
                }
            }
        }

        private Lead lead(Crm crm, boolean hot, boolean northAmerica, boolean complete) {
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            String company = pick(COMPANIES);
            String email = ascii(first) + "." + ascii(last) + "." + number + "@"
                    + ascii(company).replace(".", "") + ".example";
            String country = pick(northAmerica ? NA_COUNTRIES : EMEA_COUNTRIES);
            List<String> sources = crm == Crm.HUBSPOT ? HUBSPOT_SOURCES : SALESFORCE_SOURCES;
            String source = hot ? DEMO_REQUEST : sources.get(1 + r.nextInt(sources.size() - 1));
            int score = hot ? 60 + r.nextInt(40) : 10 + r.nextInt(70); // 80+ would make a standard lead hot
            String rating = hot ? "Hot" : score >= 50 ? "Warm" : "Cold";
            Map<String, String> data = new LinkedHashMap<>();
            data.put("budget", pick(BUDGETS));
            data.put("decisionMaker", pick(DECISION_MAKERS));
            data.put("need", pick(NEEDS));
            if (!complete) {
                List<String> keys = new ArrayList<>(data.keySet());
                data.remove(keys.get(r.nextInt(keys.size())));
                if (r.nextBoolean()) {
                    keys = new ArrayList<>(data.keySet());
                    data.remove(keys.get(r.nextInt(keys.size())));
                }
            }
            return new Lead(number, crm, hot, first, last, company, email, country, source, score, rating, Map.copyOf(data));
        }

        private Pace pace() {
            double p = r.nextDouble();
            return p < 0.5 ? Pace.QUICK : p < 0.8 ? Pace.SLOW : Pace.NEVER;
        }

        private Outcome outcome() {
            double p = r.nextDouble();
            if (p < 0.5) {
                return Outcome.ACCEPT;
            }
            if (p < 0.88) {
                double q = r.nextDouble();
                return q < 0.6 ? Outcome.REJECT_WITH_REASON : q < 0.8 ? Outcome.REJECT_REASON_LATER
                        : Outcome.REJECT_WITHOUT_REASON;
            }
            return Outcome.OPEN;
        }

        private String channel() {
            double p = r.nextDouble();
            return p < 0.55 ? "call" : p < 0.9 ? "email" : "meeting";
        }

        private String callOutcome() {
            double p = r.nextDouble();
            return p < 0.4 ? "connected" : p < 0.7 ? "no answer" : "left voicemail";
        }

        private String reason(Lead lead) {
            if (!lead.data().containsKey("budget") && r.nextBoolean()) {
                return "NO_BUDGET";
            }
            if (!lead.data().containsKey("decisionMaker") && r.nextBoolean()) {
                return "NOT_DECISION_MAKER";
            }
            return pick(REASONS);
        }

        private Duration minutes(int from, int to) {
            return Duration.ofSeconds(60L * from + r.nextInt((to - from) * 60 + 1));
        }

        private Duration seconds(int from, int to) {
            return Duration.ofSeconds(from + r.nextInt(to - from + 1));
        }

        private String pick(List<String> values) {
            return values.get(r.nextInt(values.size()));
        }
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9.]", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
