package io.leadsla.simulator.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /services/oauth2/token}: the JWT bearer flow (RS256 assertion signed with the connected app's
 * certificate key; iss = consumer key, sub = username, aud = login host, exp in the future) and the client
 * credentials flow (consumer key and secret, in the form or as HTTP Basic; runs as the integration user).
 * Success and error bodies have Salesforce's fields and error/error_description pairs.
 */
final class OAuthEndpoint {
    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final SalesforceOptions options;
    private final TokenService tokens;
    private final UserDirectory users;
    private final ObjectMapper mapper;
    private final Supplier<String> instanceUrl;

    OAuthEndpoint(SalesforceOptions options, TokenService tokens, UserDirectory users, ObjectMapper mapper,
                  Supplier<String> instanceUrl) {
        this.options = options;
        this.tokens = tokens;
        this.users = users;
        this.mapper = mapper;
        this.instanceUrl = instanceUrl;
    }

    HttpReply token(byte[] body, String authorization) {
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals(JWT_GRANT)) {
            return jwtBearer(form.get("assertion"));
        }
        if (grant.equals("client_credentials")) {
            String[] basic = basic(authorization);
            String id = form.getOrDefault("client_id", basic == null ? null : basic[0]);
            String secret = form.getOrDefault("client_secret", basic == null ? null : basic[1]);
            return clientCredentials(id, secret);
        }
        return error(400, "unsupported_grant_type", "grant type not supported");
    }

    private HttpReply jwtBearer(String assertion) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion == null ? "" : assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalidGrant("invalid assertion");
        }
        if (!options.clientId().equals(claims.getIssuer())) {
            return error(400, "invalid_client_id", "client identifier invalid");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || options.jwtPublicKey() == null
                || !verifies(jwt)) {
            return invalidGrant("invalid assertion");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.stream().map(OAuthEndpoint::stripSlash)
                .noneMatch(a -> a.equalsIgnoreCase(options.loginUrl()))) {
            return invalidGrant("audience is invalid");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(options.clock().instant())) {
            return invalidGrant("expired authorization code");
        }
        Optional<RecordSnapshot> user = users.byUsername(claims.getSubject());
        if (user.isEmpty()) {
            return invalidGrant("invalid assertion");
        }
        if (!user.get().id().equals(users.integrationUserId())) {
            // only the integration user is pre-authorized for the connected app
            return invalidGrant("user hasn't approved this consumer");
        }
        AccessToken t = tokens.issue(user.get().id(), options.clientId());
        ObjectNode n = mapper.createObjectNode();
        n.put("access_token", t.token());
        n.put("scope", "api");
        n.put("instance_url", instanceUrl.get());
        n.put("id", identityUrl(t.userId()));
        n.put("token_type", "Bearer");
        return HttpReply.json(200, n.toString());
    }

    private boolean verifies(SignedJWT jwt) {
        try {
            return jwt.verify(new RSASSAVerifier(options.jwtPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private HttpReply clientCredentials(String clientId, String secret) {
        if (clientId == null || !options.clientId().equals(clientId)) {
            return error(400, "invalid_client_id", "client identifier invalid");
        }
        if (secret == null || options.clientSecret() == null || !MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), options.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            return error(400, "invalid_client", "invalid client credentials");
        }
        if (!options.clientCredentialsEnabled()) {
            return invalidGrant("no client credentials user enabled");
        }
        AccessToken t = tokens.issue(users.integrationUserId(), clientId);
        String id = identityUrl(t.userId());
        String issuedAt = Long.toString(t.issuedAt().toEpochMilli());
        ObjectNode n = mapper.createObjectNode();
        n.put("access_token", t.token());
        n.put("signature", signature(id + issuedAt));
        n.put("scope", "api");
        n.put("instance_url", instanceUrl.get());
        n.put("id", id);
        n.put("token_type", "Bearer");
        n.put("issued_at", issuedAt);
        n.put("api_instance_url", instanceUrl.get());
        return HttpReply.json(200, n.toString());
    }

    /** Salesforce signs id + issued_at with HMAC-SHA256 keyed by the consumer secret, Base64-encoded. */
    private String signature(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(options.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String identityUrl(String userId) {
        return options.loginUrl() + "/id/" + options.orgId() + "/" + userId;
    }

    private HttpReply invalidGrant(String description) {
        return error(400, "invalid_grant", description);
    }

    private HttpReply error(int status, String error, String description) {
        ObjectNode n = mapper.createObjectNode();
        n.put("error", error);
        n.put("error_description", description);
        return HttpReply.json(status, n.toString());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
