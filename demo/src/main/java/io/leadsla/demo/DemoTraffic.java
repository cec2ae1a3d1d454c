package io.leadsla.demo;

import io.leadsla.core.calendar.BusinessCalendar;
import io.leadsla.core.event.Crm;
import io.leadsla.demo.TrafficPlan.Create;
import io.leadsla.demo.TrafficPlan.Lead;
import io.leadsla.demo.TrafficPlan.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the demo's lead traffic: takes the steps of a seeded {@link TrafficPlan} one after the
 * other, waits (in real time) until the accelerated clock reaches each, and has the CRMs' people
 * do it through the simulators' user actions. What it created is kept for the demo's summary
 * (which leads, in which tier, with which record id).
 */
final class DemoTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

    /** A lead the traffic created: its CRM record and its story's lead. */
    record Created(Crm crm, String recordId, Lead lead) {
    }

    private final TrafficPlan plan;
    private final AcceleratedClock clock;
    private final DemoCrms crms;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Map<Integer, Created> byLead = new ConcurrentHashMap<>();
    private final Map<String, Created> byRecord = new ConcurrentHashMap<>();
    private final Map<Crm, AtomicInteger> created = new EnumMap<>(Crm.class);
    private final Map<Crm, CompletableFuture<String>> firstLead = new EnumMap<>(Crm.class);
    private final AtomicInteger failures = new AtomicInteger();
    private Thread thread;

    DemoTraffic(TrafficPlan plan, AcceleratedClock clock, DemoCrms crms) {
        this.plan = plan;
        this.clock = clock;
        this.crms = crms;
        for (Crm crm : Crm.values()) {
            created.put(crm, new AtomicInteger());
            firstLead.put(crm, new CompletableFuture<>());
        }
    }

    /** The demo's plan: seeded, starting at {@code start}, on the office hours of the EMEA and NA teams. */
    static TrafficPlan plan(long seed, Instant start, BusinessCalendar emea, BusinessCalendar na) {
        return new TrafficPlan(seed, start, emea, na);
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "leadsla-demo-traffic");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (stop.getCount() > 0) {
                Step step = plan.next();
                if (!waitUntil(step.at())) {
                    return;
                }
                play(step);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits in real time until the clock reaches {@code at}; false when stopped meanwhile. */
    private boolean waitUntil(Instant at) throws InterruptedException {
        while (true) {
            Duration ahead = Duration.between(clock.instant(), at);
            if (ahead.isNegative() || ahead.isZero()) {
                return stop.getCount() > 0;
            }
            // +1 ms: a wait rounded down would wake just before the instant and spin
            if (stop.await(clock.realTimeOf(ahead).toNanos() + 1_000_000L, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
    }

    private void play(Step step) {
        try {
            if (step.action() instanceof Create create) {
                Crm crm = create.lead().crm();
                String id = crms.perform(create, null, crm);
                Created lead = new Created(crm, id, create.lead());
                byLead.put(step.lead(), lead);
                byRecord.put(key(crm, id), lead);
                created.get(crm).incrementAndGet();
                firstLead.get(crm).complete(id);
            } else {
                Created lead = byLead.get(step.lead());
                if (lead != null) { // else its creation failed: nothing to do on it
                    crms.perform(step.action(), lead.recordId(), lead.crm());
                }
            }
        } catch (RuntimeException e) {
            // a step the CRM refuses must not stop the traffic
            if (failures.incrementAndGet() <= 5) {
                LOG.warn("demo traffic: lead {} step {} failed: {}", step.lead(), step.action().getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    private static String key(Crm crm, String recordId) {
        return crm.id() + ":" + recordId;
    }

    /** Leads created so far in a CRM. */
    int created(Crm crm) {
        return created.get(crm).get();
    }

    /** The record id of the first lead created in the CRM, once there is one. */
    CompletableFuture<String> firstLead(Crm crm) {
        return firstLead.get(crm);
    }

    /** What the traffic knows about a record it created. */
    Optional<Created> lead(Crm crm, String recordId) {
        return Optional.ofNullable(byRecord.get(key(crm, recordId)));
    }

    /** Stops playing (a step in progress finishes first). */
    @Override
    public void close() {
        stop.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
