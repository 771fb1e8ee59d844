-- 0021: staff scorecards (R34): each account manager's revenue target for a year, entered by the
-- officer. The scorecards themselves are read from stored data and never stored.
-- DOMAIN-DECISIONS "Staff scorecards (R34)".
CREATE TABLE scorecard_targets (
  manager_id INTEGER NOT NULL REFERENCES managers(id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  revenue_target_fen INTEGER NOT NULL CHECK (revenue_target_fen > 0),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (manager_id, year)
) STRICT, WITHOUT ROWID;
