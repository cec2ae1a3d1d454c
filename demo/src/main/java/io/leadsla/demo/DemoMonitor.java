package io.leadsla.demo;

import io.leadsla.core.event.Crm;
import io.leadsla.simulator.hubspot.ObjectSnapshot;
import io.leadsla.simulator.hubspot.PropertyChange;
import io.leadsla.simulator.salesforce.LeadSlaFields;
import io.leadsla.simulator.salesforce.RecordSnapshot;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the demo says while it runs, read from the CRMs as a rep would see them: every
 * {@code every} (real time) one line — simulated time, leads, SLA states shown on records, tasks
 * leadsla created — and, once each, when the first hot and the first standard lead went at risk
 * and breached (with how many real seconds into the demo, and the lead's API URL).
 */
final class DemoMonitor implements AutoCloseable {

    private static final String HUBSPOT_STATUS = "leadsla_sla_status";
    private static final String HUBSPOT_TASK_KEY = "leadsla_task_key";
    private static final Duration SAMPLE = Duration.ofSeconds(1);

    /** Counts read from the CRMs at one moment. */
    record Counts(int hubspotLeads, int salesforceLeads, int atRisk, int breached, int breachTasks, int reasonTasks) {
    }

    private final AcceleratedClock clock;
    private final DemoCrms crms;
    private final DemoTraffic traffic;
    private final PrintStream out;
    private final DateTimeFormatter time;
    private final String apiBase;
    private final Duration every;
    private final Set<String> firsts = new HashSet<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread thread;

    DemoMonitor(AcceleratedClock clock, DemoCrms crms, DemoTraffic traffic, PrintStream out, ZoneId zone, String apiBase,
                Duration every) {
        this.clock = clock;
        this.crms = crms;
        this.traffic = traffic;
        this.out = out;
        this.time = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH).withZone(zone);
        this.apiBase = apiBase;
        this.every = every;
    }

    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "leadsla-demo-monitor");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long samples = Math.max(1, every.toMillis() / SAMPLE.toMillis());
        try {
            for (long n = 1; !stop.await(SAMPLE.toMillis(), TimeUnit.MILLISECONDS); n++) {
                try {
                    lookForFirsts();
                    if (n % samples == 0) {
                        out.println(summary(counts()));
                    }
                } catch (RuntimeException e) {
                    // a snapshot read while the demo stops: the next sample will do
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts as the CRMs show them now. */
    Counts counts() {
        int atRisk = 0;
        int breached = 0;
        int breachTasks = 0;
        int reasonTasks = 0;
        for (ObjectSnapshot contact : crms.hubspot().contacts()) {
            String status = contact.property(HUBSPOT_STATUS);
            atRisk += "AT_RISK".equals(status) ? 1 : 0;
            breached += "BREACHED".equals(status) ? 1 : 0;
        }
        for (RecordSnapshot lead : crms.salesforceLeads()) {
            String status = lead.string(LeadSlaFields.STATUS);
            atRisk += "AT_RISK".equals(status) ? 1 : 0;
            breached += "BREACHED".equals(status) ? 1 : 0;
        }
        for (ObjectSnapshot task : crms.hubspot().tasks()) {
            String key = task.property(HUBSPOT_TASK_KEY);
            breachTasks += key != null && key.endsWith(":BREACH") ? 1 : 0;
            reasonTasks += key != null && key.endsWith(":MISSING_REASON") ? 1 : 0;
        }
        for (RecordSnapshot task : crms.salesforce().records("Task")) {
            String key = task.string(LeadSlaFields.TASK_KEY);
            breachTasks += key != null && key.endsWith(":BREACH") ? 1 : 0;
            reasonTasks += key != null && key.endsWith(":MISSING_REASON") ? 1 : 0;
        }
        return new Counts(traffic.created(Crm.HUBSPOT), traffic.created(Crm.SALESFORCE), atRisk, breached, breachTasks,
                reasonTasks);
    }

    String summary(Counts c) {
        return String.format(Locale.ENGLISH, "[%s] leads %d (HubSpot %d, Salesforce %d) · now at risk %d, breached %d"
                        + " · tasks created: %d breach, %d missing reason",
                time.format(clock.instant()), c.hubspotLeads() + c.salesforceLeads(), c.hubspotLeads(),
                c.salesforceLeads(), c.atRisk(), c.breached(), c.breachTasks(), c.reasonTasks());
    }

    /**
     * The first at-risk and breached state of a hot and of a standard lead, from the history of
     * the SLA status leadsla wrote (so a state shown for less than a sample is not missed).
     */
    private void lookForFirsts() {
        if (firsts.size() == 4) {
            return;
        }
        for (ObjectSnapshot contact : crms.hubspot().contacts()) {
            for (PropertyChange change : contact.historyOf(HUBSPOT_STATUS)) {
                first(Crm.HUBSPOT, contact.id(), change.value(), change.timestamp());
            }
        }
        for (RecordSnapshot row : crms.salesforce().records("LeadHistory")) {
            if (LeadSlaFields.STATUS.equalsIgnoreCase(row.string("Field"))) {
                first(Crm.SALESFORCE, row.string("LeadId"), row.string("NewValue"), row.instant("CreatedDate"));
            }
        }
    }

    private void first(Crm crm, String recordId, String status, Instant at) {
        if (!"AT_RISK".equals(status) && !"BREACHED".equals(status)) {
            return;
        }
        traffic.lead(crm, recordId).ifPresent(created -> {
            String tier = created.lead().tier();
            if (firsts.add(tier + " " + status)) {
                double real = Duration.between(clock.startInstant(), at).toMillis() / 1000.0 / clock.speed();
                out.printf(Locale.ENGLISH, "[%s] first %s lead %s (%s), %.1f s into the demo: %s %s (%s, %s) — %s/api/leads/%s/%s%n",
                        time.format(at), tier, "AT_RISK".equals(status) ? "at risk" : "breached", policy(crm, recordId),
                        real, crm == Crm.HUBSPOT ? "HubSpot contact" : "Salesforce lead", recordId, created.lead().name(),
                        created.lead().company(), apiBase, crm.id(), recordId);
            }
        });
    }

    /** The policy whose clock the record shows now (leadsla writes it next to the status). */
    private String policy(Crm crm, String recordId) {
        String policy = crm == Crm.HUBSPOT
                ? crms.hubspot().contact(recordId).map(c -> c.property("leadsla_sla_policy")).orElse(null)
                : crms.salesforce().record(recordId).map(r -> r.string(LeadSlaFields.POLICY)).orElse(null);
        return policy == null || policy.isEmpty() ? "?" : policy;
    }

    @Override
    public void close() {
        stop.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
