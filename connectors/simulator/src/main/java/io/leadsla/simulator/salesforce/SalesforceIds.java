package io.leadsla.simulator.salesforce;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: a 3-character key prefix naming the object (00Q Lead, 00T Task, ...), then a
 * 12-character per-record part, then — in the 18-character form the API returns — a 3-character suffix that
 * encodes which of the first 15 characters are upper case, so the id survives case-insensitive systems.
 * The suffix algorithm is Salesforce's published one; the middle part is just a counter here.
 */
final class SalesforceIds {
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
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

    /** Adds the case-encoding suffix to a 15-character id. */
    static String to18(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("not a 15-character id: " + id15);
        }
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return id15 + suffix;
    }

    /**
     * The canonical 18-character id for a 15- or 18-character input, or empty if it is not an id at all
     * (wrong length, characters outside [0-9A-Za-z], or an 18-character id whose suffix doesn't match).
     */
    static Optional<String> normalize(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return Optional.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            if (BASE62.indexOf(id.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        String full = to18(id.substring(0, 15));
        if (id.length() == 18 && !full.substring(15).equals(id.substring(15).toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(full);
    }

    static String to15(String id) {
        return id.length() == 18 ? id.substring(0, 15) : id;
    }
}
