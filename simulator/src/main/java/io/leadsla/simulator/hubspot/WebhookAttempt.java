package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.util.List;

/**
 * One delivery request as sent: the events in it, the status the receiver answered (-1 when it never
 * answered: connection refused or timeout) and the error, if any.
 */
public record WebhookAttempt(Instant sentAt, List<WebhookEvent> events, int status, String error, String body) {

    public WebhookAttempt {
        events = List.copyOf(events);
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
