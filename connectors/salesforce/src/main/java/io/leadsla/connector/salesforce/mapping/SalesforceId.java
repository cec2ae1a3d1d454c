package io.leadsla.connector.salesforce.mapping;

import io.leadsla.connector.salesforce.export.SalesforceIds;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Salesforce record id in its 18-character form, the one the API returns. Salesforce shows
 * 15-character ids in the UI and in reports; those are case-sensitive, and the 18-character form
 * adds three characters that encode the case of the first fifteen. leadsla accepts either and
 * always uses the 18-character form, so that the same lead has one id whether it came from an
 * Outbound Message, a poll or a report export.
 *
 * <p>An 18-character id whose case was lost (e.g. typed in lower case, or kept by a
 * case-insensitive tool) is restored from its suffix, which is what the suffix is for.
 *
 * @param value the 18-character id
 */
public record SalesforceId(String value) {

    /** Users ({@code OwnerId} of a lead owned by a person). */
    public static final String USER_PREFIX = "005";
    /** Queues (and other groups): {@code OwnerId} of a lead waiting in a queue. */
    public static final String QUEUE_PREFIX = "00G";
    public static final String LEAD_PREFIX = "00Q";
    public static final String ORGANIZATION_PREFIX = "00D";

    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    public SalesforceId {
        Objects.requireNonNull(value, "value");
        if (!value.equals(canonical(value))) {
            throw new IllegalArgumentException("'" + value + "' is not an 18-character Salesforce id");
        }
    }

    /** The id written as {@code text} (15 or 18 characters, surrounding blanks ignored); empty when it is not an id. */
    public static Optional<SalesforceId> parse(String text) {
        String id = text == null ? null : canonical(text.strip());
        return id == null ? Optional.empty() : Optional.of(new SalesforceId(id));
    }

    /** @throws IllegalArgumentException when {@code text} is not a 15- or 18-character id */
    public static SalesforceId of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a Salesforce id (15 or 18 letters and digits)"));
    }

    /** The first three characters, which name the object: 005 user, 00G queue, 00Q lead, 00D organization. */
    public String keyPrefix() {
        return value.substring(0, 3);
    }

    public boolean isUser() {
        return keyPrefix().equals(USER_PREFIX);
    }

    public boolean isQueue() {
        return keyPrefix().equals(QUEUE_PREFIX);
    }

    public boolean isLead() {
        return keyPrefix().equals(LEAD_PREFIX);
    }

    public boolean isOrganization() {
        return keyPrefix().equals(ORGANIZATION_PREFIX);
    }

    /** The 15-character, case-sensitive form shown in Salesforce's UI and reports. */
    public String to15() {
        return value.substring(0, 15);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The 18-character form of a 15- or 18-character id, or null. */
    private static String canonical(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return null;
        }
        if (id.length() == 15) {
            return SalesforceIds.to18(id); // null when not letters and digits
        }
        if (SalesforceIds.to18(id) == null) {
            return null;
        }
        String suffix = id.substring(15).toUpperCase(Locale.ROOT);
        StringBuilder first15 = new StringBuilder(15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = SUFFIX_CHARS.indexOf(suffix.charAt(chunk));
            if (bits < 0) {
                return null; // 6–9 never occur in a suffix
            }
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(chunk * 5 + i);
                boolean upper = (bits & (1 << i)) != 0;
                if (Character.isDigit(c)) {
                    if (upper) {
                        return null; // the suffix marks a digit as upper case: not a real id
                    }
                    first15.append(c);
                } else {
                    first15.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
            }
        }
        return first15 + suffix;
    }
}
