package io.leadsla.connector.hubspot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.connector.api.UnreadableDeliveryException;
import io.leadsla.connector.hubspot.mapping.ChangeOrigin;
import io.leadsla.connector.hubspot.mapping.ContactChange;
import io.leadsla.connector.hubspot.webhook.WebhookEvent.Action;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookBatchReaderTest {

    private static final Instant DOCS_TIME = Instant.ofEpochMilli(1462216307945L);

    // The example delivery of HubSpot's webhooks documentation (portal 33), with the field name
    // real deliveries use (subscriptionType).
    private static final String DOCS_EXAMPLE = """
            [
              {
                "objectId": 1246965,
                "propertyName": "lifecyclestage",
                "propertyValue": "subscriber",
                "changeSource": "ACADEMY",
                "eventId": 3816279340,
                "subscriptionId": 25,
                "portalId": 33,
                "appId": 1160452,
                "occurredAt": 1462216307945,
                "subscriptionType": "contact.propertyChange",
                "attemptNumber": 0
              },
              {
                "objectId": 1246978,
                "changeSource": "IMPORT",
                "eventId": 3816279480,
                "subscriptionId": 22,
                "portalId": 33,
                "appId": 1160452,
                "occurredAt": 1462216307945,
                "subscriptionType": "contact.creation",
                "attemptNumber": 0
              }
            ]""";

    private final WebhookBatchReader reader = new WebhookBatchReader(33);

    private static UnreadableDeliveryException refused(WebhookBatchReader reader, String body) {
        try {
            reader.read(body);
        } catch (UnreadableDeliveryException e) {
            return e;
        }
        throw new AssertionError("the delivery was read: " + body);
    }

    private UnreadableDeliveryException refused(String body) {
        return refused(reader, body);
    }

    @Test
    void readsHubSpotsDocumentedExample() {
        WebhookBatch batch = reader.read(DOCS_EXAMPLE);

        assertThat(batch.otherObjectEvents()).isZero();
        assertThat(batch.contactEvents()).containsExactly(
                new WebhookEvent(0, "3816279340", "25", 33, "1160452", DOCS_TIME, "contact.propertyChange",
                        Action.PROPERTY_CHANGE, 0, "1246965", "lifecyclestage", "subscriber", "ACADEMY", null, null,
                        List.of(), null),
                new WebhookEvent(1, "3816279480", "22", 33, "1160452", DOCS_TIME, "contact.creation",
                        Action.CREATION, 0, "1246978", null, null, "IMPORT", null, null, List.of(), null));
        assertThat(batch.contactChanges()).containsExactly(new ContactChange.PropertyChange("1246965", "lifecyclestage",
                "subscriber", DOCS_TIME, new ChangeOrigin("ACADEMY", null)));
    }

    @Test
    void acceptsEventTypeAsTheDocsExampleNamesIt() {
        String body = DOCS_EXAMPLE.replace("\"subscriptionType\"", "\"eventType\"");

        assertThat(reader.read(body).contactEvents()).extracting(WebhookEvent::action)
                .containsExactly(Action.PROPERTY_CHANGE, Action.CREATION);
    }

    @Test
    void readsTheV1SignatureExampleCreation() {
        // HubSpot's v1 request-validation example body (portal 62515).
        String body = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,"
                + "\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,\"changeSource\":\"CRM\","
                + "\"changeFlag\":\"NEW\",\"appId\":54321}]";

        WebhookBatch batch = new WebhookBatchReader(62515).read(body);

        assertThat(batch.contactEvents()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.CREATION);
            assertThat(e.objectId()).isEqualTo("123");
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2019-07-26T04:00:00Z"));
        });
        assertThat(batch.contactChanges()).isEmpty(); // a creation alone says nothing about a lead
    }

    @Test
    void readsDeletionMergeRestoreAndThePrivacyDeletion() {
        String body = """
                [
                  {"eventId": 10, "portalId": 33, "occurredAt": 1795162500000, "subscriptionType": "contact.deletion",
                   "objectId": 5101, "changeSource": "CRM_UI", "sourceId": "userId:45678", "attemptNumber": 1},
                  {"eventId": 11, "portalId": 33, "occurredAt": 1795162600000, "subscriptionType": "contact.merge",
                   "objectId": 100, "primaryObjectId": 100, "mergedObjectIds": [200, 300], "newObjectId": 100,
                   "numberOfPropertiesMoved": 14, "changeSource": "CRM"},
                  {"eventId": 12, "portalId": 33, "occurredAt": 1795162700000, "subscriptionType": "contact.restore",
                   "objectId": 5101},
                  {"eventId": 13, "portalId": 33, "occurredAt": 1795162800000,
                   "subscriptionType": "contact.privacyDeletion", "objectId": 5102}
                ]""";

        WebhookBatch batch = reader.read(body);

        assertThat(batch.contactEvents()).extracting(WebhookEvent::action)
                .containsExactly(Action.DELETION, Action.MERGE, Action.RESTORE, Action.PRIVACY_DELETION);
        assertThat(batch.contactEvents().get(1).mergedObjectIds()).containsExactly("200", "300");
        assertThat(batch.contactChanges()).containsExactly(
                new ContactChange.Deletion("5101", Instant.parse("2026-11-20T08:15:00Z")),
                new ContactChange.Merge("100", List.of("200", "300"), "100", Instant.parse("2026-11-20T08:16:40Z")),
                new ContactChange.Deletion("5102", Instant.parse("2026-11-20T08:20:00Z")));
    }

    @Test
    void ignoresOtherObjectsAndUnknownFieldsAndReadsTheNewPlatformForm() {
        String body = """
                [
                  {"eventId": 1, "portalId": 33, "occurredAt": 1795162500000, "subscriptionType": "company.propertyChange",
                   "objectId": 9, "propertyName": "name", "propertyValue": "Acme"},
                  {"eventId": 2, "portalId": 33, "occurredAt": 1795162500000, "subscriptionType": "deal.creation"},
                  {"eventId": 3, "portalId": 33, "occurredAt": 1795162500000, "subscriptionType": "object.propertyChange",
                   "objectTypeId": "0-3", "objectId": 7, "propertyName": "dealstage", "propertyValue": "won"},
                  {"eventId": 4, "portalId": 33, "occurredAt": 1795162500000, "subscriptionType": "object.propertyChange",
                   "objectTypeId": "0-1", "objectId": 546500061938, "propertyName": "hubspot_owner_id",
                   "propertyValue": "77", "changeSource": "CRM_UI", "sourceId": "userId:98499705",
                   "isSensitive": false, "somethingNew": {"nested": [1, 2]}}
                ]""";

        WebhookBatch batch = reader.read(body);

        assertThat(batch.otherObjectEvents()).isEqualTo(3);
        assertThat(batch.contactChanges()).containsExactly(new ContactChange.PropertyChange("546500061938",
                "hubspot_owner_id", "77", Instant.parse("2026-11-20T08:15:00Z"),
                new ChangeOrigin("CRM_UI", "userId:98499705")));
        assertThat(reader.read("[]").contactEvents()).isEmpty();
        // a contact action HubSpot may add later is kept as OTHER and means nothing
        WebhookBatch future = reader.read("[{\"portalId\": 33, \"occurredAt\": 1, \"subscriptionType\": \"contact.somethingNew\"}]");
        assertThat(future.contactEvents()).extracting(WebhookEvent::action).containsExactly(Action.OTHER);
        assertThat(future.contactChanges()).isEmpty();
    }

    @Test
    void aPropertyClearedArrivesAsNullOrEmpty() {
        String body = """
                [{"eventId": 1, "portalId": 33, "occurredAt": 1795162500000, "subscriptionType": "contact.propertyChange",
                  "objectId": 5101, "propertyName": "hubspot_owner_id", "propertyValue": ""},
                 {"eventId": 2, "portalId": 33, "occurredAt": 1795162500000, "subscriptionType": "contact.propertyChange",
                  "objectId": 5101, "propertyName": "country", "propertyValue": null}]""";

        assertThat(reader.read(body).contactChanges()).extracting(c -> ((ContactChange.PropertyChange) c).cleared())
                .containsExactly(true, true);
    }

    @Test
    void refusesWhatIsNotAnArrayOfEvents() {
        assertThat(refused("").getMessage()).isEqualTo("HubSpot webhook delivery: the body is empty (expected a JSON "
                + "array of events)");
        assertThat(refused("{\"eventId\": 1}").getMessage())
                .isEqualTo("HubSpot webhook delivery: expected a JSON array of events, found an object");
        assertThat(refused("[{\"eventId\": 1,}]").getMessage())
                .isEqualTo("HubSpot webhook delivery: not valid JSON at line 1, column 16: Unexpected character "
                        + "('}' (code 125)): was expecting double-quote to start field name");
        assertThat(refused("[] trailing").getMessage()).startsWith("HubSpot webhook delivery: not valid JSON");
        assertThat(refused("[42]").getMessage())
                .isEqualTo("HubSpot webhook delivery: event [0] is a number, not an event object");
    }

    @Test
    void namesTheEventAndTheFieldThatIsMissing() {
        String noObjectId = DOCS_EXAMPLE.replace("\"objectId\": 1246978,", "");
        String noOccurredAt = DOCS_EXAMPLE.replaceFirst("\"occurredAt\": 1462216307945,", "");
        String noType = DOCS_EXAMPLE.replace("\"subscriptionType\": \"contact.creation\",", "");
        String noProperty = DOCS_EXAMPLE.replace("\"propertyName\": \"lifecyclestage\",", "");

        assertThat(refused(noObjectId).getMessage())
                .isEqualTo("HubSpot webhook delivery: event [1] (eventId 3816279480) has no 'objectId'");
        assertThat(refused(noOccurredAt).getMessage())
                .isEqualTo("HubSpot webhook delivery: event [0] (eventId 3816279340) has no 'occurredAt'");
        assertThat(refused(noType).getMessage())
                .isEqualTo("HubSpot webhook delivery: event [1] (eventId 3816279480) has no 'subscriptionType'");
        assertThat(refused(noProperty).getMessage())
                .isEqualTo("HubSpot webhook delivery: event [0] (eventId 3816279340) has no 'propertyName'");
    }

    @Test
    void namesAFieldOfTheWrongKind() {
        assertThat(refused(DOCS_EXAMPLE.replaceFirst("1462216307945", "\"yesterday\"")).getMessage())
                .isEqualTo("HubSpot webhook delivery: event [0] (eventId 3816279340) 'occurredAt' is not a whole number "
                        + "(epoch milliseconds): 'yesterday'");
        assertThat(refused(DOCS_EXAMPLE.replace("1246978", "\"abc\"")).getMessage())
                .isEqualTo("HubSpot webhook delivery: event [1] (eventId 3816279480) 'objectId' is not a record id "
                        + "(expected a positive whole number): 'abc'");
        assertThat(refused(DOCS_EXAMPLE.replace("\"subscriber\"", "{\"a\": 1}")).getMessage())
                .isEqualTo("HubSpot webhook delivery: event [0] (eventId 3816279340) 'propertyValue' is an object, "
                        + "expected a text value");
        String badMerge = "[{\"eventId\": 5, \"portalId\": 33, \"occurredAt\": 1, \"subscriptionType\": \"contact.merge\","
                + " \"primaryObjectId\": 1, \"mergedObjectIds\": [2, \"x\"]}]";
        assertThat(refused(badMerge).getMessage()).isEqualTo("HubSpot webhook delivery: event [0] (eventId 5) "
                + "'mergedObjectIds'[1] is not a record id (expected a positive whole number): 'x'");
        String noType = "[{\"eventId\": 6, \"portalId\": 33, \"occurredAt\": 1, \"subscriptionType\": \"contact\"}]";
        assertThat(refused(noType).getMessage()).contains("event [0] (eventId 6) subscriptionType 'contact' is not of "
                + "the form object.action");
    }

    @Test
    void refusesADeliveryFromAnotherPortal() {
        UnreadableDeliveryException e = refused(new WebhookBatchReader(62515), DOCS_EXAMPLE);

        assertThat(e.getMessage()).isEqualTo("HubSpot webhook delivery: event [0] (eventId 3816279340) portalId 33 is "
                + "not the configured HubSpot account 62515: the app is installed in another account too (uninstall "
                + "it there), or hubspot.portalId is wrong");
        assertThat(refused(DOCS_EXAMPLE.replaceFirst("\"portalId\": 33,", "")).getMessage())
                .endsWith("event [0] (eventId 3816279340) has no 'portalId'");
    }

    @Test
    void messagesNeverQuotePropertyValues() {
        String body = "[{\"eventId\": 7, \"portalId\": 33, \"occurredAt\": 1, \"subscriptionType\": \"contact.propertyChange\","
                + " \"propertyName\": \"email\", \"propertyValue\": \"jane@example.com\"}]";

        assertThatThrownBy(() -> reader.read(body)).isInstanceOf(UnreadableDeliveryException.class)
                .hasMessageContaining("has no 'objectId'").hasMessageNotContaining("jane@example.com");
    }
}
