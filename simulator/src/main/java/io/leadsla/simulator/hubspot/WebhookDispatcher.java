package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadsla.simulator.http.RetryQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the app's webhook events like HubSpot does: POSTs of JSON arrays of up to 100 events, at most
 * 10 in flight, signed (v3 and legacy v1 headers), a delivery failing on connection error, timeout or any
 * non-2xx answer. Failed events are retried after the configured delays with {@code attemptNumber}
 * raised, rejoining the queue behind newer events, so retries can be re-batched and arrive out of order.
 * Every request is recorded for tests. Nothing is delivered until {@link #configure} is called; changes
 * made before that are not queued (HubSpot only notifies subscribed, installed apps).
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final ObjectMapper mapper;
    private final long portalId;
    private final long appId;
    private final Object lock = new Object();
    /** Events as queued, in flight and waiting for retry; an event's attemptNumber is its retries so far. */
    private final RetryQueue<WebhookEvent> deliveries;
    private final List<WebhookAttempt> attempts = new ArrayList<>();
    private final AtomicLong nextEventId = new AtomicLong(1);
    private final Random random = new Random(20_240_601L);
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Thread worker;
    private WebhookConfig config;
    private boolean paused;

    WebhookDispatcher(ObjectMapper mapper, long portalId, long appId) {
        this.mapper = mapper;
        this.portalId = portalId;
        this.appId = appId;
        this.deliveries = new RetryQueue<>(lock, "hubspot-sim-webhook-retry", WebhookEvent::attemptNumber,
                WebhookEvent::nextAttempt);
        this.httpExecutor = Executors.newFixedThreadPool(2, r -> daemon(r, "hubspot-sim-webhook-http"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.worker = daemon(this::run, "hubspot-sim-webhook-dispatch");
        this.worker.start();
    }

    /** Starts (or reconfigures) delivery to the app's target URL with its subscriptions. */
    public void configure(WebhookConfig webhookConfig) {
        synchronized (lock) {
            this.config = webhookConfig;
            lock.notifyAll();
        }
    }

    /** Stops producing and delivering events; queued events are dropped. */
    public void disable() {
        synchronized (lock) {
            this.config = null;
            deliveries.clearPending();
        }
    }

    /** Holds deliveries (events keep queueing), e.g. to make a test build up a large batch. */
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Every delivery request made so far, in the order answers came back. */
    public List<WebhookAttempt> attempts() {
        synchronized (lock) {
            return List.copyOf(attempts);
        }
    }

    /** Events of all successful deliveries (with the attempt number they succeeded on). */
    public List<WebhookEvent> delivered() {
        synchronized (lock) {
            List<WebhookEvent> out = new ArrayList<>();
            attempts.stream().filter(WebhookAttempt::succeeded).forEach(a -> out.addAll(a.events()));
            return out;
        }
    }

    /** Events given up on after the last retry. */
    public List<WebhookEvent> abandoned() {
        return deliveries.givenUp();
    }

    /** Events waiting to be sent (not counting those in flight or waiting for a retry). */
    public int queued() {
        return deliveries.pending();
    }

    /** Waits until nothing is queued, in flight or scheduled for retry; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return deliveries.awaitIdle(timeout);
    }

    /** Turns a portal change into events for the matching subscriptions and queues them. */
    void onChange(CrmChange change) {
        synchronized (lock) {
            if (config == null || deliveries.isClosed()) {
                return;
            }
            for (WebhookSubscription sub : config.subscriptions()) {
                WebhookEvent e = eventFor(change, sub);
                if (e != null) {
                    deliveries.add(e);
                }
            }
        }
    }

    private WebhookEvent eventFor(CrmChange change, WebhookSubscription sub) {
        String prefix = change.type().singular() + ".";
        if (!sub.subscriptionType().startsWith(prefix)) {
            return null;
        }
        String kind = sub.subscriptionType().substring(prefix.length());
        long occurredAt = change.at().toEpochMilli();
        String source = change.source().sourceType();
        String sourceId = change.source().sourceId();
        if (change instanceof CrmChange.Created c && kind.equals("creation")) {
            return event(sub, occurredAt, c.objectId(), null, null, "CREATED", source, sourceId, null);
        }
        if (change instanceof CrmChange.Deleted d && kind.equals("deletion")) {
            return event(sub, occurredAt, d.objectId(), null, null, "DELETED", source, sourceId, null);
        }
        if (change instanceof CrmChange.PropertyChanged p && kind.equals("propertyChange")
                && p.propertyName().equals(sub.propertyName())) {
            return event(sub, occurredAt, p.objectId(), p.propertyName(), p.propertyValue(), null, source, sourceId,
                    null);
        }
        if (change instanceof CrmChange.Merged m && kind.equals("merge")) {
            return event(sub, occurredAt, m.primaryObjectId(), null, null, null, source, sourceId, m);
        }
        return null;
    }

    private WebhookEvent event(WebhookSubscription sub, long occurredAt, long objectId, String propertyName,
                               String propertyValue, String changeFlag, String source, String sourceId,
                               CrmChange.Merged merge) {
        return new WebhookEvent(nextEventId.getAndIncrement(), sub.id(), portalId, appId, occurredAt,
                sub.subscriptionType(), 0, objectId, propertyName, propertyValue, changeFlag, source, sourceId,
                merge == null ? null : merge.primaryObjectId(), merge == null ? null : merge.mergedObjectIds(),
                merge == null ? null : merge.newObjectId(), merge == null ? null : merge.numberOfPropertiesMoved());
    }

    private void run() {
        while (true) {
            List<WebhookEvent> batch;
            WebhookConfig cfg;
            synchronized (lock) {
                try {
                    while (!deliveries.isClosed() && (paused || config == null || deliveries.pending() == 0
                            || deliveries.inFlight() >= config.maxInFlight())) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (deliveries.isClosed()) {
                    return;
                }
                cfg = config;
                batch = deliveries.dispatch(e -> true, cfg.maxBatchSize());
            }
            send(batch, cfg);
        }
    }

    private void send(List<WebhookEvent> batch, WebhookConfig cfg) {
        String body;
        try {
            ArrayNode array = mapper.createArrayNode();
            batch.forEach(e -> array.add(e.toJson(mapper)));
            body = mapper.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long timestamp = cfg.signatureClock().millis();
        String uri = cfg.targetUrl().toString();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(cfg.targetUrl())
                    .timeout(cfg.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-HubSpot-Signature", WebhookSigner.v1(cfg.clientSecret(), body))
                    .header("X-HubSpot-Signature-Version", "v1")
                    .header("X-HubSpot-Signature-v3", WebhookSigner.v3(cfg.clientSecret(), "POST", uri, body,
                            timestamp))
                    .header("X-HubSpot-Request-Timestamp", Long.toString(timestamp))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            finish(batch, cfg, -1, e.toString(), body);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                finish(batch, cfg, -1, error.toString(), body);
            } else {
                finish(batch, cfg, response.statusCode(), null, body);
            }
        });
    }

    private void finish(List<WebhookEvent> batch, WebhookConfig cfg, int status, String error, String body) {
        WebhookAttempt attempt = new WebhookAttempt(Clock.systemUTC().instant(), batch, status, error, body);
        synchronized (lock) {
            attempts.add(attempt);
            if (attempt.succeeded()) {
                deliveries.delivered();
            } else {
                LOG.debug("webhook delivery of {} events failed: status {} {}", batch.size(), status, error);
                boolean shuffle = cfg.shuffleRetries();
                deliveries.failed(batch, cfg.retryDelays(), retries -> rejoin(retries, shuffle));
            }
        }
    }

    /**
     * Puts retried events back, behind newer ones or, with {@code shuffle}, anywhere among them (HubSpot
     * promises no order). Called by the queue with the lock held; a disabled app gets nothing back.
     */
    private void rejoin(List<WebhookEvent> events, boolean shuffle) {
        if (config == null) {
            return;
        }
        for (WebhookEvent e : events) {
            if (shuffle && deliveries.pending() > 0) {
                deliveries.insert(random.nextInt(deliveries.pending() + 1), e);
            } else {
                deliveries.add(e);
            }
        }
    }

    @Override
    public void close() {
        deliveries.close();
        httpExecutor.shutdownNow();
        worker.interrupt();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
