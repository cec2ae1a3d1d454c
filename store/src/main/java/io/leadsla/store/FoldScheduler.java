package io.leadsla.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fold step continuously: stale leads first (new events), then leads whose clocks reach
 * an at-risk or due moment. While there is work it loops without pausing; when idle it waits for
 * {@code idlePoll} or for {@link #wakeUp()} (new events stored by this instance). Every instance
 * runs one; claims keep them from folding the same lead.
 */
public final class FoldScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FoldScheduler.class);

    private final LeadFolder folder;
    private final Duration idlePoll;
    private final int batch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    public FoldScheduler(LeadFolder folder, Duration idlePoll, int batch) {
        this.folder = Objects.requireNonNull(folder);
        this.idlePoll = idlePoll;
        this.batch = batch;
    }

    /** One round: @return how many leads were folded. */
    public int runOnce() {
        return folder.foldStale(batch) + folder.foldDue(batch);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "leadsla-fold-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    /** New events were stored: fold them without waiting for the next poll. */
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            int done;
            try {
                done = runOnce();
            } catch (RuntimeException e) {
                // a store outage: keep the loop alive, nothing is lost (leads stay stale or due)
                LOG.warn("folding failed, retrying after {}: {}", idlePoll, e.toString());
                done = 0;
            }
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

    /** Stops after the current batch, which commits or rolls back whole (nothing half-done). */
    @Override
    public synchronized void close() throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        wakeUp();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        thread = null;
    }
}
