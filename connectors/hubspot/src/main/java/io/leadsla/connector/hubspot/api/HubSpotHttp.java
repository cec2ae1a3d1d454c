package io.leadsla.connector.hubspot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.leadsla.connector.hubspot.api.HubSpotApiException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Every HubSpot call goes through here: the portal's burst limit (and the Search API's own),
 * retries with jittered backoff for 5xx and timeouts, 429s that drain the limiter and wait as
 * HubSpot asks, a circuit breaker while HubSpot is down, and the daily count.
 *
 * <p>The limiters hand out one call per {@code interval / (limit - 2)}, never a burst: limit − 1
 * calls span a whole window, and one call of margin absorbs the network's jitter (two calls
 * granted a spacing apart can reach HubSpot closer together; measured: without the margin the
 * simulator saw 191 calls in a 10 s window at a limit of 190). A fixed-window limiter would allow
 * twice the limit across a window boundary.
 */
public final class HubSpotHttp {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    /** How long a call may wait for the limiter before it counts as failed (and is retried later). */
    private static final Duration LIMITER_WAIT = Duration.ofSeconds(30);

    /** An answer: HTTP status and JSON body ({@code null} when empty). */
    public record Answer(int status, JsonNode body) {
    }

    private final HubSpotApiConfig config;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final RateLimiter burst;
    private final RateLimiter search;
    private final CircuitBreaker breaker;
    private final Retry retry;
    /** For calls HubSpot may have carried out when no answer came (creates): only 429s are retried. */
    private final Retry retryRefusedOnly;
    private final DailyBudget budget;
    private final Duration baseBackoff;
    private final LongAdder calls = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    /** HubSpot's last word on the token when it refused it (401), until a call succeeds again. */
    private volatile String authFailure;

    public HubSpotHttp(HubSpotApiConfig config, ObjectMapper json, Clock clock) {
        this(config, json, clock, Duration.ofMillis(500));
    }

    /** @param baseBackoff first retry delay (doubled per attempt, jittered, at most 8 s) */
    public HubSpotHttp(HubSpotApiConfig config, ObjectMapper json, Clock clock, Duration baseBackoff) {
        this.config = config;
        this.json = json;
        this.baseBackoff = baseBackoff;
        this.http = new OkHttpClient.Builder()
                .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(Math.min(5_000, config.callTimeout().toMillis()), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false) // retries are ours, counted and paced
                .socketFactory(new NoDelaySockets())
                .build();
        this.burst = RateLimiter.of("hubspot-burst", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(spacing(Duration.ofSeconds(10), config.requestsPer10Seconds()))
                .timeoutDuration(LIMITER_WAIT)
                .build());
        this.search = RateLimiter.of("hubspot-search", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(spacing(Duration.ofSeconds(1), config.searchPerSecond()))
                .timeoutDuration(LIMITER_WAIT)
                .build());
        this.breaker = CircuitBreaker.of("hubspot", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(2)
                // only HubSpot being down opens the circuit: a refused request or a 429 says it is up
                .recordException(e -> e instanceof HubSpotApiException h && h.kind() == Kind.UNAVAILABLE)
                .build());
        this.retry = Retry.of("hubspot", RetryConfig.<Answer>custom()
                .maxAttempts(config.maxAttempts())
                .retryOnException(e -> e instanceof HubSpotApiException h && h.kind().retryable())
                .intervalBiFunction(this::waitBeforeRetry)
                .build());
        this.retryRefusedOnly = Retry.of("hubspot-create", RetryConfig.<Answer>custom()
                .maxAttempts(config.maxAttempts())
                .retryOnException(e -> e instanceof HubSpotApiException h && h.kind() == Kind.RATE_LIMITED)
                .intervalBiFunction(this::waitBeforeRetry)
                .build());
        this.budget = new DailyBudget(config.dailyLimit(), config.dailyWarnShare(), config.accountZone(), clock);
    }

    /** One call per {@code window / (limit - 2)}: at most {@code limit - 1} granted in any rolling window. */
    static Duration spacing(Duration window, int limit) {
        long nanos = window.toNanos() / (limit - 2);
        return Duration.ofNanos(nanos + 1);
    }

    public Answer get(String pathAndQuery) {
        return call("GET", pathAndQuery, null, false);
    }

    public Answer post(String path, Object body) {
        return call("POST", path, body, false);
    }

    public Answer patch(String path, Object body) {
        return call("PATCH", path, body, false);
    }

    /**
     * A create: retried only when HubSpot refused it (429). After a timeout or a 5xx the object may
     * exist, and a blind retry would make a second one: the caller looks before trying again.
     */
    public Answer create(String path, Object body) {
        return call("POST", path, body, false, retryRefusedOnly);
    }

    /** A Search API call: paced by the search limit as well as the burst limit. */
    public Answer search(String path, Object body) {
        return call("POST", path, body, true);
    }

    private Answer call(String method, String path, Object body, boolean isSearch) {
        return call(method, path, body, isSearch, retry);
    }

