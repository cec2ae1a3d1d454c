package io.leadsla.pipeline;

import io.leadsla.store.Store;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreBackends;
import io.leadsla.store.MutableClock;
import io.leadsla.store.LeaseRepository;
import io.leadsla.store.CursorRepository;
import io.leadsla.store.InboxItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LeaseTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void oneHolderAtATimeUntilItsLeaseRunsOutOrIsReleased(Backend backend) {
        Store store = Store.open(StoreBackends.fresh(backend), backend, new MutableClock(T0));
        LeaseRepository leases = store.leases();

        assertThat(leases.acquire("writer:hubspot", "a", TTL, T0)).hasValueSatisfying(l -> {
            assertThat(l.holder()).isEqualTo("a");
            assertThat(l.epoch()).isEqualTo(1);
            assertThat(l.expiresAt()).isEqualTo(T0.plus(TTL));
        });
        assertThat(leases.acquire("writer:hubspot", "b", TTL, T0.plusSeconds(29))).as("a's lease runs").isEmpty();
        assertThat(leases.acquire("writer:salesforce", "b", TTL, T0)).as("another account").isPresent();
        assertThat(leases.acquire("writer:hubspot", "a", TTL, T0.plusSeconds(20))).as("a renews")
                .hasValueSatisfying(l -> {
                    assertThat(l.epoch()).isEqualTo(1);
                    assertThat(l.expiresAt()).isEqualTo(T0.plusSeconds(50));
                });
        assertThat(leases.acquire("writer:hubspot", "b", TTL, T0.plusSeconds(49))).isEmpty();

        // a dies: its lease runs out and b takes it, as a new holder
        assertThat(leases.acquire("writer:hubspot", "b", TTL, T0.plusSeconds(50))).hasValueSatisfying(l -> {
            assertThat(l.holder()).isEqualTo("b");
            assertThat(l.epoch()).isEqualTo(2);
        });
        assertThat(leases.acquire("writer:hubspot", "a", TTL, T0.plusSeconds(51))).as("a came back too late").isEmpty();

        leases.release("writer:hubspot", "a", T0.plusSeconds(52)); // not a's to release: nothing happens
        assertThat(leases.acquire("writer:hubspot", "c", TTL, T0.plusSeconds(52))).isEmpty();
        leases.release("writer:hubspot", "b", T0.plusSeconds(53)); // graceful stop
        assertThat(leases.acquire("writer:hubspot", "c", TTL, T0.plusSeconds(53)))
                .hasValueSatisfying(l -> assertThat(l.epoch()).isEqualTo(3));
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void apiUsageIsCountedPerAccountAndUtcDay(Backend backend) {
        Store store = Store.open(StoreBackends.fresh(backend), backend, new MutableClock(T0));
        assertThat(store.apiUsage().add("salesforce:00D1", T0, 3)).isEqualTo(3);
        assertThat(store.apiUsage().add("salesforce:00D1", T0.plusSeconds(60), 2)).isEqualTo(5);
        assertThat(store.apiUsage().add("hubspot:62515", T0, 1)).isEqualTo(1);
        assertThat(store.apiUsage().used("salesforce:00D1", Instant.parse("2026-11-23T23:59:59Z"))).isEqualTo(5);
        assertThat(store.apiUsage().used("salesforce:00D1", Instant.parse("2026-11-24T00:00:00Z"))).isZero();
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void aPollerThatLostItsLeaseStoresNoPageAndLeavesTheCursor(Backend backend) {
        MutableClock clock = new MutableClock(T0);
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        String name = OutboxWriter.accountLease("hubspot:62515");
        LeaseHolder a = new LeaseHolder(store.leases(), name, "a", TTL, clock);
        LeaseHolder b = new LeaseHolder(store.leases(), name, "b", TTL, clock);
        assertThat(a.hold()).isTrue();
        LeaseRepository.Lease aLease = a.current().orElseThrow();

        assertThat(store.cursors().advance(aLease, "hubspot:contacts", "2026-11-23T07:59:00Z",
                java.util.List.of(new CursorRepository.Page("hubspot-poll", "page-1", "{\"results\":[]}")))).isTrue();
        assertThat(store.inbox().countPending()).isEqualTo(1);

        // a pauses past its lease; b takes over and polls on
        clock.advance(TTL);
        assertThat(b.hold()).isTrue();
        assertThat(b.current()).hasValueSatisfying(l -> assertThat(l.epoch()).isEqualTo(2));
        assertThat(store.cursors().advance(b.current().orElseThrow(), "hubspot:contacts", "2026-11-23T08:00:20Z",
                java.util.List.of(new CursorRepository.Page("hubspot-poll", "page-2", "{}")))).isTrue();
        // a wakes up and tries to commit the page it had fetched: refused, nothing stored or moved
        assertThat(store.cursors().advance(aLease, "hubspot:contacts", "2026-11-23T07:59:30Z",
                java.util.List.of(new CursorRepository.Page("hubspot-poll", "page-late", "{}")))).isFalse();
        assertThat(store.cursors().get("hubspot:contacts")).contains("2026-11-23T08:00:20Z");
        assertThat(store.inbox().pending(10)).extracting(InboxItem::dedupKey).containsExactly("page-1", "page-2");
        assertThat(a.hold()).as("a sees it lost the lease").isFalse();
        b.release();
        assertThat(a.hold()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.leadsla.store.StoreBackends#all")
    void thePollStepPollsUnderTheLeaseAtItsIntervalAndResumesFromItsPosition(Backend backend) {
        MutableClock clock = new MutableClock(T0);
        Store store = Store.open(StoreBackends.fresh(backend), backend, clock);
        java.util.List<java.util.Optional<String>> asked = new java.util.ArrayList<>();
        io.leadsla.connector.api.Poller poller = new io.leadsla.connector.api.Poller() {
            @Override
            public String cursor() {
                return "hubspot:62515:contacts";
            }

            @Override
            public String apiAccount() {
                return "hubspot:62515";
            }

            @Override
            public Poll poll(java.util.Optional<String> position) {
                asked.add(position);
                int n = asked.size();
                // two pages to catch up, then one per poll
                return new Poll(java.util.List.of(new Page("hubspot-poll", "page-" + n, "{\"n\":" + n + "}")),
                        "position-" + n, n >= 2);
            }
        };
        PollStep a = new PollStep(store, poller, "a", TTL, Duration.ofSeconds(30), clock);
        PollStep b = new PollStep(store, poller, "b", TTL, Duration.ofSeconds(30), clock);

        assertThat(a.runOnce()).isEqualTo(1);
        assertThat(b.runOnce()).as("a holds the account").isZero();
        assertThat(a.runOnce()).as("not caught up: polls again at once").isEqualTo(1);
        assertThat(a.runOnce()).as("caught up: waits for the interval").isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(a.runOnce()).isEqualTo(1);
        assertThat(asked).containsExactly(java.util.Optional.empty(), java.util.Optional.of("position-1"),
                java.util.Optional.of("position-2"));
        assertThat(store.cursors().get("hubspot:62515:contacts")).contains("position-3");
        assertThat(store.inbox().pending(10)).extracting(InboxItem::dedupKey).containsExactly("page-1", "page-2", "page-3");

        a.release();
        assertThat(b.runOnce()).as("b takes over where a stopped").isEqualTo(1);
        assertThat(asked.get(3)).contains("position-3");
    }
}
