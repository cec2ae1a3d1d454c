package io.leadsla.simulator.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * The queue behind a simulated CRM's outgoing deliveries (webhooks, Outbound Messages): items wait here
 * ("pending"), a worker takes batches of them ("in flight"), and a failed batch's items come back after the
 * configured delays ("waiting for retry") until the delays run out, when they are given up. Keeping the
 * three counts together is what makes {@link #awaitIdle} exact.
 *
 * <p>Every method synchronizes on the owner's lock, passed in, and wakes it on each change: the owner's own
 * state (its configuration, a pause) decides together with this queue's whether a batch may go out, and the
 * owner's worker waits on that lock, so both must be checked under one monitor.
 *
 * <p>How often an item was already retried is read from the item itself ({@code retriesSoFar}) and raised by
 * {@code nextAttempt}, so each CRM keeps its own numbering (HubSpot counts from 0, Salesforce from 1).
 * Delays are real time; the CRM clock a test may be adjusting does not move retries.
 *
 * @param <T> one deliverable item (an event, a notification), immutable
 */
public final class RetryQueue<T> implements AutoCloseable {
    private final Object lock;
    private final ToIntFunction<? super T> retriesSoFar;
    private final UnaryOperator<T> nextAttempt;
    private final ScheduledExecutorService timer;
    private final Deque<T> pending = new ArrayDeque<>();
    private final List<T> givenUp = new ArrayList<>();
    private int inFlight;
    private int waitingForRetry;
    private boolean closed;

    /**
     * @param lock            the owner's monitor, guarding this queue and waited on by the owner's worker
     * @param timerThreadName name of the daemon thread that waits out retry delays
     * @param retriesSoFar    how many retries an item already had (0 for a first delivery)
     * @param nextAttempt     the item as it is sent on its next retry
     */
    public RetryQueue(Object lock, String timerThreadName, ToIntFunction<? super T> retriesSoFar,
                      UnaryOperator<T> nextAttempt) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.retriesSoFar = Objects.requireNonNull(retriesSoFar, "retriesSoFar");
        this.nextAttempt = Objects.requireNonNull(nextAttempt, "nextAttempt");
        Objects.requireNonNull(timerThreadName, "timerThreadName");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, timerThreadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues an item behind the pending ones; false (and dropped) once closed. */
    public boolean add(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
            if (closed) {
                return false;
            }
            pending.addLast(item);
            lock.notifyAll();
            return true;
        }
    }

    public void addAll(List<? extends T> items) {
        synchronized (lock) {
            items.forEach(this::add);
        }
    }

    /** Queues an item at a position among the pending ones (0 = next out, {@link #pending()} = last). */
    public void insert(int index, T item) {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
            if (index < 0 || index > pending.size()) {
                throw new IndexOutOfBoundsException(index);
            }
            if (closed) {
                return;
            }
            List<T> all = new ArrayList<>(pending);
            all.add(index, item);
            pending.clear();
            pending.addAll(all);
            lock.notifyAll();
        }
    }

    /** Drops pending items that match; items in flight or waiting for retry are not touched. */
    public void removeIf(Predicate<? super T> which) {
        synchronized (lock) {
            if (pending.removeIf(which)) {
                lock.notifyAll();
            }
        }
    }

    /** Drops every pending item; items in flight or waiting for retry are not touched. */
    public void clearPending() {
        synchronized (lock) {
            pending.clear();
            lock.notifyAll();
        }
    }

    /** The next item out, if any, left in place. */
    public Optional<T> peek() {
        synchronized (lock) {
            return Optional.ofNullable(pending.peekFirst());
        }
    }

    /** Items waiting to be sent, not counting those in flight or waiting for a retry. */
    public int pending() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /**
     * Takes up to {@code max} pending items that match, in queue order, as one delivery now in flight; the
     * caller must end it with {@link #delivered} or {@link #failed}. Taking nothing starts no delivery.
     */
    public List<T> dispatch(Predicate<? super T> which, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        synchronized (lock) {
            List<T> batch = new ArrayList<>();
            Iterator<T> it = pending.iterator();
            while (it.hasNext() && batch.size() < max) {
                T item = it.next();
                if (which.test(item)) {
                    it.remove();
                    batch.add(item);
                }
            }
            if (!batch.isEmpty()) {
                inFlight++;
                lock.notifyAll();
            }
            return List.copyOf(batch);
        }
    }

    /** Deliveries taken by {@link #dispatch} and not yet ended. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** Ends a delivery that went through. */
    public void delivered() {
        synchronized (lock) {
            endDelivery();
        }
    }

    /**
     * Ends a delivery that failed. Items with a retry left wait {@code retryDelays.get(retriesSoFar)}, then
     * {@code rejoin} gets them (raised by {@code nextAttempt}) to put back, e.g. with {@link #add} or
     * {@link #insert}; it runs under the lock, so it may consult the owner's state. Items retried as often as
     * there are delays are given up. Items that had the same number of retries wait and rejoin together, in
     * batch order. Once closed, nothing is scheduled (items out of retries are still counted as given up).
     */
    public void failed(List<T> batch, List<Duration> retryDelays, Consumer<List<T>> rejoin) {
        Objects.requireNonNull(rejoin, "rejoin");
        synchronized (lock) {
            requireInFlight();
            Map<Integer, List<T>> byRetries = new LinkedHashMap<>();
            for (T item : batch) {
                int retries = retriesSoFar.applyAsInt(item);
                if (retries < retryDelays.size()) {
                    byRetries.computeIfAbsent(retries, k -> new ArrayList<>()).add(nextAttempt.apply(item));
                } else {
                    givenUp.add(item);
                }
            }
            if (!closed) {
                byRetries.forEach((retries, items) -> {
                    waitingForRetry++;
                    List<T> due = List.copyOf(items);
                    timer.schedule(() -> retryDue(due, rejoin), retryDelays.get(retries).toNanos(),
                            TimeUnit.NANOSECONDS);
                });
            }
            endDelivery();
        }
    }

    /** Groups of items scheduled for a retry whose delay has not run out yet. */
    public int waitingForRetry() {
        synchronized (lock) {
            return waitingForRetry;
        }
    }

    /** Items given up on after their last retry, oldest first, as they were last sent. */
    public List<T> givenUp() {
        synchronized (lock) {
            return List.copyOf(givenUp);
        }
    }

    public int givenUpCount() {
        synchronized (lock) {
            return givenUp.size();
        }
    }

    /** Nothing pending, in flight or waiting for a retry. */
    public boolean isIdle() {
        synchronized (lock) {
            return pending.isEmpty() && inFlight == 0 && waitingForRetry == 0;
        }
    }

    /** Waits until {@link #isIdle}; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!isIdle()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Drops pending items and retries not yet due, and stops the retry timer. Deliveries in flight may still
     * end with {@link #delivered} or {@link #failed}; they schedule nothing.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            pending.clear();
            waitingForRetry = 0;
            lock.notifyAll();
        }
        timer.shutdownNow();
    }

    private void retryDue(List<T> items, Consumer<List<T>> rejoin) {
        synchronized (lock) {
            // close() already forgot this retry; counting it down again would make the queue never idle
            if (closed) {
                return;
            }
            waitingForRetry--;
            rejoin.accept(items);
            lock.notifyAll();
        }
    }

    /** Called with the lock held. */
    private void requireInFlight() {
        if (inFlight == 0) {
            throw new IllegalStateException("no delivery in flight");
        }
    }

    /** Called with the lock held. */
    private void endDelivery() {
        requireInFlight();
        inFlight--;
        lock.notifyAll();
    }
}
