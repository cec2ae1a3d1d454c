package io.leadsla.connector.salesforce;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Salesforce connector is an adapter: it implements the ports for Salesforce and knows nothing of its neighbours. */
class ArchitectureTest {

    private static final JavaClasses SALESFORCE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.connector.salesforce");

    @Test
    void salesforceConnectorKnowsNeitherHubSpotNorTheLayersAboveIt() {
        noClasses().that().resideInAPackage("io.leadsla.connector.salesforce..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.leadsla.connector.hubspot..",
                        "io.leadsla.store..", "io.leadsla.pipeline..", "io.leadsla.service..",
                        "io.leadsla.simulator..", "io.leadsla.demo..", "io.leadsla.bench..",
                        "org.jdbi..", "java.sql..")
                .because("a CRM connector talks to its CRM through the ports only: storage, the pipeline and "
                        + "the wiring use it, the other CRM's connector is a sibling, and the simulator is for tests")
                .check(SALESFORCE);
    }

    @Test
    void importedTheSalesforceConnector() {
        // guards against a vacuous pass: the rule above must have classes to check
        assertThat(SALESFORCE.contain("io.leadsla.connector.salesforce.SalesforceConnector")).isTrue();
    }
}
