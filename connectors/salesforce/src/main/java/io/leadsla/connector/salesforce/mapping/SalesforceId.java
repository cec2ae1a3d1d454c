package io.leadsla.connector.salesforce.mapping;

import io.leadsla.salesforce.ids.SalesforceIds;
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

    /** The 18-character form of a 15- or 18-character id, or null; the format is salesforce-ids' one. */
    private static String canonical(String id) {
        return SalesforceIds.canonical(id).orElse(null);
    }
}
