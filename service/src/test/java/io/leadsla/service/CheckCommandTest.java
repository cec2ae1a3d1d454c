package io.leadsla.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropwizard's {@code check} validates leadsla configurations (kept apart from tests that set dw.* overrides). */
class CheckCommandTest {

    private static final String CONFIG = Path.of("..", "config", "leadsla.yml").toAbsolutePath().toString();

    @TempDir
    Path temp;

    @Test
    void checkAcceptsTheShippedTemplateAndRefusesUnknownKeys() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the template names policies relative to the repository root; the tests run in service/
        System.setProperty("dw.policiesFile", "../config/policies.yml");
        try {
            assertThat(cli(out, err).run("check", CONFIG)).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        } finally {
            System.clearProperty("dw.policiesFile");
        }

        Path bad = temp.resolve("bad.yml");
        Files.writeString(bad, "policiesFile: config/policies.yml\npolicyFile: typo.yml\n");
        assertThat(cli(out, err).run("check", bad.toString())).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unrecognized field at: policyFile");
    }

    @Test
    void checkReportsAHubSpotMappingMistakeWithItsKey() throws Exception {
        Path bad = temp.resolve("mapping.yml");
        Files.writeString(bad, """
                policiesFile: ../config/policies.yml
                hubspot:
                  accessToken: pat-na1-test
                  clientSecret: secret
                  portalId: "62515"
                  mapping:
                    mqlStages: []
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(cli(out, err).run("check", bad.toString())).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("hubspot.mapping.mqlStages");
    }

    @Test
    void jsonLogsAreAcceptedAndAYamlMistakeIsReportedWithItsLine() throws Exception {
        Path json = temp.resolve("json-logs.yml");
        Files.writeString(json, """
                policiesFile: ../config/policies.yml
                logging:
                  level: INFO
                  appenders:
                    - type: console
                      layout:
                        type: json
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(cli(out, err).run("check", json.toString())).as(err.toString(StandardCharsets.UTF_8)).isEmpty();

        Path broken = temp.resolve("broken.yml");
        Files.writeString(broken, "policiesFile: ../config/policies.yml\npipeline:\n  idlePoll: [100ms\n");
        assertThat(cli(out, err).run("check", broken.toString())).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.yml").contains("line 3");
    }

    private static Cli cli(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        LeadslaApplication app = new LeadslaApplication();
        Bootstrap<LeadslaConfiguration> bootstrap = new Bootstrap<>(app);
        app.initialize(bootstrap);
        bootstrap.addCommand(new io.leadsla.service.cli.LeadslaCheckCommand(app));
        return new Cli(new JarLocation(LeadslaApplicationTest.class), bootstrap,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
