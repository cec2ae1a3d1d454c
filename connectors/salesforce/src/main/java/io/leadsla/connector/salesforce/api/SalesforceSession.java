package io.leadsla.connector.salesforce.api;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.leadsla.connector.salesforce.api.SalesforceApiException.Kind;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * leadsla's session with one org through force-wsc's {@link PartnerConnection}: an OAuth access
 * token and the instance URL feed the connection (no SOAP login); an expired session
 * (INVALID_SESSION_ID) signs in again once and repeats the call; SERVER_UNAVAILABLE and broken
 * connections are retried with jittered backoff; a circuit breaker pauses calls while the org is
 * down; REQUEST_LIMIT_EXCEEDED marks the daily budget spent. After every call the org's usage
 * (LimitInfoHeader) updates the {@link OrgBudget}.
 */
public final class SalesforceSession {

    /** One Partner API call. */
    @FunctionalInterface
    public interface SoapCall<T> {
        T call(PartnerConnection connection) throws ConnectionException;
    }

    private final SalesforceAuthConfig config;
    private final SalesforceTokenClient tokens;
    private final OrgBudget budget;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final LongAdder calls = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    /** Why the last sign-in failed, until one succeeds. */
    private volatile String authFailure;
    private PartnerConnection connection;

    public SalesforceSession(SalesforceAuthConfig config, SalesforceTokenClient tokens, OrgBudget budget, Duration baseBackoff) {
        this.config = config;
        this.tokens = tokens;
        this.budget = budget;
        this.retry = Retry.of("salesforce", RetryConfig.custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(baseBackoff, 2.0, 0.5))
                .retryOnException(e -> e instanceof SalesforceApiException s && s.kind().retryable())
                .build());
        this.breaker = CircuitBreaker.of("salesforce", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordException(e -> e instanceof SalesforceApiException s && s.kind() == Kind.UNAVAILABLE)
                .build());
    }

    public OrgBudget budget() {
        return budget;
    }

    public long calls() {
        return calls.sum();
    }

    /** Calls refused with REQUEST_LIMIT_EXCEEDED. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /** Why the org refused leadsla's sign-in the last time it tried; empty once a sign-in succeeds. */
    public java.util.Optional<String> authFailure() {
        return java.util.Optional.ofNullable(authFailure);
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /** Runs a call with sign-in, retries, the circuit breaker and budget tracking. */
    public <T> T call(String operation, SoapCall<T> call) {
        Supplier<T> once = () -> attempt(operation, call);
        Supplier<T> guarded = () -> {
            try {
                return breaker.executeSupplier(once);
            } catch (CallNotPermittedException e) {
                throw new SalesforceApiException(Kind.CIRCUIT_OPEN, null,
                        operation + " not called: Salesforce failed repeatedly, the circuit breaker waits", e);
            }
        };
        return Retry.decorateSupplier(retry, guarded).get();
    }

    private <T> T attempt(String operation, SoapCall<T> call) {
        try {
            return invoke(call);
        } catch (ApiFault fault) {
            if (fault.getExceptionCode() == ExceptionCode.INVALID_SESSION_ID) {
                reset(); // the token expired or was revoked: sign in again, once
                try {
                    return invoke(call);
                } catch (ApiFault again) {
                    throw translate(operation, again);
                } catch (ConnectionException e) {
                    throw unavailable(operation, e);
                }
            }
            throw translate(operation, fault);
        } catch (ConnectionException e) {
            throw unavailable(operation, e);
        }
    }

    private <T> T invoke(SoapCall<T> call) throws ConnectionException {
        PartnerConnection c = connection();
        calls.increment();
        T result = call.call(c);
        if (c.getLimitInfoHeader() != null && c.getLimitInfoHeader().getLimitInfo() != null) {
            for (LimitInfo info : c.getLimitInfoHeader().getLimitInfo()) {
                if ("API REQUESTS".equals(info.getType())) {
                    budget.reported(info.getCurrent(), info.getLimit());
                }
            }
        }
        return result;
    }

    private synchronized PartnerConnection connection() throws ConnectionException {
        if (connection == null) {
            SalesforceToken token;
            try {
                token = tokens.fetch();
            } catch (SalesforceAuthException e) {
                authFailure = e.getMessage();
                throw e;
            }
            authFailure = null;
            ConnectorConfig cc = new ConnectorConfig();
            cc.setManualLogin(true);
            cc.setSessionId(token.accessToken());
            cc.setServiceEndpoint(token.instanceUrl() + "/services/Soap/u/" + config.apiVersion());
            cc.setConnectionTimeout(10_000);
            cc.setReadTimeout(60_000);
            connection = Connector.newConnection(cc);
        }
        return connection;
    }

    private synchronized void reset() {
        connection = null;
    }

    private SalesforceApiException translate(String operation, ApiFault fault) {
        ExceptionCode code = fault.getExceptionCode();
        String message = operation + ": " + fault.getExceptionMessage();
        if (code == ExceptionCode.REQUEST_LIMIT_EXCEEDED) {
            rateLimited.increment();
            budget.exhausted();
            return new SalesforceApiException(Kind.DAILY_LIMIT, code.name(), message, fault);
        }
        if (code == ExceptionCode.SERVER_UNAVAILABLE) {
            return new SalesforceApiException(Kind.UNAVAILABLE, code.name(), message, fault);
        }
        return new SalesforceApiException(Kind.REFUSED, code == null ? null : code.name(), message, fault);
    }

    private static SalesforceApiException unavailable(String operation, ConnectionException e) {
        return new SalesforceApiException(Kind.UNAVAILABLE, null, operation + ": " + e, e);
    }
}
