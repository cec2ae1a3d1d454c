package io.leadsla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from the store's {@code TIMESTAMP WITH TIME ZONE} columns, always at UTC: both
 * H2 and PostgreSQL then compare and order them as instants, whatever the JVM's or the session's
 * time zone.
 */
final class UtcTimes {

    private UtcTimes() {
    }

    /** The value to bind for {@code instant}; null stays null. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant in {@code column}, or null. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
