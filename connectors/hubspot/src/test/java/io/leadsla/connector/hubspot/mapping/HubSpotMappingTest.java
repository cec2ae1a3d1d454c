package io.leadsla.connector.hubspot.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotMappingTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The portal of a typical account: HubSpot's default stages and statuses, plus leadsla's reason property. */
    static final PortalProperties PORTAL = PortalProperties.of(List.of(
            new PropertyDefinition("lifecyclestage", "enumeration", List.of("subscriber", "lead",
                    "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other")),
            new PropertyDefinition("hs_lead_status", "enumeration", List.of("NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL",
                    "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING")),
            new PropertyDefinition("hubspot_owner_id", "enumeration", List.of()),
            new PropertyDefinition("leadsla_rejection_reason", "enumeration", List.of("No budget", "Competitor")),
            new PropertyDefinition("hs_analytics_source", "enumeration", List.of("ORGANIC_SEARCH", "PAID_SEARCH")),
            new PropertyDefinition("hubspotscore", "number", List.of()),
            new PropertyDefinition("country", "string", List.of()),
            new PropertyDefinition("company_size", "string", List.of())));

    /** Binds the {@code mapping:} block of a connector YAML snippet, as the service does. */
    static HubSpotMapping bind(String yaml) throws Exception {
        JsonNode mapping = YAML.readTree(yaml).path("hubspot").path("mapping");
        return YAML.treeToValue(mapping.isMissingNode() || mapping.isNull() ? YAML.createObjectNode() : mapping,
                HubSpotMapping.class);
    }

    @Test
    void anEmptyMappingTakesHubSpotsDefaults() throws Exception {
        HubSpotMapping mapping = bind("hubspot:\n  mapping: {}\n");

        assertThat(mapping).isEqualTo(HubSpotMapping.defaults());
        assertThat(mapping.lifecycleProperty()).isEqualTo("lifecyclestage");
        assertThat(mapping.mqlStages()).containsExactly("marketingqualifiedlead");
        assertThat(mapping.acceptedStages()).containsExactly("salesqualifiedlead", "opportunity", "customer");
        assertThat(mapping.recycledStages()).isEmpty();
        assertThat(mapping.leadStatusProperty()).isEqualTo("hs_lead_status");
        assertThat(mapping.handoffStatuses()).isEmpty();
        assertThat(mapping.acceptedStatuses()).isEmpty();
        assertThat(mapping.rejectedStatuses()).containsExactly("UNQUALIFIED");
        assertThat(mapping.recycledStatuses()).containsExactly("BAD_TIMING");
        assertThat(mapping.ownerProperty()).isEqualTo("hubspot_owner_id");
        assertThat(mapping.ownerRegions()).isEmpty();
        assertThat(mapping.defaultOwnerRegion()).isNull();
        assertThat(mapping.rejectionReasonProperty()).isEqualTo("leadsla_rejection_reason");
        assertThat(mapping.attributes()).containsExactly(Map.entry("leadSource", "hs_analytics_source"),
                Map.entry("score", "hubspotscore"), Map.entry("country", "country"));
        assertThat(mapping.ownPropertyPrefix()).isEqualTo("leadsla_");
        assertThat(mapping.ownAppId()).isEmpty();
        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.problems(PORTAL)).isEmpty();
    }

    @Test
    void bindsAFullMappingAsWritten() throws Exception {
        HubSpotMapping mapping = bind("""
                hubspot:
                  mapping:
                    mqlStages: [marketingqualifiedlead]
                    acceptedStages: [salesqualifiedlead]
                    recycledStages: [other]
                    handoffStatuses: [OPEN]
                    acceptedStatuses: [CONNECTED]
                    rejectedStatuses: [UNQUALIFIED]
                    recycledStatuses: []
                    ownerRegions:
                      77: EMEA
                      "81": NA
                    defaultOwnerRegion: EMEA
                    attributes:
                      leadSource: hs_analytics_source
                      segment: company_size
                    appId: 1160452
                """);

        assertThat(mapping.recycledStages()).containsExactly("other");
        assertThat(mapping.recycledStatuses()).isEmpty(); // [] means none, not the default
        assertThat(mapping.ownerRegions()).containsExactly(Map.entry("77", "EMEA"), Map.entry("81", "NA"));
        assertThat(mapping.defaultOwnerRegion()).isEqualTo("EMEA");
        // a map given replaces its default: score and country are no longer read
        assertThat(mapping.attributes()).containsExactly(Map.entry("leadSource", "hs_analytics_source"),
                Map.entry("segment", "company_size"));
        assertThat(mapping.appId()).isEqualTo("1160452"); // a YAML number, read as an id
        assertThat(mapping.problems(PORTAL)).isEmpty();
    }

    @Test
    void refusesAnUnknownKey() {
        assertThatThrownBy(() -> bind("hubspot:\n  mapping:\n    mqlStage: [marketingqualifiedlead]\n"))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("\"mqlStage\"");
    }

    @Test
    void namesEachProblemByItsYamlPathWithoutAPortal() throws Exception {
        HubSpotMapping mapping = bind("""
                hubspot:
                  mapping:
                    leadStatusProperty: Lead Status
                    ownerProperty: lifecyclestage
                    mqlStages: []
                    acceptedStages: [customer, ""]
                    recycledStages: [customer]
                    rejectedStatuses: [UNQUALIFIED, BAD_TIMING]
                    ownerRegions: {jane@acme.com: EMEA, 77: ""}
                    attributes: {ownerId: hubspot_owner_id, score: HubSpot Score}
                    ownPropertyPrefix: ""
                    appId: my-app
                """);

        assertThat(mapping.problems()).containsExactly(
                "hubspot.mapping.leadStatusProperty: 'Lead Status' is not an internal property name: HubSpot's internal "
                        + "names are lower case, like hs_lead_status (the label shown in HubSpot is not the name: see "
                        + "Settings → Properties → the property)",
                "hubspot.mapping.ownerProperty: 'lifecyclestage' is already the lifecycleProperty: a property can play "
                        + "only one part in the mapping",
                "hubspot.mapping.mqlStages: is empty, so no contact would ever become an MQL: list the lifecycle stages "
                        + "that mean marketing qualified the lead (HubSpot's is marketingqualifiedlead)",
                "hubspot.mapping.acceptedStages[1]: empty value: give a lifecycle stage, or remove it",
                "hubspot.mapping.recycledStages[0]: 'customer' is also listed under acceptedStages: a lifecycle stage "
                        + "can mean only one thing, keep it in one list",
                "hubspot.mapping.recycledStatuses[0]: 'BAD_TIMING' is also listed under rejectedStatuses: a lead status "
                        + "can mean only one thing, keep it in one list",
                "hubspot.mapping.ownerRegions: 'jane@acme.com' is not a HubSpot owner id: owner ids are numbers such as "
                        + "77 (see Settings → Users & Teams, or GET /crm/v3/owners)",
                "hubspot.mapping.ownerRegions.77: no region: give one (e.g. EMEA), or remove the owner",
                "hubspot.mapping.attributes.ownerId: the owner comes from ownerProperty ('lifecyclestage'): remove "
                        + "this entry",
                "hubspot.mapping.attributes.score: 'HubSpot Score' is not an internal property name: HubSpot's internal "
                        + "names are lower case, like hs_analytics_source (the label shown in HubSpot is not the name: "
                        + "see Settings → Properties → the property)",
                "hubspot.mapping.ownPropertyPrefix: must not be empty: changes to properties with this prefix (the "
                        + "ones leadsla writes) are ignored, and an empty prefix would ignore every change",
                "hubspot.mapping.appId: 'my-app' is not a HubSpot app id: an app id is a number, shown in the app's "
                        + "settings in HubSpot");
    }

    @Test
    void aValueCannotMeanTwoThingsEvenWithinOneList() throws Exception {
        HubSpotMapping mapping = bind("""
                hubspot:
                  mapping:
                    handoffStatuses: [OPEN]
                    acceptedStatuses: [OPEN_DEAL, OPEN_DEAL]
                    rejectedStatuses: [OPEN]
                    attributes: {ownerRegion: owner_region, region: ~}
                    ownerRegions: {77: EMEA}
                """);

        assertThat(mapping.problems()).containsExactly(
                "hubspot.mapping.acceptedStatuses[1]: 'OPEN_DEAL' is listed twice: a lead status can mean only one "
                        + "thing, keep it in one list",
                "hubspot.mapping.rejectedStatuses[0]: 'OPEN' is also listed under handoffStatuses: a lead status can "
                        + "mean only one thing, keep it in one list",
                "hubspot.mapping.attributes.ownerRegion: ownerRegion already comes from ownerRegions / "
                        + "defaultOwnerRegion: use one or the other",
                "hubspot.mapping.attributes.region: names no property: give the contact property's internal name, or "
                        + "remove the entry");
    }

    @Test
    void checksStagesStatusesAndPropertiesAgainstThePortal() throws Exception {
        HubSpotMapping mapping = bind("""
                hubspot:
                  mapping:
                    mqlStages: [mql]
                    recycledStatuses: [Bad Timing]
                    rejectionReasonProperty: rejection_reason
                    attributes: {leadSource: hs_analytics_source, segment: company_segment}
                """);

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.problems(PORTAL)).containsExactly(
                "hubspot.mapping.mqlStages[0]: 'mql' is not a value of the portal's lifecyclestage property (its values: "
                        + "subscriber, lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer, "
                        + "evangelist, other)",
                "hubspot.mapping.recycledStatuses[0]: 'Bad Timing' is not a value of the portal's hs_lead_status "
                        + "property (its values: NEW, OPEN, IN_PROGRESS, OPEN_DEAL, UNQUALIFIED, ATTEMPTED_TO_CONTACT, "
                        + "CONNECTED, BAD_TIMING): did you mean 'BAD_TIMING'? Stages and statuses are written as their "
                        + "internal value, not their label",
                "hubspot.mapping.rejectionReasonProperty: the portal has no contact property 'rejection_reason' (create "
                        + "it, e.g. a dropdown reps fill in when they reject a lead, or name the property you use)",
                "hubspot.mapping.attributes.segment: the portal has no contact property 'company_segment' (check the "
                        + "internal name in HubSpot: Settings → Properties → the property)");
    }

    @Test
    void aPortalWithoutTheDefaultPropertiesIsReportedAndLongValueListsAreCut() {
        List<String> stages = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "stage" + i).toList();
        PortalProperties bare = PortalProperties.of(List.of(
                new PropertyDefinition("lifecyclestage", "enumeration", stages)));

        List<String> problems = HubSpotMapping.defaults().problems(bare);

        assertThat(problems.get(0)).isEqualTo("hubspot.mapping.mqlStages[0]: 'marketingqualifiedlead' is not a value of "
                + "the portal's lifecyclestage property (its values: stage1, stage2, stage3, stage4, stage5, stage6, "
                + "stage7, stage8, stage9, stage10, stage11, stage12, stage13, stage14, stage15, … (5 more))");
        assertThat(problems).contains(
                "hubspot.mapping.leadStatusProperty: the portal has no contact property 'hs_lead_status' (check the "
                        + "internal name in HubSpot: Settings → Properties → the property)",
                "hubspot.mapping.ownerProperty: the portal has no contact property 'hubspot_owner_id' (check the "
                        + "internal name in HubSpot: Settings → Properties → the property)",
                "hubspot.mapping.attributes.country: the portal has no contact property 'country' (check the internal "
                        + "name in HubSpot: Settings → Properties → the property)");
        assertThat(problems).hasSize(4 + 1 + 1 + 1 + 3); // 4 stages, status, owner, reason, 3 attributes
    }
}
