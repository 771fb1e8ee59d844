-- 0005: what a unit's template adds to an import batch (issue 4 §1–2). R8 newspaper inputs
-- written by a batch keep their prior values, so undo restores them exactly as it restores
-- revenue cells; R27 fluctuation reasons are kept with the batch that brought them, and undoing
-- the batch withdraws them (the rows stay: history is appended, not erased).

CREATE TABLE import_newspaper_changes (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  customer_id TEXT NOT NULL,
  period TEXT NOT NULL,
  -- prior inputs: all null = there were none
  old_annual_turnover_fen INTEGER,
  old_rate_bp INTEGER,
  old_other_fen INTEGER,
  old_source_kind TEXT,
  old_source_ref TEXT,
  old_updated_at TEXT,
  -- what the batch left: all null = it removed them (a newspapers figure reported directly, R8)
  new_annual_turnover_fen INTEGER,
  new_rate_bp INTEGER,
  new_other_fen INTEGER,
  PRIMARY KEY (batch_id, customer_id, period)
) STRICT, WITHOUT ROWID;

-- R27: a unit's written reason for a key customer's month-on-month change, or its one-off mark.
CREATE TABLE fluctuation_reasons (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  period TEXT NOT NULL,
  reason TEXT NOT NULL,
  one_off INTEGER NOT NULL CHECK (one_off IN (0, 1)),
  unit_id INTEGER REFERENCES units(id),
  batch_id INTEGER REFERENCES import_batches(id),
  recorded_at TEXT NOT NULL,
  withdrawn_at TEXT
) STRICT;
CREATE INDEX fluctuation_reasons_customer ON fluctuation_reasons(customer_id, period);
CREATE INDEX fluctuation_reasons_batch ON fluctuation_reasons(batch_id);
