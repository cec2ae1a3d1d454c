package io.leadsla.connector.hubspot.webhook;

import java.util.Objects;

/**
 * What a v3 signature covers, plus the two headers, as the HTTP resource received them.
 *
 * @param method          the HTTP method, e.g. {@code POST}
 * @param calledUrl       the full URL HubSpot called, query included (see {@link WebhookUrl})
 * @param body            the raw body bytes, exactly as received (never re-serialized JSON)
 * @param signature       the {@code X-HubSpot-Signature-v3} header, or null
 * @param timestamp       the {@code X-HubSpot-Request-Timestamp} header, or null
 */
public record SignedRequest(String method, String calledUrl, byte[] body, String signature, String timestamp) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(calledUrl, "calledUrl");
        body = body == null ? new byte[0] : body;
    }
}
