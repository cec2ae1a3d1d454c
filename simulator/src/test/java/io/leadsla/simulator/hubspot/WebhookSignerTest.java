package io.leadsla.simulator.hubspot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {
    private static final String DOC_SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";

    @Test
    void matchesHubSpotsPublishedV3TestVector() {
        assertThat(WebhookSigner.v3(DOC_SECRET, "POST", "https://www.example.com/webhook_uri",
                "{'example_field':'example_value'}", 1693657560000L))
                .isEqualTo("K36dawei4A+QBNolUOqo7s91KQDWQ5MXZ/QufNYuk/Y=");
    }

    @Test
    void matchesASignedContactCreationPayloadCapturedFromHubSpot() {
        // The example HubSpot's docs give for a real contact.creation delivery (widely reused in client tests).
        String body = "[{\"eventId\":531833541,\"subscriptionId\":3923621,\"portalId\":48807704,\"appId\":16111050,"
                + "\"occurredAt\":1752613920733,\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,"
                + "\"objectId\":138017612137,\"changeFlag\":\"CREATED\",\"changeSource\":\"CRM_UI\","
                + "\"sourceId\":\"userId:76023669\"}]";
        assertThat(WebhookSigner.v3("cfc68c0b-4b4e-4ef8-b764-95350e4ea479", "POST",
                "https://webhook.site/335453f5-94b3-49d9-b684-a55354d4b8df", body, 1752613922216L))
                .isEqualTo("gbj1XPRvUt0noT7i7fXfTzOD4sLzQmf0VT28ZYq0EYg=");
    }

    @Test
    void matchesHubSpotsPublishedV1Example() {
        String body = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,"
                + "\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,"
                + "\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]";
        assertThat(WebhookSigner.v1(DOC_SECRET, body))
                .isEqualTo("232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de");
    }
}
