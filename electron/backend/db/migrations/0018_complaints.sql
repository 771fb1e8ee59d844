-- 0018: complaints on R33's working-day clock, and the holiday calendar it counts on.
-- DOMAIN-DECISIONS "Complaints (R33)". Times are local wall-clock YYYY-MM-DDTHH:MM.

-- The officer's working-day calendar, one row per year: weekday days off and 调休 working weekends.
CREATE TABLE holiday_calendars (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  off TEXT NOT NULL CHECK (json_valid(off) AND json_type(off) = 'array'),
  work TEXT NOT NULL CHECK (json_valid(work) AND json_type(work) = 'array'),
  -- where the days came from: the chinese-days pre-fill accepted as is, or set by the officer
  source TEXT NOT NULL CHECK (source IN ('chinese-days', 'officer')),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  received_at TEXT NOT NULL,
  channel TEXT NOT NULL,
  content TEXT NOT NULL,
  type TEXT,
  complex INTEGER NOT NULL CHECK (complex IN (0, 1)),
  -- the first receiver, who owns it to the end (R33)
  receiving_unit_id INTEGER NOT NULL REFERENCES units(id),
  routed_to_unit_id INTEGER REFERENCES units(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'contacted', 'paused', 'closed')),
  logged_at TEXT NOT NULL,
  contacted_at TEXT,
  closed_at TEXT,
  resolution TEXT,
  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
  -- breaches as judged when the complaint closed (kept after closing); open ones are judged live
  breach_log INTEGER NOT NULL DEFAULT 0 CHECK (breach_log IN (0, 1)),
  breach_contact INTEGER NOT NULL DEFAULT 0 CHECK (breach_contact IN (0, 1)),
  breach_close INTEGER NOT NULL DEFAULT 0 CHECK (breach_close IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
) STRICT;
CREATE INDEX complaints_customer ON complaints(customer_id);
CREATE INDEX complaints_open ON complaints(status) WHERE status <> 'closed';

-- Waiting for the customer (R33: stops the close clock); `to_at` null while paused.
CREATE TABLE complaint_pauses (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  from_at TEXT NOT NULL,
  to_at TEXT,
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX complaint_pauses_complaint ON complaint_pauses(complaint_id);
