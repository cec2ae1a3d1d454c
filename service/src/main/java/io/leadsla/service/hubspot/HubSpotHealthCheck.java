package io.leadsla.service.hubspot;

import com.codahale.metrics.health.HealthCheck;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadsla.connector.hubspot.api.DailyBudget;
import io.leadsla.connector.hubspot.api.HubSpotHttp;

/**
 * HubSpot as this instance sees it: unhealthy while HubSpot refuses the token, while the circuit
 * breaker is open (HubSpot failing) or once the daily budget passes its warning share; the details give calls, 429s and the budget.
 */
public final class HubSpotHealthCheck extends HealthCheck {

    private final HubSpotHttp http;

    public HubSpotHealthCheck(HubSpotHttp http) {
        this.http = http;
    }

    @Override
    protected Result check() {
        DailyBudget budget = http.budget();
        CircuitBreaker.State circuit = http.circuitState();
        boolean down = circuit == CircuitBreaker.State.OPEN || circuit == CircuitBreaker.State.FORCED_OPEN;
        java.util.Optional<String> refused = http.authFailure();
        ResultBuilder result = down || refused.isPresent() || budget.nearLimit() ? Result.builder().unhealthy()
                : Result.builder().healthy();
        String message = refused.isPresent() ? "HubSpot refuses the access token (401): " + refused.get()
                : down ? "HubSpot is failing: calls paused by the circuit breaker"
                : budget.isExhausted() ? "HubSpot's daily API limit is reached: calls resume after the portal's midnight"
                : budget.nearLimit() ? "HubSpot's daily API budget is nearly spent"
                : "HubSpot reachable as far as this instance knows";
        return result.withMessage(message)
                .withDetail("circuit", circuit.name())
                .withDetail("authenticated", refused.isEmpty())
                .withDetail("callsToday", budget.used())
                .withDetail("dailyLimit", budget.limit())
                .withDetail("calls", http.calls())
                .withDetail("rateLimited", http.rateLimited())
                .build();
    }
}
