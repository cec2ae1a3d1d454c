package io.leadsla.bench.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * The crash test's check: every HubSpot event id the server acknowledged with a 2xx (the load
 * generator's acknowledgement files) must be in the store's {@code inbox}, read directly over JDBC
 * from the raw bodies of the stored {@code hubspot-webhook} deliveries. Also counts the inbox
 * items waiting, processed and set aside, and the normalized {@code lead_events}.
 *
 * <p>Stand-alone: {@code java -cp bench/target/benchmarks.jar io.leadsla.bench.ingest.AckCheck
 * JDBC_URL ACK_FILE...} (for the embedded store, only while no server has the file open).
 */
public final class AckCheck {

    private static final JsonFactory JSON = new JsonFactory();

    /** The outcome: how many acknowledged ids were looked for, and how many the store lacks. */
    public record Outcome(long acknowledged, long missing, long stored, long storedNotAcknowledged, long inboxItems,
                          long inboxWaiting, long inboxSetAside, long leadEvents, long firstMissing) {

        public String summary() {
            return String.format(Locale.ROOT, "checked %,d acknowledged event ids: %,d missing%s; the inbox holds %,d"
                            + " events in %,d deliveries (%,d stored without a 2xx seen: in flight at the kill),"
                            + " %,d waiting, %,d set aside; lead_events %,d rows", acknowledged, missing,
                    missing > 0 ? " (first: " + firstMissing + ")" : "", stored, inboxItems, storedNotAcknowledged,
                    inboxWaiting, inboxSetAside, leadEvents);
        }
    }

    private AckCheck() {
    }

    public static Outcome check(String jdbcUrl, String user, String password, Path... ackFiles)
            throws IOException, java.sql.SQLException {
        long[] acked = readIds(ackFiles);
        long[] stored;
        long items;
        long waiting;
        long setAside;
        long events;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement();
             PreparedStatement page = c.prepareStatement(
                     "SELECT id, source, body FROM inbox WHERE id > ? ORDER BY id LIMIT 200")) {
            long[] ids = new long[1 << 16];
            int n = 0;
            items = 0;
            // page by the primary key alone (a filter on source would make H2 sort every body): the bodies
            // of a long run are gigabytes, more than a result set should hold
            long after = Long.MIN_VALUE;
            for (boolean more = true; more; ) {
                more = false;
                page.setLong(1, after);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        more = true;
                        after = rs.getLong(1);
                        if (!"hubspot-webhook".equals(rs.getString(2))) {
                            continue;
                        }
                        items++;
                        try (JsonParser p = JSON.createParser(rs.getString(3))) {
                            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                                if (t == JsonToken.FIELD_NAME && p.currentName().equals("eventId")
                                        && p.getParsingContext().getParent().inArray()) {
                                    p.nextToken();
                                    if (n == ids.length) {
                                        ids = Arrays.copyOf(ids, n * 2);
                                    }
                                    ids[n++] = p.getLongValue();
                                }
                            }
                        }
                    }
                }
            }
            stored = Arrays.copyOf(ids, n);
            waiting = count(s, "SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL AND failed_at IS NULL");
            setAside = count(s, "SELECT COUNT(*) FROM inbox WHERE failed_at IS NOT NULL");
            events = count(s, "SELECT COUNT(*) FROM lead_events");
        }
        Arrays.sort(stored);
        long missing = 0;
        long firstMissing = -1;
        for (long id : acked) {
            if (Arrays.binarySearch(stored, id) < 0) {
                if (missing++ == 0) {
                    firstMissing = id;
                }
            }
        }
        long notAcked = 0;
        for (long id : stored) {
            if (Arrays.binarySearch(acked, id) < 0) {
                notAcked++;
            }
        }
        return new Outcome(acked.length, missing, stored.length, notAcked, items, waiting, setAside, events, firstMissing);
    }

    private static long count(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The ids in the files (one per line), sorted, each once. */
    static long[] readIds(Path... files) throws IOException {
        long[] ids = new long[1 << 16];
        int n = 0;
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        if (n == ids.length) {
                            ids = Arrays.copyOf(ids, n * 2);
                        }
                        ids[n++] = Long.parseLong(line.strip());
                    }
                }
            }
        }
        Arrays.sort(ids, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || ids[i] != ids[distinct - 1]) {
                ids[distinct++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, distinct);
    }

    public static void main(String[] args) throws Exception {
        Path[] files = Arrays.stream(args, 1, args.length).map(Path::of).toArray(Path[]::new);
        System.out.println(check(args[0], null, null, files).summary());
    }
}
