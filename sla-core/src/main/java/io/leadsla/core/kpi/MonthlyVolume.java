package io.leadsla.core.kpi;

/** MQLs created in a month against marketing's commitment; attainment in percent. */
public record MonthlyVolume(String month, long mqls, Integer commitment, Double attainment) {
}
