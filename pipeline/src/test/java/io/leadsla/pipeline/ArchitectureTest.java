package io.leadsla.pipeline;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pipeline is the application layer: it runs sla-core over the store's API and drives the CRMs through the ports. */
class ArchitectureTest {

    private static final JavaClasses PIPELINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.pipeline");

    @Test
    void pipelineKnowsNoCrmConnectorPersistenceOrWebTechnology() {
        noClasses().that().resideInAPackage("io.leadsla.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.leadsla.connector.hubspot..", "io.leadsla.connector.salesforce..",
                        "org.jdbi..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari..",
                        "io.dropwizard..", "org.glassfish.jersey..", "jakarta.ws..", "okhttp3..", "com.sforce..",
                        "io.leadsla.service..", "io.leadsla.simulator..", "io.leadsla.demo..", "io.leadsla.bench..")
                .because("the pipeline reaches CRMs only through the ports (connector-api) and the database only "
                        + "through the store's API; the service wires the concrete connectors and the web")
                .check(PIPELINE);
    }

    @Test
    void pipelineKnowsOnlyTheCoreThePortsAndTheStore() {
        // connector-common comes onto the compile classpath with the store: keep it out of the application layer
        noClasses().that().resideInAPackage("io.leadsla.pipeline..")
                .should().dependOnClassesThat(resideInAPackage("io.leadsla..").and(resideOutsideOfPackages(
                        "io.leadsla.pipeline..", "io.leadsla.core..", "io.leadsla.connector.api..", "io.leadsla.store..")))
                .because("of leadsla, the application layer knows sla-core, the ports and the store's API, nothing else")
                .check(PIPELINE);
    }

    @Test
    void importedThePipeline() {
        // guards against a vacuous pass: the rules above must have classes to check
        assertThat(PIPELINE.contain("io.leadsla.pipeline.PipelineWorker")).isTrue();
    }
}
