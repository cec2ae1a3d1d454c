package io.leadsla.core.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which dates are public holidays. Implemented over a holiday library outside the core (the core
 * does no I/O); asked once per calendar year, so implementations need not be fast.
 */
@FunctionalInterface
public interface HolidayRules {

    HolidayRules NONE = year -> Set.of();

    /** The holidays (observed dates: the days offices close) in that year. */
    Set<LocalDate> holidaysIn(int year);
}
