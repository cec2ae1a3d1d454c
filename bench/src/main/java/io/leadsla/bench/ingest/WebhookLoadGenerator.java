package io.leadsla.bench.ingest;

import io.leadsla.connector.hubspot.webhook.SignatureV3;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts signed HubSpot webhook deliveries ({@link HubSpotBatches}) to a URL over {@code
 * connections} concurrent HTTP/1.1 connections, as HubSpot does (it keeps at most 10 requests in
 * flight per account):
 * <ul>
 *   <li>closed loop ({@code eventsPerSecond} 0): each connection sends its next batch as soon as the
 *       previous one is answered — the most the server acknowledges;</li>
 *   <li>open loop: batches are due at a fixed rate whatever the answers; a batch's latency counts
 *       from the moment it was due, so a server that falls behind shows it in the latencies (no
 *       coordinated omission) rather than in a lower rate.</li>
 * </ul>
 * Each request is signed (v3) at the moment it leaves. The HubSpot event ids of every batch
 * answered 2xx are written to the acknowledgement file, one per line, once the answer is in.
 *
 * <p>Stand-alone use (the server must be running with the same client secret and portal id):
 * <pre>
 * java -cp bench/target/benchmarks.jar io.leadsla.bench.ingest.WebhookLoadGenerator \
 *     --url http://127.0.0.1:8080/webhooks/hubspot --secret S --portal 62515 --contacts 1001-21000 \
 *     --owners 77 --connections 10 --rate 2000 --seconds 30 --acks acks.txt
 * </pre>
 */
public final class WebhookLoadGenerator {

    /** How to load the server. {@code eventsPerSecond} 0 is closed loop. */
    public record Options(URI url, String clientSecret, int connections, double eventsPerSecond, Duration duration,
                          Path ackFile) {
    }

    /** What a run measured. Latencies in nanoseconds, sorted, of the batches answered 2xx. */
    public record Result(String label, double seconds, long batchesSent, long batchesAcked, long eventsAcked,
                         Map<Integer, Long> non2xx, Map<String, Long> errors, long[] latencyNanos,
                         double maxStartDelayMillis) {

        public double eventsPerSecond() {
            return eventsAcked / seconds;
        }

        public long non2xxTotal() {
            return non2xx.values().stream().mapToLong(Long::longValue).sum();
        }

        public long errorTotal() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Nearest-rank percentile in milliseconds; NaN without samples. */
        public double percentileMillis(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencyNanos.length);
            return latencyNanos[Math.max(0, Math.min(latencyNanos.length, rank) - 1)] / 1e6;
        }

        public double maxMillis() {
            return latencyNanos.length == 0 ? Double.NaN : latencyNanos[latencyNanos.length - 1] / 1e6;
        }

