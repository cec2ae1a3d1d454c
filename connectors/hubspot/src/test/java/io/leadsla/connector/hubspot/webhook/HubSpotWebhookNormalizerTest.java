package io.leadsla.connector.hubspot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.hubspot.mapping.HubSpotMapping;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotWebhookNormalizerTest {

    private static final String APP = "1160452";
    private static final HubSpotMapping MAPPING = new HubSpotMapping(null, null, null, null, null, null, null, null,
            null, null, Map.of("77", "EMEA"), null, null, null, null, APP);

    private final HubSpotWebhookNormalizer normalizer = new HubSpotWebhookNormalizer(MAPPING, 62515);

    // An MQL saved together with its score and owner, a repeated event, leadsla's own write-back,
    // a company change and a merge, as one delivery.
    private static final String DELIVERY = """
            [
              {"eventId": 101, "subscriptionId": 25, "portalId": 62515, "appId": 1160452, "occurredAt": 1795162500000,
               "subscriptionType": "contact.propertyChange", "attemptNumber": 0, "objectId": 5101,
               "propertyName": "lifecyclestage", "propertyValue": "marketingqualifiedlead",
               "changeSource": "FORM", "sourceId": "form:abc"},
              {"eventId": 102, "subscriptionId": 26, "portalId": 62515, "appId": 1160452, "occurredAt": 1795162500000,
               "subscriptionType": "contact.propertyChange", "attemptNumber": 0, "objectId": 5101,
               "propertyName": "hubspotscore", "propertyValue": "85", "changeSource": "CALCULATED"},
              {"eventId": 103, "subscriptionId": 27, "portalId": 62515, "appId": 1160452, "occurredAt": 1795162800000,
               "subscriptionType": "contact.propertyChange", "attemptNumber": 0, "objectId": 5101,
               "propertyName": "hubspot_owner_id", "propertyValue": "77", "changeSource": "AUTOMATION_PLATFORM"},
              {"eventId": 103, "subscriptionId": 27, "portalId": 62515, "appId": 1160452, "occurredAt": 1795162800000,
               "subscriptionType": "contact.propertyChange", "attemptNumber": 1, "objectId": 5101,
               "propertyName": "hubspot_owner_id", "propertyValue": "77", "changeSource": "AUTOMATION_PLATFORM"},
              {"eventId": 104, "subscriptionId": 28, "portalId": 62515, "appId": 1160452, "occurredAt": 1795162900000,
               "subscriptionType": "contact.propertyChange", "attemptNumber": 0, "objectId": 5101,
               "propertyName": "hs_lead_status", "propertyValue": "UNQUALIFIED",
               "changeSource": "INTEGRATION", "sourceId": "1160452"},
              {"eventId": 105, "subscriptionId": 29, "portalId": 62515, "appId": 1160452, "occurredAt": 1795162900000,
               "subscriptionType": "company.propertyChange", "objectId": 9, "propertyName": "name",
               "propertyValue": "Acme"},
              {"eventId": 106, "subscriptionId": 30, "portalId": 62515, "appId": 1160452, "occurredAt": 1795163000000,
               "subscriptionType": "contact.merge", "objectId": 5101, "primaryObjectId": 5101,
               "mergedObjectIds": [5102], "newObjectId": 5101, "numberOfPropertiesMoved": 3}
            ]""";

    private static LeadEvent event(String recordId, String what, long ms, EventType type, Map<String, String> attributes) {
        return new LeadEvent("hubspot:contact:" + recordId + ":" + what + ":" + ms, Crm.HUBSPOT, "contact", recordId,
                type, Instant.ofEpochMilli(ms), attributes);
    }

    @Test
    void readsADeliveryIntoLeadEvents() {
        assertThat(normalizer.source()).isEqualTo("hubspot-webhook");
        assertThat(normalizer.normalize(DELIVERY)).containsExactly(
                event("5101", "lifecyclestage", 1795162500000L, EventType.MQL_QUALIFIED, Map.of()),
                event("5101", "hubspotscore", 1795162500000L, EventType.ATTRIBUTES_CHANGED, Map.of("score", "85")),
                event("5101", "hubspot_owner_id", 1795162800000L, EventType.HANDED_OFF,
                        Map.of("ownerId", "77", "ownerRegion", "EMEA")),
                event("5102", "deleted", 1795163000000L, EventType.DELETED, Map.of()));
    }

    @Test
    void isPureTheSameBodyGivesTheSameEvents() {
        assertThat(normalizer.normalize(DELIVERY)).isEqualTo(normalizer.normalize(DELIVERY));
        assertThat(normalizer.normalize("[]")).isEmpty();
    }

    @Test
    void anUnreadableDeliveryIsSetAsideWithItsReason() {
        assertThatThrownBy(() -> normalizer.normalize(DELIVERY.replace("62515", "33")))
                .isInstanceOf(UnreadableDeliveryException.class)
                .hasMessageContaining("event [0] (eventId 101) portalId 33 is not the configured HubSpot account 62515");
        assertThatThrownBy(() -> normalizer.normalize("<html>502 Bad Gateway</html>"))
                .isInstanceOf(UnreadableDeliveryException.class).hasMessageStartingWith("HubSpot webhook delivery: not valid JSON");
    }

    @Test
    void theDeliveryKeyIsTheSha256OfTheRawBody() {
        assertThat(DeliveryKey.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(DeliveryKey.of(DELIVERY)).isEqualTo(DeliveryKey.of(DELIVERY.getBytes(StandardCharsets.UTF_8)))
                .hasSize(64).isNotEqualTo(DeliveryKey.of(DELIVERY + " "));
    }
}
