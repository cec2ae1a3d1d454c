package io.leadsla.connector.hubspot.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@link HubSpotMapping}. Every problem starts with the YAML path of the value and says
 * what to do, because the reader is RevOps at a terminal, not a developer at a debugger.
 */
final class MappingCheck {

    // HubSpot's internal names are lower case; a label ("Lead Status") is the usual mistake.
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final int VALUES_SHOWN = 15;

    private final HubSpotMapping m;
    private final String path;

    MappingCheck(HubSpotMapping mapping, String path) {
        this.m = mapping;
        this.path = path;
    }

    List<String> withoutPortal() {
        List<String> problems = new ArrayList<>();
        Map<String, String> roleOf = new LinkedHashMap<>();
        role(problems, roleOf, "lifecycleProperty", m.lifecycleProperty(), HubSpotMapping.DEFAULT_LIFECYCLE_PROPERTY);
        role(problems, roleOf, "leadStatusProperty", m.leadStatusProperty(), HubSpotMapping.DEFAULT_LEAD_STATUS_PROPERTY);
        role(problems, roleOf, "ownerProperty", m.ownerProperty(), HubSpotMapping.DEFAULT_OWNER_PROPERTY);
        role(problems, roleOf, "rejectionReasonProperty", m.rejectionReasonProperty(),
                HubSpotMapping.DEFAULT_REJECTION_REASON_PROPERTY);

        if (m.mqlStages().isEmpty()) {
            problems.add(at("mqlStages") + "is empty, so no contact would ever become an MQL: list the lifecycle "
                    + "stages that mean marketing qualified the lead (HubSpot's is marketingqualifiedlead)");
        }
        oneMeaningEach(problems, "lifecycle stage", List.of(Map.entry("mqlStages", m.mqlStages()),
                Map.entry("acceptedStages", m.acceptedStages()), Map.entry("recycledStages", m.recycledStages())));
        oneMeaningEach(problems, "lead status", List.of(Map.entry("handoffStatuses", m.handoffStatuses()),
                Map.entry("acceptedStatuses", m.acceptedStatuses()), Map.entry("rejectedStatuses", m.rejectedStatuses()),
                Map.entry("recycledStatuses", m.recycledStatuses())));

        ownerRegions(problems);
        attributes(problems);

        if (m.ownPropertyPrefix().isBlank()) {
            problems.add(at("ownPropertyPrefix") + "must not be empty: changes to properties with this prefix "
                    + "(the ones leadsla writes) are ignored, and an empty prefix would ignore every change");
        }
        if (m.appId() != null && !NUMBER.matcher(m.appId()).matches()) {
            problems.add(at("appId") + "'" + m.appId() + "' is not a HubSpot app id: an app id is a number, "
                    + "shown in the app's settings in HubSpot");
        }
        return problems;
    }

    List<String> against(PortalProperties portal) {
        List<String> problems = withoutPortal();
        String checkName = " (check the internal name in HubSpot: Settings → Properties → the property)";
        property(problems, portal, "lifecycleProperty", m.lifecycleProperty(), checkName).ifPresent(p -> {
            valuesOf(problems, p, "mqlStages", m.mqlStages());
            valuesOf(problems, p, "acceptedStages", m.acceptedStages());
            valuesOf(problems, p, "recycledStages", m.recycledStages());
        });
        property(problems, portal, "leadStatusProperty", m.leadStatusProperty(), checkName).ifPresent(p -> {
            valuesOf(problems, p, "handoffStatuses", m.handoffStatuses());
            valuesOf(problems, p, "acceptedStatuses", m.acceptedStatuses());
            valuesOf(problems, p, "rejectedStatuses", m.rejectedStatuses());
            valuesOf(problems, p, "recycledStatuses", m.recycledStatuses());
        });
        property(problems, portal, "ownerProperty", m.ownerProperty(), checkName);
        property(problems, portal, "rejectionReasonProperty", m.rejectionReasonProperty(),
                " (create it, e.g. a dropdown reps fill in when they reject a lead, or name the property you use)");
        m.attributes().forEach((attribute, property) ->
                property(problems, portal, "attributes." + attribute, property, checkName));
        return problems;
    }

    private void role(List<String> problems, Map<String, String> roleOf, String key, String property, String dflt) {
        if (!propertyName(problems, key, property, dflt)) {
            return;
        }
        String other = roleOf.putIfAbsent(property, key);
        if (other != null) {
            problems.add(at(key) + "'" + property + "' is already the " + other
                    + ": a property can play only one part in the mapping");
        }
    }

