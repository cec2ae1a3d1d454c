package io.leadsla.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Everything one generator run shares between leads: the quarter, the inbound shape, the trade
 * show imports and the routing tables. Built once from the seed, immutable afterwards, so leads
 * can be simulated on several threads in any order and still produce the same events.
 */
final class TrafficModel {

    /** Trade shows per region and quarter; their leads arrive as one list import each. */
    private static final int SHOWS_PER_REGION = 3;
    /** A list import takes a few minutes: its leads qualify within this many seconds. */
    private static final int IMPORT_SPREAD_SECONDS = 900;

    private final Instant start;
    private final Instant end;
    private final InboundShape shape;
    private final Map<Region, List<Instant>> tradeShowImports;
    private final Map<Region, Weighted<Rep>> routing;

    /** @param from first day of the quarter, @param to last day (inclusive), both UTC days */
    TrafficModel(LocalDate from, LocalDate to, SplittableRandom rng) {
        this.start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.shape = new InboundShape(start, end);
        Map<Region, List<Instant>> imports = new EnumMap<>(Region.class);
        Map<Region, Weighted<Rep>> routes = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            imports.put(region, tradeShowImports(region, from, to, rng));
            List<Rep> reps = Rep.of(region);
            routes.put(region, Weighted.of(reps, reps.stream().map(Rep::routingWeight).toList()));
        }
        this.tradeShowImports = Map.copyOf(imports);
        this.routing = Map.copyOf(routes);
    }

    /**
     * Shows run Monday to Thursday and marketing imports the badge scans the next day, so imports
     * fall on a working Tuesday to Friday, between 10:00 and 16:00 in the region's office. There
     * are no shows in August (the summer break); the season picks up again in September. Days are
     * drawn without repeats.
     */
    private List<Instant> tradeShowImports(Region region, LocalDate from, LocalDate to, SplittableRandom rng) {
        List<LocalDate> candidates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayOfWeek day = d.getDayOfWeek();
            if (day != DayOfWeek.MONDAY && d.getMonth() != Month.AUGUST && region.isWorkingDay(d)) {
                candidates.add(d);
            }
        }
        List<Instant> imports = new ArrayList<>();
        for (int i = 0; i < SHOWS_PER_REGION && !candidates.isEmpty(); i++) {
            LocalDate day = candidates.remove(rng.nextInt(candidates.size()));
            LocalDateTime at = day.atTime(10, 0).plusSeconds(rng.nextInt(6 * 3600));
            Instant instant = at.atZone(region.zone()).toInstant();
            if (!instant.isBefore(start) && instant.plusSeconds(IMPORT_SPREAD_SECONDS).isBefore(end)) {
                imports.add(instant);
            }
        }
        imports.sort(null);
        return List.copyOf(imports);
    }

    Instant start() {
        return start;
    }

    /** The first instant after the quarter: nothing at or after it has happened yet. */
    Instant end() {
        return end;
    }

    InboundShape shape() {
        return shape;
    }

    /**
     * When a trade-show lead of that region is imported (a lead that qualifies does so on import),
     * or {@code null} if the quarter has no show.
     */
    Instant tradeShowImport(SplittableRandom rng, Region region) {
        List<Instant> imports = tradeShowImports.get(region);
        if (imports.isEmpty()) {
            return null;
        }
        return imports.get(rng.nextInt(imports.size())).plusSeconds(rng.nextInt(IMPORT_SPREAD_SECONDS));
    }

    /** The routing rule: a rep of the lead's region, in proportion to the rep's routing weight. */
    Rep route(SplittableRandom rng, Region region) {
        return routing.get(region).pick(rng);
    }

    /** A reassignment: another rep of the same region. */
    Rep reassign(SplittableRandom rng, Rep from) {
        Rep to = route(rng, from.region());
        while (to.equals(from)) {
            to = route(rng, from.region());
        }
        return to;
    }
}
