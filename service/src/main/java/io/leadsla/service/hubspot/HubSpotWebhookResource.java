package io.leadsla.service.hubspot;

import io.leadsla.connector.hubspot.webhook.DeliveryKey;
import io.leadsla.connector.hubspot.webhook.HubSpotWebhookNormalizer;
import io.leadsla.connector.hubspot.webhook.SignatureV3;
import io.leadsla.connector.hubspot.webhook.SignatureVerdict;
import io.leadsla.connector.hubspot.webhook.SignedRequest;
import io.leadsla.connector.hubspot.webhook.WebhookUrl;
import io.leadsla.store.InboxRepository;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/hubspot}: a batch of up to 100 HubSpot events. The v3 signature is checked
 * first (401, nothing stored); then the raw body is stored in the inbox and only then answered
 * 204, well within HubSpot's 5-second timeout: normalization happens after the answer, so nothing
 * HubSpot was told we have can be lost, and HubSpot's retries of the same body are kept once.
 */
@Path("/webhooks/hubspot")
public final class HubSpotWebhookResource {

    private static final Logger LOG = LoggerFactory.getLogger(HubSpotWebhookResource.class);

    private final SignatureV3 signature;
    private final WebhookUrl url;
    private final InboxRepository inbox;
    private final Runnable stored;
    private final Clock clock;
    private final int maxBodyBytes;

    /**
     * @param stored       called once a batch is durable (wakes the pipeline up)
     * @param maxBodyBytes bodies above this are refused (413) before they are read whole
     */
    public HubSpotWebhookResource(SignatureV3 signature, WebhookUrl url, InboxRepository inbox, Runnable stored, Clock clock,
                                  int maxBodyBytes) {
        this.signature = signature;
        this.url = url;
        this.inbox = inbox;
        this.stored = stored;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@Context UriInfo uri, @HeaderParam("X-HubSpot-Signature-v3") String signatureHeader,
                            @HeaderParam("X-HubSpot-Request-Timestamp") String timestampHeader,
                            @HeaderParam("Content-Length") Long contentLength, InputStream bodyStream) throws IOException {
        if (contentLength != null && contentLength > maxBodyBytes) {
            return tooLarge();
        }
        byte[] body = bodyStream.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            return tooLarge();
        }
        SignatureVerdict verdict = signature.verify(new SignedRequest("POST", url.calledUrl(uri.getRequestUri().toString()),
                body, signatureHeader, timestampHeader));
        if (verdict instanceof SignatureVerdict.Refused refused) {
            LOG.warn("HubSpot webhook refused ({}): {}", refused.reason(), refused.detail());
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Map.of("error", "signature refused", "reason", refused.reason().name())).build();
        }
        boolean fresh = inbox.append(HubSpotWebhookNormalizer.SOURCE, DeliveryKey.of(body), clock.instant(),
                new String(body, StandardCharsets.UTF_8));
        if (fresh) {
            stored.run();
        }
        return Response.noContent().build();
    }

    private Response tooLarge() {
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .entity(Map.of("error", "body over " + maxBodyBytes + " bytes: HubSpot sends at most 100 events per request"))
                .build();
    }
}
