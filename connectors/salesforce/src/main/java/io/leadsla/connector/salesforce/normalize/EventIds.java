package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.core.event.Crm;
import java.time.Instant;

/**
 * The ids of the lead events the Salesforce connector makes. A repeated id changes nothing
 * (SPEC.md), so each id names the fact it reports, never the delivery that brought it: an
 * Outbound Message resent by Salesforce, the same lead state read again by a poll, or by a poll
 * and an Outbound Message, all give the same ids. Record ids are always in the 18-character form.
 *
 * <ul>
 *   <li>{@code salesforce:lead:{lead id}:{field}:{epoch ms}} — what one field of a lead's state
 *       means, in the state saved at {@code LastModifiedDate} (epoch milliseconds), e.g.
 *       {@code salesforce:lead:00QWV00000CZjEf2AL:Status:1795420800000}. {@code field} is the API
 *       name as the mapping writes it ({@code Status}, {@code OwnerId}, {@code IsConverted}, the
 *       reason field, an attribute's field). No value in the id: a saved state has one value per
 *       field, so the field and the save time identify it, and the id stays short and free of
 *       personal data;</li>
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

    /** The event of {@code field} in the lead's state saved at {@code savedAt}. */
    public static String leadField(SalesforceId lead, String field, Instant savedAt) {
        return CRM + ":lead:" + lead.value() + ":" + field + ":" + savedAt.toEpochMilli();
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
