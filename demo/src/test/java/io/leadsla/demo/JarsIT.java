package io.leadsla.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The two jars as {@code mvn package} leaves them: {@code server} runs from a jar that holds no
 * simulator or demo class, and {@code ./leadsla demo} runs from the demo's own jar.
 */
class JarsIT {

    private static Path jar(String property) {
        String path = System.getProperty(property);
        assertThat(path).as("system property %s (set by the demo module's failsafe configuration)", property).isNotNull();
        Path jar = Path.of(path);
        assertThat(jar).as("built by mvn package").isRegularFile();
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void theServerJarHoldsNoSimulatorAndNoDemo() throws IOException {
        List<String> entries = entries(jar("leadsla.serverJar"));
        assertThat(entries).contains("io/leadsla/service/LeadslaApplication.class",
                "io/leadsla/connector/hubspot/HubSpotConnector.class",
                "io/leadsla/connector/salesforce/SalesforceConnector.class");
        assertThat(entries).filteredOn(e -> e.startsWith("io/leadsla/simulator/") || e.startsWith("io/leadsla/demo/")
                || e.startsWith("io/leadsla/service/demo/")
                || e.startsWith("demo/") || e.startsWith("com/github/tomakehurst/")).isEmpty();
    }

    @Test
    void theDemoJarHoldsTheDemoAndBothSimulators() throws IOException {
        List<String> entries = entries(jar("leadsla.demoJar"));
        assertThat(entries).contains("io/leadsla/demo/DemoMain.class", "io/leadsla/demo/DemoCommand.class",
                "io/leadsla/simulator/hubspot/HubSpotSimulator.class",
                "io/leadsla/simulator/salesforce/SalesforceSimulator.class", "demo/policies.yml",
                "io/leadsla/service/LeadslaApplication.class");
    }

    @Test
    void onlyTheDemoJarKnowsTheDemoCommand() throws Exception {
        String server = help(jar("leadsla.serverJar"));
        String demo = help(jar("leadsla.demoJar"));
        assertThat(server).contains("server").contains("replay").contains("backfill").doesNotContain("demo");
        assertThat(demo).contains("server").contains("replay").contains("demo");
    }

    /** {@code java -jar JAR --help}: Dropwizard's list of commands. */
    private static String help(Path jar) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--help").redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("--help ends").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("--help of %s: %s", jar, text).isZero();
        return text;
    }
}
