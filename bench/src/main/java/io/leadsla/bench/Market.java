package io.leadsla.bench;

import java.time.ZoneId;
import java.util.List;

/**
 * Where a lead comes from: its country, the time zone its forms are filled in (which shapes when
 * MQLs arrive) and the sales region that works it. The US is split over three zones so that NA
 * inbound spreads over the American day rather than peaking on New York time only.
 *
 * @param weight share of all leads, per mille (EMEA 45%, NA 55%)
 */
record Market(String country, ZoneId zone, Region region, int weight) {

    static final List<Market> ALL = List.of(
            new Market("FR", ZoneId.of("Europe/Paris"), Region.EMEA, 135),
            new Market("DE", ZoneId.of("Europe/Berlin"), Region.EMEA, 135),
            new Market("GB", ZoneId.of("Europe/London"), Region.EMEA, 126),
            new Market("ES", ZoneId.of("Europe/Madrid"), Region.EMEA, 54),
            new Market("US", ZoneId.of("America/New_York"), Region.NA, 234),
            new Market("US", ZoneId.of("America/Chicago"), Region.NA, 140),
            new Market("US", ZoneId.of("America/Los_Angeles"), Region.NA, 94),
            new Market("CA", ZoneId.of("America/Toronto"), Region.NA, 82));

    static final Weighted<Market> CHOICE = Weighted.of(ALL, ALL.stream().map(Market::weight).toList());
}
