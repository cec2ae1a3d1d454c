package io.leadsla.store;

import java.time.Instant;

/** Something a CRM sent, as received. */
public record InboxItem(long id, String source, String dedupKey, Instant receivedAt, String body, int attempts) {
}
