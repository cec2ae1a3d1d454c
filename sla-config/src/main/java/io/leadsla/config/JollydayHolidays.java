package io.leadsla.config;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.leadsla.core.calendar.HolidayRules;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays of a country (and optionally a region, e.g. {@code DE} / {@code by}) from
 * Jollyday. Days offices close: public and bank holidays on their observed date ({@link
 * Holiday#getDate()}: Independence Day 2026, a Saturday, is observed on Friday 3 July);
 * observances (no day off) are left out.
 */
final class JollydayHolidays implements HolidayRules {

    private final HolidayManager manager;
    private final String[] regions;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException naming the supported codes when the country or region is unknown
     */
    JollydayHolidays(String country, List<String> regions) {
        String code = HolidayManager.getSupportedCalendarCodes().stream()
                .filter(c -> c.equalsIgnoreCase(country.trim())).findFirst().orElse(null);
        if (code == null) {
            throw new IllegalArgumentException("no holiday calendar for country '" + country
                    + "' (use an ISO 3166 code such as FR, DE, GB, US)");
        }
        this.manager = HolidayManager.getInstance(ManagerParameters.create(code));
        this.regions = regions.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        Map<String, de.focus_shift.jollyday.core.CalendarHierarchy> level = manager.getCalendarHierarchy().getChildren();
        for (String region : this.regions) {
            de.focus_shift.jollyday.core.CalendarHierarchy child = level.get(region);
            if (child == null) {
                throw new IllegalArgumentException("country '" + country + "' has no region '" + region
                        + "' (known: " + String.join(", ", new java.util.TreeSet<>(level.keySet())) + ")");
            }
            level = child.getChildren();
        }
    }

    @Override
    public Set<LocalDate> holidaysIn(int year) {
        return byYear.computeIfAbsent(year, y -> {
            Set<LocalDate> days = new HashSet<>();
            for (Holiday h : manager.getHolidays(Year.of(y), regions)) {
                if (h.getType() != HolidayType.OBSERVANCE) {
                    days.add(h.getDate());
                }
            }
            return Set.copyOf(days);
        });
    }
}