    private Answer call(String method, String path, Object body, boolean isSearch, Retry retries) {
        Supplier<Answer> paced = () -> {
            acquire(burst);
            if (isSearch) {
                acquire(search);
            }
            return send(method, path, body);
        };
        Supplier<Answer> guarded = () -> {
            try {
                return breaker.executeSupplier(paced);
            } catch (CallNotPermittedException e) {
                throw new HubSpotApiException(Kind.CIRCUIT_OPEN, 0, null,
                        "not called: HubSpot failed repeatedly, the circuit breaker waits before trying again", null, null, e);
            }
        };
        return Retry.decorateSupplier(retries, guarded).get();
    }

    private static void acquire(RateLimiter limiter) {
        try {
            RateLimiter.waitForPermission(limiter);
        } catch (RequestNotPermitted e) {
            throw new HubSpotApiException(Kind.UNAVAILABLE, 0, null,
                    "no call allowed by the rate limiter within " + LIMITER_WAIT.toSeconds() + " s", null, null, e);
        }
    }

    private Answer send(String method, String path, Object body) {
        Request.Builder request = new Request.Builder()
                .url(config.baseUrl() + path)
                .header("Authorization", "Bearer " + config.accessToken())
                .header("Accept", "application/json");
        try {
            RequestBody payload = body == null ? null : RequestBody.create(json.writeValueAsBytes(body), JSON);
            request.method(method, payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body of " + method + " " + path, e);
        }
        calls.increment();
        budget.called();
        try (Response response = http.newCall(request.build()).execute()) {
            String dailyRemaining = response.header("X-HubSpot-RateLimit-Daily-Remaining");
            if (dailyRemaining != null) {
                try {
                    budget.remainingReported(Long.parseLong(dailyRemaining.trim()));
                } catch (NumberFormatException ignored) {
                    // a header we cannot read tells us nothing
                }
            }
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            int status = response.code();
            if (status >= 200 && status < 300) {
                authFailure = null;
                return new Answer(status, parse(method, path, status, text));
            }
            HubSpotApiException failure = failure(response, status, text);
            if (status == 401) {
                authFailure = failure.getMessage();
            }
            throw failure;
        } catch (IOException e) {
            throw new HubSpotApiException(Kind.UNAVAILABLE, 0, null, method + " " + path + ": " + e, null, null, e);
        }
    }

    private JsonNode parse(String method, String path, int status, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new HubSpotApiException(Kind.MALFORMED, status, null,
                    method + " " + path + " answered a body that is not JSON: " + excerpt(text), null, null, e);
        }
    }

    private HubSpotApiException failure(Response response, int status, String text) {
        JsonNode error = null;
        try {
            error = text.isBlank() ? null : json.readTree(text);
        } catch (IOException ignored) {
            // an HTML error page from a proxy: keep an excerpt below
        }
        String message = error != null && error.hasNonNull("message") ? error.get("message").asText() : excerpt(text);
        String category = error != null && error.hasNonNull("category") ? error.get("category").asText()
                : error != null && error.hasNonNull("errorType") ? error.get("errorType").asText() : null;
        String correlationId = error != null && error.hasNonNull("correlationId") ? error.get("correlationId").asText() : null;
        if (status == 429) {
            rateLimited.increment();
            String policy = error != null && error.hasNonNull("policyName") ? error.get("policyName").asText() : "";
            if (policy.equalsIgnoreCase("DAILY")) {
                budget.exhausted();
                return new HubSpotApiException(Kind.DAILY_LIMIT, status, category, message, correlationId, null, null);
            }
            burst.drainPermissions(); // whatever we counted, HubSpot says the window is full
            return new HubSpotApiException(Kind.RATE_LIMITED, status, category, message, correlationId,
                    retryAfter(response), null);
        }
        Kind kind = status >= 500 || status == 408 ? Kind.UNAVAILABLE : Kind.REFUSED;
        return new HubSpotApiException(kind, status, category, message, correlationId, null, null);
    }

    /** Retry-After when HubSpot sends it; else the rate-limit interval; else a second (search sends neither). */
    private static Duration retryAfter(Response response) {
        String after = response.header("Retry-After");
        if (after != null) {
            try {
                return Duration.ofSeconds(Long.parseLong(after.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: rare for HubSpot, fall through to the interval
            }
        }
        String interval = response.header("X-HubSpot-RateLimit-Interval-Milliseconds");
        if (interval != null) {
            try {
                return Duration.ofMillis(Long.parseLong(interval.trim()));
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return Duration.ofSeconds(1);
    }

    private long waitBeforeRetry(Integer attempt, Either<Throwable, Answer> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof HubSpotApiException h && h.retryAfter() != null) {
            return h.retryAfter().toMillis();
        }
        long exponential = Math.min(MAX_BACKOFF.toMillis(), baseBackoff.toMillis() << Math.min(attempt - 1, 10));
        return (long) (exponential * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    private static String excerpt(String text) {
        String t = text.strip();
        return t.length() <= 200 ? t : t.substring(0, 200) + "…";
    }

    public DailyBudget budget() {
        return budget;
    }

    /** HTTP requests sent (every try counts). */
    public long calls() {
        return calls.sum();
    }

    /** 429 answers received. */
    /** Why HubSpot refused the access token on the last call that reached it; empty once a call succeeds. */
    public java.util.Optional<String> authFailure() {
        return java.util.Optional.ofNullable(authFailure);
    }

    public long rateLimited() {
        return rateLimited.sum();
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    public ObjectMapper json() {
        return json;
    }
}
