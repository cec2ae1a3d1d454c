package io.leadsla.service.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.leadsla.service.LeadslaApplication;
import io.leadsla.service.LeadslaConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup CONFIG [--dry-run]} against a HubSpot portal stub that has none of leadsla's properties. */
class SetupCommandTest {

    @TempDir
    Path temp;

    private WireMockServer hubspot;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        hubspot = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        hubspot.start();
        for (String type : new String[] {"contacts", "tasks"}) {
            hubspot.stubFor(get(urlEqualTo("/crm/v3/properties/" + type + "/groups")).willReturn(okJson("{\"results\":[]}")));
            hubspot.stubFor(get(urlEqualTo("/crm/v3/properties/" + type)).willReturn(okJson("{\"results\":[]}")));
        }
        hubspot.stubFor(post(urlMatching("/crm/v3/properties/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"created\"}")));
        config = temp.resolve("leadsla.yml");
        Files.writeString(config, """
                policiesFile: ../config/policies.yml
                hubspot:
                  accessToken: pat-na1-test
                  clientSecret: secret
                  portalId: "62515"
                  baseUrl: %s
                """.formatted(hubspot.baseUrl()));
    }

    @AfterEach
    void stop() {
        hubspot.stop();
    }

    private String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Bootstrap<LeadslaConfiguration> bootstrap = new Bootstrap<>(new LeadslaApplication());
        bootstrap.addCommand(new SetupCommand(Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8)));
        Cli cli = new Cli(new JarLocation(SetupCommandTest.class), bootstrap, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cli.run(args)).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunPrintsThePlanAndCreatesNothing() throws Exception {
        String printed = run("setup", config.toString(), "--dry-run");
        assertThat(printed).contains("HubSpot (dry run: nothing created):")
                .contains("create   contacts property group leadsla")
                .contains("create   contacts property leadsla_sla_due_at")
                .contains("create   tasks property leadsla_task_key");
        hubspot.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void setupCreatesThePropertiesAndSaysSo() throws Exception {
        String printed = run("setup", config.toString());
        assertThat(printed).contains("created  contacts property leadsla_sla_status")
                .contains("created  tasks property leadsla_task_key");
        hubspot.verify(6, postRequestedFor(urlEqualTo("/crm/v3/properties/contacts")));
        hubspot.verify(1, postRequestedFor(urlEqualTo("/crm/v3/properties/contacts/groups")));
    }
}
