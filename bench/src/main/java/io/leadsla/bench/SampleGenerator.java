package io.leadsla.bench;

import io.leadsla.connector.event.LeadEventJson;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generates a quarter of realistic, seeded lead traffic for HubSpot and Salesforce as normalized
 * events ({@code .jsonl}, one event per line, sorted by {@code occurredAt} then {@code eventId}):
 * the sample RevOps evaluates leadsla with ({@code config/samples/events.jsonl}) and the input of
 * the benchmarks. What the traffic contains, and its shares, is described in docs/SAMPLES.md.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.leadsla.bench.SampleGenerator \
 *     --leads 3000 --seed 42 --from 2026-07-01 --to 2026-09-30 --out config/samples/events.jsonl
 * </pre>
 *
 * <p>The same arguments give byte-identical output, on any machine and any number of threads:
 * every lead draws from its own generator, seeded from the seed and the lead's index, and the
 * final order is total (event ids are unique). Leads are simulated in parallel; the events are
 * then sorted once in memory: about 220 bytes of heap per event (a million events run in
 * {@code -Xmx300m}), so a few million is fine.
 */
public final class SampleGenerator {

    /** Output order: by time, then by id (a total order, since ids are unique). */
    static final Comparator<LeadEvent> FILE_ORDER = Comparator
            .comparing(LeadEvent::occurredAt)
            .thenComparing(LeadEvent::eventId);

    private static final double HUBSPOT_SHARE = 0.60;
    /** Events serialized per task when writing: about 2 MB of text. */
    private static final int BLOCK = 8192;
    private static final String USAGE = """
            usage: SampleGenerator [--leads N] [--seed S] [--from DATE] [--to DATE] [--out FILE]
              --leads N    leads to simulate (default 3000; about 5 events each)
              --seed S     random seed (default 42); the same arguments give the same bytes
              --from DATE  first day of the quarter, UTC (default 2026-07-01)
              --to DATE    last day of the quarter, inclusive, UTC (default 2026-09-30)
              --out FILE   the .jsonl file to write (default: standard output)""";

    /**
     * What to generate.
     *
     * @param out the file to write, or {@code null} for standard output
     */
    public record Options(int leads, long seed, LocalDate from, LocalDate to, Path out) {

        public static final Options DEFAULTS =
                new Options(3000, 42, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), null);

