package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline every API call goes through, in HubSpot's order as far as a client can observe it:
 * injected faults, authentication, rate limits, then the endpoint. Ordinary responses carry
 * {@code X-HubSpot-RateLimit-Interval-Milliseconds}, {@code -Max} and {@code -Remaining}; Search API
 * responses carry none (documented). A 429 has HubSpot's RATE_LIMIT body with the policy that tripped:
 * TEN_SECONDLY_ROLLING, SECONDLY (search; the policy name for search is inferred from HubSpot's generic
 * secondly-limit responses) or DAILY.
 */
final class HttpFrontend implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);

    private final SimulatorOptions options;
    private final Router router;
    private final ObjectMapper mapper;
    private final ErrorBodies errors;
    private final FaultInjector faults;
    private final RequestLog log;
    private final RollingWindowLimiter tenSecond;
    private final RollingWindowLimiter searchSecond;
    private final DailyLimiter daily;

    HttpFrontend(SimulatorOptions options, Router router, ObjectMapper mapper, ErrorBodies errors,
                 FaultInjector faults, RequestLog log) {
        this.options = options;
        this.router = router;
        this.mapper = mapper;
        this.errors = errors;
        this.faults = faults;
        this.log = log;
        this.tenSecond = new RollingWindowLimiter(options.clock(), Duration.ofSeconds(10), options.tenSecondLimit());
        this.searchSecond = new RollingWindowLimiter(options.clock(), Duration.ofSeconds(1),
                options.searchPerSecondLimit());
        this.daily = new DailyLimiter(options.clock(), options.dailyLimitZone(), options.dailyLimit());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Router.Match match = router.match(method, path);
        String endpoint = match != null && match.route() != null ? match.route().endpointKey()
                : method + " " + path;
        ApiResponse response;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            response = answer(exchange, method, path, match, endpoint, body);
        } catch (RuntimeException e) {
            LOG.warn("simulator failed on {} {}", method, path, e);
            response = ApiResponse.json(mapper, 500, errors.internal("Internal error: " + e));
        }
        log.record(method, path, endpoint, response.status());
        Duration delay = faults.responseDelay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        write(exchange, response);
    }

    private ApiResponse answer(HttpExchange exchange, String method, String path, Router.Match match,
                               String endpoint, byte[] body) {
        Optional<ApiResponse> fault = faults.intercept(endpoint);
        if (fault.isPresent()) {
            return fault.get();
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.equals("Bearer " + options.accessToken())) {
            return ApiResponse.json(mapper, 401, errors.unauthorized());
        }
        if (match == null) {
            return ApiResponse.json(mapper, 404, errors.of(ApiException.notFound("No endpoint at " + path)));
        }
        if (match.route() == null) {
            return ApiResponse.json(mapper, 405, errors.of(new ApiException(405, "VALIDATION_ERROR",
                    "Method " + method + " is not allowed on " + path, null, null, false)));
        }
        boolean search = match.route().search();
        if (search) {
            RollingWindowLimiter.Decision s = searchSecond.tryAcquire();
            if (!s.allowed()) {
                return rateLimited("You have reached your secondly limit.", "SECONDLY", s.retryAfter());
            }
        }
        int dailyLeft = daily.tryAcquire();
        if (dailyLeft < 0) {
            return rateLimited("You have reached your daily limit.", "DAILY", null);
        }
        RollingWindowLimiter.Decision burst = tenSecond.tryAcquire();
        if (!burst.allowed()) {
            ApiResponse limited = rateLimited("You have reached your ten_secondly_rolling limit.",
                    "TEN_SECONDLY_ROLLING", burst.retryAfter());
            return search ? limited : withLimitHeaders(limited, 0, dailyLeft);
        }
        ApiRequest request = new ApiRequest(method, path,
                ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()), match.params(), body, mapper);
        ApiResponse response;
        try {
            response = match.route().handler().handle(request);
        } catch (ApiException e) {
            response = e.emptyBody() ? ApiResponse.empty(e.status())
                    : ApiResponse.json(mapper, e.status(), errors.of(e));
        }
        return search ? response : withLimitHeaders(response, burst.remaining(), dailyLeft);
    }

    private ApiResponse rateLimited(String message, String policy, Duration retryAfter) {
        ApiResponse r = ApiResponse.json(mapper, 429, errors.rateLimited(message, policy));
        if (options.retryAfterOnRateLimit() && retryAfter != null) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            r = r.withHeader("Retry-After", Long.toString(seconds));
        }
        return r;
    }

    private ApiResponse withLimitHeaders(ApiResponse r, int remaining, int dailyLeft) {
        ApiResponse out = r.withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .withHeader("X-HubSpot-RateLimit-Max", Integer.toString(tenSecond.max()))
                .withHeader("X-HubSpot-RateLimit-Remaining", Integer.toString(remaining));
        if (options.dailyLimitHeaders()) {
            out = out.withHeader("X-HubSpot-RateLimit-Daily", Integer.toString(daily.max()))
                    .withHeader("X-HubSpot-RateLimit-Daily-Remaining", Integer.toString(Math.max(0, dailyLeft)));
        }
        return out;
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        boolean noBody = body.length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
