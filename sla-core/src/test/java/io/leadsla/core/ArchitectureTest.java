package io.leadsla.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** sla-core is the pure domain: it must know nothing of HTTP, JSON, SQL, frameworks or CRMs. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.core");

    @Test
    void coreHasNoIoFrameworkOrCrmDependencies() {
        noClasses().that().resideInAPackage("io.leadsla.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "java.net..", "java.net.http..", "java.io..", "java.nio.file..",
                        "com.fasterxml..", "org.yaml..", "jakarta..", "javax.ws..", "io.dropwizard..",
                        "org.eclipse.jetty..", "okhttp3..", "com.sforce..", "org.jdbi..", "org.flywaydb..",
                        "io.leadsla.connector..", "io.leadsla.config..", "io.leadsla.store..",
                        "io.leadsla.pipeline..", "io.leadsla.service..", "io.leadsla.simulator..",
                        "io.leadsla.demo..", "io.leadsla.bench..", "io.leadsla.salesforce..")
                .because("sla-core is pure domain: I/O, formats and CRMs live in outer modules")
                .check(CORE);
    }

    @Test
    void importedTheCore() {
        // guards against a vacuous pass: the rule above must have classes to check
        org.assertj.core.api.Assertions.assertThat(CORE.contain("io.leadsla.core.clock.ClockEngine")).isTrue();
    }
}
