package io.leadsla.connector.hubspot;

import io.leadsla.connector.api.WebhookGate;
import io.leadsla.connector.hubspot.webhook.DeliveryKey;
import io.leadsla.connector.hubspot.webhook.HubSpotWebhookNormalizer;
import io.leadsla.connector.hubspot.webhook.SignatureV3;
import io.leadsla.connector.hubspot.webhook.SignatureVerdict;
import io.leadsla.connector.hubspot.webhook.SignedRequest;
import io.leadsla.connector.hubspot.webhook.WebhookUrl;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A HubSpot webhook batch (up to 100 events) passes when its v3 signature, over the URL HubSpot
 * called, the body and the timestamp, is the app's; the answer is 204 once stored, well within
 * HubSpot's 5-second timeout (normalization happens after the answer).
 */
public final class HubSpotWebhookGate implements WebhookGate {

    /** A batch of 100 events is tens of kilobytes; anything near a megabyte is not HubSpot. */
    public static final int MAX_BODY = 1_000_000;

    private final SignatureV3 signature;
    private final WebhookUrl url;
    private final String source;

    /** @param source the inbox source of the account's webhook batches */
    public HubSpotWebhookGate(SignatureV3 signature, WebhookUrl url, String source) {
        this.signature = signature;
        this.url = url;
        this.source = source;
    }

    public HubSpotWebhookGate(SignatureV3 signature, WebhookUrl url) {
        this(signature, url, HubSpotWebhookNormalizer.SOURCE);
    }

    @Override
    public int maxBytes() {
        return MAX_BODY;
    }

    @Override
    public Reply tooLarge() {
        return json(413, "{\"error\":\"body over " + MAX_BODY + " bytes: HubSpot sends at most 100 events per request\"}");
    }

    @Override
    public Verdict check(Request request) {
        SignatureVerdict verdict = signature.verify(new SignedRequest("POST", url.calledUrl(request.calledUrl()),
                request.body(), request.header(SignatureV3.SIGNATURE_HEADER), request.header(SignatureV3.TIMESTAMP_HEADER)));
        if (verdict instanceof SignatureVerdict.Refused refused) {
            return new Refused(json(401, "{\"error\":\"signature refused\",\"reason\":\"" + refused.reason().name() + "\"}"),
                    "HubSpot webhook refused (" + refused.reason() + "): " + refused.detail());
        }
        return new Accepted(source, DeliveryKey.of(request.body()), new String(request.body(), StandardCharsets.UTF_8),
                new Reply(204, null, ""), List.of());
    }

    private static Reply json(int status, String body) {
        return new Reply(status, "application/json", body);
    }
}
