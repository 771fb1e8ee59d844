-- 0010: the units' own monthly analyses (经营分析, R31), stored with the template batch that
-- brought them. A later batch of the unit and month supersedes (a newer row); undo marks the
-- batch's row withdrawn and the one before stands again. See docs/DOMAIN-DECISIONS.md, "Templates".
CREATE TABLE unit_analyses (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  -- Each item's text; NULL where the unit wrote nothing.
  competition TEXT,
  fluctuation_notes TEXT,
  practice TEXT,
  plan TEXT,
  recorded_at TEXT NOT NULL,
  withdrawn_at TEXT
) STRICT;
CREATE INDEX unit_analyses_unit_period ON unit_analyses(unit_id, period);
CREATE INDEX unit_analyses_period ON unit_analyses(period);
CREATE INDEX unit_analyses_batch ON unit_analyses(batch_id);
