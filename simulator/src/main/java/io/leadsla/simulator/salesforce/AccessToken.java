package io.leadsla.simulator.salesforce;

import java.time.Instant;

/** An issued session: the token string clients send, whose session it is, and when it was issued. */
public record AccessToken(String token, String userId, String clientId, Instant issuedAt) {
}
