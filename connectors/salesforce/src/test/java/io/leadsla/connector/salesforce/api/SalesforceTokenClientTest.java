package io.leadsla.connector.salesforce.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in to the org's token endpoint: the JWT bearer flow's assertion, client credentials, refusals. */
class SalesforceTokenClientTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path temp;

    private WireMockServer login;

    @BeforeEach
    void start() {
        login = new WireMockServer(wireMockConfig().dynamicPort());
        login.start();
    }

    @AfterEach
    void stop() {
        login.stop();
    }

    @Test
    void theJwtBearerAssertionIsSignedWithTheAppsKeyForTheIntegrationUser() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = temp.resolve("leadsla.key");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        login.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(okJson("""
                {"access_token":"00D5g000004ABCD!AQ0AQjwt","instance_url":"https://acme.my.salesforce.com",
                 "id":"https://login.salesforce.com/id/00D5g000004ABCDEAZ/0055g00000IntAAAA","token_type":"Bearer","scope":"api"}""")));
        SalesforceAuthConfig config = new SalesforceAuthConfig(login.baseUrl(), "3MVG9consumerKey", null, "leadsla@acme.com", pem,
                "65.0");

        SalesforceToken token = new SalesforceTokenClient(config, new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC)).fetch();

        assertThat(token.instanceUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(token.accessToken()).isEqualTo("00D5g000004ABCD!AQ0AQjwt");
        assertThat(token.toString()).doesNotContain("AQ0AQjwt");
        login.verify(postRequestedFor(urlEqualTo("/services/oauth2/token"))
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        String form = login.getAllServeEvents().get(0).getRequest().getBodyAsString();
        String assertion = URLDecoder.decode(form.substring(form.indexOf("assertion=") + "assertion=".length()), StandardCharsets.UTF_8);
        SignedJWT jwt = SignedJWT.parse(assertion);
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).as("signed with the app's key").isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("3MVG9consumerKey");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("leadsla@acme.com");
        assertThat(jwt.getJWTClaimsSet().getAudience()).isEqualTo(List.of(login.baseUrl()));
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(180));
    }

    @Test
    void aRefusedSignInSaysWhatSalesforceSaid() {
        login.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));
        SalesforceAuthConfig config = new SalesforceAuthConfig(login.baseUrl(), "3MVG9consumerKey", "wrong", null, null, "65.0");
        assertThatThrownBy(() -> new SalesforceTokenClient(config, new ObjectMapper(), Clock.systemUTC()).fetch())
                .isInstanceOf(SalesforceAuthException.class)
                .hasMessageContaining("client-credentials").hasMessageContaining("invalid_client: invalid client credentials");
        login.verify(postRequestedFor(urlEqualTo("/services/oauth2/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=3MVG9consumerKey")));
        assertThatThrownBy(() -> SalesforceTokenClient.privateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"))
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }
}