    /** Whether the name is usable; reports it when not. */
    private boolean propertyName(List<String> problems, String key, String property, String example) {
        if (property == null || property.isBlank()) {
            problems.add(at(key) + "names no property: give the contact property's internal name"
                    + (example == null ? ", or remove the entry" : " (leave the key out for HubSpot's '" + example + "')"));
            return false;
        }
        if (!PROPERTY_NAME.matcher(property).matches()) {
            problems.add(at(key) + "'" + property + "' is not an internal property name: HubSpot's internal names "
                    + "are lower case, like " + (example == null ? "hs_analytics_source" : example)
                    + " (the label shown in HubSpot is not the name: see Settings → Properties → the property)");
            return false;
        }
        return true;
    }

    private void oneMeaningEach(List<String> problems, String kind, List<Map.Entry<String, List<String>>> lists) {
        Map<String, String> meaningOf = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> list : lists) {
            String key = list.getKey();
            List<String> values = list.getValue();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value == null || value.isBlank()) {
                    problems.add(at(key + "[" + i + "]") + "empty value: give a " + kind + ", or remove it");
                    continue;
                }
                String first = meaningOf.putIfAbsent(value, key);
                if (first != null) {
                    problems.add(at(key + "[" + i + "]") + "'" + value + "' is "
                            + (first.equals(key) ? "listed twice" : "also listed under " + first)
                            + ": a " + kind + " can mean only one thing, keep it in one list");
                }
            }
        }
    }

    private void ownerRegions(List<String> problems) {
        m.ownerRegions().forEach((owner, region) -> {
            if (owner == null || !NUMBER.matcher(owner.strip()).matches()) {
                problems.add(at("ownerRegions") + "'" + owner + "' is not a HubSpot owner id: owner ids are numbers "
                        + "such as 77 (see Settings → Users & Teams, or GET /crm/v3/owners)");
            } else if (region == null || region.isBlank()) {
                problems.add(at("ownerRegions." + owner) + "no region: give one (e.g. EMEA), or remove the owner");
            }
        });
    }

    private void attributes(List<String> problems) {
        boolean regionsFromOwner = !m.ownerRegions().isEmpty() || m.defaultOwnerRegion() != null;
        m.attributes().forEach((attribute, property) -> {
            if (attribute == null || attribute.isBlank()) {
                problems.add(at("attributes") + "an entry has no attribute name: write it as attributeName: property");
            } else if (attribute.equals(ContactChangeInterpreter.OWNER)) {
                problems.add(at("attributes." + attribute) + "the owner comes from ownerProperty ('"
                        + m.ownerProperty() + "'): remove this entry");
            } else if (attribute.equals(ContactChangeInterpreter.REASON)) {
                problems.add(at("attributes." + attribute) + "the rejection reason comes from rejectionReasonProperty ('"
                        + m.rejectionReasonProperty() + "'): remove this entry");
            } else if (attribute.equals(ContactChangeInterpreter.OWNER_REGION) && regionsFromOwner) {
                problems.add(at("attributes." + attribute) + "ownerRegion already comes from ownerRegions / "
                        + "defaultOwnerRegion: use one or the other");
            } else {
                propertyName(problems, "attributes." + attribute, property, null);
            }
        });
    }

    private Optional<PropertyDefinition> property(List<String> problems, PortalProperties portal, String key,
            String property, String hint) {
        if (property == null || !PROPERTY_NAME.matcher(property).matches()) {
            return Optional.empty(); // already reported without the portal
        }
        Optional<PropertyDefinition> found = portal.contactProperty(property);
        if (found.isEmpty()) {
            problems.add(at(key) + "the portal has no contact property '" + property + "'" + hint);
        }
        return found;
    }

    private void valuesOf(List<String> problems, PropertyDefinition property, String key, List<String> values) {
        if (property.options().isEmpty()) {
            return; // a free-text property: any value can occur
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !value.isBlank() && !property.options().contains(value)) {
                problems.add(at(key + "[" + i + "]") + "'" + value + "' is not a value of the portal's "
                        + property.name() + " property (its values: " + shown(property.options()) + ")"
                        + didYouMean(value, property.options()));
            }
        }
    }

    // Labels ("Bad Timing") and case slips ("unqualified") are the usual mistakes: name the value.
    private static String didYouMean(String value, List<String> options) {
        String wanted = squeeze(value);
        for (String option : options) {
            if (squeeze(option).equals(wanted)) {
                return ": did you mean '" + option + "'? Stages and statuses are written as their internal value, "
                        + "not their label";
            }
        }
        return "";
    }

    private static String squeeze(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String shown(List<String> options) {
        if (options.size() <= VALUES_SHOWN) {
            return String.join(", ", options);
        }
        return String.join(", ", options.subList(0, VALUES_SHOWN)) + ", … (" + (options.size() - VALUES_SHOWN)
                + " more)";
    }

    private String at(String key) {
        return path + "." + key + ": ";
    }
}
