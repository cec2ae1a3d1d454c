package io.leadsla.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The vocabulary of the sample: attribute names and values, their shares, and the small
 * attribute maps many events share. Attribute names are fixed because the example policies read
 * them ({@code leadSource}, {@code score}, {@code ownerId}, {@code ownerRegion}, {@code budget},
 * {@code decisionMaker}, {@code need}, {@code channel}, {@code outcome}, {@code automated},
 * {@code reason}).
 *
 * <p>Every map here is immutable and shared: {@code LeadEvent} keeps an immutable map as is, so a
 * million contact attempts point at a dozen maps instead of carrying a million copies.
 */
final class Catalog {

    static final String DEMO_REQUEST = "Demo Request";
    static final String TRADE_SHOW = "Trade Show";

    /** First MQL of a lead. Demo requests are the hot inbound; trade shows arrive as list imports. */
    static final Weighted<String> SOURCES = Weighted.of(
            DEMO_REQUEST, 12, "Webinar", 18, "Content Download", 24, "Paid Search", 16,
            TRADE_SHOW, 10, "Referral", 7, "Contact Us", 13);

    /**
     * Where the leads that never qualify come from: mostly content and paid traffic, badge scans
     * that go nowhere, few referrals and no demo requests (asking for a demo qualifies a lead).
     */
    static final Weighted<String> NURTURE_SOURCES = Weighted.of(
            "Content Download", 34, "Webinar", 20, "Paid Search", 19, TRADE_SHOW, 13,
            "Contact Us", 8, "Referral", 6);

    /** A recycled lead that comes back does so through nurturing content or by asking for a demo. */
    static final Weighted<String> RETURN_SOURCES = Weighted.of(
            "Webinar", 35, "Content Download", 30, DEMO_REQUEST, 20, "Contact Us", 15);

    /** Score range per source: demo requests and referrals score higher. */
    private static final Map<String, Range> SCORE_RANGE = Map.of(
            DEMO_REQUEST, new Range(60, 100),
            "Referral", new Range(50, 98),
            "Contact Us", new Range(35, 92),
            TRADE_SHOW, new Range(30, 88),
            "Paid Search", new Range(20, 85),
            "Webinar", new Range(20, 82),
            "Content Download", new Range(5, 75));

    /** Score range of a lead that does not qualify, by source: mostly well below the MQLs'. */
    private static final Map<String, Range> NURTURE_SCORE_RANGE = Map.of(
            "Referral", new Range(15, 55),
            "Contact Us", new Range(10, 50),
            TRADE_SHOW, new Range(5, 45),
            "Paid Search", new Range(0, 40),
            "Webinar", new Range(5, 45),
            "Content Download", new Range(0, 35));
    /** A lead that does not qualify never scores this much (its engagement is not enough). */
    static final int NURTURE_SCORE_CAP = 69;

    private record Range(int min, int max) {
    }

    static final Weighted<String> BUDGETS = Weighted.of("<10k", 20, "10k-50k", 40, "50k-100k", 25, "100k+", 15);
    static final Weighted<String> DECISION_MAKER = Weighted.of("yes", 55, "no", 45);
    static final Weighted<String> NEEDS = Weighted.of("pipeline visibility", 25, "lead routing", 20,
            "forecasting", 15, "data quality", 15, "reporting", 15, "sales automation", 10);
    /** Marketing's data quality: each required field is missing this often, independently. */
    static final double BUDGET_MISSING = 0.22;
    static final double DECISION_MAKER_MISSING = 0.18;
    static final double NEED_MISSING = 0.16;

    /** Why sales rejects a lead it talked to. */
    static final Weighted<String> REASONS_AFTER_TALK = Weighted.of("Budget", 22, "No Authority", 15,
            "No Need", 20, "Bad Timing", 20, "Competitor", 10, "Bad Data", 5, "Student/Job seeker", 8);
    /** Why sales rejects a lead without calling it: one look at the record is enough. */
    static final Weighted<String> REASONS_ON_SIGHT = Weighted.of("Bad Data", 50, "Student/Job seeker", 40, "No Need", 10);

    /** Attempts that do not reach the lead. Calls dominate; e-mail is the usual second touch. */
    static final Weighted<String> CHANNELS = Weighted.of("call", 55, "email", 30, "social", 8, "sms", 7);

    static final Map<String, String> NONE = Map.of();
    static final Map<String, String> AUTOMATED_EMAIL = Map.of("channel", "email", "automated", "true");
    static final Map<String, String> MEETING = Map.of("channel", "meeting", "outcome", "connected");

    private static final Map<String, Map<String, String>> ATTEMPTS = attemptMaps();
    private static final Map<String, Map<String, String>> REASONS = reasonMaps();
    private static final Map<String, Map<String, String>> OWNERS = ownerMaps();
    private static final List<String> SCORES = java.util.stream.IntStream.rangeClosed(0, 100)
            .mapToObj(Integer::toString).toList();

