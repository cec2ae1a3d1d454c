package io.leadsla.service.connector;

import com.codahale.metrics.health.HealthCheck;
import io.leadsla.connector.api.ConnectorHealth;
import java.util.function.Supplier;

/** A CRM account's health, as its connector reports it, for the admin port's {@code /healthcheck}. */
public final class ConnectorHealthCheck extends HealthCheck {

    private final Supplier<ConnectorHealth> health;

    public ConnectorHealthCheck(Supplier<ConnectorHealth> health) {
        this.health = health;
    }

    @Override
    protected Result check() {
        ConnectorHealth h = health.get();
        ResultBuilder result = h.healthy() ? Result.builder().healthy() : Result.builder().unhealthy();
        result.withMessage(h.message());
        h.details().forEach(result::withDetail);
        return result.build();
    }
}
