package io.leadsla.service.pipeline;

import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.lifecycle.Managed;
import io.leadsla.connector.api.Normalizer;
import io.leadsla.connector.event.LeadEventsNormalizer;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.policy.PolicySet;
import io.leadsla.store.Backend;
import io.leadsla.pipeline.InboxProcessor;
import io.leadsla.pipeline.LeadFolder;
import io.leadsla.pipeline.OutboxWriter;
import io.leadsla.pipeline.PipelineWorker;
import io.leadsla.pipeline.PollStep;
import io.leadsla.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipeline of this instance: the store, and one worker that reads the inbox, folds
 * leads, writes to the CRMs and polls them (docs/ARCHITECTURE.md). Started and stopped with the
 * server; a stop lets the step in flight finish and gives the CRM account leases up.
 */
public final class Pipeline implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final HikariDataSource dataSource;
    private final Store store;
    private final PipelineWorker worker;

    private Pipeline(HikariDataSource dataSource, Store store, PipelineWorker worker) {
        this.dataSource = dataSource;
        this.store = store;
        this.worker = worker;
    }

    /** Opens (and migrates) the store; the worker starts with the server. */
    public static Pipeline open(StoreFactory storeConfig, PipelineFactory config, PolicySet policies,
                                List<CrmConnector> connectors, Clock clock) {
        HikariDataSource dataSource = storeConfig.build();
        Store store = Store.open(dataSource, Backend.ofUrl(storeConfig.jdbcUrl()), clock);
        LOG.info("store: {}", storeConfig.describe());
        int redo = store.leads().markOpenLeadsStale(policies.version());
        if (redo > 0) {
            LOG.info("policies version {}: {} leads with open clocks of another version are folded again",
                    policies.version(), redo);
        }
        String instance = config.instanceId();
        Duration lease = config.getLeaseDuration().toJavaDuration();
        List<Normalizer> normalizers = new ArrayList<>(List.of(new LeadEventsNormalizer()));
        List<OutboxWriter> writers = new ArrayList<>();
        List<PollStep> polls = new ArrayList<>();
        // every CRM account the same way: its normalizers read its inbox items, its writer sends its
        // write-backs and tasks, its pollers poll, each under the account's lease
        for (CrmConnector c : connectors) {
            normalizers.addAll(c.normalizers());
            writers.add(new OutboxWriter(store, c.account(), c.writer(), instance, lease, clock));
            c.pollers(clock.instant().minus(c.firstLookBack()))
                    .forEach(p -> polls.add(new PollStep(store, p, instance, lease, c.pollInterval(), clock)));
        }
        PipelineWorker worker = PipelineWorker.of(new InboxProcessor(store, normalizers, clock),
                new LeadFolder(store, new ClockEngine(policies), clock), writers, polls, config.getBatch(),
                config.getIdlePoll().toJavaDuration());
        return new Pipeline(dataSource, store, worker);
    }

    public Store store() {
        return store;
    }

    /** The loop that runs the steps (for the scheduler's health). */
    public PipelineWorker worker() {
        return worker;
    }

    /** New inbox items were stored: process them now rather than at the next poll. */
    public void wakeUp() {
        worker.wakeUp();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() throws Exception {
        worker.close();
        dataSource.close();
    }
}
