package io.leadsla.connector.salesforce.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How leadsla signs in to a Salesforce org through a connected app: the JWT bearer flow when a
 * username and private key file are given, else the client-credentials flow.
 *
 * @param loginUrl       {@code https://login.salesforce.com}, {@code https://test.salesforce.com}
 *                       (sandboxes) or the org's My Domain; tests point it at a simulator
 * @param clientId       the connected app's consumer key
 * @param clientSecret   its consumer secret (client-credentials flow)
 * @param username       the integration user (JWT bearer flow)
 * @param privateKeyFile the PEM private key whose certificate the connected app holds (JWT bearer flow)
 * @param apiVersion     e.g. {@code 65.0}
 */
public record SalesforceAuthConfig(String loginUrl, String clientId, String clientSecret, String username,
                                   Path privateKeyFile, String apiVersion) {

    public SalesforceAuthConfig {
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(apiVersion, "apiVersion");
        loginUrl = loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
        if (!apiVersion.matches("\\d+\\.0")) {
            throw new IllegalArgumentException("apiVersion must look like 65.0, was " + apiVersion);
        }
        if (privateKeyFile == null && (clientSecret == null || clientSecret.isBlank())) {
            throw new IllegalArgumentException("give a username and private key file (JWT bearer flow) "
                    + "or a client secret (client-credentials flow)");
        }
        if (privateKeyFile != null && (username == null || username.isBlank())) {
            throw new IllegalArgumentException("the JWT bearer flow needs the integration user's username");
        }
    }

    public boolean jwtBearer() {
        return privateKeyFile != null;
    }
}
