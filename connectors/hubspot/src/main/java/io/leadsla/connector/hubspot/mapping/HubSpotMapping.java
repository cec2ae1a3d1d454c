package io.leadsla.connector.hubspot.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a HubSpot portal's contacts tell leadsla what happened to a lead: which lifecycle stages
 * and lead statuses mean MQL, handoff, accepted, rejected or recycled; which property holds the
 * owner and the rejection reason; which properties policies read as attributes. RevOps writes it
 * in the connector YAML ({@value #YAML_PATH}); every key may be left out and then takes HubSpot's
 * default (see connectors/hubspot/MAPPING.md).
 *
 * <p>Leaving a key out (or giving it no value) keeps its default; an empty list {@code []} means
 * "none". A map given in full replaces its default: {@code attributes} lists every attribute
 * wanted, the default ones included. A mapping is bound as written and checked with
 * {@link #problems()} (without a portal, for {@code check}) and
 * {@link #problems(PortalProperties)} (against the portal's real properties and values).
 *
 * @param lifecycleProperty       the lifecycle stage property
 * @param mqlStages               stages that mean marketing qualified the lead (MQL_QUALIFIED)
 * @param acceptedStages          stages that mean sales accepted it (ACCEPTED)
 * @param recycledStages          stages that mean it went back to nurturing (RECYCLED)
 * @param leadStatusProperty      the lead status property
 * @param handoffStatuses         lead statuses that mean the lead was handed to sales (HANDED_OFF)
 * @param acceptedStatuses        lead statuses that mean sales accepted it (ACCEPTED)
 * @param rejectedStatuses        lead statuses that mean sales rejected it (REJECTED)
 * @param recycledStatuses        lead statuses that mean it went back to nurturing (RECYCLED)
 * @param ownerProperty           the property holding the sales owner's id
 * @param ownerRegions            owner id → region (attribute {@code ownerRegion}, which picks the
 *                                rep's calendar)
 * @param defaultOwnerRegion      the region of an owner not listed in {@code ownerRegions}; none by
 *                                default
 * @param rejectionReasonProperty the property reps fill in with the reason of a rejection
 * @param attributes              event attribute → contact property, for tier rules, calendars and
 *                                required MQL data
 * @param ownPropertyPrefix       prefix of the properties leadsla writes itself: their changes are
 *                                never read back as lead events
 * @param appId                   leadsla's own HubSpot app id: changes made through it are never
 *                                read back as lead events; none by default
 */
public record HubSpotMapping(
        String lifecycleProperty,
        List<String> mqlStages,
        List<String> acceptedStages,
        List<String> recycledStages,
        String leadStatusProperty,
        List<String> handoffStatuses,
        List<String> acceptedStatuses,
        List<String> rejectedStatuses,
        List<String> recycledStatuses,
        String ownerProperty,
        Map<String, String> ownerRegions,
        String defaultOwnerRegion,
        String rejectionReasonProperty,
        Map<String, String> attributes,
        String ownPropertyPrefix,
        String appId) {

    /** Where the mapping sits in the connector YAML; problems name their key under it. */
    public static final String YAML_PATH = "hubspot.mapping";

    public static final String DEFAULT_LIFECYCLE_PROPERTY = "lifecyclestage";
    public static final List<String> DEFAULT_MQL_STAGES = List.of("marketingqualifiedlead");
    public static final List<String> DEFAULT_ACCEPTED_STAGES = List.of("salesqualifiedlead", "opportunity", "customer");
    public static final String DEFAULT_LEAD_STATUS_PROPERTY = "hs_lead_status";
    public static final List<String> DEFAULT_REJECTED_STATUSES = List.of("UNQUALIFIED");
    public static final List<String> DEFAULT_RECYCLED_STATUSES = List.of("BAD_TIMING");
    public static final String DEFAULT_OWNER_PROPERTY = "hubspot_owner_id";
    public static final String DEFAULT_REJECTION_REASON_PROPERTY = "leadsla_rejection_reason";
    public static final String DEFAULT_OWN_PROPERTY_PREFIX = "leadsla_";
    /** The attributes tier rules and calendars of the seed policies read (config/policies.yml). */
    public static final Map<String, String> DEFAULT_ATTRIBUTES = defaultAttributes();

    public HubSpotMapping {
        lifecycleProperty = orDefault(lifecycleProperty, DEFAULT_LIFECYCLE_PROPERTY);
        mqlStages = listOr(mqlStages, DEFAULT_MQL_STAGES);
        acceptedStages = listOr(acceptedStages, DEFAULT_ACCEPTED_STAGES);
        recycledStages = listOr(recycledStages, List.of());
        leadStatusProperty = orDefault(leadStatusProperty, DEFAULT_LEAD_STATUS_PROPERTY);
        handoffStatuses = listOr(handoffStatuses, List.of());
        acceptedStatuses = listOr(acceptedStatuses, List.of());
        rejectedStatuses = listOr(rejectedStatuses, DEFAULT_REJECTED_STATUSES);
        recycledStatuses = listOr(recycledStatuses, DEFAULT_RECYCLED_STATUSES);
        ownerProperty = orDefault(ownerProperty, DEFAULT_OWNER_PROPERTY);
        ownerRegions = mapOf(ownerRegions);
        defaultOwnerRegion = blankToNull(defaultOwnerRegion);
        rejectionReasonProperty = orDefault(rejectionReasonProperty, DEFAULT_REJECTION_REASON_PROPERTY);
        attributes = attributes == null ? DEFAULT_ATTRIBUTES : mapOf(attributes);
        ownPropertyPrefix = orDefault(ownPropertyPrefix, DEFAULT_OWN_PROPERTY_PREFIX);
        appId = blankToNull(appId == null ? null : appId.strip());
    }

    /** HubSpot's defaults, as with an empty {@code mapping:} block. */
    public static HubSpotMapping defaults() {
        return new HubSpotMapping(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public Optional<String> ownAppId() {
        return Optional.ofNullable(appId);
    }

    /**
     * Mistakes visible without a portal (for {@code check}): empty names, a value with two
     * meanings, a property with two roles, owner ids that are not ids. Each names its YAML path
     * and says what to do; empty when the mapping is usable.
     */
    public List<String> problems() {
        return new MappingCheck(this, YAML_PATH).withoutPortal();
    }

    /**
     * {@link #problems()} plus what only the portal can tell: properties it does not have, and
     * stages or statuses that are not values of its properties.
     */
    public List<String> problems(PortalProperties portal) {
        return new MappingCheck(this, YAML_PATH).against(portal);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
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
        attributes.put("leadSource", "hs_analytics_source");
        attributes.put("score", "hubspotscore");
        attributes.put("country", "country");
        return Collections.unmodifiableMap(attributes);
    }
}
