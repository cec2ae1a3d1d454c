package io.leadsla.connector.api;

import java.util.List;
import java.util.Optional;

/**
 * A connector's incremental poll of one CRM account: from a stored position (a bookmark, as the
 * Singer taps call it), read what changed and say where to resume. The pipeline stores the pages
 * in the inbox and moves the position in one transaction, under the account's lease; the pages
 * are normalized like webhook deliveries.
 */
public interface Poller {

    /** The position's name, e.g. {@code hubspot:62515:contacts}. */
    String cursor();

    /** The CRM account whose lease and API budget the poll spends, e.g. {@code hubspot:62515}. */
    String apiAccount();

    /**
     * Reads a bounded amount of what changed after {@code position} (empty: from the configured
     * start). The position returned is where the next poll starts; it may be behind the last change
     * read (an overlap for the CRM's indexing lag), since the pipeline drops what it has seen.
     */
    Poll poll(Optional<String> position);

    /** What one poll read. {@code caughtUp}: nothing more to read now; poll again after the interval. */
    record Poll(List<Page> pages, String nextPosition, boolean caughtUp) {
        public Poll {
            pages = List.copyOf(pages);
        }
    }

    /** One inbox item: its source (which normalizer reads it), a dedup key, and the body as read. */
    record Page(String source, String dedupKey, String body) {
    }
}
