package io.leadsla.connector.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExportTimeParserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final ExportTimeParser iso = new ExportTimeParser(PARIS, List.of(), Locale.US);
    private final ExportTimeParser us = new ExportTimeParser(NEW_YORK,
            List.of("M/d/yyyy h:mm a", "M/d/yyyy, h:mm a", "M/d/yyyy"), Locale.US);

    private static ExportTimeParser.Parsed at(String instant, boolean dateOnly) {
        return new ExportTimeParser.Parsed(Instant.parse(instant), dateOnly);
    }

    @Test
    void readsHubSpotsLocalFormInTheConfiguredZone() {
        assertThat(iso.parse("2026-09-08 16:21")).isEqualTo(at("2026-09-08T14:21:00Z", false));
        assertThat(iso.parse("2026-11-20 09:15")).isEqualTo(at("2026-11-20T08:15:00Z", false));
        assertThat(iso.parse("2026-11-20 09:15:30")).isEqualTo(at("2026-11-20T08:15:30Z", false));
        assertThat(iso.parse("2026-11-20T09:15")).isEqualTo(at("2026-11-20T08:15:00Z", false));
    }

    @Test
    void anOffsetInTheValueWinsOverTheZone() {
        assertThat(iso.parse("2026-11-20T08:15:00Z")).isEqualTo(at("2026-11-20T08:15:00Z", false));
        assertThat(iso.parse("2026-11-20T08:15:00.250-05:00")).isEqualTo(at("2026-11-20T13:15:00.250Z", false));
    }

    @Test
    void aDateIsTheStartOfThatDayInTheZoneAndSaysSo() {
        assertThat(iso.parse("2026-11-20")).isEqualTo(at("2026-11-19T23:00:00Z", true));
        assertThat(us.parse("9/24/2026")).isEqualTo(at("2026-09-24T04:00:00Z", true));
    }

    @Test
    void readsUsReportFormatsWithOrWithoutIcuCommaAndNarrowSpaces() {
        assertThat(us.parse("9/23/2026 10:15 AM")).isEqualTo(at("2026-09-23T14:15:00Z", false));
        assertThat(us.parse("9/23/2026 12:05 am")).isEqualTo(at("2026-09-23T04:05:00Z", false));
        assertThat(us.parse("12/1/2026, 3:40\u202FPM")).isEqualTo(at("2026-12-01T20:40:00Z", false));
        assertThat(us.parse(" 9/23/2026\u00A010:15  PM ")).isEqualTo(at("2026-09-24T02:15:00Z", false));
    }

    @Test
    void localTimesInTheSpringGapMoveForward() {
        // 02:30 does not exist in Paris on 29 March 2026: it is read as 03:30 CEST
        assertThat(iso.parse("2026-03-29 02:30")).isEqualTo(at("2026-03-29T01:30:00Z", false));
    }

    @Test
    void impossibleDatesAreRefusedNotRolledOver() {
        assertThatThrownBy(() -> iso.parse("2026-02-30 10:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> us.parse("2/30/2026")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> us.parse("13/1/2026 10:00 AM")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void theErrorListsTheAcceptedForms() {
        assertThatThrownBy(() -> us.parse("23.09.2026"))
                .isInstanceOf(DateTimeParseException.class)
                .hasMessage("'23.09.2026' is not a date or date-time in an accepted form (2026-09-08 16:21,"
                        + " 2026-09-08T14:21:00Z, 2026-09-08, M/d/yyyy h:mm a, M/d/yyyy, h:mm a, M/d/yyyy)");
    }

    @Test
    void patternsWithMonthNamesUseTheLocale() {
        ExportTimeParser german = new ExportTimeParser(PARIS, List.of("d. MMMM yyyy HH:mm"), Locale.GERMANY);
        assertThat(german.parse("3. März 2026 10:00")).isEqualTo(at("2026-03-03T09:00:00Z", false));
        ExportTimeParser proleptic = new ExportTimeParser(PARIS, List.of("uuuu/MM/dd"), Locale.ROOT);
        assertThat(proleptic.parse("2026/03/03")).isEqualTo(at("2026-03-02T23:00:00Z", true));
    }

    @Test
    void anInvalidPatternIsRefusedUpFront() {
        assertThatThrownBy(() -> new ExportTimeParser(PARIS, List.of("dd/MM/yyyy {"), Locale.US))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dd/MM/yyyy {' is not a valid date-time pattern");
        assertThatThrownBy(() -> ExportTimeParser.validatePattern(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
