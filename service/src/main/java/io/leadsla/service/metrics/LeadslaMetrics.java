package io.leadsla.service.metrics;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.leadsla.core.clock.ClockStatus;
import io.leadsla.core.event.Crm;
import io.leadsla.store.PipelineCounts;
import io.leadsla.store.Store;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * leadsla's own figures: in the Dropwizard registry (the admin {@code /metrics} JSON, one name per
 * CRM) and in the Prometheus text at {@code /prometheus} (labels {@code crm} and {@code status}),
 * next to everything else Dropwizard measures (JVM, Jetty, Jersey). Figures read from the store are
 * cached for a few seconds: a scrape must not load the database. Names: docs/OPERATIONS.md.
 */
public final class LeadslaMetrics {

    /** Store figures are read at most this often. */
    static final long CACHE_SECONDS = 5;

    /** A CRM account's API figures, as its connector exposes them. */
    public record ApiCalls(Crm crm, String account, LongSupplier calls, LongSupplier rateLimited) {

        /** {@code hubspot}, or {@code hubspot.emea} outside the default account (Dropwizard metric names). */
        String name() {
            return crm.id() + (io.leadsla.core.event.LeadKey.DEFAULT_ACCOUNT.equals(account) ? "" : "." + account);
        }
    }

    /** A per-CRM counter of the pipeline: its name and where its value comes from. */
    private record PerCrm(String name, String help, ToLongFunction<PipelineCounts.PerCrm> value) {
    }

    private static final List<PerCrm> PER_CRM = List.of(
            new PerCrm("events_stored", "new normalized lead events stored", PipelineCounts.PerCrm::eventsStored),
            new PerCrm("breaches", "breaches of a rep's clock that asked for a task", PipelineCounts.PerCrm::breachTasksRequested),
            new PerCrm("reason_requests", "rejections without a reason that asked for a task",
                    PipelineCounts.PerCrm::reasonTasksRequested),
            new PerCrm("writebacks", "records whose SLA fields the CRM confirmed", PipelineCounts.PerCrm::writeBacksWritten),
            new PerCrm("writeback_failures", "record writes kept for a retry", PipelineCounts.PerCrm::writeBacksFailed),
            new PerCrm("writeback_refusals", "record writes the CRM refused for good", PipelineCounts.PerCrm::writeBacksRefused),
            new PerCrm("tasks", "CRM tasks created", PipelineCounts.PerCrm::tasksCreated),
            new PerCrm("task_failures", "CRM task creations that failed", PipelineCounts.PerCrm::tasksFailed));

    private final Store store;
    private final List<ApiCalls> apis;
    private final CachedGauge<Long> inboxLag;
    private final CachedGauge<Long> inboxPending;
    private final CachedGauge<Long> inboxSetAside;
    private final CachedGauge<Long> outboxPending;
    private final CachedGauge<Map<ClockStatus, Long>> clocks;

    public LeadslaMetrics(Store store, Clock clock, List<ApiCalls> apis) {
        this.store = store;
        this.apis = List.copyOf(apis);
        this.inboxLag = cached(() -> store.inbox().oldestPending()
                .map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds())).orElse(0L));
        this.inboxPending = cached(() -> store.inbox().countPending());
        this.inboxSetAside = cached(() -> store.inbox().countSetAside());
        this.outboxPending = cached(() -> store.outbox().count());
        this.clocks = cached(() -> store.kpis().clocksByStatus());
    }

    /** Registers the figures in Dropwizard's registry as {@code leadsla.*} gauges. */
    public void register(MetricRegistry registry) {
        registry.register("leadsla.inbox.lag_seconds", inboxLag);
        registry.register("leadsla.inbox.pending", inboxPending);
        registry.register("leadsla.inbox.set_aside", inboxSetAside);
        registry.register("leadsla.outbox.pending", outboxPending);
        for (ClockStatus s : ClockStatus.values()) {
            registry.register("leadsla.clocks." + s.name().toLowerCase(Locale.ROOT), (Gauge<Long>) () -> clocks.getValue().get(s));
        }
        registry.register("leadsla.leads.folded", (Gauge<Long>) store.counts()::leadsFolded);
        for (Crm crm : Crm.values()) {
            PipelineCounts.PerCrm c = store.counts().of(crm);
            for (PerCrm figure : PER_CRM) {
                registry.register("leadsla." + crm.id() + "." + figure.name(), (Gauge<Long>) () -> figure.value().applyAsLong(c));
            }
        }
        for (ApiCalls api : apis) {
            registry.register("leadsla." + api.name() + ".api_calls", (Gauge<Long>) api.calls()::getAsLong);
            registry.register("leadsla." + api.name() + ".api_rate_limited", (Gauge<Long>) api.rateLimited()::getAsLong);
        }
    }

    /**
     * The Prometheus registry: Dropwizard's metrics but leadsla's (exported here with labels
     * instead of one name per CRM and status).
     */
    public PrometheusRegistry prometheus(MetricRegistry registry) {
        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(registry).metricFilter((name, metric) -> !name.startsWith("leadsla."))
                .register(prometheus);
        gauge(prometheus, "leadsla_inbox_lag_seconds", "age of the oldest inbox item not read yet", inboxLag::getValue);
        gauge(prometheus, "leadsla_inbox_pending", "inbox items waiting to be read", inboxPending::getValue);
        gauge(prometheus, "leadsla_inbox_set_aside", "inbox items no connector could read (kept for an operator)",
                inboxSetAside::getValue);
        gauge(prometheus, "leadsla_outbox_pending", "records whose SLA fields wait to be written", outboxPending::getValue);
        GaugeWithCallback.builder().name("leadsla_clocks").help("SLA clocks by status, as last folded").labelNames("status")
                .callback(cb -> clocks.getValue().forEach((status, n) -> cb.call(n, status.name().toLowerCase(Locale.ROOT))))
                .register(prometheus);
        CounterWithCallback.builder().name("leadsla_leads_folded").help("lead folds by this instance")
                .callback(cb -> cb.call(store.counts().leadsFolded())).register(prometheus);
        for (PerCrm figure : PER_CRM) {
            CounterWithCallback.builder().name("leadsla_" + figure.name()).help(figure.help() + " by this instance")
                    .labelNames("crm")
                    .callback(cb -> {
                        for (Crm crm : Crm.values()) {
                            cb.call(figure.value().applyAsLong(store.counts().of(crm)), crm.id());
                        }
                    })
                    .register(prometheus);
        }
        perApi(prometheus, "leadsla_api_calls", "calls made to the CRM's API by this instance", ApiCalls::calls);
        perApi(prometheus, "leadsla_api_rate_limited", "calls the CRM refused for its rate or daily limit (429, "
                + "REQUEST_LIMIT_EXCEEDED)", ApiCalls::rateLimited);
        return prometheus;
    }

    private void perApi(PrometheusRegistry prometheus, String name, String help, Function<ApiCalls, LongSupplier> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames("crm", "account")
                .callback(cb -> apis.forEach(a -> cb.call(value.apply(a).getAsLong(), a.crm().id(), a.account())))
                .register(prometheus);
    }

    private static void gauge(PrometheusRegistry prometheus, String name, String help, java.util.function.Supplier<Long> value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.get())).register(prometheus);
    }

    private static <T> CachedGauge<T> cached(java.util.function.Supplier<T> value) {
        return new CachedGauge<>(CACHE_SECONDS, TimeUnit.SECONDS) {
            @Override
            protected T loadValue() {
                return value.get();
            }
        };
    }
}
