package io.leadsla.simulator.salesforce;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One Outbound Message definition: which object and fields it sends, to which listener, when (the rule), and
 * how delivery is retried. Real Salesforce retries unacknowledged messages with growing intervals (at most 2
 * hours apart) for up to 24 hours; tests pass millisecond delays.
 *
 * @param retryDelays     wait before the 1st, 2nd, … retry; after the last one the notification is given up
 * @param timeout         how long to wait for the listener's answer before counting the attempt as failed
 * @param maxBatchSize    notifications per message, at most 100
 * @param sendSessionId   whether to include a session id (of the integration user) instead of a nil SessionId
 */
public record OutboundMessageConfig(String name, URI endpoint, String objectName, List<String> fields,
                                    OutboundRule rule, List<Duration> retryDelays, Duration timeout,
                                    int maxBatchSize, boolean sendSessionId) {
    public static final List<Duration> SALESFORCE_LIKE_RETRIES = List.of(Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
            Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofMinutes(64),
            Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2),
            Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2));

    public OutboundMessageConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(timeout, "timeout");
        fields = List.copyOf(fields);
        retryDelays = List.copyOf(retryDelays);
        if (maxBatchSize < 1 || maxBatchSize > 100) {
            throw new IllegalArgumentException("an outbound message carries 1 to 100 notifications");
        }
    }

    public static Builder builder(String name, URI endpoint) {
        return new Builder(name, endpoint);
    }

    public static final class Builder {
        private final String name;
        private final URI endpoint;
        private String objectName = StandardObjects.LEAD;
        private List<String> fields = List.of("Id");
        private OutboundRule rule = OutboundRule.always();
        private List<Duration> retryDelays = SALESFORCE_LIKE_RETRIES;
        private Duration timeout = Duration.ofSeconds(10);
        private int maxBatchSize = 100;
        private boolean sendSessionId;

        private Builder(String name, URI endpoint) {
            this.name = name;
            this.endpoint = endpoint;
        }

        public Builder object(String v) {
            objectName = v;
            return this;
        }

        public Builder fields(String... v) {
            fields = List.of(v);
            return this;
        }

        public Builder rule(OutboundRule v) {
            rule = v;
            return this;
        }

        public Builder retryDelays(List<Duration> v) {
            retryDelays = v;
            return this;
        }

        public Builder timeout(Duration v) {
            timeout = v;
            return this;
        }

        public Builder maxBatchSize(int v) {
            maxBatchSize = v;
            return this;
        }

        public Builder sendSessionId(boolean v) {
            sendSessionId = v;
            return this;
        }

        public OutboundMessageConfig build() {
            return new OutboundMessageConfig(name, endpoint, objectName, fields, rule, retryDelays, timeout,
                    maxBatchSize, sendSessionId);
        }
    }
}
