package io.leadsla.connector.hubspot.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ContactChangeInterpreterTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:15:00Z");
    private static final long MS = 1795162500000L;
    private static final ChangeOrigin USER = new ChangeOrigin("CRM_UI", "userId:45678");
    private static final String APP = "1160452";

    /** The defaults plus what a RevOps team typically adds. */
    private static final HubSpotMapping MAPPING = new HubSpotMapping(null, null, null, List.of("other"), null,
            List.of("OPEN"), List.of("CONNECTED"), null, null, null, Map.of("77", "EMEA", "81", "NA"), null, null,
            null, null, APP);

    private final ContactChangeInterpreter interpreter = new ContactChangeInterpreter(MAPPING);

    private static ContactChange.PropertyChange change(String property, String value) {
        return new ContactChange.PropertyChange("5101", property, value, AT, USER);
    }

    private static LeadEvent event(String property, EventType type, Map<String, String> attributes) {
        return new LeadEvent("hubspot:contact:5101:" + property + ":" + MS, Crm.HUBSPOT, "contact", "5101", type, AT,
                attributes);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("lifecyclestage", "marketingqualifiedlead", EventType.MQL_QUALIFIED, Map.of()),
                Arguments.of("lifecyclestage", "salesqualifiedlead", EventType.ACCEPTED, Map.of()),
                Arguments.of("lifecyclestage", "opportunity", EventType.ACCEPTED, Map.of()),
                Arguments.of("lifecyclestage", "customer", EventType.ACCEPTED, Map.of()),
                Arguments.of("lifecyclestage", "other", EventType.RECYCLED, Map.of()),
                Arguments.of("hs_lead_status", "OPEN", EventType.HANDED_OFF, Map.of()),
                Arguments.of("hs_lead_status", "CONNECTED", EventType.ACCEPTED, Map.of()),
                Arguments.of("hs_lead_status", "UNQUALIFIED", EventType.REJECTED, Map.of()),
                Arguments.of("hs_lead_status", "BAD_TIMING", EventType.RECYCLED, Map.of()),
                Arguments.of("hubspot_owner_id", "77", EventType.HANDED_OFF, Map.of("ownerId", "77", "ownerRegion", "EMEA")),
                Arguments.of("hubspot_owner_id", "81", EventType.HANDED_OFF, Map.of("ownerId", "81", "ownerRegion", "NA")),
                // an owner of no known region clears the previous owner's region
                Arguments.of("hubspot_owner_id", "99", EventType.HANDED_OFF, Map.of("ownerId", "99", "ownerRegion", "")),
                Arguments.of("hubspot_owner_id", "", EventType.OWNER_CHANGED, Map.of("ownerId", "", "ownerRegion", "")),
                Arguments.of("hubspot_owner_id", null, EventType.OWNER_CHANGED, Map.of("ownerId", "", "ownerRegion", "")),
                Arguments.of("leadsla_rejection_reason", "No budget", EventType.ATTRIBUTES_CHANGED,
                        Map.of("reason", "No budget")),
                Arguments.of("leadsla_rejection_reason", "", EventType.ATTRIBUTES_CHANGED, Map.of("reason", "")),
                Arguments.of("hs_analytics_source", "PAID_SEARCH", EventType.ATTRIBUTES_CHANGED,
                        Map.of("leadSource", "PAID_SEARCH")),
                Arguments.of("hubspotscore", "85", EventType.ATTRIBUTES_CHANGED, Map.of("score", "85")),
                Arguments.of("country", "France", EventType.ATTRIBUTES_CHANGED, Map.of("country", "France")),
                Arguments.of("country", " ", EventType.ATTRIBUTES_CHANGED, Map.of("country", "")));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @MethodSource("rules")
    void readsEachMappingRule(String property, String value, EventType type, Map<String, String> attributes) {
        assertThat(interpreter.eventsOf(change(property, value))).containsExactly(event(property, type, attributes));
    }

    @Test
    void changesThatMeanNothingForALeadGiveNoEvent() {
        assertThat(interpreter.eventsOf(change("lifecyclestage", "subscriber"))).isEmpty();
        assertThat(interpreter.eventsOf(change("lifecyclestage", ""))).isEmpty();
        assertThat(interpreter.eventsOf(change("hs_lead_status", "NEW"))).isEmpty();
        assertThat(interpreter.eventsOf(change("hs_lead_status", null))).isEmpty();
        assertThat(interpreter.eventsOf(change("firstname", "Amélie"))).isEmpty();
    }

    @Test
    void withoutOwnerRegionsTheOwnerRegionIsLeftAlone() {
        ContactChangeInterpreter plain = new ContactChangeInterpreter(HubSpotMapping.defaults());

        assertThat(plain.eventsOf(change("hubspot_owner_id", "77")))
                .containsExactly(event("hubspot_owner_id", EventType.HANDED_OFF, Map.of("ownerId", "77")));
        assertThat(plain.eventsOf(change("hubspot_owner_id", "")))
                .containsExactly(event("hubspot_owner_id", EventType.OWNER_CHANGED, Map.of("ownerId", "")));
    }

    @Test
    void aDefaultOwnerRegionCoversOwnersNotListed() {
        HubSpotMapping mapping = new HubSpotMapping(null, null, null, null, null, null, null, null, null, null,
                Map.of("81", "NA"), "EMEA", null, null, null, null);

        assertThat(new ContactChangeInterpreter(mapping).eventsOf(change("hubspot_owner_id", "99")))
                .containsExactly(event("hubspot_owner_id", EventType.HANDED_OFF, Map.of("ownerId", "99", "ownerRegion", "EMEA")));
    }

    @Test
    void aPropertyWithAStageMeaningAndAnAttributeGivesOneEventCarryingBoth() {
        HubSpotMapping mapping = new HubSpotMapping(null, null, null, null, null, null, null, null, null, null, null,
                null, null, Map.of("leadStatus", "hs_lead_status"), null, null);

        assertThat(new ContactChangeInterpreter(mapping).eventsOf(change("hs_lead_status", "UNQUALIFIED")))
                .containsExactly(event("hs_lead_status", EventType.REJECTED, Map.of("leadStatus", "UNQUALIFIED")));
        assertThat(new ContactChangeInterpreter(mapping).eventsOf(change("hs_lead_status", "NEW")))
                .containsExactly(event("hs_lead_status", EventType.ATTRIBUTES_CHANGED, Map.of("leadStatus", "NEW")));
    }

    @Test
    void neverReadsBackWhatLeadslaWrote() {
        // leadsla's own properties, whoever changed them
        assertThat(interpreter.eventsOf(change("leadsla_sla_status", "BREACHED"))).isEmpty();
        assertThat(interpreter.eventsOf(change("leadsla_due_at", "2026-11-20T10:15:00Z"))).isEmpty();
        // any property changed through leadsla's own app (HubSpot writes the bare app id)
        ChangeOrigin ownApp = new ChangeOrigin("INTEGRATION", APP);
        assertThat(interpreter.eventsOf(new ContactChange.PropertyChange("5101", "hs_lead_status", "UNQUALIFIED", AT,
                ownApp))).isEmpty();
        assertThat(interpreter.eventsOf(new ContactChange.PropertyChange("5101", "hubspot_owner_id", "77", AT,
                new ChangeOrigin("api", "appId:" + APP)))).isEmpty();
    }

    @Test
    void readsChangesByOtherAppsUsersAndAPropertyTheMappingNamesUnderTheOwnPrefix() {
        ContactChange.PropertyChange otherApp = new ContactChange.PropertyChange("5101", "hs_lead_status", "UNQUALIFIED",
                AT, new ChangeOrigin("INTEGRATION", "9393361"));
        ContactChange.PropertyChange userWithSameNumber = new ContactChange.PropertyChange("5101", "hs_lead_status",
                "UNQUALIFIED", AT, new ChangeOrigin("CRM_UI", APP));
        ContactChange.PropertyChange workflow = new ContactChange.PropertyChange("5101", "hs_lead_status", "UNQUALIFIED",
                AT, new ChangeOrigin("AUTOMATION_PLATFORM", "enrollmentId:1"));

        assertThat(interpreter.eventsOf(otherApp)).hasSize(1);
        assertThat(interpreter.eventsOf(userWithSameNumber)).hasSize(1);
        assertThat(interpreter.eventsOf(workflow)).hasSize(1);
        // without a configured app id nothing is taken for leadsla's own app
        assertThat(new ContactChangeInterpreter(HubSpotMapping.defaults()).eventsOf(new ContactChange.PropertyChange(
                "5101", "hs_lead_status", "UNQUALIFIED", AT, new ChangeOrigin("INTEGRATION", APP)))).hasSize(1);
        // leadsla_rejection_reason starts with leadsla_ but is the reason reps enter: read
        assertThat(interpreter.isOwnWrite(change("leadsla_rejection_reason", "x"))).isFalse();
        assertThat(interpreter.isOwnWrite(change("leadsla_sla_status", "x"))).isTrue();
    }

    @Test
    void theSameChangeAlwaysGetsTheSameEventId() {
        LeadEvent fromWebhook = interpreter.eventsOf(change("lifecyclestage", "marketingqualifiedlead")).get(0);
        // the poller sees the same change in the property history, with another origin format
        LeadEvent fromHistory = interpreter.eventsOf(new ContactChange.PropertyChange("5101", "lifecyclestage",
                "marketingqualifiedlead", Instant.ofEpochMilli(MS), new ChangeOrigin("CRM_UI", "userId:45678"))).get(0);

        assertThat(fromWebhook.eventId()).isEqualTo("hubspot:contact:5101:lifecyclestage:1795162500000");
        assertThat(fromHistory).isEqualTo(fromWebhook);
        assertThat(interpreter.eventsOf(change("hubspot_owner_id", "77")).get(0).eventId())
                .isEqualTo("hubspot:contact:5101:hubspot_owner_id:1795162500000");
    }

    @Test
    void aDeletionAndAMergeDeleteTheContactsThatAreGone() {
        assertThat(interpreter.eventsOf(new ContactChange.Deletion("5101", AT))).containsExactly(
                new LeadEvent("hubspot:contact:5101:deleted:1795162500000", Crm.HUBSPOT, "contact", "5101",
                        EventType.DELETED, AT, Map.of()));
        // the primary survives: the merged-away contacts are gone
        assertThat(interpreter.eventsOf(new ContactChange.Merge("100", List.of("200", "300"), "100", AT)))
                .extracting(LeadEvent::eventId)
                .containsExactly("hubspot:contact:200:deleted:1795162500000", "hubspot:contact:300:deleted:1795162500000");
        assertThat(interpreter.eventsOf(new ContactChange.Merge("100", List.of("200"), null, AT)))
                .extracting(LeadEvent::recordId).containsExactly("200");
        // a merge that results in a new record: the primary is gone too
        assertThat(interpreter.eventsOf(new ContactChange.Merge("100", List.of("200"), "999", AT)))
                .extracting(LeadEvent::recordId).containsExactly("100", "200");
    }

    @Test
    void namesThePropertiesToWatch() {
        assertThat(interpreter.watchedProperties()).containsExactly("country", "hs_analytics_source", "hs_lead_status",
                "hubspot_owner_id", "hubspotscore", "leadsla_rejection_reason", "lifecyclestage");
    }

    @Test
    void refusesAMappingWithProblems() {
        HubSpotMapping broken = new HubSpotMapping(null, List.of(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        assertThatThrownBy(() -> new ContactChangeInterpreter(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the HubSpot mapping cannot be used: hubspot.mapping.mqlStages: is empty");
    }
}
