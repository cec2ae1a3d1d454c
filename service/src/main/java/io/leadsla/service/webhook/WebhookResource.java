package io.leadsla.service.webhook;

import io.leadsla.connector.api.CrmConnector;
import io.leadsla.connector.api.WebhookGate;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import io.leadsla.store.InboxRepository;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/{crm}} and {@code POST /webhooks/{crm}/{account}}: what a CRM pushes. The
 * account's gate checks the delivery first (the CRM's proof of origin; a refusal stores nothing);
 * the raw body is then stored in the inbox and only then answered as the CRM expects, so nothing
 * the CRM was told we have can be lost, and its retries of the same body are kept once.
 *
 * <p>On {@code /webhooks/{crm}} every account of that CRM may take the delivery, the default
 * account first: the first gate that accepts it does (Salesforce orgs are told apart by the
 * Outbound Message's OrganizationId, HubSpot portals by their app's signing secret). When none
 * accepts, the first refusal is the answer.
 */
@Path("/webhooks")
public final class WebhookResource {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookResource.class);

    private record Route(String account, WebhookGate gate) {
    }

    private final Map<Crm, List<Route>> routes = new HashMap<>();
    private final InboxRepository inbox;
    private final Runnable stored;
    private final Clock clock;

    /** @param stored called once a delivery is durable (wakes the pipeline up) */
    public WebhookResource(List<CrmConnector> connectors, InboxRepository inbox, Runnable stored, Clock clock) {
        for (CrmConnector c : connectors) {
            c.webhookGate().ifPresent(gate -> {
                List<Route> list = routes.computeIfAbsent(c.crm(), k -> new ArrayList<>());
                Route route = new Route(c.account(), gate);
                if (LeadKey.DEFAULT_ACCOUNT.equals(c.account())) {
                    list.add(0, route);
                } else {
                    list.add(route);
                }
            });
        }
        this.inbox = inbox;
        this.stored = stored;
        this.clock = clock;
    }

    @POST
    @Path("{crm}")
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("crm") String crm, @Context UriInfo uri, @Context HttpHeaders headers,
                            @HeaderParam("Content-Length") Long contentLength, InputStream body) throws IOException {
        return deliver(crm, null, uri, headers, contentLength, body);
    }

    @POST
    @Path("{crm}/{account}")
    @Consumes(MediaType.WILDCARD)
    public Response receiveForAccount(@PathParam("crm") String crm, @PathParam("account") String account,
                                      @Context UriInfo uri, @Context HttpHeaders headers,
                                      @HeaderParam("Content-Length") Long contentLength, InputStream body) throws IOException {
        return deliver(crm, account, uri, headers, contentLength, body);
    }

    private Response deliver(String crmId, String account, UriInfo uri, HttpHeaders headers, Long contentLength,
                             InputStream bodyStream) throws IOException {
        List<Route> candidates = candidates(crmId, account);
        if (candidates.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity("{\"error\":\"no webhook is configured here: check the CRM and account in the URL\"}").build();
        }
        int maxBytes = candidates.stream().mapToInt(r -> r.gate().maxBytes()).max().orElseThrow();
        WebhookGate first = candidates.get(0).gate();
        if (contentLength != null && contentLength > maxBytes) {
            return reply(first.tooLarge());
        }
        byte[] body = bodyStream.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            return reply(first.tooLarge());
        }
        WebhookGate.Request request = new WebhookGate.Request(uri.getRequestUri().toString(), lowerCase(headers), body,
                uri.getQueryParameters().getFirst("secret"));
        WebhookGate.Refused refusal = null;
        for (Route route : candidates) {
            WebhookGate.Verdict verdict = route.gate().check(request);
            if (verdict instanceof WebhookGate.Accepted accepted) {
                accepted.warnings().forEach(w -> LOG.warn("{} account {}: {}", crmId, route.account(), w));
                if (inbox.append(accepted.source(), accepted.deliveryKey(), clock.instant(), accepted.body())) {
                    stored.run();
                }
                return reply(accepted.reply());
            }
            if (refusal == null) {
                refusal = (WebhookGate.Refused) verdict;
            }
        }
        LOG.warn("{}", refusal.reason());
        return reply(refusal.reply());
    }

    private List<Route> candidates(String crmId, String account) {
        Crm crm;
        try {
            crm = Crm.fromId(crmId);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<Route> all = routes.getOrDefault(crm, List.of());
        return account == null ? all : all.stream().filter(r -> r.account().equals(account)).toList();
    }

    private static Map<String, String> lowerCase(HttpHeaders headers) {
        Map<String, String> map = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                map.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return map;
    }

    private static Response reply(WebhookGate.Reply reply) {
        Response.ResponseBuilder r = Response.status(reply.status());
        if (reply.body() != null && !reply.body().isEmpty()) {
            r.type(reply.contentType()).entity(reply.body());
        }
        return r.build();
    }
}
