package io.leadsla.connector.hubspot.setup;

import io.leadsla.connector.hubspot.api.HubSpotClient;
import io.leadsla.connector.hubspot.writeback.SlaProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code setup} does in a HubSpot portal: the "leadsla" property group and the SLA properties
 * on contacts, and the task-key property on tasks. It reads what exists first, so a second run
 * changes nothing, and a dry run prints the same plan without creating anything.
 */
public final class HubSpotSetup {

    /** One thing to create, and whether it exists already. */
    public record Step(String objectType, String what, String name, boolean exists) {
        @Override
        public String toString() {
            return (exists ? "exists   " : "create   ") + objectType + " " + what + " " + name;
        }
    }

    private final HubSpotClient client;

    public HubSpotSetup(HubSpotClient client) {
        this.client = client;
    }

    /** What setup would create, reading the portal. */
    public List<Step> plan() {
        List<Step> steps = new ArrayList<>();
        for (String objectType : List.of("contacts", "tasks")) {
            Set<String> existing = client.properties(objectType).stream().map(HubSpotClient.Property::name)
                    .collect(Collectors.toSet());
            steps.add(new Step(objectType, "property group", SlaProperties.GROUP,
                    client.propertyGroups(objectType).contains(SlaProperties.GROUP)));
            for (Map<String, Object> d : definitions(objectType)) {
                String name = (String) d.get("name");
                steps.add(new Step(objectType, "property", name, existing.contains(name)));
            }
        }
        return steps;
    }

    /**
     * Creates what is missing.
     *
     * @return the plan as carried out (what HubSpot reported as existing meanwhile, a 409, is marked so)
     */
    public List<Step> apply() {
        List<Step> done = new ArrayList<>();
        for (Step step : plan()) {
            if (step.exists()) {
                done.add(step);
                continue;
            }
            boolean created = step.what().equals("property group")
                    ? client.createPropertyGroup(step.objectType(), SlaProperties.GROUP, SlaProperties.GROUP_LABEL)
                    : client.createProperty(step.objectType(), definition(step.objectType(), step.name()));
            done.add(new Step(step.objectType(), step.what(), step.name(), !created));
        }
        return done;
    }

    private static List<Map<String, Object>> definitions(String objectType) {
        return objectType.equals("contacts") ? SlaProperties.contactDefinitions() : List.of(SlaProperties.taskKeyDefinition());
    }

    private static Map<String, Object> definition(String objectType, String name) {
        return definitions(objectType).stream().filter(d -> d.get("name").equals(name)).findFirst().orElseThrow();
    }
}
