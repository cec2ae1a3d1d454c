package io.leadsla.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * API calls spent per CRM account and UTC day. The daily budget belongs to the account, not to an
 * instance: whichever instance holds the account's lease adds its calls here, and a new holder
 * goes on from the same count.
 */
public final class ApiUsageRepository {

    private final Jdbi jdbi;

    ApiUsageRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds {@code calls} to the account's count for the UTC day of {@code at}; @return the day's total. */
    public long add(String account, Instant at, long calls) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            MERGE INTO api_usage t
                            USING (SELECT CAST(:account AS VARCHAR(128)) AS account, CAST(:day AS DATE) AS usage_day) s
                            ON t.account = s.account AND t.usage_day = s.usage_day
                            WHEN MATCHED THEN UPDATE SET calls = t.calls + :calls
                            WHEN NOT MATCHED THEN INSERT (account, usage_day, calls) VALUES (:account, :day, :calls)""")
                    .bind("account", account).bind("day", day).bind("calls", calls).execute();
            return h.createQuery("SELECT calls FROM api_usage WHERE account = :account AND usage_day = :day")
                    .bind("account", account).bind("day", day).mapTo(Long.class).one();
        });
    }

    /** Calls spent on the UTC day of {@code at}. */
    public long used(String account, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createQuery("SELECT calls FROM api_usage WHERE account = :account AND usage_day = :day")
                .bind("account", account).bind("day", day).mapTo(Long.class).findOne().orElse(0L));
    }
}
