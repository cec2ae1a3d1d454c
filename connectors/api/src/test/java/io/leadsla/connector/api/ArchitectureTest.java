package io.leadsla.connector.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** connector-api holds the ports the pipeline drives and the CRM connectors implement: sla-core's types and the JDK only. */
class ArchitectureTest {

    private static final JavaClasses PORTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla.connector.api");

    @Test
    void portsKnowOnlyTheCoreAndTheJdk() {
        classes().that().resideInAPackage("io.leadsla.connector.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.leadsla.connector.api..", "io.leadsla.core..", "java..")
                .because("the ports are what both sides agree on: no Jackson, SQL, HTTP client, Dropwizard, "
                        + "store, pipeline or CRM connector may leak into them")
                .check(PORTS);
    }

    @Test
    void portsUseNoJdbcOrHttpFromTheJdk() {
        // "java.." above also admits the JDK's own I/O technologies; those belong to adapters as well
        noClasses().that().resideInAPackage("io.leadsla.connector.api..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net.http..")
                .because("a port describes what a CRM does, not how it is reached or stored")
                .check(PORTS);
    }

    @Test
    void importedThePorts() {
        // guards against a vacuous pass: the rules above must have classes to check
        assertThat(PORTS.contain("io.leadsla.connector.api.CrmConnector")).isTrue();
    }
}
