package io.leadsla.simulator.salesforce;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final List<OutboundAttempt> attempts = new ArrayList<>();
    private final List<OutboundNotification> abandoned = new ArrayList<>();
    private final ScheduledExecutorService retryTimer;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Thread worker;
    private List<Pending> lastAcknowledged = List.of();
    private boolean paused;
    private boolean closed;
    private boolean inFlight;
    private int scheduledRetries;

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
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sf-sim-outbound-retry"));
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
            queue.removeIf(p -> p.notification().actionId().equals(actionId));
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
            lastAcknowledged.forEach(p -> queue.addLast(new Pending(p.notification(), 1)));
            lock.notifyAll();
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
        synchronized (lock) {
            return List.copyOf(abandoned);
        }
    }

    /** Waits until nothing is queued, in flight or waiting for a retry; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!(queue.isEmpty() && !inFlight && scheduledRetries == 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Evaluates every definition's rule against a committed change. */
    void onChange(RecordChange change) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            for (Definition d : definitions.values()) {
                if (d.config().objectName().equalsIgnoreCase(change.type()) && d.config().rule().fires(change)) {
                    queue.addLast(new Pending(new OutboundNotification(ids.next("04l"), d.actionId(),
                            change.after()), 1));
                }
            }
            lock.notifyAll();
        }
    }

    private void run() {
        while (true) {
            Definition d;
            List<Pending> batch = new ArrayList<>();
            synchronized (lock) {
                try {
                    while (!closed && (paused || queue.isEmpty() || inFlight)) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                String actionId = queue.peekFirst().notification().actionId();
                d = definitions.get(actionId);
                Iterator<Pending> it = queue.iterator();
                while (it.hasNext()) {
                    Pending p = it.next();
                    if (p.notification().actionId().equals(actionId)) {
                        it.remove();
                        if (d != null) {
                            batch.add(p);
                        }
                        if (d != null && batch.size() >= d.config().maxBatchSize()) {
                            break;
                        }
                    }
                }
                if (d == null || batch.isEmpty()) {
                    continue;
                }
                inFlight = true;
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
            } else {
                LOG.debug("outbound message {} not acknowledged: status {} {}", d.actionId(), status, error);
                scheduleRetries(batch, cfg);
            }
            inFlight = false;
            lock.notifyAll();
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

    /** Called with the lock held. */
    private void scheduleRetries(List<Pending> batch, OutboundMessageConfig cfg) {
        Map<Integer, List<Pending>> byAttempt = new LinkedHashMap<>();
        for (Pending p : batch) {
            if (p.attempt() <= cfg.retryDelays().size()) {
                byAttempt.computeIfAbsent(p.attempt(), k -> new ArrayList<>())
                        .add(new Pending(p.notification(), p.attempt() + 1));
            } else {
                abandoned.add(p.notification());
            }
        }
        if (closed) {
            return;
        }
        byAttempt.forEach((attempt, retries) -> {
            scheduledRetries++;
            Duration delay = cfg.retryDelays().get(attempt - 1);
            retryTimer.schedule(() -> requeue(retries), delay.toNanos(), TimeUnit.NANOSECONDS);
        });
    }

    private void requeue(List<Pending> retries) {
        synchronized (lock) {
            scheduledRetries--;
            if (!closed) {
                retries.forEach(queue::addLast);
            }
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            queue.clear();
            scheduledRetries = 0;
            lock.notifyAll();
        }
        retryTimer.shutdownNow();
        httpExecutor.shutdownNow();
        worker.interrupt();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
