package io.leadsla.connector.salesforce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Gets an access token from the org's OAuth 2.0 token endpoint ({@code /services/oauth2/token}):
 * the JWT bearer flow (an RS256 assertion signed with the connected app's key: iss = consumer key,
 * sub = the integration user, aud = the login host, valid three minutes) or client credentials.
 */
public final class SalesforceTokenClient {

    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);

    private final SalesforceAuthConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final OkHttpClient http;

    public SalesforceTokenClient(SalesforceAuthConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = new OkHttpClient.Builder().callTimeout(20, TimeUnit.SECONDS).build();
    }

    public SalesforceToken fetch() {
        FormBody.Builder form = new FormBody.Builder();
        if (config.jwtBearer()) {
            form.add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer").add("assertion", assertion());
        } else {
            form.add("grant_type", "client_credentials").add("client_id", config.clientId())
                    .add("client_secret", config.clientSecret());
        }
        Request request = new Request.Builder().url(config.loginUrl() + "/services/oauth2/token").post(form.build()).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            JsonNode answer = parse(body);
            if (!response.isSuccessful() || answer == null || !answer.hasNonNull("access_token")) {
                String error = answer == null ? "HTTP " + response.code() : answer.path("error").asText("HTTP " + response.code())
                        + ": " + answer.path("error_description").asText("");
                throw new SalesforceAuthException("Salesforce refused the " + (config.jwtBearer() ? "JWT bearer" : "client-credentials")
                        + " sign-in at " + config.loginUrl() + ": " + error, null);
            }
            return new SalesforceToken(answer.get("access_token").asText(), answer.path("instance_url").asText());
        } catch (IOException e) {
            throw new SalesforceAuthException("cannot reach " + config.loginUrl() + ": " + e.getMessage(), e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A PKCS#8 PEM RSA key ({@code -----BEGIN PRIVATE KEY-----}); a PKCS#1 key
     * ({@code BEGIN RSA PRIVATE KEY}) converts with {@code openssl pkcs8 -topk8 -nocrypt -in key.pem}.
     */
    static PrivateKey privateKey(String pem) throws java.security.GeneralSecurityException {
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("the key must be an unencrypted PKCS#8 PEM (BEGIN PRIVATE KEY); convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der = java.util.Base64.getDecoder().decode(base64);
        return java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
    }

    private String assertion() {
        try {
            PrivateKey key = privateKey(Files.readString(config.privateKeyFile()));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(config.clientId())
                    .subject(config.username())
                    .audience(config.loginUrl())
                    .expirationTime(Date.from(clock.instant().plus(ASSERTION_LIFETIME)))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (IOException e) {
            throw new SalesforceAuthException("cannot read the private key file " + config.privateKeyFile() + ": " + e.getMessage(), e);
        } catch (JOSEException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new SalesforceAuthException("cannot sign the JWT assertion with " + config.privateKeyFile()
                    + " (a PEM RSA private key is expected): " + e.getMessage(), e);
        }
    }
}
