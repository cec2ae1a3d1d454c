-- The SLA summary last queued for the CRM record (RecordSla as JSON): a fold that does not
-- change it queues nothing, so leadsla writes a record only when what the rep sees changes.
ALTER TABLE leads ADD COLUMN sla TEXT;

-- Write-backs to the CRMs, coalesced per record: only the latest SLA state of a record is
-- pending. version grows with each new state; the writer deletes the row only if it is unchanged.
CREATE TABLE outbox (
    crm              VARCHAR(16)  NOT NULL,
    record_id        VARCHAR(64)  NOT NULL,
    object_type      VARCHAR(32)  NOT NULL,
    payload          TEXT         NOT NULL,
    version          BIGINT       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       TEXT,
    PRIMARY KEY (crm, record_id)
);
CREATE INDEX outbox_ready ON outbox (next_attempt_at);

-- CRM tasks to create (a breach; a rejection without a reason). The idempotency key makes a
-- request exist once whatever retries, crashes or instances; crm_task_id is the task once made.
CREATE TABLE task_requests (
    idempotency_key  VARCHAR(255) PRIMARY KEY,
    crm              VARCHAR(16)  NOT NULL,
    record_id        VARCHAR(64)  NOT NULL,
    object_type      VARCHAR(32)  NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    policy_id        VARCHAR(64)  NOT NULL,
    cycle            INT          NOT NULL,
    owner_id         VARCHAR(128),
    due_at           TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    crm_task_id      VARCHAR(128),
    done_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX task_requests_pending ON task_requests (done_at, created_at);
