package io.leadsla.connector.hubspot.api;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How leadsla talks to one HubSpot portal: where, with which token, and how much of the portal's
 * API budget it may spend.
 *
 * @param baseUrl              {@code https://api.hubapi.com} (tests and the demo point it at a simulator)
 * @param accessToken          the private app's or OAuth access token
 * @param requestsPer10Seconds the portal's burst limit for this app: 100 (Free/Starter), 190
 *                             (Professional/Enterprise), 250 with the API add-on
 * @param searchPerSecond      the Search API's own limit per second (HubSpot documents 5)
 * @param dailyLimit           the portal's daily call limit (250,000 / 625,000 / 1,000,000)
 * @param dailyWarnShare       share of the daily limit after which the health check warns
 * @param accountZone          the portal's time zone: HubSpot resets the daily count at its midnight
 * @param callTimeout          one HTTP call, connect to last byte
 * @param maxAttempts          tries per call for 429s, 5xx and timeouts (the outbox retries later beyond)
 */
public record HubSpotApiConfig(String baseUrl, String accessToken, int requestsPer10Seconds, int searchPerSecond,
                               long dailyLimit, double dailyWarnShare, ZoneId accountZone, Duration callTimeout,
                               int maxAttempts) {

    public HubSpotApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accountZone, "accountZone");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (requestsPer10Seconds < 3) {
            throw new IllegalArgumentException("requestsPer10Seconds must be at least 3, was " + requestsPer10Seconds);
        }
        if (searchPerSecond < 3) {
            throw new IllegalArgumentException("searchPerSecond must be at least 3, was " + searchPerSecond);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (dailyWarnShare <= 0 || dailyWarnShare > 1) {
            throw new IllegalArgumentException("dailyWarnShare must be in (0, 1], was " + dailyWarnShare);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A Free/Starter portal's limits, HubSpot's production API. */
    public static HubSpotApiConfig defaults(String baseUrl, String accessToken) {
        return new HubSpotApiConfig(baseUrl, accessToken, 100, 5, 250_000, 0.9, ZoneId.of("UTC"), Duration.ofSeconds(10), 4);
    }

    public HubSpotApiConfig withRequestsPer10Seconds(int limit) {
        return new HubSpotApiConfig(baseUrl, accessToken, limit, searchPerSecond, dailyLimit, dailyWarnShare, accountZone,
                callTimeout, maxAttempts);
    }

    public HubSpotApiConfig withMaxAttempts(int attempts) {
        return new HubSpotApiConfig(baseUrl, accessToken, requestsPer10Seconds, searchPerSecond, dailyLimit, dailyWarnShare,
                accountZone, callTimeout, attempts);
    }
}
