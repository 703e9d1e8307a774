-- Index for the dashboard's write-offs by reason and month. Most ledger entries have no reason
-- code, so the query reads only the entries with one, from the index alone.

CREATE INDEX ledger_reason_time_idx ON ledger_entry (reason_code, effective_at, stock_value);
