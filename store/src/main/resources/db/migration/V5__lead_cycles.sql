-- Each lead's passes through the funnel as last folded (sla-core LeadCycle): what the KPIs count,
-- so /api/kpis reads one row per MQL instead of folding every lead's events again.
-- missing_attributes: NULL when MQL quality was not checked, '' when nothing was missing.
CREATE TABLE lead_cycles (
    crm                         VARCHAR(16)  NOT NULL,
    record_id                   VARCHAR(64)  NOT NULL,
    cycle                       INT          NOT NULL,
    object_type                 VARCHAR(32)  NOT NULL,
    tier                        VARCHAR(64)  NOT NULL,
    owner_id                    VARCHAR(128),
    source                      VARCHAR(255),
    mql_at                      TIMESTAMP WITH TIME ZONE NOT NULL,
    handed_off_at               TIMESTAMP WITH TIME ZONE,
    first_contact_at            TIMESTAMP WITH TIME ZONE,
    attempts                    INT          NOT NULL,
    outcome                     VARCHAR(16)  NOT NULL,
    outcome_at                  TIMESTAMP WITH TIME ZONE,
    rejection_reason            TEXT,
    rejected_without_reason     BOOLEAN      NOT NULL,
    missing_attributes          TEXT,
    handoff_ms                  BIGINT,
    handoff_business_ms         BIGINT,
    first_response_ms           BIGINT,
    first_response_business_ms  BIGINT,
    PRIMARY KEY (crm, record_id, cycle)
);
-- KPIs select the cycles whose MQL falls in a period
CREATE INDEX lead_cycles_by_mql ON lead_cycles (mql_at);
-- the clocks' statuses for the dashboard's counts and the metrics
CREATE INDEX clocks_by_status ON clocks (status);

-- Leads folded before this table existed are folded once more to fill it.
UPDATE leads SET stale = TRUE WHERE folded_at IS NOT NULL;
