package io.leadsla.store;

/** The two stores leadsla runs on; one set of SQL serves both. */
public enum Backend {
    /**
     * H2 in PostgreSQL mode, in a file: no server to install, for the demo, replay and a single
     * instance. One process only.
     */
    EMBEDDED,
    /** PostgreSQL: production, and several instances sharing the work. */
    POSTGRESQL;

    /** The JDBC URL of an embedded store kept in {@code directory}. */
    public static String embeddedUrl(java.nio.file.Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("leadsla")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // keep the database open between connections: H2 otherwise closes (and compacts)
                // the file whenever its last connection closes, and reopens it on the next one
                + ";DB_CLOSE_DELAY=-1"
                // a commit reaches the file before it returns: a webhook is acknowledged only once
                // stored, and H2's default 0.5 s write delay lost acknowledged deliveries on kill -9
                // (RestartEndToEndTest). The OS may still hold it: a power loss is not covered.
                + ";WRITE_DELAY=0";
    }

    public static Backend ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return EMBEDDED;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "': use jdbc:postgresql://… or leave it unset for the embedded store");
    }
}
