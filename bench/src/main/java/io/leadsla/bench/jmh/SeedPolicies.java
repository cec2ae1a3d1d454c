package io.leadsla.bench.jmh;

import io.leadsla.config.PolicyLoader;
import io.leadsla.core.policy.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped seed SLA, read from {@code config/policies.yml}: benchmarks run from the repository root. */
final class SeedPolicies {

    private SeedPolicies() {
    }

    static PolicySet load() {
        Path file = Path.of(System.getProperty("leadsla.policies", "config/policies.yml"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("run the benchmarks from the repository root (no " + file.toAbsolutePath()
                    + "), or pass -Dleadsla.policies=FILE");
        }
        return new PolicyLoader().load(file);
    }
}
