package io.leadsla.service.salesforce;

import com.codahale.metrics.health.HealthCheck;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadsla.connector.salesforce.api.OrgBudget;
import io.leadsla.connector.salesforce.api.SalesforceSession;

/** Salesforce as this instance sees it: the sign-in, the circuit breaker and the org's daily API usage. */
public final class SalesforceHealthCheck extends HealthCheck {

    private final SalesforceSession session;

    public SalesforceHealthCheck(SalesforceSession session) {
        this.session = session;
    }

    @Override
    protected Result check() {
        OrgBudget budget = session.budget();
        CircuitBreaker.State circuit = session.circuitState();
        boolean down = circuit == CircuitBreaker.State.OPEN || circuit == CircuitBreaker.State.FORCED_OPEN;
        java.util.Optional<String> refused = session.authFailure();
        ResultBuilder result = down || refused.isPresent() || budget.pauseNonEssential() ? Result.builder().unhealthy()
                : Result.builder().healthy();
        String message = refused.isPresent() ? "leadsla cannot sign in to Salesforce: " + refused.get()
                : down ? "Salesforce is failing: calls paused by the circuit breaker"
                : budget.isExhausted() ? "the org's daily API limit is reached (REQUEST_LIMIT_EXCEEDED)"
                : budget.pauseNonEssential() ? "the org's daily API budget is nearly spent: polling paused"
                : budget.slowDown() ? "the org's daily API budget is getting spent: polling slowed down"
                : "Salesforce reachable as far as this instance knows";
        return result.withMessage(message)
                .withDetail("circuit", circuit.name())
                .withDetail("authenticated", refused.isEmpty())
                .withDetail("apiRequestsUsed", budget.used())
                .withDetail("apiRequestsLimit", budget.limit())
                .withDetail("calls", session.calls())
                .withDetail("rateLimited", session.rateLimited())
                .build();
    }
}
