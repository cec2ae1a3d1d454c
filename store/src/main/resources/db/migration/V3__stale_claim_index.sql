-- Claims of stale leads read them in (crm, record_id) order: an index in that order lets the
-- database stop after the batch instead of sorting every stale lead for each claim (1,000,000
-- stale leads after a backfill or a policy change).
DROP INDEX leads_stale;
CREATE INDEX leads_stale ON leads (stale, crm, record_id);
