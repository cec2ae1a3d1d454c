package io.leadsla.simulator.hubspot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

/**
 * Failures to inject into API calls: a full outage (every call 503), the next N calls answered with a
 * given status and body (which may be malformed on purpose), and a delay before each answer to exercise
 * client timeouts. Faults apply before authentication and rate limiting, as a broken proxy would.
 */
public final class FaultInjector {
    /** What an outage answers with: an HTML page like a load balancer's, or HubSpot-style JSON. */
    public enum OutageBody { HTML, JSON }

    private static final String OUTAGE_HTML = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title>"
            + "</head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n"
            + "</html>\r\n";

    private final Deque<Fault> queued = new ArrayDeque<>();
    private boolean outage;
    private OutageBody outageBody = OutageBody.HTML;
    private Duration delay = Duration.ZERO;

    private static final class Fault {
        final String endpoint;
        final int status;
        final String body;
        final String contentType;
        int remaining;

        Fault(String endpoint, int remaining, int status, String body, String contentType) {
            this.endpoint = endpoint;
            this.remaining = remaining;
            this.status = status;
            this.body = body;
            this.contentType = contentType;
        }
    }

    public synchronized void outage(boolean on) {
        outage = on;
    }

    public synchronized void outage(boolean on, OutageBody body) {
        outage = on;
        outageBody = body;
    }

    public synchronized boolean inOutage() {
        return outage;
    }

    /** Answers the next {@code n} API calls, whatever their endpoint, with this status and body. */
    public void failNext(int n, int status, String body) {
        failNext(null, n, status, body);
    }

    /**
     * Answers the next {@code n} calls to one endpoint (key as in {@link RequestLog}, e.g.
     * {@code "PATCH /crm/v3/objects/{objectType}/{id}"}; null for any) with this status and body.
     * The body is sent as {@code application/json} even when it isn't valid JSON.
     */
    public synchronized void failNext(String endpoint, int n, int status, String body) {
        if (n > 0) {
            queued.addLast(new Fault(endpoint, n, status, body == null ? "" : body, ApiResponse.JSON));
        }
    }

    /** Waits this long before answering each API call (real time), e.g. to trip a client's timeout. */
    public synchronized void responseDelay(Duration d) {
        delay = d;
    }

    synchronized Duration responseDelay() {
        return delay;
    }

    public synchronized void clear() {
        queued.clear();
        outage = false;
        delay = Duration.ZERO;
    }

    synchronized Optional<ApiResponse> intercept(String endpoint) {
        if (outage) {
            if (outageBody == OutageBody.HTML) {
                return Optional.of(new ApiResponse(503, OUTAGE_HTML.getBytes(StandardCharsets.UTF_8),
                        "text/html", new java.util.LinkedHashMap<>()));
            }
            return Optional.of(ApiResponse.raw(503, ApiResponse.JSON, "{\"status\":\"error\",\"message\":"
                    + "\"Service Unavailable\",\"correlationId\":\"" + UUID.randomUUID() + "\",\"category\":"
                    + "\"SERVICE_UNAVAILABLE\"}"));
        }
        Iterator<Fault> it = queued.iterator();
        while (it.hasNext()) {
            Fault f = it.next();
            if (f.endpoint == null || f.endpoint.equals(endpoint)) {
                if (--f.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(ApiResponse.raw(f.status, f.contentType, f.body));
            }
        }
        return Optional.empty();
    }
}
