package io.leadsla.store;

import io.leadsla.core.event.Crm;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What this instance's pipeline has done since it started, per CRM: plain counters the service
 * exposes as metrics (the store knows nothing of the metrics library). Thread-safe.
 */
public final class PipelineCounts {

    /** The counters of one CRM. */
    public static final class PerCrm {
        private final LongAdder eventsStored = new LongAdder();
        private final LongAdder breachTasksRequested = new LongAdder();
        private final LongAdder reasonTasksRequested = new LongAdder();
        private final LongAdder writeBacksWritten = new LongAdder();
        private final LongAdder writeBacksRefused = new LongAdder();
        private final LongAdder writeBacksFailed = new LongAdder();
        private final LongAdder tasksCreated = new LongAdder();
        private final LongAdder tasksFailed = new LongAdder();

        /** New normalized events stored (repeats not counted). */
        public long eventsStored() {
            return eventsStored.sum();
        }

        /** Breaches of a rep's clock that asked for a task (one per breach). */
        public long breachTasksRequested() {
            return breachTasksRequested.sum();
        }

        public long reasonTasksRequested() {
            return reasonTasksRequested.sum();
        }

        /** Records the CRM confirmed. */
        public long writeBacksWritten() {
            return writeBacksWritten.sum();
        }

        /** Records the CRM refused for good (deleted, converted). */
        public long writeBacksRefused() {
            return writeBacksRefused.sum();
        }

        /** Records kept for a retry after a failed call or a per-record error. */
        public long writeBacksFailed() {
            return writeBacksFailed.sum();
        }

        public long tasksCreated() {
            return tasksCreated.sum();
        }

        public long tasksFailed() {
            return tasksFailed.sum();
        }
    }

    private final Map<Crm, PerCrm> byCrm = new EnumMap<>(Crm.class);
    private final LongAdder inboxSetAside = new LongAdder();
    private final LongAdder leadsFolded = new LongAdder();

    PipelineCounts() {
        for (Crm crm : Crm.values()) {
            byCrm.put(crm, new PerCrm());
        }
    }

    public PerCrm of(Crm crm) {
        return byCrm.get(crm);
    }

    /** Inbox items no normalizer could read. */
    public long inboxSetAside() {
        return inboxSetAside.sum();
    }

    public long leadsFolded() {
        return leadsFolded.sum();
    }

    public void eventStored(Crm crm, int n) {
        byCrm.get(crm).eventsStored.add(n);
    }

    public void setAside(int n) {
        inboxSetAside.add(n);
    }

    public void folded(int n) {
        leadsFolded.add(n);
    }

    public void taskRequested(Crm crm, io.leadsla.core.followup.TaskKind kind) {
        (kind == io.leadsla.core.followup.TaskKind.BREACH ? byCrm.get(crm).breachTasksRequested
                : byCrm.get(crm).reasonTasksRequested).increment();
    }

    public void written(Crm crm, int n) {
        byCrm.get(crm).writeBacksWritten.add(n);
    }

    public void refused(Crm crm) {
        byCrm.get(crm).writeBacksRefused.increment();
    }

    public void writeFailed(Crm crm, int n) {
        byCrm.get(crm).writeBacksFailed.add(n);
    }

    public void taskCreated(Crm crm) {
        byCrm.get(crm).tasksCreated.increment();
    }

    public void taskFailed(Crm crm) {
        byCrm.get(crm).tasksFailed.increment();
    }
}
