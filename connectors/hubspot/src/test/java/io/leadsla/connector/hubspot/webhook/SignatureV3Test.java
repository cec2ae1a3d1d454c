package io.leadsla.connector.hubspot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.connector.hubspot.webhook.SignatureVerdict.Reason;
import io.leadsla.connector.hubspot.webhook.SignatureVerdict.Refused;
import io.leadsla.connector.hubspot.webhook.SignatureVerdict.Verified;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignatureV3Test {

    // HubSpot's published v3 example (developers.hubspot.com, "Validating requests").
    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final String EXAMPLE_URI = "https://www.example.com/webhook_uri";
    private static final byte[] EXAMPLE_BODY = "{'example_field':'example_value'}".getBytes(StandardCharsets.UTF_8);
    private static final long EXAMPLE_TIMESTAMP = 1693657560000L;
    private static final String EXAMPLE_SIGNATURE = "K36dawei4A+QBNolUOqo7s91KQDWQ5MXZ/QufNYuk/Y=";

    // An independent vector: HMAC-SHA256 computed outside Java (Python hmac) over the source string
    // POST + "https://leadsla.example.com/webhooks/hubspot?tag=a:b/c@d&note=x%20y%26z" + body + ts,
    // i.e. with %3A %2F %40 decoded and %20 %26 kept.
    private static final String ENCODED_URL = "https://leadsla.example.com/webhooks/hubspot?tag=a%3Ab%2Fc%40d&note=x%20y%26z";
    private static final byte[] BODY = "[{\"eventId\":1}]".getBytes(StandardCharsets.UTF_8);
    private static final long TIMESTAMP = 1795162500000L;
    private static final String INDEPENDENT_SIGNATURE = "PF9k7FDH16MO770d/84etJmoYnMf8/Lxy3s1Ucx1i4M=";

    private static SignatureV3 at(long epochMillis) {
        return new SignatureV3(SECRET, Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    private static SignedRequest example(String signature, String timestamp) {
        return new SignedRequest("POST", EXAMPLE_URI, EXAMPLE_BODY, signature, timestamp);
    }

    @Test
    void signsHubSpotsPublishedExample() {
        assertThat(at(EXAMPLE_TIMESTAMP).sign("POST", EXAMPLE_URI, EXAMPLE_BODY, EXAMPLE_TIMESTAMP))
                .isEqualTo(EXAMPLE_SIGNATURE);
    }

    @Test
    void verifiesHubSpotsPublishedExample() {
        SignatureVerdict verdict = at(EXAMPLE_TIMESTAMP + 2_000).verify(example(EXAMPLE_SIGNATURE, "1693657560000"));

        assertThat(verdict).isEqualTo(new Verified(Instant.ofEpochMilli(EXAMPLE_TIMESTAMP)));
        assertThat(verdict.verified()).isTrue();
    }

    @Test
    void decodesOnlyTheEscapesHubSpotDecodes() {
        assertThat(SignatureV3.signedUrl("https://h.example/p?q=%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B"))
                .isEqualTo("https://h.example/p?q=:/?@!$'()*,;");
        assertThat(SignatureV3.signedUrl("https://h.example/p?q=%3a%2f")).isEqualTo("https://h.example/p?q=:/");
        // space, ampersand, equals, plus, percent and non-ASCII escapes stay as they are
        assertThat(SignatureV3.signedUrl("https://h.example/p?q=%20%26%3D%2B%25%C3%A9"))
                .isEqualTo("https://h.example/p?q=%20%26%3D%2B%25%C3%A9");
        // nothing is decoded twice, and a dangling % is kept
        assertThat(SignatureV3.signedUrl("https://h.example/p?q=%253A&r=50%")).isEqualTo("https://h.example/p?q=%253A&r=50%");
    }

    @Test
    void matchesAnIndependentlyComputedVectorWithAnEncodedQuery() {
        SignatureV3 v3 = at(TIMESTAMP);

        assertThat(v3.sign("POST", ENCODED_URL, BODY, TIMESTAMP)).isEqualTo(INDEPENDENT_SIGNATURE);
        assertThat(v3.verify(new SignedRequest("POST", ENCODED_URL, BODY, INDEPENDENT_SIGNATURE, "1795162500000")))
                .isInstanceOf(Verified.class);
    }

    @Test
    void refusesAStaleTimestampButAcceptsExactlyFiveMinutes() {
        String signature = at(0).sign("POST", EXAMPLE_URI, EXAMPLE_BODY, EXAMPLE_TIMESTAMP);
        long fiveMinutes = Duration.ofMinutes(5).toMillis();

        assertThat(at(EXAMPLE_TIMESTAMP + fiveMinutes).verify(example(signature, "1693657560000")).verified()).isTrue();
        SignatureVerdict stale = at(EXAMPLE_TIMESTAMP + fiveMinutes + 1).verify(example(signature, "1693657560000"));
        assertThat(stale).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.TOO_OLD);
            assertThat(r.detail()).contains("2023-09-02T12:26:00Z").contains("300 s before now").contains("5 minutes");
        });
    }

    @Test
    void refusesATimestampBeyondTheSkewInTheFuture() {
        String signature = EXAMPLE_SIGNATURE;

        assertThat(at(EXAMPLE_TIMESTAMP - 30_000).verify(example(signature, "1693657560000")).verified()).isTrue();
        assertThat(at(EXAMPLE_TIMESTAMP - 30_001).verify(example(signature, "1693657560000")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.IN_THE_FUTURE));
        SignatureV3 strict = new SignatureV3(SECRET, Clock.fixed(Instant.ofEpochMilli(EXAMPLE_TIMESTAMP - 1),
                ZoneOffset.UTC), Duration.ZERO);
        assertThat(strict.verify(example(signature, "1693657560000")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.IN_THE_FUTURE));
    }

    @Test
    void refusesMissingOrUnreadableHeaders() {
        SignatureV3 v3 = at(EXAMPLE_TIMESTAMP);

        assertThat(reason(v3.verify(example(null, "1693657560000")))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(reason(v3.verify(example("  ", "1693657560000")))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(reason(v3.verify(example(EXAMPLE_SIGNATURE, null)))).isEqualTo(Reason.MISSING_TIMESTAMP);
        assertThat(reason(v3.verify(example(EXAMPLE_SIGNATURE, "")))).isEqualTo(Reason.MISSING_TIMESTAMP);
        assertThat(reason(v3.verify(example(EXAMPLE_SIGNATURE, "2023-09-02T12:26:00Z"))))
                .isEqualTo(Reason.UNREADABLE_TIMESTAMP);
        assertThat(reason(v3.verify(example(EXAMPLE_SIGNATURE, "99999999999999999999"))))
                .isEqualTo(Reason.UNREADABLE_TIMESTAMP);
        assertThat(reason(v3.verify(example("not base64 at all!", "1693657560000")))).isEqualTo(Reason.WRONG_SIGNATURE);
    }

    @Test
    void refusesAWrongSecretATamperedBodyAndAnotherTimestamp() {
        SignatureV3 v3 = at(EXAMPLE_TIMESTAMP);
        String otherSecret = new SignatureV3("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", Clock.systemUTC())
                .sign("POST", EXAMPLE_URI, EXAMPLE_BODY, EXAMPLE_TIMESTAMP);
        byte[] tampered = "{'example_field':'examplE_value'}".getBytes(StandardCharsets.UTF_8);

        assertThat(reason(v3.verify(example(otherSecret, "1693657560000")))).isEqualTo(Reason.WRONG_SIGNATURE);
        assertThat(reason(v3.verify(new SignedRequest("POST", EXAMPLE_URI, tampered, EXAMPLE_SIGNATURE,
                "1693657560000")))).isEqualTo(Reason.WRONG_SIGNATURE);
        assertThat(reason(v3.verify(example(EXAMPLE_SIGNATURE, "1693657560001")))).isEqualTo(Reason.WRONG_SIGNATURE);
        assertThat(reason(v3.verify(new SignedRequest("PUT", EXAMPLE_URI, EXAMPLE_BODY, EXAMPLE_SIGNATURE,
                "1693657560000")))).isEqualTo(Reason.WRONG_SIGNATURE);
        Refused refused = (Refused) v3.verify(example(otherSecret, "1693657560000"));
        assertThat(refused.detail()).contains(EXAMPLE_URI).doesNotContain(SECRET).doesNotContain(EXAMPLE_SIGNATURE);
    }

    @Test
    void behindAProxyVerifiesWithThePublicSchemeAndHost() {
        SignatureV3 v3 = at(TIMESTAMP);
        String forwarded = "http://10.0.0.5:8080/webhooks/hubspot?tag=a%3Ab%2Fc%40d&note=x%20y%26z";
        String called = WebhookUrl.behindProxy("https://leadsla.example.com/").calledUrl(forwarded);

        assertThat(called).isEqualTo(ENCODED_URL);
        assertThat(v3.verify(new SignedRequest("POST", called, BODY, INDEPENDENT_SIGNATURE, "1795162500000")).verified())
                .isTrue();
        String asReceived = WebhookUrl.asReceived().calledUrl(forwarded);
        assertThat(reason(v3.verify(new SignedRequest("POST", asReceived, BODY, INDEPENDENT_SIGNATURE,
                "1795162500000")))).isEqualTo(Reason.WRONG_SIGNATURE);
    }

    @Test
    void aPublicBaseUrlIsOnlySchemeAndHost() {
        assertThat(WebhookUrl.behindProxy("HTTPS://leadsla.example.com:8443").calledUrl("http://x/webhooks/hubspot"))
                .isEqualTo("https://leadsla.example.com:8443/webhooks/hubspot");
        assertThat(WebhookUrl.behindProxy("https://leadsla.example.com")
                .calledUrl(URI.create("http://10.0.0.5:8080/webhooks/hubspot?a=%3A")))
                .isEqualTo("https://leadsla.example.com/webhooks/hubspot?a=%3A");
        assertThat(WebhookUrl.asReceived().calledUrl(URI.create("https://h.example/x?a=%20"))).isEqualTo("https://h.example/x?a=%20");
        assertThatThrownBy(() -> WebhookUrl.behindProxy("https://leadsla.example.com/base"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be only a scheme and a host");
        assertThatThrownBy(() -> WebhookUrl.behindProxy("leadsla.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureV3("", Clock.systemUTC()))
                .hasMessageContaining("HUBSPOT_CLIENT_SECRET");
    }

    private static Reason reason(SignatureVerdict verdict) {
        assertThat(verdict).isInstanceOf(Refused.class);
        return ((Refused) verdict).reason();
    }
}
