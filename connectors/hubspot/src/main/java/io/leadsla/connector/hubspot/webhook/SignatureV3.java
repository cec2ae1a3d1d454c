package io.leadsla.connector.hubspot.webhook;

import io.leadsla.connector.hubspot.webhook.SignatureVerdict.Reason;
import io.leadsla.connector.hubspot.webhook.SignatureVerdict.Refused;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's v3 request signature: Base64 of HMAC-SHA256, keyed with the app's client secret, over
 * method + URL + raw body + timestamp (UTF-8, no separators), where the URL has a fixed set of
 * percent-escapes decoded. Requests signed more than 5 minutes ago are refused, as HubSpot asks;
 * so is a timestamp further ahead than a small clock skew (a signature "from the future" could be
 * replayed for longer than 5 minutes).
 */
public final class SignatureV3 {

    public static final String SIGNATURE_HEADER = "X-HubSpot-Signature-v3";
    public static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";
    /** HubSpot: reject a request whose timestamp is older than 5 minutes. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(30);

    private static final String HMAC = "HmacSHA256";
    // The escapes HubSpot decodes before signing (and no others: %20, %26, %3D… stay encoded).
    private static final String DECODED = ":/?@!$'()*,;";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration maxSkew;

    public SignatureV3(String clientSecret, Clock clock) {
        this(clientSecret, clock, DEFAULT_MAX_SKEW);
    }

    /** @param maxSkew how far in the future a timestamp may be (clock drift between HubSpot and us) */
    public SignatureV3(String clientSecret, Clock clock, Duration maxSkew) {
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("the HubSpot app's client secret is required (HUBSPOT_CLIENT_SECRET)");
        }
        this.key = new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("maxSkew must not be negative");
        }
    }

    /** Checks the request; the timestamp first, so that a stale replay costs no HMAC. */
    public SignatureVerdict verify(SignedRequest request) {
        String signature = request.signature() == null ? "" : request.signature().strip();
        String timestamp = request.timestamp() == null ? "" : request.timestamp().strip();
        if (signature.isEmpty()) {
            return new Refused(Reason.MISSING_SIGNATURE, "no " + SIGNATURE_HEADER + " header: not a signed HubSpot request");
        }
        if (timestamp.isEmpty()) {
            return new Refused(Reason.MISSING_TIMESTAMP, "no " + TIMESTAMP_HEADER + " header: not a signed HubSpot request");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return new Refused(Reason.UNREADABLE_TIMESTAMP, TIMESTAMP_HEADER + " '" + shorten(timestamp)
                    + "' is not epoch milliseconds");
        }
        Instant signedAt = Instant.ofEpochMilli(millis);
        Instant now = clock.instant();
        Duration age = Duration.between(signedAt, now);
        if (age.compareTo(MAX_AGE) > 0) {
            return new Refused(Reason.TOO_OLD, "signed at " + signedAt + ", " + age.toSeconds() + " s before now ("
                    + now + "); at most " + MAX_AGE.toMinutes() + " minutes are accepted: a replayed request, "
                    + "or this server's clock is wrong");
        }
        if (age.negated().compareTo(maxSkew) > 0) {
            return new Refused(Reason.IN_THE_FUTURE, "signed at " + signedAt + ", " + age.negated().toSeconds()
                    + " s after now (" + now + "); at most " + maxSkew.toSeconds() + " s of clock skew are accepted: "
                    + "this server's clock is probably behind (check NTP)");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new Refused(Reason.WRONG_SIGNATURE, SIGNATURE_HEADER + " is not Base64");
        }
        byte[] expected = hmac(request.method(), request.calledUrl(), request.body(), timestamp);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Refused(Reason.WRONG_SIGNATURE, "the signature does not match " + request.method() + " "
                    + signedUrl(request.calledUrl()) + ", the body and the timestamp: a wrong client secret, "
                    + "a proxy that changes the URL (configure the public base URL), or a modified body");
        }
        return new SignatureVerdict.Verified(signedAt);
    }

    /** The v3 signature of a request, as HubSpot computes it (for the simulator and tests). */
    public String sign(String method, String calledUrl, byte[] body, long timestampMillis) {
        return Base64.getEncoder().encodeToString(hmac(method, calledUrl, body, Long.toString(timestampMillis)));
    }

    /**
     * The URL as HubSpot signs it: only {@code %3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B}
     * (either hex case) are decoded; every other escape stays as it is, and nothing is decoded
     * twice ({@code %253A} stays).
     */
    static String signedUrl(String url) {
        StringBuilder out = new StringBuilder(url.length());
        int i = 0;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '%' && i + 2 < url.length()) {
                int code = hex(url.charAt(i + 1)) * 16 + hex(url.charAt(i + 2));
                if (code >= 0 && DECODED.indexOf(code) >= 0) {
                    out.append((char) code);
                    i += 3;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -1_000 : digit;
    }

    // The body enters as the bytes received: decoding and re-encoding it could change them.
    private byte[] hmac(String method, String calledUrl, byte[] body, String timestamp) {
        ByteArrayOutputStream source = new ByteArrayOutputStream(body.length + 256);
        source.writeBytes(method.getBytes(StandardCharsets.UTF_8));
        source.writeBytes(signedUrl(calledUrl).getBytes(StandardCharsets.UTF_8));
        source.writeBytes(body);
        source.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance(HMAC); // not thread-safe: one per call
            mac.init(key);
            return mac.doFinal(source.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
