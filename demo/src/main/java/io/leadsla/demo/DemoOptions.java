package io.leadsla.demo;

import java.nio.file.Path;
import java.time.Instant;

/**
 * How a demo runs.
 *
 * @param speed    simulated seconds per real second
 * @param port     the application port; the admin port is the next one
 * @param dataDir  where the store and the generated configuration go; null: a fresh temporary
 *                 directory, removed at the end
 * @param policies the SLA policies; null: {@code config/policies.yml} when it exists, else the
 *                 copy inside the jar
 * @param seed     the traffic's seed: the same seed (and start) plays the same traffic
 * @param start    the simulated instant the demo begins at; null: 10 minutes before the next
 *                 opening of the policies' reporting calendar
 */
public record DemoOptions(long speed, int port, Path dataDir, Path policies, long seed, Instant start) {

    /** 1 real second = 6 simulated minutes: a standard lead's at-risk and breach come within a minute. */
    public static final long DEFAULT_SPEED = 360;
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_SEED = 1;
    /** Beyond this, a hot lead's 5-minute promise lasts less than the pipeline's own latency. */
    public static final long MAX_SPEED = 3_600;

    public DemoOptions {
        if (speed < 1 || speed > MAX_SPEED) {
            throw new IllegalArgumentException("--speed must be between 1 and " + MAX_SPEED + ", not " + speed);
        }
        if (port < 1 || port > 65_534) {
            throw new IllegalArgumentException("--port must be between 1 and 65534 (the admin port is the next one), not "
                    + port);
        }
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_SPEED, DEFAULT_PORT, null, null, DEFAULT_SEED, null);
    }
}
