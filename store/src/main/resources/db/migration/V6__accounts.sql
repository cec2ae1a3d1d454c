-- Several accounts per CRM (HubSpot portals, Salesforce orgs): a lead is (crm, account, record_id),
-- since two portals number their contacts alike. Existing rows belong to the default account.
-- The primary keys move in V7, per database (their constraints are named differently).
ALTER TABLE lead_events ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default';
ALTER TABLE leads ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default';
ALTER TABLE clocks ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default';
ALTER TABLE outbox ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default';
ALTER TABLE task_requests ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default';
ALTER TABLE write_back_log ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default';
ALTER TABLE lead_cycles ADD COLUMN account VARCHAR(32) NOT NULL DEFAULT 'default';

DROP INDEX lead_events_by_lead;
CREATE INDEX lead_events_by_lead ON lead_events (crm, account, record_id);
DROP INDEX leads_stale;
CREATE INDEX leads_stale ON leads (stale, crm, account, record_id);
DROP INDEX outbox_ready;
CREATE INDEX outbox_ready ON outbox (crm, account, failed_at, next_attempt_at);
DROP INDEX task_requests_pending;
CREATE INDEX task_requests_pending ON task_requests (crm, account, done_at, failed_at, next_attempt_at);
DROP INDEX write_back_log_by_lead;
CREATE INDEX write_back_log_by_lead ON write_back_log (crm, account, record_id, id);
