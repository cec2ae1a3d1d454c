package io.leadsla.pipeline;

import io.leadsla.core.clock.RecordSla;
import io.leadsla.connector.api.CrmWriter;
import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import io.leadsla.connector.api.WriteBack;
import io.leadsla.connector.api.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A CRM account in memory for the writer's tests: records every call (which instance, when),
 * the fields each record was given, and tasks by idempotency key, created once per key as an
 * upsert on an external id would. Failures are injected per call.
 */
final class RecordingCrm {

    /** One call: who made it and when it started and ended (System.nanoTime). */
    record Call(String instance, String what, long startNanos, long endNanos) {
    }

    final Crm crm;
    final int maxBatch;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Every payload each record received, in order. */
    final Map<LeadKey, List<RecordSla>> writes = new ConcurrentHashMap<>();
    /** Task id by idempotency key: one task per key, whatever the retries. */
    final Map<String, String> tasks = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> taskCalls = new ConcurrentHashMap<>();
    final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final AtomicInteger taskIds = new AtomicInteger();
    /** Per batch: what to answer instead of writing (null: write everything). */
    volatile Function<List<WriteBack>, List<CrmWriter.Outcome>> writeFault;
    volatile Function<TaskRequest, RuntimeException> taskFault;

    RecordingCrm(Crm crm, int maxBatch) {
        this.crm = crm;
        this.maxBatch = maxBatch;
    }

    /** The account as seen by one instance's writer. */
    CrmWriter as(String instance) {
        return new CrmWriter() {
            @Override
            public Crm crm() {
                return crm;
            }

            @Override
            public String apiAccount() {
                return crm.id() + ":test-account";
            }

            @Override
            public int maxBatch() {
                return maxBatch;
            }

            @Override
            public List<Outcome> write(List<WriteBack> writeBacks) {
                long start = begin(instance);
                try {
                    if (writeBacks.size() > maxBatch) {
                        throw new IllegalStateException("batch of " + writeBacks.size() + " over " + maxBatch);
                    }
                    Function<List<WriteBack>, List<Outcome>> fault = writeFault;
                    if (fault != null) {
                        List<Outcome> outcomes = fault.apply(writeBacks);
                        for (Outcome o : outcomes) {
                            if (o instanceof Written) {
                                writeBacks.stream().filter(w -> w.lead().equals(o.lead())).forEach(this::apply);
                            }
                        }
                        return outcomes;
                    }
                    List<Outcome> outcomes = new ArrayList<>();
                    for (WriteBack w : writeBacks) {
                        apply(w);
                        outcomes.add(new Written(w.lead()));
                    }
                    return outcomes;
                } finally {
                    calls.add(new Call(instance, "write", start, System.nanoTime()));
                }
            }

            private void apply(WriteBack w) {
                writes.computeIfAbsent(w.lead(), k -> new CopyOnWriteArrayList<>()).add(w.sla());
            }

            @Override
            public String createTask(TaskRequest request) {
                long start = begin(instance);
                try {
                    taskCalls.computeIfAbsent(request.key(), k -> new AtomicInteger()).incrementAndGet();
                    Function<TaskRequest, RuntimeException> fault = taskFault;
                    RuntimeException e = fault == null ? null : fault.apply(request);
                    if (e != null) {
                        throw e;
                    }
                    return tasks.computeIfAbsent(request.key(), k -> "T" + taskIds.incrementAndGet());
                } finally {
                    calls.add(new Call(instance, "task", start, System.nanoTime()));
                }
            }
        };
    }

    private long begin(String instance) {
        if (dead.contains(instance)) {
            throw new IllegalStateException(instance + " is dead: a killed process makes no calls");
        }
        return System.nanoTime();
    }

    /** The last SLA state each record received. */
    RecordSla lastWrite(LeadKey lead) {
        List<RecordSla> w = writes.get(lead);
        return w == null || w.isEmpty() ? null : w.get(w.size() - 1);
    }
}
