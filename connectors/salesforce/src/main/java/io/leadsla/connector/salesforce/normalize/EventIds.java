package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.core.event.Crm;
import java.time.Instant;

/**
 * The ids of the lead events the Salesforce connector makes. A repeated id changes nothing
 * (docs/SPEC.md), so each id names the fact it reports, never the delivery that brought it: an
 * Outbound Message resent by Salesforce, the same lead state read again by a poll, or by a poll
 * and an Outbound Message, all give the same ids. Record ids are always in the 18-character form.
 *
 * <ul>
 *   <li>{@code salesforce:lead:{lead id}:{field}:{epoch ms}:{value digest}} — what one field of a
 *       lead's state means, in the state saved at {@code LastModifiedDate}, e.g.
 *       {@code salesforce:lead:00QWV00000CZjEf2AL:Status:1795420800000:3f1e9a0b}. {@code field} is
 *       the API name as the mapping writes it ({@code Status}, {@code OwnerId}, {@code IsConverted},
 *       the reason field, an attribute's field); the digest is the first 8 hex digits of the
 *       value's SHA-256 (Salesforce stamps saves to the second: two saves of one second differ by
 *       their values; the digest keeps personal data out of the id);</li>
 *   <li>{@code salesforce:lead:{lead id}:history:{LeadHistory id}} — one LeadHistory row;</li>
 *   <li>{@code salesforce:lead:{lead id}:created:{epoch ms}} — the MQL of a lead created with a
 *       qualifying status (polling: the status it was created with comes from its first Status
 *       history row);</li>
 *   <li>{@code salesforce:task:{Task id}} and {@code salesforce:event:{Event id}} — a contact
 *       attempt.</li>
 * </ul>
 */
public final class EventIds {

    private static final String CRM = Crm.SALESFORCE.id();

    private EventIds() {
    }

    /**
     * The event of {@code field} holding {@code value} in the lead's state saved at {@code savedAt}.
     * The value's short digest is part of the id: Salesforce stamps saves to the second, so two
     * saves of one second (a web-to-lead create, then its assignment) hold different values under
     * one stamp, and must not collapse into one event.
     */
    public static String leadField(SalesforceId lead, String field, Instant savedAt, String value) {
        return CRM + ":lead:" + lead.value() + ":" + field + ":" + savedAt.toEpochMilli() + ":" + digest(value);
    }

    /**
     * The first 8 hex digits of the value's SHA-256: short, and no personal data in the id. A record
     * id counts in its 18-character form (an Outbound Message and a report may spell it in 15).
     */
    static String digest(String value) {
        String text = value == null ? "" : value.strip();
        text = SalesforceId.parse(text).map(SalesforceId::value).orElse(text);
        return io.leadsla.connector.Sha256.hex(text).substring(0, 8);
    }

    /** The MQL of a lead created with a qualifying status, at its CreatedDate. */
    public static String leadCreated(SalesforceId lead, Instant createdAt) {
        return CRM + ":lead:" + lead.value() + ":created:" + createdAt.toEpochMilli();
    }

    /** The event of one LeadHistory row. */
    public static String leadHistory(SalesforceId lead, SalesforceId historyRow) {
        return CRM + ":lead:" + lead.value() + ":history:" + historyRow.value();
    }

    /** The contact attempt of a Task ({@code task}) or an Event ({@code event}). */
    public static String activity(LeadChange.Activity.Kind kind, SalesforceId activity) {
        return CRM + ":" + (kind == LeadChange.Activity.Kind.TASK ? "task" : "event") + ":" + activity.value();
    }
}
