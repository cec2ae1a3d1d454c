package io.leadsla.simulator.hubspot;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's request signatures. v3: Base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)),
 * sent as {@code X-HubSpot-Signature-v3} with {@code X-HubSpot-Request-Timestamp}. v1 (still sent for
 * webhooks, with {@code X-HubSpot-Signature-Version: v1}): hex SHA-256 of clientSecret + body.
 */
public final class WebhookSigner {
    private WebhookSigner() {
    }

    public static String v3(String clientSecret, String method, String uri, String body, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((method + uri + body + timestampMillis).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String v1(String clientSecret, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((clientSecret + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
