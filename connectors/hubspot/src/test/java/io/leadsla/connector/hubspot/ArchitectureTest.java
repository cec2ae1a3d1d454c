package io.leadsla.connector.hubspot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The HubSpot connector is an adapter: it implements the ports for HubSpot and knows nothing of its neighbours. */
class ArchitectureTest {

    private static final JavaClasses HUBSPOT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.connector.hubspot");

    @Test
    void hubSpotConnectorKnowsNeitherSalesforceNorTheLayersAboveIt() {
        noClasses().that().resideInAPackage("io.leadsla.connector.hubspot..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.leadsla.connector.salesforce..", "com.sforce..",
                        "io.leadsla.store..", "io.leadsla.pipeline..", "io.leadsla.service..",
                        "io.leadsla.simulator..", "io.leadsla.demo..", "io.leadsla.bench..",
                        "org.jdbi..", "java.sql..")
                .because("a CRM connector talks to its CRM through the ports only: storage, the pipeline and "
                        + "the wiring use it, the other CRM's connector is a sibling, and the simulator is for tests")
                .check(HUBSPOT);
    }

    @Test
    void importedTheHubSpotConnector() {
        // guards against a vacuous pass: the rule above must have classes to check
        assertThat(HUBSPOT.contain("io.leadsla.connector.hubspot.HubSpotConnector")).isTrue();
    }
}
