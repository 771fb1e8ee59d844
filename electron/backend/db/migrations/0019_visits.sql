-- 0019: visits (拜访, R23): planned, then held (participants, outcome) or not held (reason); only
-- held visits count against the month's obligation by tier and scope. DOMAIN-DECISIONS "Visits (R23)".
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  visit_on TEXT NOT NULL,
  -- an account manager's visit or contact, or a leader-led visit
  kind TEXT NOT NULL CHECK (kind IN ('manager', 'leader')),
  status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'not_held')),
  manager_id INTEGER REFERENCES managers(id),
  purpose TEXT,
  participants TEXT,
  outcome TEXT,
  reason TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (status <> 'not_held' OR reason IS NOT NULL)
) STRICT;
CREATE INDEX visits_customer ON visits(customer_id, visit_on);
CREATE INDEX visits_month ON visits(visit_on) WHERE status = 'held';
