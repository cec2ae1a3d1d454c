package io.leadsla.connector.api;

import io.leadsla.core.event.Crm;
import io.leadsla.core.event.LeadKey;
import java.util.List;

/**
 * What the outbox writer needs from a CRM connector: write SLA fields onto records, in batches,
 * and create tasks idempotently. The connector owns its HTTP client, rate limiter, retries and
 * circuit breaker; only the instance holding the account's lease calls it.
 */
public interface CrmWriter {

    Crm crm();

    /** The lease and API budget name of the CRM account, e.g. {@code hubspot:portal-62515}. */
    String apiAccount();

    /** Most records one write call carries (HubSpot batch update: 100; Salesforce update(): 200). */
    int maxBatch();

    /**
     * Writes each record's SLA fields (the write-back's JSON payload). One outcome per write-back.
     *
     * @throws RuntimeException when the whole call failed (outage, 429s past the retries, circuit
     *                          open): every write-back of the batch is kept and tried again later
     */
    List<Outcome> write(List<WriteBack> writeBacks);

    /**
     * Creates the task, or returns the one created earlier under the same idempotency key
     * ({@link TaskRequest#key()}): a retry after a crash between the CRM's answer and leadsla's
     * commit must not make a second task (Salesforce: upsert on an external id; HubSpot: search
     * the key property first).
     *
     * @return the CRM task id
     * @throws Refused when the CRM refuses the task for good; other exceptions are retried
     */
    String createTask(TaskRequest request);

    /** The outcome of one record's write. */
    sealed interface Outcome {
        LeadKey lead();
    }

    /** The CRM has the state. */
    record Written(LeadKey lead) implements Outcome {
    }

    /** This record failed for now (lock, timeout on the row): try it again later. */
    record RetryLater(LeadKey lead, String error) implements Outcome {
    }

    /** The CRM refuses this record for good (deleted, no permission on it): keep it and stop trying. */
    record Rejected(LeadKey lead, String error) implements Outcome {
    }

    /** A task the CRM refuses for good. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }
}
