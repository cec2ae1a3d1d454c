package io.leadsla.simulator.salesforce;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of an outbound message to a listener.
 *
 * @param attempt      1 for the first delivery of these notifications, 2 for the first retry, …
 * @param status       the listener's HTTP status, -1 if there was no answer (connection error, timeout)
 * @param acknowledged whether the answer was HTTP 200 with {@code notificationsResponse/Ack} true
 */
public record OutboundAttempt(Instant at, String actionId, List<String> notificationIds, int attempt, int status,
                              boolean acknowledged, String error, String requestBody, String responseBody) {
    public OutboundAttempt {
        notificationIds = List.copyOf(notificationIds);
    }
}
