package io.leadsla.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.leadsla.connector.hubspot.HubSpotConnector;
import io.leadsla.connector.salesforce.SalesforceConnector;
import org.junit.jupiter.api.Test;

/**
 * The service is the composition root: the only place that wires the concrete CRM connectors, the store and the
 * pipeline together. Imports every module's production classes on this classpath (their jars or target/classes).
 */
class ArchitectureTest {

    private static final String[] COMPOSITION_ROOTS = {"io.leadsla.service..", "io.leadsla.demo..", "io.leadsla.bench.."};

    private static final JavaClasses LEADSLA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadsla");

    @Test
    void nothingBelowTheServiceDependsOnIt() {
        noClasses().that().resideInAPackage("io.leadsla..")
                .and().resideOutsideOfPackages(COMPOSITION_ROOTS)
                .should().dependOnClassesThat().resideInAPackage("io.leadsla.service..")
                .because("the service wires the other modules; a module that reached up into it would drag "
                        + "Dropwizard and every CRM connector along and make the layers circular")
                .check(LEADSLA);
    }

    @Test
    void onlyTheCompositionRootsConstructCrmConnectors() {
        constructors().that().areDeclaredIn(HubSpotConnector.class)
                .or().areDeclaredIn(SalesforceConnector.class)
                .should().onlyBeCalled().byClassesThat().resideInAnyPackage(COMPOSITION_ROOTS)
                .because("the pipeline and the store know a CRM only as a CrmConnector port; "
                        + "choosing and building the concrete connector is the service's job")
                .check(LEADSLA);
    }

    @Test
    void productionServiceShipsNoSimulatorOrDemo() {
        noClasses().that().resideInAPackage("io.leadsla.service..")
                .should().dependOnClassesThat().resideInAnyPackage("io.leadsla.simulator..", "io.leadsla.demo..")
                .because("the production jar holds neither the CRM simulators nor the demo; they depend on the "
                        + "service, not the other way round")
                .check(LEADSLA);
    }

    @Test
    void importedEveryModuleButNoTests() {
        // guards against a vacuous pass: the cross-module rules above need the other modules' classes
        assertThat(LEADSLA.contain("io.leadsla.service.LeadslaApplication")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.core.clock.ClockEngine")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.config.PolicyLoader")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.connector.api.CrmConnector")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.connector.event.LeadEventJson")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.connector.hubspot.HubSpotConnector")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.connector.salesforce.SalesforceConnector")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.store.Store")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.pipeline.PipelineWorker")).isTrue();
        assertThat(LEADSLA.contain("io.leadsla.simulator.hubspot.HubSpotSimulator")).isTrue();
        assertThat(LEADSLA.contain(ArchitectureTest.class.getName())).isFalse();
    }
}
