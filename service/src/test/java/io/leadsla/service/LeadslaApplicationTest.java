package io.leadsla.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shipped configuration starts the real server. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LeadslaApplicationTest {

    private static final String CONFIG = Path.of("..", "config", "leadsla.yml").toAbsolutePath().toString();

    static final DropwizardAppExtension<LeadslaConfiguration> APP = new DropwizardAppExtension<>(
            LeadslaApplication.class, CONFIG,
            ConfigOverride.config("policiesFile", Path.of("..", "config", "policies.yml").toString()),
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"),
            ConfigOverride.config("store.embeddedDirectory", temporaryDirectory()));

    private static String temporaryDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("leadsla-app").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void serverStartsAndReportsThePoliciesItEnforces() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getAdminPort() + "/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"policies\"").contains("2026-11-seed")
                .contains("\"store\"").contains("EMBEDDED store, inbox lag 0 s");
        HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getAdminPort() + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ping.body()).contains("pong");
    }

}
