package io.leadsla.simulator.salesforce;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated org is set up.
 *
 * @param port                     TCP port on localhost, 0 for a free one
 * @param orgId                    the organization id (00D…, 15 or 18 characters; reported in 18)
 * @param orgName                  the organization's name (getUserInfo)
 * @param apiVersion               the API version the org reports, e.g. "65.0"
 * @param clock                    source of every timestamp the org writes, session timeouts and the daily window
 * @param dailyApiLimit            API requests allowed per rolling 24 hours (LimitInfoHeader, REST limits)
 * @param clientId                 the connected app's consumer key
 * @param clientSecret             the connected app's consumer secret (client credentials flow)
 * @param jwtPublicKey             the certificate key of the connected app (JWT bearer flow); null disables it
 * @param loginUrl                 the login host JWT assertions must name as {@code aud}, and the host of identity
 *                                 URLs, e.g. {@code https://login.salesforce.com}
 * @param instanceUrl              the {@code instance_url} tokens report; null for the simulator's own base URL
 * @param integrationUserId        id of the integration user (005…), null to have one generated
 * @param integrationUsername      username of the integration user (the JWT {@code sub}; client-credentials run-as)
 * @param integrationPassword      password (with security token) for SOAP login; null disables SOAP login
 * @param clientCredentialsEnabled whether the connected app allows the client credentials flow
 * @param sessionTimeout           inactivity after which a session is dead
 * @param serverThreads            threads answering HTTP requests
 */
public record SalesforceOptions(int port, String orgId, String orgName, String apiVersion, Clock clock,
                                long dailyApiLimit, String clientId, String clientSecret, RSAPublicKey jwtPublicKey,
                                String loginUrl, String instanceUrl, String integrationUserId,
                                String integrationUsername, String integrationPassword,
                                boolean clientCredentialsEnabled, Duration sessionTimeout, int serverThreads) {

    public SalesforceOptions {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(integrationUsername, "integrationUsername");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (!orgId.matches("00D[0-9A-Za-z]{12}([0-9A-Za-z]{3})?")) {
            throw new IllegalArgumentException("orgId must be an organization id (00D…): " + orgId);
        }
        // kept as given when 18 characters long, even if its case suffix is off, so tests can use ids verbatim
        orgId = orgId.length() == 15 ? SalesforceIds.to18(orgId) : orgId;
        if (integrationUserId != null && !integrationUserId.startsWith("005")) {
            throw new IllegalArgumentException("integrationUserId must be a user id (005…)");
        }
        if (dailyApiLimit < 1 || serverThreads < 1) {
            throw new IllegalArgumentException("dailyApiLimit and serverThreads must be positive");
        }
        loginUrl = stripSlash(loginUrl);
        instanceUrl = instanceUrl == null ? null : stripSlash(instanceUrl);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int port;
        private String orgId = "00D5g000004ABCDEA4";
        private String orgName = "Acme Simulated Org";
        private String apiVersion = "65.0";
        private Clock clock = Clock.systemUTC();
        private long dailyApiLimit = 100_000;
        private String clientId = "3MVG9SimulatedConsumerKey";
        private String clientSecret = "simulated-consumer-secret";
        private RSAPublicKey jwtPublicKey;
        private String loginUrl = "https://login.salesforce.com";
        private String instanceUrl;
        private String integrationUserId;
        private String integrationUsername = "leadsla.integration@example.com";
        private String integrationPassword;
        private boolean clientCredentialsEnabled = true;
        private Duration sessionTimeout = Duration.ofHours(2);
        private int serverThreads = 4;

        private Builder() {
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder orgId(String v) {
            orgId = v;
            return this;
        }

        public Builder orgName(String v) {
            orgName = v;
            return this;
        }

        public Builder apiVersion(String v) {
            apiVersion = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder dailyApiLimit(long v) {
            dailyApiLimit = v;
            return this;
        }

        public Builder clientId(String v) {
            clientId = v;
            return this;
        }

        public Builder clientSecret(String v) {
            clientSecret = v;
            return this;
        }

        public Builder jwtPublicKey(RSAPublicKey v) {
            jwtPublicKey = v;
            return this;
        }

        public Builder loginUrl(String v) {
            loginUrl = v;
            return this;
        }

        public Builder instanceUrl(String v) {
            instanceUrl = v;
            return this;
        }

        public Builder integrationUserId(String v) {
            integrationUserId = v;
            return this;
        }

        public Builder integrationUsername(String v) {
            integrationUsername = v;
            return this;
        }

        public Builder integrationPassword(String v) {
            integrationPassword = v;
            return this;
        }

        public Builder clientCredentialsEnabled(boolean v) {
            clientCredentialsEnabled = v;
            return this;
        }

        public Builder sessionTimeout(Duration v) {
            sessionTimeout = v;
            return this;
        }

        public Builder serverThreads(int v) {
            serverThreads = v;
            return this;
        }

        public SalesforceOptions build() {
            return new SalesforceOptions(port, orgId, orgName, apiVersion, clock, dailyApiLimit, clientId,
                    clientSecret, jwtPublicKey, loginUrl, instanceUrl, integrationUserId, integrationUsername,
                    integrationPassword, clientCredentialsEnabled, sessionTimeout, serverThreads);
        }
    }
}
