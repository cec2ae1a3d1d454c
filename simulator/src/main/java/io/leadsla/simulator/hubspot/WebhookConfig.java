package io.leadsla.simulator.hubspot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the app's webhooks are delivered. HubSpot's behaviour is the default: batches of up to
 * 100 events, at most 10 requests in flight, a 5-second answer timeout, and 10 retries spread over about
 * a day. Tests shorten {@code retryDelays} to milliseconds.
 *
 * @param targetUrl        the app's webhook URL; also the URI that goes into the v3 signature
 * @param clientSecret     the app's client secret, the HMAC key
 * @param subscriptions    what the app subscribed to
 * @param timeout          how long a delivery may take before it counts as failed
 * @param retryDelays      the wait before each retry; its size is the number of retries
 * @param maxBatchSize     events per request
 * @param maxInFlight      concurrent requests
 * @param signatureClock   source of {@code X-HubSpot-Request-Timestamp}: the receiver checks it against its
 *                         own clock, so it defaults to the wall clock, not the simulator's clock
 * @param shuffleRetries   whether retried events rejoin the queue in random order (HubSpot guarantees no order)
 */
public record WebhookConfig(URI targetUrl, String clientSecret, List<WebhookSubscription> subscriptions,
                            Duration timeout, List<Duration> retryDelays, int maxBatchSize, int maxInFlight,
                            Clock signatureClock, boolean shuffleRetries) {

    /** HubSpot's documented retry budget: 10 retries over 24 hours (this spread is an approximation). */
    public static final List<Duration> HUBSPOT_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8));

    public WebhookConfig {
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(signatureClock, "signatureClock");
        subscriptions = List.copyOf(subscriptions);
        retryDelays = List.copyOf(retryDelays);
        if (maxBatchSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxBatchSize and maxInFlight must be positive");
        }
    }

    public static Builder builder(URI targetUrl, String clientSecret) {
        return new Builder(targetUrl, clientSecret);
    }

    public static final class Builder {
        private final URI targetUrl;
        private final String clientSecret;
        private final List<WebhookSubscription> subscriptions = new ArrayList<>();
        private long nextSubscriptionId = 1_000_001;
        private Duration timeout = Duration.ofSeconds(5);
        private List<Duration> retryDelays = HUBSPOT_RETRY_DELAYS;
        private int maxBatchSize = 100;
        private int maxInFlight = 10;
        private Clock signatureClock = Clock.systemUTC();
        private boolean shuffleRetries;

        private Builder(URI targetUrl, String clientSecret) {
            this.targetUrl = targetUrl;
            this.clientSecret = clientSecret;
        }

        public Builder subscribe(WebhookSubscription subscription) {
            subscriptions.add(subscription);
            return this;
        }

        /** Subscribes to a type (e.g. {@code contact.creation}) with the next subscription id. */
        public Builder subscribe(String subscriptionType) {
            return subscribe(new WebhookSubscription(nextSubscriptionId++, subscriptionType, null));
        }

        /** Subscribes to {@code contact.propertyChange} for each named property. */
        public Builder contactPropertyChanges(String... propertyNames) {
            for (String p : propertyNames) {
                subscribe(WebhookSubscription.contactPropertyChange(nextSubscriptionId++, p));
            }
            return this;
        }

        public Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        public Builder retryDelays(List<Duration> delays) {
            this.retryDelays = List.copyOf(delays);
            return this;
        }

        public Builder maxBatchSize(int n) {
            this.maxBatchSize = n;
            return this;
        }

        public Builder maxInFlight(int n) {
            this.maxInFlight = n;
            return this;
        }

        public Builder signatureClock(Clock clock) {
            this.signatureClock = clock;
            return this;
        }

        public Builder shuffleRetries(boolean on) {
            this.shuffleRetries = on;
            return this;
        }

        public WebhookConfig build() {
            return new WebhookConfig(targetUrl, clientSecret, subscriptions, timeout, retryDelays, maxBatchSize,
                    maxInFlight, signatureClock, shuffleRetries);
        }
    }
}
