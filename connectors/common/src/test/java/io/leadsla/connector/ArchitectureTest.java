package io.leadsla.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** connector-common is what the CRM connectors share (event JSON, CSV exports, poll windows, task templates). */
class ArchitectureTest {

    private static final JavaClasses CONNECTORS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.connector");

    @Test
    void commonKnowsNoCrmConnectorStorePipelineOrService() {
        noClasses().that().resideInAPackage("io.leadsla.connector..")
                .and().resideOutsideOfPackages(
                        "io.leadsla.connector.api..", "io.leadsla.connector.hubspot..", "io.leadsla.connector.salesforce..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.leadsla.connector.hubspot..", "io.leadsla.connector.salesforce..",
                        "io.leadsla.store..", "io.leadsla.pipeline..", "io.leadsla.service..",
                        "io.leadsla.simulator..", "io.leadsla.demo..", "io.leadsla.bench..")
                .because("shared connector code sits below both CRM connectors and below the store, "
                        + "which reads its event JSON; it must not reach back up")
                .check(CONNECTORS);
    }

    @Test
    void importedTheCommonClasses() {
        // guards against a vacuous pass: the rule above must have classes to check
        assertThat(CONNECTORS.contain("io.leadsla.connector.event.LeadEventJson")).isTrue();
        assertThat(CONNECTORS.contain("io.leadsla.connector.export.CsvExport")).isTrue();
    }
}
