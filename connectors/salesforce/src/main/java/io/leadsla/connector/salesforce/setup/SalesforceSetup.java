package io.leadsla.connector.salesforce.setup;

import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code setup} does in a Salesforce org: it reads the org (describeSObject of Lead and Task)
 * and says which of leadsla's fields are missing, then how to deploy the source package
 * ({@code connectors/salesforce/sfdx}: the fields, the minutes-remaining formula and the
 * integration user's permission set) with the Salesforce CLI. leadsla does not deploy metadata
 * itself: the org's admin runs the command, which keeps deployments in their hands and history.
 */
public final class SalesforceSetup {

    /** The fields of the package, by object. */
    public static final List<String> LEAD_FIELDS = List.of("LeadSLA_Status__c", "LeadSLA_Due_At__c", "LeadSLA_Breached_At__c",
            "LeadSLA_Policy__c", "LeadSLA_Attempts__c", "LeadSLA_Rejection_Reason__c", "LeadSLA_Minutes_Remaining__c");
    public static final List<String> TASK_FIELDS = List.of("LeadSLA_Task_Key__c");
    public static final String PERMISSION_SET = "LeadSLA_Integration";

    /** One field, and whether the org has it. */
    public record Step(String object, String field, boolean exists) {
        @Override
        public String toString() {
            return (exists ? "exists   " : "deploy   ") + object + "." + field;
        }
    }

    private final SalesforceSession session;

    public SalesforceSetup(SalesforceSession session) {
        this.session = session;
    }

    public List<Step> plan() {
        List<Step> steps = new ArrayList<>();
        steps.addAll(steps("Lead", LEAD_FIELDS));
        steps.addAll(steps("Task", TASK_FIELDS));
        return steps;
    }

    private List<Step> steps(String object, List<String> fields) {
        DescribeSObjectResult describe = session.call("describeSObject " + object, c -> c.describeSObject(object));
        Set<String> existing = java.util.Arrays.stream(describe.getFields()).map(Field::getName)
                .map(n -> n.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
        return fields.stream().map(f -> new Step(object, f, existing.contains(f.toLowerCase(java.util.Locale.ROOT)))).toList();
    }

    /** The Salesforce CLI commands that deploy the package and give the integration user its permissions. */
    public static List<String> commands(Path packageDirectory, String integrationUsername) {
        return List.of(
                "sf project deploy start --source-dir " + packageDirectory.resolve("force-app") + " --target-org <your org alias>",
                "sf org assign permset --name " + PERMISSION_SET + " --on-behalf-of " + integrationUsername
                        + " --target-org <your org alias>");
    }
}
