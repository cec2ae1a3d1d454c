package io.leadsla.store;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * leadsla's durable state: the inbox of what CRMs sent, normalized events, each lead's clocks,
 * write-backs and task requests for the CRMs, leases, API usage and poll cursors. The schema is
 * migrated by Flyway on open. Every write that matters is one transaction, so a crash between
 * steps loses and duplicates nothing.
 */
public final class Store {

    private final Backend backend;
    private final Jdbi jdbi;
    private final InboxRepository inbox;
    private final EventRepository events;
    private final LeadRepository leads;
    private final CursorRepository cursors;
    private final OutboxRepository outbox;
    private final TaskRequestRepository tasks;
    private final LeaseRepository leases;
    private final ApiUsageRepository apiUsage;
    private final LeadHistoryQuery history;
    private final KpiQuery kpis;
    private final PipelineCounts counts = new PipelineCounts();

    private Store(Backend backend, Jdbi jdbi, Clock clock) {
        this.backend = backend;
        this.jdbi = jdbi;
        this.inbox = new InboxRepository(jdbi);
        this.events = new EventRepository(jdbi, counts);
        this.leads = new LeadRepository(jdbi);
        this.cursors = new CursorRepository(jdbi, clock);
        this.outbox = new OutboxRepository(jdbi);
        this.tasks = new TaskRequestRepository(jdbi);
        this.leases = new LeaseRepository(jdbi);
        this.apiUsage = new ApiUsageRepository(jdbi);
        this.history = new LeadHistoryQuery(jdbi, leads, outbox);
        this.kpis = new KpiQuery(jdbi);
    }

    /** Migrates the schema to the current version and opens the store. */
    public static Store open(DataSource dataSource, Backend backend, Clock clock) {
        Flyway.configure()
                .dataSource(dataSource)
                // one set of SQL, but for what the two name differently (primary key constraints)
                .locations("classpath:db/migration", "classpath:db/" + (backend == Backend.EMBEDDED ? "h2" : "postgresql"))
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return new Store(backend, Jdbi.create(dataSource), clock);
    }

    public Backend backend() {
        return backend;
    }

    public InboxRepository inbox() {
        return inbox;
    }

    public EventRepository events() {
        return events;
    }

    public LeadRepository leads() {
        return leads;
    }

    public CursorRepository cursors() {
        return cursors;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public TaskRequestRepository tasks() {
        return tasks;
    }

    public LeaseRepository leases() {
        return leases;
    }

    public ApiUsageRepository apiUsage() {
        return apiUsage;
    }

    /** What leadsla knows and did about one record (the lead API). */
    public LeadHistoryQuery history() {
        return history;
    }

    /** The stored cycles and clocks, for the KPIs. */
    public KpiQuery kpis() {
        return kpis;
    }

    /** What this instance's pipeline did since it started (metrics). */
    public PipelineCounts counts() {
        return counts;
    }

    /**
     * Runs a pipeline step's work in one transaction across the repositories.
     *
     * @throws StoreException when the store refuses or fails it; nothing of it was kept
     */
    public <T> T inTransaction(java.util.function.Function<StoreTransaction, T> work) {
        try {
            return jdbi.inTransaction(h -> work.apply(new StoreTransaction(this, h)));
        } catch (org.jdbi.v3.core.JdbiException e) {
            throw new StoreException(e);
        }
    }

    /** For tests and benchmarks that inspect or clear tables; pipeline steps use {@link #inTransaction}. */
    public Jdbi jdbi() {
        return jdbi;
    }
}
