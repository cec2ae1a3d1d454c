package io.leadsla.connector.salesforce.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceMappingTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A typical org: Salesforce's standard statuses, leadsla's reason field, the default attributes' fields. */
    static final List<FieldInfo> ORG_FIELDS = List.of(
            new FieldInfo("Id", "id", List.of()),
            new FieldInfo("Status", "picklist", List.of("Open - Not Contacted", "Working - Contacted",
                    "Closed - Converted", "Closed - Not Converted")),
            new FieldInfo("OwnerId", "reference", List.of()),
            new FieldInfo("IsConverted", "boolean", List.of()),
            new FieldInfo("LeadSource", "picklist", List.of("Web", "Phone Inquiry", "Partner Referral")),
            new FieldInfo("Rating", "picklist", List.of("Hot", "Warm", "Cold")),
            new FieldInfo("Country", "string", List.of()),
            new FieldInfo("Segment__c", "picklist", List.of("SMB", "Enterprise")),
            new FieldInfo("LeadSLA_Rejection_Reason__c", "picklist", List.of("No budget", "Competitor")));
    static final OrgSchema ORG = OrgSchema.of(ORG_FIELDS);

    /** Binds the {@code mapping:} block of a connector YAML snippet, as the service does. */
    static SalesforceMapping bind(String yaml) throws Exception {
        JsonNode mapping = YAML.readTree(yaml).path("salesforce").path("mapping");
        return YAML.treeToValue(mapping.isMissingNode() || mapping.isNull() ? YAML.createObjectNode() : mapping,
                SalesforceMapping.class);
    }

    @Test
    void an_empty_mapping_takes_salesforces_standard_lead_process() throws Exception {
        SalesforceMapping mapping = bind("salesforce:\n  mapping: {}\n");

        assertThat(mapping).isEqualTo(SalesforceMapping.defaults());
        assertThat(mapping.mqlStatuses()).containsExactly("Open - Not Contacted");
        assertThat(mapping.handoffStatuses()).isEmpty();
        assertThat(mapping.handoffOnUserOwner()).isTrue();
        assertThat(mapping.acceptedStatuses()).containsExactly("Closed - Converted");
        assertThat(mapping.convertedIsAccepted()).isTrue();
        assertThat(mapping.rejectedStatuses()).containsExactly("Closed - Not Converted");
        assertThat(mapping.recycledStatuses()).isEmpty();
        assertThat(mapping.rejectionReasonField()).isEqualTo("LeadSLA_Rejection_Reason__c");
        assertThat(mapping.attributes()).containsExactly(Map.entry("leadSource", "LeadSource"),
                Map.entry("rating", "Rating"), Map.entry("country", "Country"));
        assertThat(mapping.ownerRegions()).isEmpty();
        assertThat(mapping.defaultOwnerRegion()).isNull();
        assertThat(mapping.ownFieldPrefix()).isEqualTo("LeadSLA_");
        assertThat(mapping.integrationUser()).isEmpty();
        assertThat(mapping.taskKeyField()).isEqualTo("LeadSLA_Task_Key__c");
        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.problems(ORG)).isEmpty();
    }

    @Test
    void binds_a_full_mapping_as_written() throws Exception {
        SalesforceMapping mapping = bind("""
                salesforce:
                  mapping:
                    mqlStatuses: [Open - Not Contacted]
                    handoffStatuses: [Working - Contacted]
                    handoffOnUserOwner: false
                    acceptedStatuses: []
                    convertedIsAccepted: true
                    rejectedStatuses: [Closed - Not Converted]
                    recycledStatuses: []
                    rejectionReasonField: LeadSLA_Rejection_Reason__c
                    attributes:
                      leadSource: LeadSource
                      segment: Segment__c
                    ownerRegions:
                      0055e000001RepA: EMEA
                      0055e000001RepBAAS: NA
                    defaultOwnerRegion: EMEA
                    integrationUserId: 0055e000001LsLa
                """);

        assertThat(mapping.handoffStatuses()).containsExactly("Working - Contacted");
        assertThat(mapping.handoffOnUserOwner()).isFalse();
        assertThat(mapping.acceptedStatuses()).isEmpty(); // [] means none, not the default
        // a map given replaces its default: rating and country are no longer read
        assertThat(mapping.attributes()).containsExactly(Map.entry("leadSource", "LeadSource"),
                Map.entry("segment", "Segment__c"));
        assertThat(mapping.ownerRegions()).containsExactly(Map.entry("0055e000001RepA", "EMEA"),
                Map.entry("0055e000001RepBAAS", "NA"));
        assertThat(mapping.integrationUser()).contains(SalesforceId.of("0055e000001LsLaAAK"));
        assertThat(mapping.problems(ORG)).isEmpty();
    }

    @Test
    void refuses_an_unknown_key() {
        assertThatThrownBy(() -> bind("salesforce:\n  mapping:\n    mqlStatus: [Open - Not Contacted]\n"))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("\"mqlStatus\"");
    }

    @Test
    void names_each_problem_by_its_yaml_path_without_the_org() throws Exception {
        SalesforceMapping mapping = bind("""
                salesforce:
                  mapping:
                    mqlStatuses: []
                    handoffOnUserOwner: false
                    acceptedStatuses: [Closed - Converted, ""]
                    rejectedStatuses: [Closed - Converted]
                    rejectionReasonField: Rejection Reason
                    attributes: {ownerId: OwnerId, rating: Lead Rating, tier: LeadSLA_Tier__c, source: Rating}
                    ownerRegions: {00G5e000000MktQ: EMEA, 0055e000001RepA: "", 0055e000001RepAAAS: NA}
                    integrationUserId: leadsla@acme.com
                """);

        assertThat(mapping.problems()).containsExactly(
                "salesforce.mapping.mqlStatuses: is empty, so no lead would ever become an MQL: list the lead statuses "
                        + "that mean marketing qualified the lead (Salesforce's standard one is 'Open - Not Contacted')",
                "salesforce.mapping.acceptedStatuses[1]: empty value: give a lead status, or remove it",
                "salesforce.mapping.rejectedStatuses[0]: 'Closed - Converted' is also listed under acceptedStatuses: a "
                        + "lead status can mean only one thing, keep it in one list",
                "salesforce.mapping.handoffOnUserOwner: is false and handoffStatuses is empty, so no lead would ever be "
                        + "handed to sales: set handoffOnUserOwner: true (the handoff is a person becoming the owner), "
                        + "or list the statuses that mean the handoff under handoffStatuses",
                "salesforce.mapping.rejectionReasonField: 'Rejection Reason' is not a field API name (Setup → Object "
                        + "Manager → Lead → Fields & Relationships shows each field's API name, e.g. LeadSource, not the "
                        + "label 'Lead Source'; custom fields end in __c)",
                "salesforce.mapping.attributes.ownerId: the owner always comes from the lead's OwnerId: remove this entry",
                "salesforce.mapping.attributes.rating: 'Lead Rating' is not a field API name (Setup → Object Manager → "
                        + "Lead → Fields & Relationships shows each field's API name, e.g. LeadSource, not the label "
                        + "'Lead Source'; custom fields end in __c)",
                "salesforce.mapping.attributes.tier: 'LeadSLA_Tier__c' is one of leadsla's own fields (prefix "
                        + "LeadSLA_): leadsla writes those and never reads them back, map another field",
                "salesforce.mapping.ownerRegions: '00G5e000000MktQ' is not a Salesforce user id: owner ids start with "
                        + "005 and have 15 or 18 characters (the URL of the user's page in Setup → Users shows it); "
                        + "queues (00G…) have no region",
                "salesforce.mapping.ownerRegions.0055e000001RepA: no region: give one (e.g. EMEA), or remove the owner",
                "salesforce.mapping.ownerRegions.0055e000001RepAAAS: is the same user as '0055e000001RepA' (15- and "
                        + "18-character forms of one id): keep one entry",
                "salesforce.mapping.integrationUserId: 'leadsla@acme.com' is not a Salesforce user id: give the id of "
                        + "the user leadsla connects as (15 or 18 characters starting with 005, shown in the URL of the "
                        + "user's page in Setup → Users)");
    }

    @Test
    void a_status_cannot_mean_two_things_even_within_one_list() throws Exception {
        SalesforceMapping mapping = bind("""
                salesforce:
                  mapping:
                    mqlStatuses: [Open - Not Contacted, Open - Not Contacted]
                    recycledStatuses: [Open - Not Contacted]
                    convertedIsAccepted: false
                    acceptedStatuses: []
                """);

        assertThat(mapping.problems()).containsExactly(
                "salesforce.mapping.mqlStatuses[1]: 'Open - Not Contacted' is listed twice: a lead status can mean only "
                        + "one thing, keep it in one list",
                "salesforce.mapping.recycledStatuses[0]: 'Open - Not Contacted' is also listed under mqlStatuses: a lead "
                        + "status can mean only one thing, keep it in one list",
                "salesforce.mapping.convertedIsAccepted: is false and acceptedStatuses is empty, so no lead would ever be "
                        + "accepted: set convertedIsAccepted: true, or list the statuses that mean sales accepted the lead");
    }

    @Test
    void checks_fields_and_statuses_against_the_orgs_describe_of_lead() throws Exception {
        SalesforceMapping mapping = bind("""
                salesforce:
                  mapping:
                    mqlStatuses: [Open - not contacted, MQL]
                    rejectedStatuses: [Closed - Not Converted]
                    rejectionReasonField: Reject_Reason__c
                    attributes: {leadSource: LeadSource, rating: Ratng, segment: Segment, region: Region__c}
                """);

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.problems(ORG)).containsExactly(
                "salesforce.mapping.mqlStatuses[0]: 'Open - not contacted' is not an active value of the org's Lead "
                        + "Status picklist: did you mean 'Open - Not Contacted'? Its values: Open - Not Contacted, "
                        + "Working - Contacted, Closed - Converted, Closed - Not Converted (write a value exactly as Setup "
                        + "→ Object Manager → Lead → Fields & Relationships → Lead Status lists it)",
                "salesforce.mapping.mqlStatuses[1]: 'MQL' is not an active value of the org's Lead Status picklist. Its "
                        + "values: Open - Not Contacted, Working - Contacted, Closed - Converted, Closed - Not Converted "
                        + "(write a value exactly as Setup → Object Manager → Lead → Fields & Relationships → Lead Status "
                        + "lists it)",
                "salesforce.mapping.rejectionReasonField: the org's Lead has no field 'Reject_Reason__c' that leadsla's "
                        + "user can see (create it, e.g. a picklist reps fill in when they reject a lead, or name the "
                        + "field you use)",
                "salesforce.mapping.attributes.rating: the org's Lead has no field 'Ratng' that leadsla's user can see: "
                        + "did you mean 'Rating'? (write the field's API name, not its label: Setup → Object Manager → "
                        + "Lead → Fields & Relationships; if the field exists, give leadsla's user read access to it, "
                        + "field-level security)",
                "salesforce.mapping.attributes.segment: the org's Lead has no field 'Segment' that leadsla's user can "
                        + "see: did you mean 'Segment__c'? (write the field's API name, not its label: Setup → Object "
                        + "Manager → Lead → Fields & Relationships; if the field exists, give leadsla's user read access "
                        + "to it, field-level security)",
                "salesforce.mapping.attributes.region: the org's Lead has no field 'Region__c' that leadsla's user can "
                        + "see (write the field's API name, not its label: Setup → Object Manager → Lead → Fields & "
                        + "Relationships; if the field exists, give leadsla's user read access to it, field-level "
                        + "security)");
    }

    @Test
    void the_default_reason_field_missing_means_setup_has_not_run_and_field_names_are_case_insensitive() throws Exception {
        List<FieldInfo> withoutReason = new ArrayList<>(ORG_FIELDS);
        withoutReason.removeIf(f -> f.name().equals("LeadSLA_Rejection_Reason__c"));
        SalesforceMapping lowerCase = bind("""
                salesforce:
                  mapping:
                    attributes: {leadSource: leadsource}
                """);

        assertThat(SalesforceMapping.defaults().problems(OrgSchema.of(withoutReason))).containsExactly(
                "salesforce.mapping.rejectionReasonField: the org's Lead has no field 'LeadSLA_Rejection_Reason__c' "
                        + "that leadsla's user can see (run `setup` to create it, or name the field your reps fill in "
                        + "when they reject a lead)");
        assertThat(lowerCase.problems(ORG)).isEmpty();
    }

    @Test
    void a_standard_field_hidden_from_leadslas_user_is_reported() {
        OrgSchema hidden = OrgSchema.of(ORG_FIELDS.stream().filter(f -> !f.name().equals("IsConverted")).toList());

        assertThat(SalesforceMapping.defaults().problems(hidden)).containsExactly(
                "salesforce.mapping: the org's Lead has no field 'IsConverted' that leadsla's user can see (a standard "
                        + "Lead field: give leadsla's user read access to it, field-level security)");
    }
}
