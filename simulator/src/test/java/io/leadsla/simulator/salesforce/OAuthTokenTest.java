package io.leadsla.simulator.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import okhttp3.Credentials;
import okhttp3.FormBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthTokenTest {
    private static final String LOGIN = "https://login.salesforce.com";
    private static KeyPair appKey;
    private static KeyPair otherKey;
    private SfFixture f;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        appKey = g.generateKeyPair();
        otherKey = g.generateKeyPair();
    }

    @BeforeEach
    void start() {
        f = SfFixture.start(b -> b.jwtPublicKey((RSAPublicKey) appKey.getPublic()).loginUrl(LOGIN + "/"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private String assertion(KeyPair key, String iss, String sub, String aud, Instant exp) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).subject(sub).audience(aud)
                .expirationTime(Date.from(exp)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private JsonNode jwtGrant(String assertion) {
        return f.tokenRequest(new FormBody.Builder().add("grant_type", OAuthEndpoint.JWT_GRANT)
                .add("assertion", assertion).build(), null);
    }

    private String clientId() {
        return f.sim.options().clientId();
    }

    private String user() {
        return f.sim.options().integrationUsername();
    }

    private Instant soon() {
        return f.clock.instant().plus(Duration.ofMinutes(3));
    }

    @Test
    void jwtBearerIssuesASessionForTheIntegrationUser() throws Exception {
        JsonNode r = jwtGrant(assertion(appKey, clientId(), user(), LOGIN, soon()));
        assertThat(r.get("_status").asInt()).isEqualTo(200);
        assertThat(r.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(r.get("instance_url").asText()).isEqualTo(f.sim.baseUrl());
        assertThat(r.get("scope").asText()).isNotEmpty();
        assertThat(r.get("id").asText()).isEqualTo(LOGIN + "/id/" + f.sim.options().orgId() + "/"
                + f.sim.integrationUser().id());
        String token = r.get("access_token").asText();
        assertThat(token).startsWith(SalesforceIds.to15(f.sim.options().orgId()) + "!");
        assertThat(f.connect(token).getUserInfo().getUserId()).isEqualTo(f.sim.integrationUser().id());
    }

    @Test
    void jwtBearerRefusesBadAssertionsAsSalesforceDoes() throws Exception {
        assertError(jwtGrant(assertion(otherKey, clientId(), user(), LOGIN, soon())), "invalid_grant",
                "invalid assertion");
        assertError(jwtGrant("not-a-jwt"), "invalid_grant", "invalid assertion");
        assertError(jwtGrant(assertion(appKey, clientId(), user(), "https://test.salesforce.com", soon())),
                "invalid_grant", "audience is invalid");
        assertError(jwtGrant(assertion(appKey, clientId(), user(), LOGIN, f.clock.instant().minusSeconds(1))),
                "invalid_grant", "expired authorization code");
        assertError(jwtGrant(assertion(appKey, "someone-else", user(), LOGIN, soon())), "invalid_client_id",
                "client identifier invalid");
        assertError(jwtGrant(assertion(appKey, clientId(), "nobody@example.com", LOGIN, soon())),
                "invalid_grant", "invalid assertion");
        f.sim.actions().addUser("rita@example.com", "Rita", "Rep", "rita@example.com");
        assertError(jwtGrant(assertion(appKey, clientId(), "rita@example.com", LOGIN, soon())), "invalid_grant",
                "user hasn't approved this consumer");
        assertThat(f.sim.tokens().live()).isEmpty();
    }

    @Test
    void clientCredentialsIssueASignedTokenForTheRunAsUser() throws Exception {
        JsonNode r = f.tokenRequest(new FormBody.Builder().add("grant_type", "client_credentials")
                .add("client_id", clientId()).add("client_secret", f.sim.options().clientSecret()).build(), null);
        assertThat(r.get("_status").asInt()).isEqualTo(200);
        for (String field : new String[] {"access_token", "instance_url", "id", "token_type", "issued_at",
                "signature", "scope"}) {
            assertThat(r.has(field)).as(field).isTrue();
        }
        assertThat(r.get("issued_at").asLong()).isEqualTo(f.clock.instant().toEpochMilli());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(f.sim.options().clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((r.get("id").asText()
                + r.get("issued_at").asText()).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.get("signature").asText()).isEqualTo(expected);

        JsonNode basic = f.tokenRequest(new FormBody.Builder().add("grant_type", "client_credentials").build(),
                Credentials.basic(clientId(), f.sim.options().clientSecret()));
        assertThat(basic.get("_status").asInt()).isEqualTo(200);
        assertThat(f.get("/services/data/v65.0/limits", basic.get("access_token").asText()).getKey())
                .isEqualTo(200);
    }

    @Test
    void clientCredentialsRefuseWrongCredentials() {
        assertError(f.tokenRequest(new FormBody.Builder().add("grant_type", "client_credentials")
                        .add("client_id", clientId()).add("client_secret", "wrong").build(), null),
                "invalid_client", "invalid client credentials");
        assertError(f.tokenRequest(new FormBody.Builder().add("grant_type", "client_credentials")
                        .add("client_id", "unknown").add("client_secret", "x").build(), null),
                "invalid_client_id", "client identifier invalid");
        assertError(f.tokenRequest(new FormBody.Builder().add("grant_type", "password").build(), null),
                "unsupported_grant_type", "grant type not supported");
        assertThat(f.sim.requests().count("token")).isEqualTo(3);
    }

    private static void assertError(JsonNode r, String error, String description) {
        assertThat(r.get("_status").asInt()).isEqualTo(400);
        assertThat(r.get("error").asText()).isEqualTo(error);
        assertThat(r.get("error_description").asText()).isEqualTo(description);
    }
}
