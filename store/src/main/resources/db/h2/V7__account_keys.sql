-- The embedded store's half of V7 (see V6): primary keys with the account.
ALTER TABLE leads DROP PRIMARY KEY;
ALTER TABLE leads ADD PRIMARY KEY (crm, account, record_id);
ALTER TABLE clocks DROP PRIMARY KEY;
ALTER TABLE clocks ADD PRIMARY KEY (crm, account, record_id, policy_id, cycle);
ALTER TABLE outbox DROP PRIMARY KEY;
ALTER TABLE outbox ADD PRIMARY KEY (crm, account, record_id);
ALTER TABLE lead_cycles DROP PRIMARY KEY;
ALTER TABLE lead_cycles ADD PRIMARY KEY (crm, account, record_id, cycle);
