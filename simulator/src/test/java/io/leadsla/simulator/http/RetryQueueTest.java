package io.leadsla.simulator.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SOON = Duration.ofMillis(1);
    /** Long enough never to run out during a test: retries scheduled with it stay waiting. */
    private static final Duration NEVER = Duration.ofHours(1);

    private record Item(String id, int retries) {
        Item next() {
            return new Item(id, retries + 1);
        }
    }

    private final Object lock = new Object();
    private final RetryQueue<Item> queue = new RetryQueue<>(lock, "test-retry", Item::retries, Item::next);
    private final List<List<Item>> rejoined = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        queue.close();
    }

    /** Records each group that comes back and puts it back at the end, counting the latch down. */
    private Consumer<List<Item>> rejoinCounting(CountDownLatch latch) {
        return items -> {
            rejoined.add(items);
            queue.addAll(items);
            latch.countDown();
        };
    }

    private static Item item(String id) {
        return new Item(id, 0);
    }

    @Test
    void dispatchTakesMatchingItemsInOrderAsOneDeliveryInFlight() throws Exception {
        List.of(item("a1"), item("b1"), item("a2"), item("a3")).forEach(queue::add);

        List<Item> batch = queue.dispatch(i -> i.id().startsWith("a"), 2);

        assertThat(batch).containsExactly(item("a1"), item("a2"));
        assertThat(queue.peek()).contains(item("b1"));
        assertThat(queue.pending()).isEqualTo(2);
        assertThat(queue.inFlight()).isEqualTo(1);
        assertThat(queue.dispatch(i -> i.id().equals("zz"), 5)).isEmpty();
        assertThat(queue.inFlight()).as("taking nothing starts no delivery").isEqualTo(1);
        queue.clearPending();
        assertThat(queue.awaitIdle(Duration.ZERO)).as("still in flight").isFalse();

        queue.delivered();

        assertThat(queue.isIdle()).isTrue();
        assertThat(queue.awaitIdle(Duration.ZERO)).isTrue();
    }

    @Test
    void awaitIdleWakesWhenAnotherThreadEndsTheDelivery() throws Exception {
        queue.add(item("a"));
        queue.dispatch(i -> true, 10);
        Thread ender = new Thread(queue::delivered);
        boolean idle;
        // holding the lock, this thread lets the ender in only while awaitIdle waits, so only a wake-up passes
        synchronized (lock) {
            ender.start();
            idle = queue.awaitIdle(WAIT);
        }

        assertThat(idle).isTrue();
        ender.join(WAIT.toMillis());
    }

    @Test
    void aFailedItemComesBackRaisedAfterTheDelayForItsRetriesSoFar() throws Exception {
        // a had no retry yet and gets the first delay; b had one and gets the second, which does not run out
        queue.add(new Item("a", 0));
        queue.add(new Item("b", 1));
        List<Item> batch = queue.dispatch(i -> true, 10);
        CountDownLatch back = new CountDownLatch(1);

        queue.failed(batch, List.of(SOON, NEVER), rejoinCounting(back));

        assertThat(queue.inFlight()).isZero();
        assertThat(back.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(rejoined).containsExactly(List.of(new Item("a", 1)));
        assertThat(queue.dispatch(i -> true, 10)).containsExactly(new Item("a", 1));
        assertThat(queue.waitingForRetry()).as("b still waits").isEqualTo(1);
        assertThat(queue.givenUp()).isEmpty();
    }

    @Test
    void itemsWithTheSameRetriesComeBackTogetherInBatchOrder() throws Exception {
        List.of(new Item("x", 1), new Item("y", 0), new Item("z", 1)).forEach(queue::add);
        List<Item> batch = queue.dispatch(i -> true, 10);
        CountDownLatch back = new CountDownLatch(1);

        queue.failed(batch, List.of(NEVER, SOON), rejoinCounting(back));

        assertThat(back.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(rejoined).containsExactly(List.of(new Item("x", 2), new Item("z", 2)));
        assertThat(queue.waitingForRetry()).as("y, on the first delay").isEqualTo(1);
        assertThat(queue.pending()).isEqualTo(2);
    }

    @Test
    void anItemRetriedOnceForEachDelayIsGivenUp() throws Exception {
        queue.add(new Item("spent", 2));
        queue.add(new Item("fresh", 0));
        List<Item> batch = queue.dispatch(i -> true, 10);

        queue.failed(batch, List.of(NEVER, NEVER), items -> { });

        assertThat(queue.givenUp()).containsExactly(new Item("spent", 2));
        assertThat(queue.givenUpCount()).isEqualTo(1);
        assertThat(queue.waitingForRetry()).isEqualTo(1);
        assertThat(queue.awaitIdle(Duration.ZERO)).as("fresh waits for its retry").isFalse();
    }

    @Test
    void withoutDelaysAFailureIsFinal() throws Exception {
        queue.add(item("a"));

        queue.failed(queue.dispatch(i -> true, 1), List.of(), items -> rejoined.add(items));

        assertThat(queue.givenUp()).containsExactly(item("a"));
        assertThat(queue.awaitIdle(Duration.ZERO)).isTrue();
        assertThat(rejoined).isEmpty();
    }

    @Test
    void insertPlacesAnItemAmongThePendingOnes() {
        queue.add(item("a"));
        queue.add(item("c"));

        queue.insert(1, item("b"));
        queue.insert(3, item("d"));

        assertThat(queue.dispatch(i -> true, 10)).extracting(Item::id).containsExactly("a", "b", "c", "d");
        assertThatThrownBy(() -> queue.insert(1, item("e"))).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void removeIfDropsOnlyPendingItems() {
        List.of(item("a1"), item("b1"), item("a2")).forEach(queue::add);

        queue.removeIf(i -> i.id().startsWith("a"));

        assertThat(queue.pending()).isEqualTo(1);
        assertThat(queue.peek()).contains(item("b1"));
    }

    @Test
    void closeForgetsPendingItemsAndRetriesNotYetDue() throws Exception {
        queue.add(item("retried"));
        queue.failed(queue.dispatch(i -> true, 1), List.of(NEVER), items -> rejoined.add(items));
        queue.add(item("queued"));
        queue.add(item("sending"));
        List<Item> sending = queue.dispatch(i -> i.id().equals("sending"), 1);
        assertThat(queue.isIdle()).isFalse();

        queue.close();

        assertThat(queue.isClosed()).isTrue();
        assertThat(queue.pending()).isZero();
        assertThat(queue.waitingForRetry()).isZero();
        assertThat(queue.add(item("late"))).isFalse();
        assertThat(queue.pending()).isZero();
        // the delivery in flight can still end; it schedules nothing
        queue.failed(sending, List.of(SOON), items -> rejoined.add(items));
        assertThat(queue.waitingForRetry()).isZero();
        assertThat(queue.awaitIdle(Duration.ZERO)).isTrue();
        assertThat(rejoined).isEmpty();
    }

    @Test
    void endingADeliveryThatIsNotInFlightIsAMistake() {
        assertThatThrownBy(queue::delivered).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queue.failed(List.of(item("a")), List.of(SOON), items -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(queue.givenUp()).isEmpty();
        assertThat(queue.waitingForRetry()).isZero();
    }

    @Test
    void theOwnersWorkerIsWokenOnTheSharedLock() throws Exception {
        // the owner's worker waits on its own lock for items; adding must notify that lock
        CountDownLatch started = new CountDownLatch(1);
        List<Item> taken = new CopyOnWriteArrayList<>();
        Thread worker = new Thread(() -> {
            synchronized (lock) {
                started.countDown();
                try {
                    while (queue.pending() == 0) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                taken.addAll(queue.dispatch(i -> true, 10));
            }
        });
        worker.start();
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        queue.add(item("a"));

        worker.join(WAIT.toMillis());
        assertThat(worker.isAlive()).isFalse();
        assertThat(taken).containsExactly(item("a"));
    }
}
