package io.leadsla.service.api;

import io.leadsla.core.kpi.GroupBy;
import io.leadsla.core.kpi.KpiCalculator;
import io.leadsla.core.kpi.KpiReport;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.store.KpiQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/kpis?from=&to=&groupBy=}: the shared KPIs of the MQLs of a period (cohort view,
 * as in {@code replay}'s kpis.json), overall and per owner, source, tier or month.
 */
@Path("/api/kpis")
@Produces(MediaType.APPLICATION_JSON)
public final class KpisResource {

    private final KpiQuery store;
    private final KpiCalculator calculator;
    private final ZoneId zone;

    public KpisResource(KpiQuery store, PolicySet policies) {
        this.store = store;
        this.calculator = new KpiCalculator(policies);
        this.zone = policies.reportingCalendar().zone();
    }

    /**
     * @param from    first MQL included: a date (midnight in the reporting calendar's zone) or an
     *                instant; absent: no lower bound
     * @param to      first MQL excluded, same forms; absent: no upper bound
     * @param groupBy owner, source, tier or month; absent: overall figures only
     */
    @GET
    public Response kpis(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy) {
        Instant start;
        Instant end;
        GroupBy grouping;
        try {
            start = instant("from", from);
            end = instant("to", to);
            grouping = groupBy == null || groupBy.isBlank() ? null : GroupBy.fromId(groupBy);
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        if (start != null && end != null && !start.isBefore(end)) {
            return ApiErrors.badRequest("from (" + start + ") must be before to (" + end + ")");
        }
        KpiCalculator.Accumulator acc = calculator.accumulator(start, end, grouping == null ? List.of() : List.of(grouping));
        store.forEachLead(start, end, acc::add);
        KpiReport report = acc.reports().get(grouping == null ? "overall" : grouping.id());
        return Response.ok(report).build();
    }

    private Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(zone).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + "=" + v + " is neither a date (2026-11-01) nor an instant "
                    + "(2026-11-01T00:00:00Z)");
        }
    }
}
