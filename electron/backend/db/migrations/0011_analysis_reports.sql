-- 0011: the monthly analysis report (R28, R32). One row per revision of a month's report for the
-- city (unit_key 0) or one unit (unit_key = units.id). A draft keeps the officer's texts; its figures
-- are read live. Finalising freezes the figures and texts as `snapshot` (JSON), whose SHA-256 is
-- `hash`, printed in the footer; a final row never changes again (a correction is the next revision).
-- See docs/DOMAIN-DECISIONS.md, "Monthly analysis report".
CREATE TABLE analysis_reports (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  unit_key INTEGER NOT NULL,
  unit_id INTEGER REFERENCES units(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
  texts TEXT NOT NULL,
  snapshot TEXT,
  hash TEXT,
  policy_version INTEGER,
  run_id INTEGER,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finalised_at TEXT,
  finalised_by TEXT,
  CHECK ((unit_key = 0) = (unit_id IS NULL)),
  CHECK ((status = 'final') = (snapshot IS NOT NULL AND hash IS NOT NULL AND finalised_at IS NOT NULL)),
  UNIQUE (period, unit_key, revision)
) STRICT;

-- A final revision is frozen: no update may touch it.
CREATE TRIGGER analysis_reports_final_frozen BEFORE UPDATE ON analysis_reports
WHEN OLD.status = 'final'
BEGIN
  SELECT RAISE(ABORT, '已定稿的分析报告不能修改');
END;
CREATE TRIGGER analysis_reports_final_kept BEFORE DELETE ON analysis_reports
WHEN OLD.status = 'final'
BEGIN
  SELECT RAISE(ABORT, '已定稿的分析报告不能删除');
END;
