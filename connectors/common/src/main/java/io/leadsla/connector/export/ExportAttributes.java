package io.leadsla.connector.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names of the event attributes the export importers write. The first five are the defaults the
 * policies read ({@code io.leadsla.core.policy.LeadFields#DEFAULT} for owner, source and reason);
 * the others tell a reader of the events what an export could not say.
 */
public final class ExportAttributes {

    /** The owner as the export shows it: a person's (or queue's) name in both CRMs' exports. */
    public static final String OWNER_ID = "ownerId";
    public static final String LEAD_SOURCE = "leadSource";
    public static final String SCORE = "score";
    public static final String COUNTRY = "country";
    /** The lead status label as exported. */
    public static final String LEAD_STATUS = "leadStatus";
    /** On REJECTED: the rejection reason, when the export has it. */
    public static final String REASON = "reason";
    /** On CONTACT_ATTEMPT: call, email, meeting, sms or social. */
    public static final String CHANNEL = "channel";
    /** HubSpot's "Number of times contacted": a count, since the export has no attempt times. */
    public static final String TIMES_CONTACTED = "timesContacted";
    /** {@code false} on a HANDED_OFF placed at the MQL time because the export has no handoff time. */
    public static final String HANDOFF_TIME_KNOWN = "handoffTimeKnown";
    /**
     * {@code false} on an event whose time stands in for one the export does not have: a date
     * without a time of day, or a last-activity date used as the rejection time.
     */
    public static final String TIME_KNOWN = "timeKnown";

    /** The contact channels docs/SPEC.md allows on CONTACT_ATTEMPT. */
    public static final Set<String> CHANNELS = Set.of("call", "email", "meeting", "sms", "social");

    /**
     * Names the importers set themselves; a configured extra column may not take one of them,
     * or it would silently overwrite what the importer derived.
     */
    public static final Set<String> RESERVED = Set.of(REASON, CHANNEL, HANDOFF_TIME_KNOWN, TIME_KNOWN);

    private ExportAttributes() {
    }

    /**
     * Starts a row's attributes with the ones both CRMs' exports have; a blank cell or a column
     * the file lacks adds nothing. The map is the importer's to add its own to, then
     * {@link #putExtras} (extras last: a configured column overrides a derived one of the same name).
     */
    public static Map<String, String> standard(ExportRow row, Column owner, Column leadSource, Column score,
                                               Column country, Column leadStatus) {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, OWNER_ID, row.get(owner));
        put(attributes, LEAD_SOURCE, row.get(leadSource));
        put(attributes, SCORE, row.get(score));
        put(attributes, COUNTRY, row.get(country));
        put(attributes, LEAD_STATUS, row.get(leadStatus));
        return attributes;
    }

    /** Sets attribute {@code name} unless {@code value} is {@code null} (a blank cell). */
    public static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    /** Copies the configured extra columns (column → attribute name) of {@code row}, in their order. */
    public static void putExtras(Map<String, String> attributes, ExportRow row, Map<Column, String> extras) {
        extras.forEach((column, name) -> put(attributes, name, row.get(column)));
    }

    /** @throws IllegalArgumentException when {@code channel} is not one docs/SPEC.md allows */
    public static String checkChannel(String channel) {
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("contact channel '" + channel + "' is not one of call, email, meeting,"
                    + " sms, social");
        }
        return channel;
    }
}
