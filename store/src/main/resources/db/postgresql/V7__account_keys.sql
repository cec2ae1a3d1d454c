-- PostgreSQL's half of V7 (see V6): primary keys with the account.
ALTER TABLE leads DROP CONSTRAINT leads_pkey;
ALTER TABLE leads ADD PRIMARY KEY (crm, account, record_id);
ALTER TABLE clocks DROP CONSTRAINT clocks_pkey;
ALTER TABLE clocks ADD PRIMARY KEY (crm, account, record_id, policy_id, cycle);
ALTER TABLE outbox DROP CONSTRAINT outbox_pkey;
ALTER TABLE outbox ADD PRIMARY KEY (crm, account, record_id);
ALTER TABLE lead_cycles DROP CONSTRAINT lead_cycles_pkey;
ALTER TABLE lead_cycles ADD PRIMARY KEY (crm, account, record_id, cycle);
