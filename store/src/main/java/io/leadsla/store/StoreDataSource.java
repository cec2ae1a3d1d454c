package io.leadsla.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The store's connection pool (HikariCP). Every step opens a transaction per batch: without a
 * pool each would open a database connection, which PostgreSQL pays for with a new process.
 */
public final class StoreDataSource {

    private StoreDataSource() {
    }

    /**
     * @param url      {@code jdbc:postgresql://…}, or {@link Backend#embeddedUrl} for the embedded store
     * @param maxSize  connections at most: the pipeline worker needs one, each webhook request one
     *                 while it stores its batch
     */
    public static HikariDataSource pooled(String url, String user, String password, int maxSize, String name) {
        Backend.ofUrl(url); // refuse an unsupported database before connecting
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(1);
        config.setPoolName(name);
        // a store outage must not hang a webhook past the CRM's timeout: fail fast, the CRM retries
        config.setConnectionTimeout(3_000);
        return new HikariDataSource(config);
    }
}
