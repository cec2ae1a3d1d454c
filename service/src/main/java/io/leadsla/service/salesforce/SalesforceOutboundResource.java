package io.leadsla.service.salesforce;

import io.leadsla.connector.salesforce.outbound.OutboundMessageGate;
import io.leadsla.connector.salesforce.outbound.OutboundResponses;
import io.leadsla.connector.salesforce.outbound.OutboundVerdict;
import io.leadsla.connector.salesforce.outbound.SalesforceOutboundNormalizer;
import io.leadsla.store.InboxRepository;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/salesforce}: a Salesforce Outbound Message. The envelope is read with a
 * hardened parser (no DTD, no external entity) and its OrganizationId checked; the raw body is then
 * stored in the inbox, and only then is the SOAP {@code Ack} answered — Salesforce retries an
 * unacknowledged message for 24 hours, so nothing it was told we have can be lost.
 */
@Path("/webhooks/salesforce")
public final class SalesforceOutboundResource {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceOutboundResource.class);

    private final OutboundMessageGate gate;
    private final InboxRepository inbox;
    private final Runnable stored;
    private final Clock clock;

    public SalesforceOutboundResource(OutboundMessageGate gate, InboxRepository inbox, Runnable stored, Clock clock) {
        this.gate = gate;
        this.inbox = inbox;
        this.stored = stored;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("Content-Length") Long contentLength, InputStream bodyStream) throws IOException {
        if (contentLength != null && contentLength > gate.maxBytes()) {
            return refused(new OutboundVerdict.Refused(OutboundVerdict.Reason.TOO_LARGE,
                    "Content-Length " + contentLength + " over " + gate.maxBytes() + " bytes"));
        }
        byte[] body = bodyStream.readNBytes(gate.maxBytes() + 1);
        OutboundVerdict verdict = gate.check(body);
        if (verdict instanceof OutboundVerdict.Refused refused) {
            return refused(refused);
        }
        OutboundVerdict.Accepted accepted = (OutboundVerdict.Accepted) verdict;
        if (accepted.message().sessionIdSent()) {
            LOG.warn("a Salesforce Outbound Message carries a session id: untick \"Send Session ID\" in its definition "
                    + "(leadsla does not need it, and the message is stored as received)");
        }
        if (inbox.append(SalesforceOutboundNormalizer.SOURCE, accepted.deliveryKey(), clock.instant(),
                new String(body, StandardCharsets.UTF_8))) {
            stored.run();
        }
        return Response.ok(OutboundResponses.ack(), OutboundResponses.CONTENT_TYPE).build();
    }

    private static Response refused(OutboundVerdict.Refused refused) {
        LOG.warn("Salesforce Outbound Message refused ({}): {}", refused.reason(), refused.detail());
        return Response.status(refused.httpStatus()).type(OutboundResponses.CONTENT_TYPE).entity(refused.soapFault()).build();
    }
}
