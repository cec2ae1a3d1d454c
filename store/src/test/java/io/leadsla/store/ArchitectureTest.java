package io.leadsla.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The store is persistence only: the pipeline drives it, and it never calls a CRM. */
class ArchitectureTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.store");

    @Test
    void storeKnowsNoPipelineCrmConnectorOrService() {
        noClasses().that().resideInAPackage("io.leadsla.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.leadsla.pipeline..", "io.leadsla.connector.hubspot..", "io.leadsla.connector.salesforce..",
                        "io.leadsla.service..", "io.leadsla.simulator..", "io.leadsla.demo..", "io.leadsla.bench..")
                .because("the store keeps events, clocks, inbox and outbox; the pipeline above it decides what to do "
                        + "with them and the CRM connectors deliver them")
                .check(STORE);
    }

    @Test
    void storeSpeaksNoHttp() {
        noClasses().that().resideInAPackage("io.leadsla.store..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "java.net.http..", "jakarta.ws..")
                .because("persistence never calls out over HTTP nor serves it")
                .check(STORE);
    }

    @Test
    void importedTheStore() {
        // guards against a vacuous pass: the rules above must have classes to check
        assertThat(STORE.contain("io.leadsla.store.Store")).isTrue();
    }
}
