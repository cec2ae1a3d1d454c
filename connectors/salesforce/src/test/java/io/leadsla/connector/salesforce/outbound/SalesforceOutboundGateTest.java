package io.leadsla.connector.salesforce.outbound;

import static io.leadsla.connector.salesforce.outbound.Om.ORG;
import static io.leadsla.connector.salesforce.outbound.Om.ORG_15;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.connector.api.WebhookGate;
import io.leadsla.connector.salesforce.SalesforceOutboundGate;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account's gate: the URL's secret first, then the message and its org. */
class SalesforceOutboundGateTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final byte[] GENUINE = Om.message(ORG, Om.notification("04l5e00000Nt001AAB", "Lead",
            "<sf:Id>00Q5e00000AbCdEEAV</sf:Id><sf:Status>Open - Not Contacted</sf:Status>"))
            .getBytes(StandardCharsets.UTF_8);

    private static SalesforceOutboundGate gate(String secret) {
        return new SalesforceOutboundGate(new OutboundMessageGate(SalesforceId.of(ORG_15), new OutboundMessageParser()),
                "salesforce-outbound", secret);
    }

    private static WebhookGate.Request request(String secret) {
        return new WebhookGate.Request("https://leadsla.example.com/webhooks/salesforce" + (secret == null ? "" : "?secret=" + secret),
                Map.of("content-type", "text/xml"), GENUINE, secret);
    }

    @Test
    void theRightSecretAndTheRightOrgPass() {
        WebhookGate.Verdict verdict = gate(SECRET).check(request(SECRET));
        assertThat(verdict).isInstanceOfSatisfying(WebhookGate.Accepted.class, accepted -> {
            assertThat(accepted.source()).isEqualTo("salesforce-outbound");
            assertThat(accepted.reply().status()).isEqualTo(200);
            assertThat(accepted.reply().body()).contains("<Ack>true</Ack>");
        });
    }

    @Test
    void aGenuineLookingMessageWithoutTheSecretIsRefused() {
        for (String given : new String[] {null, "", SECRET.substring(1), SECRET + "0", SECRET.toUpperCase(), "x".repeat(32)}) {
            WebhookGate.Verdict verdict = gate(SECRET).check(request(given));
            assertThat(verdict).as("secret %s", given).isInstanceOfSatisfying(WebhookGate.Refused.class, refused -> {
                assertThat(refused.reply().status()).isEqualTo(403);
                assertThat(refused.reply().body()).contains("faultstring").doesNotContain(SECRET);
                assertThat(refused.reason()).doesNotContain(SECRET);
            });
        }
    }

    @Test
    void withNoSecretConfiguredEveryMessageIsRefused() {
        for (String configured : new String[] {null, " "}) {
            WebhookGate.Verdict verdict = gate(configured).check(request(SECRET));
            assertThat(verdict).isInstanceOfSatisfying(WebhookGate.Refused.class, refused -> {
                assertThat(refused.reply().status()).isEqualTo(403);
                assertThat(refused.reason()).contains("endpointSecret");
            });
        }
    }

    @Test
    void aRequestNeverPrintsItsSecretOrBody() {
        assertThat(request(SECRET).toString()).doesNotContain(SECRET).doesNotContain("00Q5e00000AbCdEEAV")
                .contains("/webhooks/salesforce");
    }
}
