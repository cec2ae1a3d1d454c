package io.leadsla.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline's steps in a loop on one thread: inbox → events, stale leads, due leads, and
 * the outbox writers. While any step finds work it loops without pausing; when all are idle it
 * waits for {@code idlePoll} or for {@link #wakeUp()} (this instance stored new inbox items). Every
 * instance runs one; row claims and leases keep instances from doing the same work twice.
 */
public final class PipelineWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineWorker.class);

    /** One step of a round; returns how much it did (0: nothing to do). */
    public record Step(String name, IntSupplier round) {
    }

    private final List<Step> steps;
    private final Duration idlePoll;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    private final List<Runnable> onClose;
    /** System.nanoTime() at the end of the last round: liveness of the loop, not engine time. */
    private volatile long lastRoundNanos = System.nanoTime();

    public PipelineWorker(List<Step> steps, Duration idlePoll) {
        this(steps, idlePoll, List.of());
    }

    /** @param onClose run after the loop stopped (e.g. giving up leases) */
    public PipelineWorker(List<Step> steps, Duration idlePoll, List<Runnable> onClose) {
        this.steps = List.copyOf(steps);
        this.idlePoll = Objects.requireNonNull(idlePoll);
        this.onClose = List.copyOf(onClose);
    }

    /**
     * The usual steps: normalize the inbox, fold stale then due leads, write to each CRM, poll each
     * CRM; on stop, the writers' and pollers' leases are given up.
     */
    public static PipelineWorker of(InboxProcessor inbox, LeadFolder folder, List<OutboxWriter> writers,
                                    List<PollStep> polls, int batch, Duration idlePoll) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("inbox", () -> inbox.processPending(Math.max(1, batch / 10)).items()));
        steps.add(new Step("fold-stale", () -> folder.foldStale(batch)));
        steps.add(new Step("fold-due", () -> folder.foldDue(batch)));
        List<Runnable> release = new ArrayList<>();
        for (OutboxWriter w : writers) {
            steps.add(new Step(w.leaseName() + ":write", w::runOnce));
            release.add(w::release);
        }
        for (PollStep p : polls) {
            steps.add(new Step("poll", p::runOnce));
            release.add(p::release);
        }
        return new PipelineWorker(steps, idlePoll, release);
    }

    /** One round of every step: @return how much was done. */
    public int runOnce() {
        int done = 0;
        for (Step step : steps) {
            try {
                done += step.round().getAsInt();
            } catch (RuntimeException e) {
                // a store or CRM outage: the other steps go on, nothing is lost (work stays
                // waiting, stale or due) and the step is tried again next round
                LOG.warn("pipeline step {} failed, retrying after {}: {}", step.name(), idlePoll, e.toString());
            }
        }
        return done;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "leadsla-pipeline");
        thread.setDaemon(true);
        thread.start();
    }

    /** New work was stored (an inbox item): do it without waiting for the next poll. */
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the loop runs (between {@link #start()} and {@link #close()}). */
    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** Real time since the loop last finished a round (a stuck step shows here). */
    public Duration sinceLastRound() {
        return Duration.ofNanos(System.nanoTime() - lastRoundNanos);
    }

    private void loop() {
        while (running) {
            int done = runOnce();
            lastRoundNanos = System.nanoTime();
            if (done == 0) {
                lock.lock();
                try {
                    if (!woken && running) {
                        work.await(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    woken = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Stops after the current step, whose transaction commits or rolls back whole (nothing
     * half-done), then gives leases up so another instance takes over at once.
     */
    @Override
    public synchronized void close() throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        wakeUp();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        thread = null;
        for (Runnable r : onClose) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("on stop: {}", e.toString()); // the lease then simply expires
            }
        }
    }
}
