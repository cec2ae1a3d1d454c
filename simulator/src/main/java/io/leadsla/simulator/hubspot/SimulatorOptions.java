package io.leadsla.simulator.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How a simulated portal behaves. Defaults follow HubSpot's documented limits for a Free/Starter account:
 * 100 requests per rolling 10 seconds, 250,000 per day, 5 search requests per second.
 *
 * @param port                  TCP port on localhost, 0 for a free one
 * @param accessToken           the token requests must present as {@code Authorization: Bearer <token>}
 * @param clock                 source of every timestamp the portal writes and of rate-limit windows
 * @param tenSecondLimit        requests admitted per rolling 10 seconds (TEN_SECONDLY_ROLLING)
 * @param searchPerSecondLimit  search requests admitted per rolling second (SECONDLY)
 * @param dailyLimit            requests admitted per day (DAILY)
 * @param dailyLimitZone        the account time zone in which the daily allowance resets
 * @param portalId              the account (hub) id
 * @param appId                 the id of the app the token belongs to (writes by it are INTEGRATION changes)
 * @param searchIndexDelay      how long a change takes to become visible to search (0 = at once)
 * @param retryAfterOnRateLimit whether 429s carry a Retry-After header (HubSpot's REST 429s don't promise one)
 * @param dailyLimitHeaders     whether responses carry the daily-limit headers (private-app style)
 * @param serverThreads         threads answering HTTP requests
 */
public record SimulatorOptions(int port, String accessToken, Clock clock, int tenSecondLimit,
                               int searchPerSecondLimit, int dailyLimit, ZoneId dailyLimitZone, long portalId,
                               long appId, Duration searchIndexDelay, boolean retryAfterOnRateLimit,
                               boolean dailyLimitHeaders, int serverThreads) {

    public SimulatorOptions {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dailyLimitZone, "dailyLimitZone");
        Objects.requireNonNull(searchIndexDelay, "searchIndexDelay");
        if (accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken must not be blank");
        }
        if (tenSecondLimit < 1 || searchPerSecondLimit < 1 || dailyLimit < 1 || serverThreads < 1) {
            throw new IllegalArgumentException("limits and thread count must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int port;
        private String accessToken = "pat-na1-simulator-token";
        private Clock clock = Clock.systemUTC();
        private int tenSecondLimit = 100;
        private int searchPerSecondLimit = 5;
        private int dailyLimit = 250_000;
        private ZoneId dailyLimitZone = ZoneOffset.UTC;
        private long portalId = 62515;
        private long appId = 54321;
        private Duration searchIndexDelay = Duration.ZERO;
        private boolean retryAfterOnRateLimit;
        private boolean dailyLimitHeaders;
        private int serverThreads = 4;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder accessToken(String token) {
            this.accessToken = token;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder tenSecondLimit(int limit) {
            this.tenSecondLimit = limit;
            return this;
        }

        public Builder searchPerSecondLimit(int limit) {
            this.searchPerSecondLimit = limit;
            return this;
        }

        public Builder dailyLimit(int limit) {
            this.dailyLimit = limit;
            return this;
        }

        public Builder dailyLimitZone(ZoneId zone) {
            this.dailyLimitZone = zone;
            return this;
        }

        public Builder portalId(long id) {
            this.portalId = id;
            return this;
        }

        public Builder appId(long id) {
            this.appId = id;
            return this;
        }

        public Builder searchIndexDelay(Duration delay) {
            this.searchIndexDelay = delay;
            return this;
        }

        public Builder retryAfterOnRateLimit(boolean on) {
            this.retryAfterOnRateLimit = on;
            return this;
        }

        public Builder dailyLimitHeaders(boolean on) {
            this.dailyLimitHeaders = on;
            return this;
        }

        public Builder serverThreads(int threads) {
            this.serverThreads = threads;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(port, accessToken, clock, tenSecondLimit, searchPerSecondLimit, dailyLimit,
                    dailyLimitZone, portalId, appId, searchIndexDelay, retryAfterOnRateLimit, dailyLimitHeaders,
                    serverThreads);
        }
    }
}
