package io.leadsla.simulator.salesforce;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions (access tokens) of the org. Tokens look like Salesforce's ({@code <15-char org id>!<opaque>}) and
 * expire after the session timeout of inactivity, measured on the injected clock; each successful use counts
 * as activity. Tests expire or revoke tokens on demand so that the next call meets INVALID_SESSION_ID.
 */
public final class TokenService {
    private final Clock clock;
    private final String orgId15;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new HashMap<>();

    private static final class Session {
        final AccessToken token;
        Instant lastUsed;
        boolean dead;

        Session(AccessToken token) {
            this.token = token;
            this.lastUsed = token.issuedAt();
        }
    }

    TokenService(Clock clock, String orgId, Duration timeout) {
        this.clock = clock;
        this.orgId15 = SalesforceIds.to15(orgId);
        this.timeout = timeout;
    }

    synchronized AccessToken issue(String userId, String clientId) {
        byte[] bytes = new byte[72];
        random.nextBytes(bytes);
        String opaque = "AQ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', '.')
                .replace('_', '.');
        AccessToken t = new AccessToken(orgId15 + "!" + opaque, userId, clientId, clock.instant());
        sessions.put(t.token(), new Session(t));
        return t;
    }

    /** The live session for a token, counting this as activity; empty if unknown, expired or revoked. */
    synchronized Optional<AccessToken> use(String token) {
        Session s = token == null ? null : sessions.get(token);
        if (s == null || s.dead) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (Duration.between(s.lastUsed, now).compareTo(timeout) > 0) {
            s.dead = true;
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s.token);
    }

    /** Ends a session as a timeout or a logout would. */
    public synchronized void expire(String token) {
        Session s = sessions.get(token);
        if (s != null) {
            s.dead = true;
        }
    }

    /** Ends every session, e.g. an admin revoking the connected app's tokens. */
    public synchronized void expireAll() {
        sessions.values().forEach(s -> s.dead = true);
    }

    public synchronized List<AccessToken> live() {
        return sessions.values().stream().filter(s -> !s.dead).map(s -> s.token).toList();
    }
}