    private static final List<String> NAME_HEADS = List.of("Nord", "Alto", "Bluewater", "Cedar", "Summit",
            "Harbor", "Lumen", "Vertex", "Orbit", "Quartz", "Maple", "Atlas", "Nova", "Helix", "Pioneer",
            "Silverline", "Granite", "Beacon", "Crest", "Falcon", "Aurora", "Delta", "Ember", "Fjord",
            "Kestrel", "Meridian", "Oakridge", "Polar", "Riverside", "Solstice", "Tandem", "Vector");
    private static final List<String> NAME_TRADES = List.of("Analytics", "Logistics", "Systems", "Foods",
            "Health", "Robotics", "Energy", "Software", "Labs", "Retail", "Capital", "Media", "Mobility",
            "Networks", "Pharma", "Textiles", "Works", "Cloud");
    private static final Map<String, List<String>> LEGAL_FORMS = Map.of(
            "FR", List.of("SAS", "SA"), "DE", List.of("GmbH", "AG"), "GB", List.of("Ltd", "plc"),
            "ES", List.of("S.L.", "S.A."), "US", List.of("Inc.", "LLC", "Corp."), "CA", List.of("Inc.", "Ltd."));

    private Catalog() {
    }

    /** Triangular over the source's range: most scores sit mid-range, a few at the extremes. */
    static int score(SplittableRandom rng, String source) {
        Range range = SCORE_RANGE.get(source);
        double t = (rng.nextDouble() + rng.nextDouble()) / 2;
        return range.min() + (int) Math.round(t * (range.max() - range.min()));
    }

    /** The first score of a lead that will not qualify this quarter: triangular, like MQL scores. */
    static int nurtureScore(SplittableRandom rng, String source) {
        Range range = NURTURE_SCORE_RANGE.get(source);
        double t = (rng.nextDouble() + rng.nextDouble()) / 2;
        return range.min() + (int) Math.round(t * (range.max() - range.min()));
    }

    /** What marketing knows of a lead that is not an MQL: its source, score, country and company. */
    static Map<String, String> profile(String source, int score, String country, String company) {
        return Map.of("leadSource", source, "score", scoreText(score), "country", country, "company", company);
    }

    static String scoreText(int score) {
        return SCORES.get(score);
    }

    /** A plausible company name with the country's legal form; repeats are fine (colleagues). */
    static String company(SplittableRandom rng, String country) {
        List<String> forms = LEGAL_FORMS.get(country);
        return NAME_HEADS.get(rng.nextInt(NAME_HEADS.size())) + " "
                + NAME_TRADES.get(rng.nextInt(NAME_TRADES.size())) + " "
                + forms.get(rng.nextInt(forms.size()));
    }

    /** A human attempt that did not connect; e-mail, SMS and social touches carry no outcome yet. */
    static Map<String, String> missedAttempt(SplittableRandom rng) {
        String channel = CHANNELS.pick(rng);
        if (channel.equals("call")) {
            return ATTEMPTS.get(rng.nextDouble() < 0.55 ? "call/no_answer" : "call/left_voicemail");
        }
        return ATTEMPTS.get(channel + "/");
    }

    /** The attempt that reaches the lead: mostly a call that connects, sometimes a reply. */
    static Map<String, String> connectingAttempt(SplittableRandom rng) {
        double u = rng.nextDouble();
        return ATTEMPTS.get(u < 0.70 ? "call/connected" : u < 0.95 ? "email/replied" : "social/replied");
    }

    static Map<String, String> reason(String reason) {
        return REASONS.get(reason);
    }

    static Map<String, String> owner(Rep rep) {
        return OWNERS.get(rep.id());
    }

    private static Map<String, Map<String, String>> attemptMaps() {
        Map<String, Map<String, String>> maps = new HashMap<>();
        for (String channel : List.of("call", "email", "meeting", "sms", "social")) {
            maps.put(channel + "/", Map.of("channel", channel));
            for (String outcome : List.of("no_answer", "left_voicemail", "connected", "replied")) {
                maps.put(channel + "/" + outcome, Map.of("channel", channel, "outcome", outcome));
            }
        }
        return Map.copyOf(maps);
    }

    private static Map<String, Map<String, String>> reasonMaps() {
        Map<String, Map<String, String>> maps = new HashMap<>();
        for (String reason : REASONS_AFTER_TALK.values()) {
            maps.put(reason, Map.of("reason", reason));
        }
        return Map.copyOf(maps);
    }

    private static Map<String, Map<String, String>> ownerMaps() {
        Map<String, Map<String, String>> maps = new HashMap<>();
        for (Rep rep : Rep.ROSTER) {
            maps.put(rep.id(), Map.of("ownerId", rep.id(), "ownerRegion", rep.region().name()));
        }
        return Map.copyOf(maps);
    }
}
