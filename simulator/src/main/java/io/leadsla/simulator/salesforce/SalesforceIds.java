package io.leadsla.simulator.salesforce;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: a 3-character key prefix naming the object (00Q Lead, 00T Task, ...), then a
 * 12-character per-record part, then — in the 18-character form the API returns — a 3-character suffix that
 * encodes which of the first 15 characters are upper case, so the id survives case-insensitive systems.
 * The format itself (the suffix) is {@link io.leadsla.salesforce.ids.SalesforceIds}, shared with the connector
 * that talks to this simulator; what is here is the simulator's own: generating ids, and its stricter reading
 * of 18-character ids. The middle part is just a counter.
 */
final class SalesforceIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The pod/instance part every simulated id shares, after the key prefix (like "5g0000" in real ids). */
    private final String instancePart;
    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    SalesforceIds(String orgId) {
        // Real ids of one org share the characters after the prefix (server/pod); borrow them from the org id.
        this.instancePart = orgId.substring(3, 6);
    }

    /** A fresh 18-character id with this key prefix. */
    String next(String keyPrefix) {
        long n = counters.computeIfAbsent(keyPrefix, k -> new AtomicLong(1)).getAndIncrement();
        StringBuilder counter = new StringBuilder();
        long v = n;
        do {
            counter.insert(0, BASE62.charAt((int) (v % 62)));
            v /= 62;
        } while (v > 0);
        String body = keyPrefix + instancePart + "0".repeat(9 - counter.length()) + counter;
        return to18(body);
    }

    /**
     * Adds the case-encoding suffix to a 15-character id.
     *
     * @throws IllegalArgumentException when {@code id15} is not 15 letters and digits
     */
    static String to18(String id15) {
        return io.leadsla.salesforce.ids.SalesforceIds.to18(id15);
    }

    /**
     * The canonical 18-character id for a 15- or 18-character input, or empty if it is not an id at all
     * (wrong length, characters outside [0-9A-Za-z], or an 18-character id whose suffix doesn't match).
     */
    static Optional<String> normalize(String id) {
        // Stricter than the shared canonical form, which restores a lost case from the suffix: here the first
        // 15 characters must already be in the case the suffix records, so a case-mangled id is an unknown id.
        return io.leadsla.salesforce.ids.SalesforceIds.canonical(id)
                .filter(full -> full.regionMatches(0, id, 0, 15));
    }

    static String to15(String id) {
        return id.length() == 18 ? id.substring(0, 15) : id;
    }
}
