package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The app's side of the webhooks, for tests: verifies each request's v3 signature with its own HMAC code
 * (and the v1 hash, and the 5-minute timestamp window) like a real receiver, records what arrived, and
 * answers according to a per-request plan (status, optional delay).
 */
final class TestWebhookReceiver implements AutoCloseable {
    record Received(List<JsonNode> events, boolean v3Valid, boolean v1Valid, boolean timestampFresh,
                    String timestampHeader, String contentType, String signatureVersion) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final String secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private volatile IntUnaryOperator statusPlan = i -> 200;
    private volatile long delayMillis;
    private volatile int slowRequestIndex = -1;
    private volatile long slowMillis;

    TestWebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    /** Status to answer, by 0-based request index. */
    void answer(IntUnaryOperator plan) {
        this.statusPlan = plan;
    }

    /** Delay every answer (to build up concurrent requests). */
    void delayEach(long millis) {
        this.delayMillis = millis;
    }

    /** Delay one request's answer (to trip the sender's timeout). */
    void delayRequest(int index, long millis) {
        this.slowRequestIndex = index;
        this.slowMillis = millis;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        received.forEach(r -> out.addAll(r.events()));
        return out;
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int index = requestCount.getAndIncrement();
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-HubSpot-Request-Timestamp");
            String v3 = exchange.getRequestHeaders().getFirst("X-HubSpot-Signature-v3");
            String v1 = exchange.getRequestHeaders().getFirst("X-HubSpot-Signature");
            String uri = "http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI();
            boolean v3Valid = v3 != null && timestamp != null
                    && MessageDigest.isEqual(v3.getBytes(StandardCharsets.UTF_8),
                    hmac(exchange.getRequestMethod() + uri + body + timestamp).getBytes(StandardCharsets.UTF_8));
            boolean v1Valid = v1 != null && v1.equals(sha256Hex(secret + body));
            boolean fresh = timestamp != null
                    && Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) < 300_000;
            List<JsonNode> events = new ArrayList<>();
            mapper.readTree(body).forEach(events::add);
            long wait = delayMillis + (index == slowRequestIndex ? slowMillis : 0);
            if (wait > 0) {
                Thread.sleep(wait);
            }
            int status = statusPlan.applyAsInt(index);
            received.add(new Received(events, v3Valid, v1Valid, fresh, timestamp,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-HubSpot-Signature-Version")));
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
        } finally {
            concurrent.decrementAndGet();
            exchange.close();
        }
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String s) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
