package io.leadsla.simulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The simulators stand in for HubSpot and Salesforce: like the real CRMs, they know nothing of leadsla. */
class ArchitectureTest {

    private static final JavaClasses SIMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.simulator");

    @Test
    void simulatorKnowsNothingOfLeadsla() {
        noClasses().that().resideInAPackage("io.leadsla.simulator..")
                .should().dependOnClassesThat(resideInAPackage("io.leadsla..").and(resideOutsideOfPackages(
                        "io.leadsla.simulator..", "io.leadsla.salesforce.ids..")))
                .because("a simulator that shares leadsla's domain, ports or mapping would agree with leadsla "
                        + "by construction and hide the bugs the end-to-end tests are there to find; "
                        + "only the Salesforce id format (salesforce-ids) is shared")
                .check(SIMULATOR);
    }

    @Test
    void importedBothSimulators() {
        // guards against a vacuous pass: the rule above must have classes to check
        assertThat(SIMULATOR.contain("io.leadsla.simulator.hubspot.HubSpotSimulator")).isTrue();
        assertThat(SIMULATOR.contain("io.leadsla.simulator.salesforce.SalesforceSimulator")).isTrue();
    }
}
