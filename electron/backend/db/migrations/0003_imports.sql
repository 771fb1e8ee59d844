-- 0003: import batches (issue 4). A committed batch records the file (name, SHA-256), unit, form,
-- period and counts; every cell it created or changed keeps its prior value, so the batch can be
-- undone exactly. Undo is recorded on the batch, never erased.

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  unit_id INTEGER REFERENCES units(id),
  form TEXT NOT NULL,
  period TEXT,
  rows_total INTEGER NOT NULL,
  rows_new INTEGER NOT NULL,
  rows_changed INTEGER NOT NULL,
  rows_unchanged INTEGER NOT NULL,
  rows_excluded INTEGER NOT NULL,
  committed_at TEXT NOT NULL,
  committed_by TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT,
  undo_kept INTEGER
) STRICT;
-- The same file twice is refused, naming the earlier batch (unless that batch was undone).
CREATE INDEX import_batches_sha ON import_batches(sha256);

CREATE TABLE import_changes (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  customer_id TEXT NOT NULL,
  period TEXT NOT NULL,
  line TEXT NOT NULL,
  -- prior cell: null amount = there was none
  old_amount INTEGER,
  old_source_kind TEXT,
  old_source_ref TEXT,
  old_updated_at TEXT,
  new_amount INTEGER,
  PRIMARY KEY (batch_id, customer_id, period, line)
) STRICT, WITHOUT ROWID;
