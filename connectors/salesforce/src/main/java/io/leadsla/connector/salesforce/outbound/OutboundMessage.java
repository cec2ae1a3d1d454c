package io.leadsla.connector.salesforce.outbound;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Salesforce Outbound Message, as {@link OutboundMessageParser} reads it: the {@code notifications}
 * of one SOAP request.
 *
 * @param organizationId the org that sent it
 * @param actionId       the outbound message action that sent it ({@code 04k…}); null when absent
 * @param sessionIdSent  whether the message carries a session id: a credential leadsla does not
 *                       need, which the action should not send ("Send Session ID" unticked)
 * @param notifications  1 to 100 notifications, in the order sent
 */
public record OutboundMessage(SalesforceId organizationId, String actionId, boolean sessionIdSent,
                              List<Notification> notifications) {

    public OutboundMessage {
        Objects.requireNonNull(organizationId, "organizationId");
        notifications = List.copyOf(notifications);
    }

    /**
     * The notification ids: Salesforce resends an unacknowledged notification under the same id
     * (with the record's latest data), so they identify what a delivery is about.
     */
    public List<SalesforceId> notificationIds() {
        return notifications.stream().map(Notification::id).toList();
    }

    /**
     * One notification: the record a rule fired for, with the fields the action sends.
     *
     * @param id         the notification id ({@code 04l…})
     * @param objectType the sObject's type from {@code xsi:type}, e.g. {@code Lead}
     * @param fields     field name → value in the order sent; null for a field sent as
     *                   {@code xsi:nil="true"}
     */
    public record Notification(SalesforceId id, String objectType, Map<String, String> fields) {

        public Notification {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(objectType, "objectType");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }
}