        public String summary() {
            return String.format(Locale.ROOT, "%s: %,d events acknowledged in %.1f s = %,.0f events/s (%,d of %,d batches"
                            + " 2xx); latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; non-2xx %s; errors %s; latest start %.1f ms"
                            + " after due", label,
                    eventsAcked, seconds, eventsPerSecond(), batchesAcked, batchesSent, percentileMillis(50),
                    percentileMillis(99), maxMillis(), non2xx.isEmpty() ? "0" : non2xx.toString(),
                    errors.isEmpty() ? "0" : errors.toString(), maxStartDelayMillis);
        }
    }

    private final HubSpotBatches batches;
    private final SignatureV3 signer;
    private final Options options;
    private final HttpClient http;
    private final AtomicBoolean stop = new AtomicBoolean();

    public WebhookLoadGenerator(HubSpotBatches batches, Options options) {
        this.batches = batches;
        this.options = options;
        this.signer = new SignatureV3(options.clientSecret(), Clock.systemUTC());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Ends a running {@link #run} early (from another thread): requests in flight still finish. */
    public void stop() {
        stop.set(true);
    }

    /** Runs the load for the options' duration (or until {@link #stop}); blocks until every request is answered. */
    public Result run(String label) throws IOException, InterruptedException {
        int n = options.connections();
        long durationNanos = options.duration().toNanos();
        long intervalNanos = options.eventsPerSecond() > 0
                ? Math.round(1e9 * batches.eventsPerBatch() / options.eventsPerSecond()) : 0;
        AtomicLong tickets = new AtomicLong();
        LongAdder sent = new LongAdder();
        LongAdder acked = new LongAdder();
        LongAdder eventsAcked = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[n];
        AtomicLong lastAnswer = new AtomicLong();
        AtomicLong maxStartDelay = new AtomicLong();
        try (BufferedWriter acks = options.ackFile() == null ? null
                : Files.newBufferedWriter(options.ackFile(), StandardCharsets.US_ASCII)) {
            long start = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < n; w++) {
                int worker = w;
                long[] mine = new long[1 << 16];
                latencies.add(mine);
                Thread t = new Thread(() -> {
                    long[] samples = mine;
                    int count = 0;
                    while (!stop.get()) {
                        long due;
                        if (intervalNanos > 0) {
                            due = start + tickets.getAndIncrement() * intervalNanos;
                            if (due - start >= durationNanos) {
                                break;
                            }
                            for (long wait = due - System.nanoTime(); wait > 0 && !stop.get(); wait = due - System.nanoTime()) {
                                LockSupport.parkNanos(Math.min(wait, 10_000_000));
                            }
                            if (stop.get()) {
                                break;
                            }
                        } else {
                            due = System.nanoTime();
                            if (due - start >= durationNanos) {
                                break;
                            }
                        }
                        HubSpotBatches.Batch batch = batches.next();
                        maxStartDelay.accumulateAndGet(System.nanoTime() - due, Math::max);
                        sent.increment();
                        try {
                            int status = send(batch);
                            long answered = System.nanoTime();
                            lastAnswer.accumulateAndGet(answered, Math::max);
                            if (status / 100 == 2) {
                                if (count == samples.length) {
                                    samples = Arrays.copyOf(samples, samples.length * 2);
                                    synchronized (latencies) {
                                        latencies.set(worker, samples);
                                    }
                                }
                                samples[count++] = answered - due;
                                acked.increment();
                                eventsAcked.add(batch.events());
                                if (acks != null) {
                                    record(acks, batch);
                                }
                            } else {
                                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                            }
                        } catch (IOException e) {
                            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    counts[worker] = count;
                }, "load-" + w);
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                t.join();
            }
            long end = lastAnswer.get() == 0 ? System.nanoTime() : lastAnswer.get();
            double seconds = Math.max(1, end - start) / 1e9;
            synchronized (latencies) {
                long total = 0;
                for (int c : counts) {
                    total += c;
                }
                long[] all = new long[(int) total];
                int at = 0;
                for (int w = 0; w < n; w++) {
                    System.arraycopy(latencies.get(w), 0, all, at, counts[w]);
                    at += counts[w];
                }
                Arrays.sort(all);
                return new Result(label, seconds, sent.sum(), acked.sum(), eventsAcked.sum(), sorted(statuses),
                        sorted(errors), all, maxStartDelay.get() / 1e6);
            }
        }
    }

    private int send(HubSpotBatches.Batch batch) throws IOException, InterruptedException {
        long timestamp = System.currentTimeMillis();
        String url = options.url().toString();
        HttpRequest request = HttpRequest.newBuilder(options.url())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(SignatureV3.SIGNATURE_HEADER, signer.sign("POST", url, batch.body(), timestamp))
                .header(SignatureV3.TIMESTAMP_HEADER, Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void record(BufferedWriter acks, HubSpotBatches.Batch batch) {
        StringBuilder lines = new StringBuilder(batch.events() * 18);
        batch.eventIds().forEach(id -> lines.append(id).append('\n'));
        synchronized (acks) {
            try {
                acks.write(lines.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, LongAdder> counts) {
        Map<K, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Stand-alone: {@code --url --secret --portal --app --contacts FIRST-LAST --owners A,B --connections
     * --rate (events/s, 0 = closed loop) --seconds --acks FILE --first-event-id}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String[] range = a.getOrDefault("contacts", "1-20000").split("-");
        List<String> contacts = new ArrayList<>();
        for (long id = Long.parseLong(range[0]); id <= Long.parseLong(range[1]); id++) {
            contacts.add(Long.toString(id));
        }
        HubSpotBatches batches = new HubSpotBatches(Long.parseLong(a.getOrDefault("portal", "62515")),
                Long.parseLong(a.getOrDefault("app", "54321")), contacts,
                List.of(a.getOrDefault("owners", "77").split(",")), 100,
                Long.parseLong(a.getOrDefault("first-event-id", Long.toString(System.currentTimeMillis() * 1000))),
                Clock.systemUTC());
        Options options = new Options(URI.create(a.getOrDefault("url", "http://127.0.0.1:8080/webhooks/hubspot")),
                a.get("secret"), Integer.parseInt(a.getOrDefault("connections", "10")),
                Double.parseDouble(a.getOrDefault("rate", "0")), Duration.ofSeconds(Long.parseLong(a.getOrDefault("seconds", "30"))),
                a.containsKey("acks") ? Path.of(a.get("acks")) : null);
        System.out.println(new WebhookLoadGenerator(batches, options).run("load").summary());
    }
}
