package io.leadsla.service.e2e;

import io.leadsla.store.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the embedded store of a server under test with plain SQL, from the same JVM (H2 shares
 * one open database between all connections of a process), so the end-to-end tests can say what
 * leadsla has stored without an API for it; and ends the database: cleanly, so the next server
 * reads the files, or as a killed process leaves it.
 *
 * <p>Plain SQL on the tables of the migrations on purpose: the repositories are the code under
 * test.
 */
public final class StoreProbe {

    public record InboxRow(long id, String source, String dedupKey, Instant processedAt, Instant failedAt, String lastError) {
    }

    public record EventRow(String eventId, String type, Instant occurredAt) {
    }

    public record ClockRow(String policyId, int cycle, String status, Instant startedAt, Instant dueAt, Instant stoppedAt,
                           Instant breachedAt, String stoppedBy, int attempts) {
    }

    public record TaskRequestRow(String key, String kind, String policyId, int cycle, String ownerId, String crmTaskId,
                                 Instant doneAt, int attempts, Instant failedAt, String lastError) {
    }

    public record OutboxRow(String recordId, long version, int attempts, Instant failedAt, String lastError) {
    }

    private final String url;

    public StoreProbe(Path directory) {
        this.url = Backend.embeddedUrl(directory);
    }

    public Optional<InboxRow> inbox(String source, String dedupKey) {
        return query("SELECT id, source, dedup_key, processed_at, failed_at, last_error FROM inbox WHERE source = ? AND dedup_key = ?",
                StoreProbe::inboxRow, source, dedupKey).stream().findFirst();
    }

    public List<InboxRow> inbox() {
        return query("SELECT id, source, dedup_key, processed_at, failed_at, last_error FROM inbox ORDER BY id",
                StoreProbe::inboxRow);
    }

    public List<EventRow> events(String crm, String recordId) {
        return query("SELECT event_id, type, occurred_at FROM lead_events WHERE crm = ? AND record_id = ? ORDER BY occurred_at, event_id",
                rs -> new EventRow(rs.getString(1), rs.getString(2), instant(rs, 3)), crm, recordId);
    }

    public List<ClockRow> clocks(String crm, String recordId) {
        return query("SELECT policy_id, cycle, status, started_at, due_at, stopped_at, breached_at, stopped_by, attempts "
                        + "FROM clocks WHERE crm = ? AND record_id = ? ORDER BY cycle, policy_id",
                rs -> new ClockRow(rs.getString(1), rs.getInt(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                        instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getInt(9)), crm, recordId);
    }

    /** The lead's clock of this policy in its latest cycle. */
    public Optional<ClockRow> clock(String crm, String recordId, String policyId) {
        return clocks(crm, recordId).stream().filter(c -> c.policyId().equals(policyId))
                .reduce((first, second) -> second);
    }

    public List<TaskRequestRow> taskRequests(String crm, String recordId) {
        return query("SELECT idempotency_key, kind, policy_id, cycle, owner_id, crm_task_id, done_at, attempts, failed_at, "
                        + "last_error FROM task_requests WHERE crm = ? AND record_id = ? ORDER BY idempotency_key",
                rs -> new TaskRequestRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), instant(rs, 7), rs.getInt(8), instant(rs, 9), rs.getString(10)), crm, recordId);
    }

    public List<OutboxRow> outbox(String crm) {
        return query("SELECT record_id, version, attempts, failed_at, last_error FROM outbox WHERE crm = ? ORDER BY record_id",
                rs -> new OutboxRow(rs.getString(1), rs.getLong(2), rs.getInt(3), instant(rs, 4), rs.getString(5)), crm);
    }

    /**
     * Closes the embedded database cleanly (H2 keeps it open in this JVM after the server's pool
     * closed, {@code DB_CLOSE_DELAY=-1}): the next server opens it from its files, as a new
     * process would.
     */
    public void close() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Closes the database as a killed process leaves it: without writing what it had not written
     * yet ({@code SHUTDOWN IMMEDIATELY}); the next open recovers from the files. Cut the server off
     * its store first ({@link E2eServer#closeStoreUnder}), or its pool would open the database again.
     */
    public void crash() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            // the connection dies with the database: expected
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static InboxRow inboxRow(ResultSet rs) throws SQLException {
        return new InboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5), rs.getString(6));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
