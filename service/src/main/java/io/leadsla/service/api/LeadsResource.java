package io.leadsla.service.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.store.KpiQuery;
import io.leadsla.store.LeadHistoryQuery;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/leads/{crm}/{recordId}}: what leadsla knows and did about one CRM record. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
public final class LeadsResource {

    private final LeadHistoryQuery history;
    private final KpiQuery clocks;
    private final ObjectMapper json;

    public LeadsResource(LeadHistoryQuery history, KpiQuery clocks, ObjectMapper json) {
        this.history = history;
        this.clocks = clocks;
        this.json = json;
    }

    /**
     * {@code GET /api/leads?status=BREACHED&limit=100}: the clocks in a status now (AT_RISK and
     * BREACHED are what needs attention), earliest due first.
     */
    @GET
    public Response inStatus(@QueryParam("status") @DefaultValue("BREACHED") String status,
                             @QueryParam("limit") @DefaultValue("100") int limit) {
        ClockStatus which;
        try {
            which = ClockStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest("unknown status '" + status + "': use one of "
                    + java.util.Arrays.toString(ClockStatus.values()));
        }
        if (limit < 1 || limit > 1_000) {
            return ApiErrors.badRequest("limit must be between 1 and 1000");
        }
        return Response.ok(clocks.clocksIn(which, limit).stream().map(c -> new ClockLine(c.lead().crm().id(),
                c.lead().account(), c.lead().recordId(), c.policyId(), c.cycle(), c.status(), c.tier(), c.ownerId(),
                c.startedAt(), c.dueAt(), c.breachedAt(), "/api/leads/" + c.lead().crm().id() + "/" + c.lead().recordId()
                        + (c.lead().inDefaultAccount() ? "" : "?account=" + c.lead().account()))).toList()).build();
    }

    /** A clock in the list by status, with the link to its lead. */
    public record ClockLine(String crm, String account, String recordId, String policyId, int cycle, String status, String tier,
                            String ownerId, java.time.Instant startedAt, java.time.Instant dueAt,
                            java.time.Instant breachedAt, String lead) {
    }

    @GET
    @Path("/{crm}/{recordId}")
    public Response lead(@PathParam("crm") String crm, @PathParam("recordId") String recordId,
                         @QueryParam("account") @DefaultValue(LeadKey.DEFAULT_ACCOUNT) String account) {
        Crm which;
        LeadKey lead;
        try {
            which = Crm.fromId(crm);
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest("unknown CRM '" + crm + "': use hubspot or salesforce");
        }
        try {
            lead = new LeadKey(which, account, recordId);
        } catch (IllegalArgumentException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        return history.find(lead)
                .map(h -> Response.ok(LeadView.of(h, json)).build())
                .orElseGet(() -> ApiErrors.notFound("leadsla has no event about " + lead.crm().id()
                        + (lead.inDefaultAccount() ? "" : " account " + lead.account()) + " record " + recordId));
    }
}
