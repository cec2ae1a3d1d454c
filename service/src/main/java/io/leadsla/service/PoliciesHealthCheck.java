package io.leadsla.service;

import com.codahale.metrics.health.HealthCheck;
import io.leadsla.core.policy.PolicySet;

/** Reports which policy version the service enforces. */
final class PoliciesHealthCheck extends HealthCheck {

    private final PolicySet policies;

    PoliciesHealthCheck(PolicySet policies) {
        this.policies = policies;
    }

    @Override
    protected Result check() {
        return Result.builder().healthy()
                .withMessage("policies %s: %d policies on %d calendars", policies.version(), policies.policies().size(),
                        policies.calendars().size())
                .build();
    }
}
