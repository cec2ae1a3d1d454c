package io.leadsla.connector.salesforce.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a Salesforce org's Leads tell leadsla what happened to a lead: which lead statuses mean MQL,
 * handoff, accepted, rejected or recycled; whether an owner that is a person (not a queue) means
 * the handoff; which field holds the rejection reason; which fields policies read as attributes.
 * RevOps writes it in the connector YAML ({@value #YAML_PATH}); every key may be left out and
 * then takes the default of Salesforce's standard lead process (see connectors/salesforce/MAPPING.md).
 *
 * <p>Leaving a key out (or giving it no value) keeps its default; an empty list {@code []} means
 * "none". A map given in full replaces its default. A mapping is bound as written and checked
 * with {@link #problems()} (without the org, for {@code check}) and {@link #problems(OrgSchema)}
 * (against the org's describe of Lead).
 *
 * @param mqlStatuses          statuses that mean marketing qualified the lead (MQL_QUALIFIED)
 * @param handoffStatuses      statuses that mean the lead was handed to sales (HANDED_OFF), for
 *                             orgs that route by status rather than (or before) by owner
 * @param handoffOnUserOwner   whether a lead owned by a user ({@code 005…}) rather than a queue
 *                             ({@code 00G…}) has been handed to sales (HANDED_OFF with the owner)
 * @param acceptedStatuses     statuses that mean sales accepted the lead (ACCEPTED)
 * @param convertedIsAccepted  whether a converted lead ({@code IsConverted}) is accepted
 * @param rejectedStatuses     statuses that mean sales rejected the lead (REJECTED)
 * @param recycledStatuses     statuses that mean it went back to nurturing (RECYCLED)
 * @param rejectionReasonField the Lead field reps fill in with the reason of a rejection
 * @param attributes           event attribute → Lead field (API name), for tier rules, calendars
 *                             and required MQL data
 * @param ownerRegions         owner (user) id → region (attribute {@code ownerRegion}, which picks
 *                             the rep's calendar)
 * @param defaultOwnerRegion   the region of a user not listed in {@code ownerRegions}; none by default
 * @param ownFieldPrefix       prefix of the Lead and Task fields leadsla writes itself: never read
 *                             back as lead events (the rejection reason field excepted: reps fill it)
 * @param integrationUserId    leadsla's own Salesforce user: what it changes is never read back as
 *                             lead events, and tasks it creates never count as contact attempts;
 *                             none by default
 */
public record SalesforceMapping(
        List<String> mqlStatuses,
        List<String> handoffStatuses,
        Boolean handoffOnUserOwner,
        List<String> acceptedStatuses,
        Boolean convertedIsAccepted,
        List<String> rejectedStatuses,
        List<String> recycledStatuses,
        String rejectionReasonField,
        Map<String, String> attributes,
        Map<String, String> ownerRegions,
        String defaultOwnerRegion,
        String ownFieldPrefix,
        String integrationUserId) {

    /** Where the mapping sits in the connector YAML; problems name their key under it. */
    public static final String YAML_PATH = "salesforce.mapping";

    public static final List<String> DEFAULT_MQL_STATUSES = List.of("Open - Not Contacted");
    public static final List<String> DEFAULT_ACCEPTED_STATUSES = List.of("Closed - Converted");
    public static final List<String> DEFAULT_REJECTED_STATUSES = List.of("Closed - Not Converted");
    public static final String DEFAULT_REJECTION_REASON_FIELD = "LeadSLA_Rejection_Reason__c";
    public static final String DEFAULT_OWN_FIELD_PREFIX = "LeadSLA_";
    /** The attributes tier rules and calendars of the seed policies read (config/policies.yml). */
    public static final Map<String, String> DEFAULT_ATTRIBUTES = defaultAttributes();

    public SalesforceMapping {
        mqlStatuses = listOr(mqlStatuses, DEFAULT_MQL_STATUSES);
        handoffStatuses = listOr(handoffStatuses, List.of());
        handoffOnUserOwner = handoffOnUserOwner == null ? Boolean.TRUE : handoffOnUserOwner;
        acceptedStatuses = listOr(acceptedStatuses, DEFAULT_ACCEPTED_STATUSES);
        convertedIsAccepted = convertedIsAccepted == null ? Boolean.TRUE : convertedIsAccepted;
        rejectedStatuses = listOr(rejectedStatuses, DEFAULT_REJECTED_STATUSES);
        recycledStatuses = listOr(recycledStatuses, List.of());
        rejectionReasonField = rejectionReasonField == null ? DEFAULT_REJECTION_REASON_FIELD : rejectionReasonField.strip();
        attributes = attributes == null ? DEFAULT_ATTRIBUTES : mapOf(attributes);
        ownerRegions = mapOf(ownerRegions);
        defaultOwnerRegion = blankToNull(defaultOwnerRegion);
        ownFieldPrefix = ownFieldPrefix == null ? DEFAULT_OWN_FIELD_PREFIX : ownFieldPrefix.strip();
        integrationUserId = blankToNull(integrationUserId == null ? null : integrationUserId.strip());
    }

    /** The defaults, as with an empty {@code mapping:} block. */
    public static SalesforceMapping defaults() {
        return new SalesforceMapping(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** leadsla's own user, in the 18-character form; empty when not configured (or not an id: see {@link #problems()}). */
    public Optional<SalesforceId> integrationUser() {
        return SalesforceId.parse(integrationUserId);
    }

    /**
     * The Task field holding the idempotency key of the tasks leadsla creates: a task with a key is
     * leadsla's own and never a contact attempt.
     */
    public String taskKeyField() {
        return ownFieldPrefix + "Task_Key__c";
    }

    /**
     * Mistakes visible without the org (for {@code check}): an empty {@code mqlStatuses}, a status
     * with two meanings, no way to see a handoff, labels where API names belong, fields leadsla
     * writes mapped as inputs, ids that are not ids. Each names its YAML path and says what to do;
     * empty when the mapping is usable.
     */
    public List<String> problems() {
        return new SalesforceMappingCheck(this, YAML_PATH).withoutOrg();
    }

    /**
     * {@link #problems()} plus what only the org can tell: fields its Lead does not have (or that
     * leadsla's user cannot see), and statuses that are not active values of its Status picklist.
     */
    public List<String> problems(OrgSchema org) {
        return new SalesforceMappingCheck(this, YAML_PATH).against(org);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // Null elements are kept (unmodifiable) so that problems() can name them instead of a
    // NullPointerException from the YAML binding.
    private static List<String> listOr(List<String> value, List<String> fallback) {
        return value == null ? fallback : Collections.unmodifiableList(new ArrayList<>(value));
    }

    private static Map<String, String> mapOf(Map<String, String> value) {
        return value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }

    private static Map<String, String> defaultAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("leadSource", "LeadSource");
        attributes.put("rating", "Rating");
        attributes.put("country", "Country");
        return Collections.unmodifiableMap(attributes);
    }
}
