package io.leadsla.connector.salesforce.mapping;

/**
 * Names of the event attributes the Salesforce connector sets itself (docs/SPEC.md and the policies'
 * {@code fields}); a mapped attribute may not take one of them.
 */
public final class LeadAttributes {

    /** The sales owner's id (policies' {@code fields.owner}); empty when a queue owns the lead. */
    public static final String OWNER_ID = "ownerId";
    /** The owner's region, from {@code ownerRegions} (calendars {@code byAttribute: ownerRegion}). */
    public static final String OWNER_REGION = "ownerRegion";
    /** The rejection reason (policies' {@code fields.rejectionReason}). */
    public static final String REASON = "reason";
    /** On CONTACT_ATTEMPT: call, email or meeting. */
    public static final String CHANNEL = "channel";
    /** On CONTACT_ATTEMPT: a call's disposition, when Salesforce has one. */
    public static final String OUTCOME = "outcome";
    /** {@code true} on a CONTACT_ATTEMPT no person made (leadsla's own tasks): never counted. */
    public static final String AUTOMATED = "automated";

    private LeadAttributes() {
    }
}
