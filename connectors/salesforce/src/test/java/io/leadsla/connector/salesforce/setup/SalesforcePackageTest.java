package io.leadsla.connector.salesforce.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadsla.connector.salesforce.writeback.LeadSlaFields;
import io.leadsla.core.clock.ClockStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The source package in connectors/salesforce/sfdx holds what the writer writes, typed as it writes it. */
class SalesforcePackageTest {

    private static final Path FIELDS = Path.of("sfdx", "force-app", "main", "default", "objects");

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Document d, String tag) {
        NodeList n = d.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    private static Document leadField(String name) throws Exception {
        return xml(FIELDS.resolve("Lead").resolve("fields").resolve(name + ".field-meta.xml"));
    }

    @Test
    void everyFieldTheWriterWritesIsInThePackageWithItsType() throws Exception {
        assertThat(text(leadField(LeadSlaFields.STATUS), "type")).isEqualTo("Picklist");
        assertThat(text(leadField(LeadSlaFields.DUE_AT), "type")).isEqualTo("DateTime");
        assertThat(text(leadField(LeadSlaFields.BREACHED_AT), "type")).isEqualTo("DateTime");
        assertThat(text(leadField(LeadSlaFields.POLICY), "type")).isEqualTo("Text");
        assertThat(text(leadField(LeadSlaFields.ATTEMPTS), "type")).isEqualTo("Number");
        NodeList values = leadField(LeadSlaFields.STATUS).getElementsByTagName("fullName");
        List<String> statuses = new ArrayList<>();
        for (int i = 1; i < values.getLength(); i++) { // [0] is the field's own name
            statuses.add(values.item(i).getTextContent());
        }
        assertThat(statuses).as("every status leadsla writes is a value of the picklist")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ClockStatus.values()).map(Enum::name).toList());

        Document key = xml(FIELDS.resolve("Activity").resolve("fields").resolve(LeadSlaFields.TASK_KEY + ".field-meta.xml"));
        assertThat(text(key, "externalId")).as("upsert needs an external id").isEqualTo("true");
        assertThat(text(key, "unique")).isEqualTo("true");

        Document countdown = leadField("LeadSLA_Minutes_Remaining__c");
        assertThat(text(countdown, "formula")).contains("LeadSLA_Due_At__c - NOW()").contains("24 * 60");
        assertThat(SalesforceSetup.LEAD_FIELDS).allSatisfy(f -> assertThat(leadField(f)).isNotNull());
    }

    @Test
    void theIntegrationUserMayEditEveryFieldItWrites() throws Exception {
        Document set = xml(Path.of("sfdx", "force-app", "main", "default", "permissionsets",
                SalesforceSetup.PERMISSION_SET + ".permissionset-meta.xml"));
        NodeList permissions = set.getElementsByTagName("fieldPermissions");
        List<String> editable = new ArrayList<>();
        for (int i = 0; i < permissions.getLength(); i++) {
            org.w3c.dom.Element p = (org.w3c.dom.Element) permissions.item(i);
            if (p.getElementsByTagName("editable").item(0).getTextContent().equals("true")) {
                editable.add(p.getElementsByTagName("field").item(0).getTextContent());
            }
        }
        assertThat(editable).contains("Lead." + LeadSlaFields.STATUS, "Lead." + LeadSlaFields.DUE_AT,
                "Lead." + LeadSlaFields.BREACHED_AT, "Lead." + LeadSlaFields.POLICY, "Lead." + LeadSlaFields.ATTEMPTS,
                "Activity." + LeadSlaFields.TASK_KEY);
        assertThat(Files.readString(Path.of("sfdx", "sfdx-project.json"))).contains("\"sourceApiVersion\": \"65.0\"");
        assertThat(SalesforceSetup.commands(Path.of("sfdx"), "leadsla@acme.com").get(0))
                .isEqualTo("sf project deploy start --source-dir sfdx/force-app --target-org <your org alias>");
    }
}
