package io.leadsla.simulator.salesforce;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Failures to inject: an outage (every endpoint answers 503 like a maintenance page, or the SOAP endpoint
 * answers SERVER_UNAVAILABLE faults), the next N API calls failing with a given exception code (an
 * {@code ExceptionCode} name such as REQUEST_LIMIT_EXCEEDED, SERVER_UNAVAILABLE or INVALID_SESSION_ID), and a
 * delay before each answer. Row locks are per record: {@link SalesforceSimulator#lockRow}.
 */
public final class FaultInjector {
    public enum OutageStyle {
        /** HTTP 503 with an HTML page, as during maintenance behind Salesforce's edge. */
        HTTP_503,
        /** A SOAP fault sf:SERVER_UNAVAILABLE (HTTP 500) from the SOAP endpoint; other endpoints answer 503. */
        SOAP_SERVER_UNAVAILABLE
    }

    static final Map<String, String> DEFAULT_MESSAGES = Map.of(
            "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.",
            "SERVER_UNAVAILABLE", "Server temporarily unavailable. Please try again later.",
            "INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");

    private record Fault(String code, String message) {
    }

    private final Deque<Fault> queued = new ArrayDeque<>();
    private OutageStyle outage;
    private Duration delay = Duration.ZERO;

    /** Starts ({@code on}) or ends an outage answered with HTTP 503. */
    public void outage(boolean on) {
        outage(on, OutageStyle.HTTP_503);
    }

    public synchronized void outage(boolean on, OutageStyle style) {
        outage = on ? style : null;
    }

    /** The next {@code n} SOAP or REST API calls fail with this exception code and its usual message. */
    public void failNext(int n, String exceptionCode) {
        failNext(n, exceptionCode, DEFAULT_MESSAGES.getOrDefault(exceptionCode, exceptionCode));
    }

    public synchronized void failNext(int n, String exceptionCode, String message) {
        for (int i = 0; i < n; i++) {
            queued.addLast(new Fault(exceptionCode, message));
        }
    }

    /** Waits this long (real time) before each answer, e.g. to trip a client's read timeout. */
    public synchronized void responseDelay(Duration d) {
        delay = d;
    }

    public synchronized void clear() {
        queued.clear();
        outage = null;
        delay = Duration.ZERO;
    }

    synchronized Optional<OutageStyle> outage() {
        return Optional.ofNullable(outage);
    }

    synchronized Optional<SoapFault> next() {
        Fault f = queued.pollFirst();
        return f == null ? Optional.empty() : Optional.of(SoapFault.unexpected(f.code(), f.message()));
    }

    synchronized Duration delay() {
        return delay;
    }
}
