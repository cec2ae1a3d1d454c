package io.leadsla.simulator.salesforce;

import io.leadsla.simulator.http.RetryQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends Outbound Messages as Salesforce does: changes matching a definition's rule queue notifications; a
 * worker POSTs them in messages of up to 100 (per definition) with {@code Content-Type: text/xml;
 * charset=utf-8} and {@code SOAPAction: ""}; a delivery counts only if the listener answers HTTP 200 with a
 * {@code notificationsResponse} whose {@code Ack} is true. Anything else — another status, no or a false Ack,
 * a timeout, a refused connection — schedules a retry of the same notifications (same ids) after the next
 * configured delay, until the delays run out. Acknowledged notifications can be redelivered on demand,
 * because Salesforce says a listener may get a notification more than once.
 */
public final class OutboundDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundDispatcher.class);

    private record Definition(String actionId, OutboundMessageConfig config) {
    }

    private record Pending(OutboundNotification notification, int attempt) {
    }

    private final Clock clock;
    private final SalesforceIds ids;
    private final String orgId;
    private final Supplier<String> enterpriseUrl;
    private final Supplier<String> partnerUrl;
    private final Function<String, String> sessionForUser;
    private final Supplier<String> integrationUserId;
    private final Object lock = new Object();
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    /** Notifications queued, in flight and waiting for retry; attempts count from 1, so retries = attempt - 1. */
    private final RetryQueue<Pending> deliveries;
    private final List<OutboundAttempt> attempts = new ArrayList<>();
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Thread worker;
    private List<Pending> lastAcknowledged = List.of();
    private boolean paused;

    OutboundDispatcher(Clock clock, SalesforceIds ids, String orgId, Supplier<String> enterpriseUrl,
                       Supplier<String> partnerUrl, Function<String, String> sessionForUser,
                       Supplier<String> integrationUserId) {
        this.clock = clock;
        this.ids = ids;
        this.orgId = orgId;
        this.enterpriseUrl = enterpriseUrl;
        this.partnerUrl = partnerUrl;
        this.sessionForUser = sessionForUser;
        this.integrationUserId = integrationUserId;
        this.deliveries = new RetryQueue<>(lock, "sf-sim-outbound-retry", p -> p.attempt() - 1,
                p -> new Pending(p.notification(), p.attempt() + 1));
        this.httpExecutor = Executors.newFixedThreadPool(2, r -> daemon(r, "sf-sim-outbound-http"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.worker = daemon(this::run, "sf-sim-outbound-dispatch");
        this.worker.start();
    }

    /** Adds an Outbound Message definition; returns its ActionId (04k…). */
    public String configure(OutboundMessageConfig config) {
        synchronized (lock) {
            String actionId = ids.next("04k");
            definitions.put(actionId, new Definition(actionId, config));
            return actionId;
        }
    }

    /** Removes a definition; its queued notifications are dropped. */
    public void remove(String actionId) {
        synchronized (lock) {
            definitions.remove(actionId);
            deliveries.removeIf(forDefinition(actionId));
        }
    }

    /** Holds deliveries (notifications keep queueing), e.g. to build up a batch. */
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

    /** Queues the notifications of the last acknowledged message again, with their ids, as a duplicate. */
    public void redeliverLastAcknowledged() {
        synchronized (lock) {
            lastAcknowledged.forEach(p -> deliveries.add(new Pending(p.notification(), 1)));
        }
    }

    public List<OutboundAttempt> attempts() {
        synchronized (lock) {
            return List.copyOf(attempts);
        }
    }

    /** Notifications of acknowledged deliveries, in delivery order (duplicates included). */
    public List<String> acknowledgedIds() {
        synchronized (lock) {
            return attempts.stream().filter(OutboundAttempt::acknowledged)
                    .flatMap(a -> a.notificationIds().stream()).toList();
        }
    }

    /** Notifications given up on after the last retry. */
    public List<OutboundNotification> abandoned() {
        return deliveries.givenUp().stream().map(Pending::notification).toList();
    }

    /** Waits until nothing is queued, in flight or waiting for a retry; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return deliveries.awaitIdle(timeout);
    }

    /** Evaluates every definition's rule against a committed change. */
    void onChange(RecordChange change) {
        synchronized (lock) {
            if (deliveries.isClosed()) {
                return;
            }
            for (Definition d : definitions.values()) {
                if (d.config().objectName().equalsIgnoreCase(change.type()) && d.config().rule().fires(change)) {
                    deliveries.add(new Pending(new OutboundNotification(ids.next("04l"), d.actionId(),
                            change.after()), 1));
                }
            }
        }
    }

    private void run() {
        while (true) {
            Definition d;
            List<Pending> batch;
            synchronized (lock) {
                try {
                    // one message at a time, as the worker sends synchronously
                    while (!deliveries.isClosed() && (paused || deliveries.pending() == 0
                            || deliveries.inFlight() > 0)) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (deliveries.isClosed()) {
                    return;
                }
                // a message carries one definition's notifications: the oldest one's, with those queued after it
                String actionId = deliveries.peek().orElseThrow().notification().actionId();
                d = definitions.get(actionId);
                if (d == null) {
                    // its definition was removed after these were queued (a retry or a redelivery)
                    deliveries.removeIf(forDefinition(actionId));
                    continue;
                }
                batch = deliveries.dispatch(forDefinition(actionId), d.config().maxBatchSize());
            }
            deliver(d, batch);
        }
    }

    private void deliver(Definition d, List<Pending> batch) {
        OutboundMessageConfig cfg = d.config();
        String session = cfg.sendSessionId() ? sessionForUser.apply(integrationUserId.get()) : null;
        String body = OutboundEnvelope.notifications(orgId, d.actionId(), session, enterpriseUrl.get(),
                partnerUrl.get(), batch.stream().map(Pending::notification).toList(), cfg.fields());
        int status = -1;
        String error = null;
        String responseBody = null;
        boolean ack = false;
        try {
            HttpRequest request = HttpRequest.newBuilder(cfg.endpoint()).timeout(cfg.timeout())
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"\"")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            responseBody = response.body();
            ack = status == 200 && acknowledged(responseBody);
            if (status == 200 && !ack) {
                error = "no Ack true in the listener's answer";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e.toString();
        } catch (Exception e) {
            error = e.toString();
        }
        int attemptNumber = batch.stream().mapToInt(Pending::attempt).max().orElse(1);
        OutboundAttempt attempt = new OutboundAttempt(clock.instant(), d.actionId(),
                batch.stream().map(p -> p.notification().id()).toList(), attemptNumber, status, ack, error, body,
                responseBody);
        synchronized (lock) {
            attempts.add(attempt);
            if (ack) {
                lastAcknowledged = List.copyOf(batch);
                deliveries.delivered();
            } else {
                LOG.debug("outbound message {} not acknowledged: status {} {}", d.actionId(), status, error);
                deliveries.failed(batch, cfg.retryDelays(), deliveries::addAll);
            }
        }
    }

    /** The listener must answer {@code notificationsResponse} (outbound namespace) with {@code Ack} true. */
    private static boolean acknowledged(String responseBody) {
        if (responseBody == null || responseBody.isBlank()) {
            return false;
        }
        try {
            Document doc = Xml.parse(responseBody.getBytes(StandardCharsets.UTF_8));
            Optional<Element> response = Xml.child(doc.getDocumentElement(), "Body")
                    .flatMap(b -> Xml.child(b, "notificationsResponse"))
                    .filter(e -> OutboundEnvelope.NS.equals(e.getNamespaceURI()));
            return response.flatMap(r -> Xml.childText(r, "Ack")).map(String::trim).filter("true"::equals)
                    .isPresent();
        } catch (Exception e) {
            return false;
        }
    }

    private static Predicate<Pending> forDefinition(String actionId) {
        return p -> p.notification().actionId().equals(actionId);
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
