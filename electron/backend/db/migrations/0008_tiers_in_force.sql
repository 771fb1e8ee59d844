-- 0008: what a run is compared with, the annual run chosen to be in force, and the history of the
-- bureau's annual revenue (R10). See docs/DOMAIN-DECISIONS.md, "Tiers in force for a month".

-- The run whose computed tiers are this run's "previous tier" (NULL: nothing to compare with,
-- shown as 无上期可比). Runs written before this version compared with the latest earlier run of
-- the same kind written before them: that is what their stored previous tiers came from.
ALTER TABLE tier_runs ADD COLUMN compared_run_id INTEGER REFERENCES tier_runs(id);
UPDATE tier_runs SET compared_run_id = (
  SELECT p.id FROM tier_runs p
  WHERE p.kind = tier_runs.kind AND p.run_key < tier_runs.run_key AND p.id < tier_runs.id
  ORDER BY p.run_key DESC, p.id DESC LIMIT 1
);

-- The officer's choice among several annual runs of one year; without a row the year's latest
-- run is in force. A new annual run of the year removes the choice (the re-run is in force).
CREATE TABLE tier_in_force (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 9999),
  run_id INTEGER NOT NULL REFERENCES tier_runs(id),
  chosen_at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;

-- Every replaced figure: who replaced it, when, and the amounts before and after.
CREATE TABLE bureau_revenue_history (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  old_amount_fen INTEGER NOT NULL,
  new_amount_fen INTEGER NOT NULL,
  changed_at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX bureau_revenue_history_year ON bureau_revenue_history(year, id);