        public Options {
            if (leads < 0) {
                throw new IllegalArgumentException("--leads must not be negative: " + leads);
            }
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("--to (" + to + ") must not be before --from (" + from + ")");
            }
        }

        public Options withLeads(int n) {
            return new Options(n, seed, from, to, out);
        }

        public Options withSeed(long s) {
            return new Options(leads, s, from, to, out);
        }

        /** Parses the command line; unknown or malformed arguments are errors, not ignored. */
        public static Options parse(String... args) {
            int leads = DEFAULTS.leads;
            long seed = DEFAULTS.seed;
            LocalDate from = DEFAULTS.from;
            LocalDate to = DEFAULTS.to;
            Path out = DEFAULTS.out;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                try {
                    switch (name) {
                        case "--leads" -> leads = Integer.parseInt(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--from" -> from = LocalDate.parse(value);
                        case "--to" -> to = LocalDate.parse(value);
                        case "--out" -> out = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown argument " + name);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException(name + ": cannot read '" + value + "'", e);
                }
            }
            // checked once all are read: --from may name a later quarter than the default --to
            return new Options(leads, seed, from, to, out);
        }
    }

    private final Options options;

    public SampleGenerator(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.println(USAGE);
                return;
            }
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        SampleGenerator generator = new SampleGenerator(options);
        LeadEvent[] events = generator.events();
        Map<EventType, Integer> counts;
        try {
            if (options.out() == null) {
                Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                counts = write(events, out);
                out.flush();
            } else {
                Path parent = options.out().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer out = new BufferedWriter(new OutputStreamWriter(
                        Files.newOutputStream(options.out()), StandardCharsets.UTF_8), 1 << 16)) {
                    counts = write(events, out);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot write " + (options.out() == null ? "standard output" : options.out()) + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        // the summary goes to stderr so that stdout can carry the events themselves
        System.err.printf("%d events for %d leads (%s to %s, seed %d) -> %s in %d ms%n",
                events.length, options.leads(), options.from(), options.to(), options.seed(),
                options.out() == null ? "stdout" : options.out(), millis);
        counts.forEach((type, n) -> System.err.printf("  %-18s %9d%n", type, n));
    }

    /** All events of the quarter, in file order. */
    public LeadEvent[] events() {
        TrafficModel model = new TrafficModel(options.from(), options.to(), stream(-1));
        // record ids are handed out in lead order (one counter per CRM), before the parallel part
        RecordIds ids = new RecordIds(stream(-2));
        SplittableRandom crmChoice = stream(-3);
        Crm[] crms = new Crm[options.leads()];
        String[] recordIds = new String[options.leads()];
        for (int i = 0; i < options.leads(); i++) {
            crms[i] = crmChoice.nextDouble() < HUBSPOT_SHARE ? Crm.HUBSPOT : Crm.SALESFORCE;
            recordIds[i] = ids.next(crms[i]);
        }
        List<List<LeadEvent>> perLead = IntStream.range(0, options.leads()).parallel()
                .mapToObj(i -> LeadLife.simulate(model, stream(i), crms[i], recordIds[i]))
                .toList();
        return sort(perLead.stream().flatMap(List::stream).toArray(LeadEvent[]::new));
    }

    /**
     * Sorts into {@link #FILE_ORDER}. Sorting a million objects through a comparator is slow
     * (every comparison chases two pointers into the heap), so this sorts primitive keys, the
     * second of the event and its position, and then fixes the order inside each second, where a
     * few events tie, with the comparator. Same result, a fraction of the time.
     */
    static LeadEvent[] sort(LeadEvent[] events) {
        if (events.length == 0) {
            return events;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (LeadEvent e : events) {
            first = Math.min(first, e.occurredAt().getEpochSecond());
            last = Math.max(last, e.occurredAt().getEpochSecond());
        }
        if (last - first >= Integer.MAX_VALUE) { // more than 68 years: no room in the key
            LeadEvent[] copy = events.clone();
            Arrays.parallelSort(copy, FILE_ORDER);
            return copy;
        }
        long[] keys = new long[events.length];
        for (int i = 0; i < events.length; i++) {
            keys[i] = (events[i].occurredAt().getEpochSecond() - first) << 32 | i;
        }
        Arrays.parallelSort(keys);
        LeadEvent[] sorted = new LeadEvent[events.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = events[(int) keys[i]];
        }
        for (int from = 0; from < sorted.length; ) {
            int to = from + 1;
            while (to < sorted.length && keys[to] >>> 32 == keys[from] >>> 32) {
                to++;
            }
            if (to - from > 1) {
                Arrays.sort(sorted, from, to, FILE_ORDER);
            }
            from = to;
        }
        return sorted;
    }

    /**
     * Writes the events as JSON lines, in order; returns how many of each type. Turning events
     * into JSON is most of the cost of a big sample, so blocks of events are serialized on all
     * cores, a few blocks at a time (bounded memory), and written in order.
     */
    public static Map<EventType, Integer> write(LeadEvent[] events, Writer out) throws IOException {
        LeadEventJson json = new LeadEventJson(); // thread-safe: one generator per event
        int blocksAtOnce = 2 * Runtime.getRuntime().availableProcessors();
        for (int start = 0; start < events.length; start += BLOCK * blocksAtOnce) {
            int first = start;
            int blocks = (int) Math.min(blocksAtOnce, (events.length - (long) start + BLOCK - 1) / BLOCK);
            List<String> texts = IntStream.range(0, blocks).parallel()
                    .mapToObj(b -> lines(json, events, first + b * BLOCK, Math.min(events.length, first + (b + 1) * BLOCK)))
                    .toList();
            for (String text : texts) {
                out.write(text);
            }
        }
        out.flush();
        int[] counts = new int[EventType.values().length];
        for (LeadEvent event : events) {
            counts[event.type().ordinal()]++;
        }
        Map<EventType, Integer> byType = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            byType.put(type, counts[type.ordinal()]);
        }
        return byType;
    }

    private static String lines(LeadEventJson json, LeadEvent[] events, int from, int to) {
        LineBuffer buffer = new LineBuffer(300 * (to - from));
        for (int i = from; i < to; i++) {
            json.write(events[i], buffer);
            buffer.write('\n');
        }
        return buffer.toString();
    }

    /**
     * An unsynchronized in-memory writer (StringWriter locks on every call). It ignores flushes,
     * which Jackson issues each time a generator closes, i.e. once per event.
     */
    private static final class LineBuffer extends Writer {
        private final StringBuilder text;

        LineBuffer(int capacity) {
            this.text = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * An independent generator per purpose: negative streams for the model, ids and CRMs, the
     * lead index for each lead. SplitMix64's finalizer spreads neighbouring seeds and indexes
     * apart: seed 42 and seed 43 give unrelated traffic.
     */
    private SplittableRandom stream(long stream) {
        long z = options.seed() + (stream + 4) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
