package io.leadsla.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.leadsla.connector.hubspot.mapping.HubSpotMapping;
import io.leadsla.connector.hubspot.webhook.HubSpotWebhookNormalizer;
import io.leadsla.connector.hubspot.webhook.SignatureV3;
import io.leadsla.connector.hubspot.webhook.SignatureVerdict;
import io.leadsla.connector.hubspot.webhook.SignedRequest;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.store.Backend;
import io.leadsla.store.Store;
import io.leadsla.store.StoreDataSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook load generator's parts: what it sends, that it signs it right, and the crash check. */
class WebhookLoadTest {

    private static final String SECRET = "test-secret";
    private static final List<String> CONTACTS = IntStream.rangeClosed(1001, 1100).mapToObj(Integer::toString).toList();

    private static HubSpotBatches batches(long firstEventId) {
        return new HubSpotBatches(62515, 54321, CONTACTS, List.of("77", "78"), 100, firstEventId, Clock.systemUTC());
    }

    @Test
    void everyBatchIsOneHubSpotDeliveryOf100EventsTheDefaultMappingReads() {
        HubSpotBatches source = batches(5_000);
        HubSpotWebhookNormalizer normalizer = new HubSpotWebhookNormalizer(HubSpotMapping.defaults(), 62515);
        HubSpotBatches.Batch first = source.next();
        HubSpotBatches.Batch second = source.next();
        HubSpotBatches.Batch third = source.next();
        HubSpotBatches.Batch fourth = source.next();
        HubSpotBatches.Batch fifth = source.next(); // contacts 1001… again: their second cycle

        assertThat(first.eventIds().boxed().toList()).hasSize(100).startsWith(5_000L).endsWith(5_099L);
        assertThat(second.firstEventId()).isEqualTo(5_100);
        List<LeadEvent> events = normalizer.normalize(new String(first.body(), StandardCharsets.UTF_8));
        assertThat(events).hasSize(100);
        Map<EventType, Long> types = events.stream().collect(Collectors.groupingBy(LeadEvent::type, Collectors.counting()));
        assertThat(types).containsEntry(EventType.MQL_QUALIFIED, 25L).containsEntry(EventType.HANDED_OFF, 25L)
                .containsEntry(EventType.ACCEPTED, 13L).containsEntry(EventType.ATTRIBUTES_CHANGED, 37L);
        assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isBefore(Instant.now().plusMillis(1)));

        Set<String> ids = new java.util.HashSet<>();
        for (HubSpotBatches.Batch b : List.of(first, second, third, fourth, fifth)) {
            normalizer.normalize(new String(b.body(), StandardCharsets.UTF_8)).forEach(e -> ids.add(e.eventId()));
        }
        assertThat(ids).as("leadsla event ids over a contact's two cycles").hasSize(500);
        List<LeadEvent> again = normalizer.normalize(new String(fifth.body(), StandardCharsets.UTF_8));
        assertThat(again.get(0).recordId()).isEqualTo("1001");
        assertThat(again.get(3).type()).isEqualTo(EventType.ATTRIBUTES_CHANGED); // the other outcome this cycle
    }

    @Test
    void postsSignedBatchesAndRecordsWhatWasAcknowledged(@TempDir Path dir) throws Exception {
        SignatureV3 verifier = new SignatureV3(SECRET, Clock.systemUTC());
        Set<Long> received = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/webhooks/hubspot", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI();
            SignatureVerdict verdict = verifier.verify(new SignedRequest("POST", url, body,
                    exchange.getRequestHeaders().getFirst(SignatureV3.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(SignatureV3.TIMESTAMP_HEADER)));
            int status = verdict instanceof SignatureVerdict.Verified ? 204 : 401;
            if (status == 204) {
                AckCheckIds.of(body).forEach(received::add);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/hubspot");
            Path acks = dir.resolve("acks.txt");
            WebhookLoadGenerator.Result closed = new WebhookLoadGenerator(batches(1), new WebhookLoadGenerator.Options(
                    url, SECRET, 2, 0, Duration.ofMillis(500), acks)).run("closed");
            assertThat(closed.non2xx()).isEmpty();
            assertThat(closed.errors()).isEmpty();
            assertThat(closed.batchesAcked()).isPositive().isEqualTo(closed.batchesSent());
            assertThat(closed.latencyNanos()).hasSize((int) closed.batchesAcked());
            long[] written = AckCheck.readIds(acks);
            assertThat(written).hasSize((int) closed.eventsAcked());
            assertThat(received).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(written).boxed().toList());

            // open loop: 20 batches a second for a second
            WebhookLoadGenerator.Result open = new WebhookLoadGenerator(batches(1_000_000), new WebhookLoadGenerator.Options(
                    url, SECRET, 2, 2_000, Duration.ofSeconds(1), null)).run("open");
            assertThat(open.batchesSent()).isEqualTo(20);
            assertThat(open.batchesAcked()).isEqualTo(20);

            WebhookLoadGenerator.Result wrongSecret = new WebhookLoadGenerator(batches(2_000_000),
                    new WebhookLoadGenerator.Options(url, "not-the-secret", 1, 1_000, Duration.ofMillis(300), null))
                    .run("wrong secret");
            assertThat(wrongSecret.non2xx()).containsOnlyKeys(401);
            assertThat(wrongSecret.eventsAcked()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theCrashCheckFindsAcknowledgedEventsInTheInboxAndCountsTheMissingOnes(@TempDir Path dir) throws Exception {
        String url = Backend.embeddedUrl(dir.resolve("data"));
        HubSpotBatches source = batches(7_000);
        HubSpotBatches.Batch stored = source.next();
        HubSpotBatches.Batch lost = source.next();
        HubSpotBatches.Batch inFlight = source.next();
        try (HikariDataSource ds = StoreDataSource.pooled(url, null, null, 2, "test")) {
            Store store = Store.open(ds, Backend.EMBEDDED, Clock.systemUTC());
            for (HubSpotBatches.Batch b : List.of(stored, inFlight)) {
                store.inbox().append(HubSpotWebhookNormalizer.SOURCE, "key-" + b.firstEventId(), Instant.now(),
                        new String(b.body(), StandardCharsets.UTF_8));
            }
        }
        Path acks = dir.resolve("acks.txt");
        Files.write(acks, java.util.stream.Stream.of(stored, lost).flatMapToLong(HubSpotBatches.Batch::eventIds)
                .mapToObj(Long::toString).toList());

        AckCheck.Outcome outcome = AckCheck.check(url, null, null, acks);

        assertThat(outcome.acknowledged()).isEqualTo(200);
        assertThat(outcome.missing()).isEqualTo(100);
        assertThat(outcome.firstMissing()).isEqualTo(lost.firstEventId());
        assertThat(outcome.stored()).isEqualTo(200);
        assertThat(outcome.storedNotAcknowledged()).isEqualTo(100);
        assertThat(outcome.inboxItems()).isEqualTo(2);
        assertThat(outcome.inboxWaiting()).isEqualTo(2);
    }

    /** The HubSpot event ids in a delivery body. */
    private static final class AckCheckIds {
        private static final Function<String, List<Long>> READ = body -> {
            try {
                List<Long> ids = new java.util.ArrayList<>();
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).forEach(e -> ids.add(e.get("eventId").asLong()));
                return ids;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        static List<Long> of(byte[] body) {
            return READ.apply(new String(body, StandardCharsets.UTF_8));
        }
    }
}
