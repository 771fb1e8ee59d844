-- 0020: developments (开发项目) and marketing logs (营销日志), R21–R22.
-- DOMAIN-DECISIONS "Developments and marketing logs (R21–R22)".

-- One opportunity per customer and line, moving contact → proposal → quotation → agreement (won),
-- or closed lost with the reason at any stage.
CREATE TABLE developments (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  line TEXT NOT NULL,
  title TEXT,
  stage TEXT NOT NULL CHECK (stage IN ('contact', 'proposal', 'quotation', 'agreement')),
  status TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
  expected_revenue_fen INTEGER CHECK (expected_revenue_fen IS NULL OR expected_revenue_fen >= 0),
  expected_on TEXT,
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  lost_reason TEXT,
  manager_id INTEGER REFERENCES managers(id),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'open') = (closed_on IS NULL)),
  CHECK (status <> 'lost' OR lost_reason IS NOT NULL),
  CHECK ((status = 'won') = (stage = 'agreement'))
) STRICT;
CREATE INDEX developments_customer ON developments(customer_id);
CREATE INDEX developments_open ON developments(status) WHERE status = 'open';

-- Each stage a development entered, with the kept reason when a diamond's stage had no entry (R22).
CREATE TABLE development_moves (
  id INTEGER PRIMARY KEY,
  development_id INTEGER NOT NULL REFERENCES developments(id),
  stage TEXT NOT NULL CHECK (stage IN ('contact', 'proposal', 'quotation', 'agreement', 'lost')),
  moved_on TEXT NOT NULL,
  override_reason TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX development_moves_development ON development_moves(development_id);

CREATE TABLE marketing_logs (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  development_id INTEGER REFERENCES developments(id),
  log_on TEXT NOT NULL,
  -- null for a general customer's quarterly summary that belongs to no development
  stage TEXT CHECK (stage IS NULL OR stage IN ('contact', 'proposal', 'quotation', 'agreement')),
  method TEXT NOT NULL CHECK (method IN ('visit', 'phone', 'meeting', 'message')),
  content TEXT NOT NULL,
  our_participants TEXT,
  their_participants TEXT,
  needs TEXT,
  cooperation TEXT,
  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
  -- R22 general: the quarter's summary entry
  summary INTEGER NOT NULL DEFAULT 0 CHECK (summary IN (0, 1)),
  -- the unit that kept the entry, and the manager who made the contact
  unit_id INTEGER NOT NULL REFERENCES units(id),
  manager_id INTEGER REFERENCES managers(id),
  -- set when the entry came in a unit's template; withdrawn by that import's undo
  import_batch_id INTEGER REFERENCES import_batches(id),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK (development_id IS NULL OR stage IS NOT NULL)
) STRICT;
CREATE INDEX marketing_logs_customer ON marketing_logs(customer_id, log_on);
CREATE INDEX marketing_logs_development ON marketing_logs(development_id) WHERE development_id IS NOT NULL;
CREATE INDEX marketing_logs_month ON marketing_logs(log_on);
CREATE INDEX marketing_logs_batch ON marketing_logs(import_batch_id) WHERE import_batch_id IS NOT NULL;
