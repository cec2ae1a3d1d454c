package io.leadsla.bench;

import java.util.List;

/**
 * A sales rep leads are routed to. The roster is fixed (not drawn from the seed) so that every
 * sample shows the same team: a dashboard reader learns that rep 86 is drowning whatever the seed.
 *
 * @param id            the CRM owner id written as {@code ownerId}
 * @param routingWeight relative share of the region's leads; overloaded reps get more, which is
 *                      why they are overloaded
 */
record Rep(String id, Region region, Speed speed, int routingWeight) {

    /**
     * How quickly a rep reacts. Delays are office time, in seconds, drawn log-uniformly between
     * the bounds (response times are heavy-tailed: most calls are quick, a few take ages).
     *
     * @param hotMissRate   share of hot leads the rep treats like any other lead (missed the alert)
     * @param gapFactor     stretches the time between attempts
     * @param maxAttempts   how many attempts the rep makes before giving up on a silent lead
     */
    enum Speed {
        FAST(60, 600, 300, 3_600, 0.08, 0.8, 7),
        NORMAL(180, 1_800, 1_800, 18_000, 0.15, 1.0, 6),
        SLOW(1_800, 14_400, 10_800, 97_200, 0.25, 1.4, 5),
        OVERLOADED(3_600, 32_400, 32_400, 129_600, 0.35, 1.7, 5);

        final long hotMin;
        final long hotMax;
        final long standardMin;
        final long standardMax;
        final double hotMissRate;
        final double gapFactor;
        final int maxAttempts;

        Speed(long hotMin, long hotMax, long standardMin, long standardMax,
              double hotMissRate, double gapFactor, int maxAttempts) {
            this.hotMin = hotMin;
            this.hotMax = hotMax;
            this.standardMin = standardMin;
            this.standardMax = standardMax;
            this.hotMissRate = hotMissRate;
            this.gapFactor = gapFactor;
            this.maxAttempts = maxAttempts;
        }
    }

    static final List<Rep> ROSTER = List.of(
            new Rep("77", Region.EMEA, Speed.FAST, 10),
            new Rep("78", Region.EMEA, Speed.NORMAL, 10),
            new Rep("81", Region.EMEA, Speed.NORMAL, 10),
            new Rep("84", Region.EMEA, Speed.SLOW, 8),
            new Rep("86", Region.EMEA, Speed.OVERLOADED, 18),
            new Rep("93", Region.EMEA, Speed.NORMAL, 10),
            new Rep("40", Region.NA, Speed.FAST, 10),
            new Rep("41", Region.NA, Speed.FAST, 10),
            new Rep("45", Region.NA, Speed.NORMAL, 10),
            new Rep("52", Region.NA, Speed.NORMAL, 10),
            new Rep("58", Region.NA, Speed.SLOW, 8),
            new Rep("63", Region.NA, Speed.OVERLOADED, 18),
            new Rep("66", Region.NA, Speed.NORMAL, 10),
            new Rep("70", Region.NA, Speed.NORMAL, 10));

    static List<Rep> of(Region region) {
        return ROSTER.stream().filter(r -> r.region() == region).toList();
    }
}
