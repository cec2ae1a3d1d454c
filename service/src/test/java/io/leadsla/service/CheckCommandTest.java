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
        assertThat(cli(out, err).run("check", CONFIG)).as(err.toString(StandardCharsets.UTF_8)).isEmpty();

        Path bad = temp.resolve("bad.yml");
        Files.writeString(bad, "policiesFile: config/policies.yml\npolicyFile: typo.yml\n");
        assertThat(cli(out, err).run("check", bad.toString())).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unrecognized field at: policyFile");
    }

    private static Cli cli(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        LeadslaApplication app = new LeadslaApplication();
        Bootstrap<LeadslaConfiguration> bootstrap = new Bootstrap<>(app);
        app.initialize(bootstrap);
        bootstrap.addCommand(new io.dropwizard.core.cli.CheckCommand<>(app));
        return new Cli(new JarLocation(LeadslaApplicationTest.class), bootstrap,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
