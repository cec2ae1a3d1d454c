package io.leadsla.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** sla-config reads the policies YAML into sla-core's types; it is upstream of everything that stores, runs or wires. */
class ArchitectureTest {

    private static final JavaClasses CONFIG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.config");

    @Test
    void configKnowsOnlyTheCore() {
        noClasses().that().resideInAPackage("io.leadsla.config..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.leadsla.store..", "io.leadsla.pipeline..", "io.leadsla.connector..",
                        "io.leadsla.service..", "io.leadsla.simulator..", "io.leadsla.demo..", "io.leadsla.bench..")
                .because("sla-config turns YAML into sla-core's PolicySet; storage, CRMs and wiring consume it, never the reverse")
                .check(CONFIG);
    }

    @Test
    void importedTheConfig() {
        // guards against a vacuous pass: the rule above must have classes to check
        assertThat(CONFIG.contain("io.leadsla.config.PolicyLoader")).isTrue();
    }
}
