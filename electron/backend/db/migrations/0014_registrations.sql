-- 0014: registrations (注册申报, R19), their steps and the centre's rulings (R19, R19a–b), releases
-- of unconfirmed customers (R19c) and marketing applications (营销申报, R19). DOMAIN-DECISIONS
-- "Registrations and ownership". Money in integer fen; steps, rulings and releases append-only.

CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  credit_code TEXT CHECK (credit_code IS NULL OR length(credit_code) = 18),
  -- digits only (R19a: a shared phone is reported, never decided)
  phone TEXT,
  area_code TEXT NOT NULL REFERENCES area_codes(code),
  address TEXT,
  industry TEXT,
  -- JSON array of R1 lines the customer uses
  lines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lines) AND json_type(lines) = 'array'),
  -- revenue evidence as the unit states it, and the yearly revenue it expects, in fen
  evidence TEXT,
  revenue_fen INTEGER CHECK (revenue_fen IS NULL OR revenue_fen >= 0),
  contact TEXT,
  reason TEXT,
  state TEXT NOT NULL CHECK (state IN ('pre_review', 'review', 'approved', 'rejected', 'released')),
  -- the unit that pre-reviews (null: skipped, the unit sits directly under the city centre)
  pre_review_unit_id INTEGER REFERENCES units(id),
  source TEXT NOT NULL CHECK (source IN ('typed', 'template')),
  -- the template batch a registration came in (the 新客户申报 sheet), when it did
  source_ref TEXT,
  -- the registration's date (the officer's --date or today)
  registered_on TEXT NOT NULL,
  -- set on approval
  customer_id TEXT REFERENCES customers(id),
  approved_on TEXT,
  branch_of TEXT REFERENCES customers(id),
  -- R14: the scope the centre set at approval (its suggestion unless it chose otherwise)
  scope TEXT CHECK (scope IS NULL OR scope IN ('regional', 'comprehensive', 'professional')),
  -- the last refusal's reason (rejected), as the unit's receipt tells it
  outcome_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((state IN ('approved', 'released')) = (customer_id IS NOT NULL AND approved_on IS NOT NULL))
) STRICT;
CREATE INDEX registrations_state ON registrations(state);
CREATE INDEX registrations_unit ON registrations(unit_id);
CREATE INDEX registrations_customer ON registrations(customer_id) WHERE customer_id IS NOT NULL;

-- Who decided what, when, with which opinion: one row per step, never changed.
CREATE TABLE registration_steps (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  step TEXT NOT NULL CHECK (step IN ('submit', 'pre_review', 'review', 'ruling', 'release')),
  decision TEXT NOT NULL CHECK (decision IN ('submitted', 'approved', 'rejected', 'ruled_for', 'ruled_against', 'released')),
  -- the unit on whose behalf the step was taken (pre-reviewing bureau, city centre)
  unit_id INTEGER REFERENCES units(id),
  actor TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  opinion TEXT,
  -- the duplicate check as it stood at this step (R19a: run again on every step), JSON array
  matches TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(matches)),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX registration_steps_registration ON registration_steps(registration_id);
CREATE TRIGGER registration_steps_no_update BEFORE UPDATE ON registration_steps
BEGIN SELECT RAISE(ABORT, 'registration_steps is append-only'); END;
CREATE TRIGGER registration_steps_no_delete BEFORE DELETE ON registration_steps
BEGIN SELECT RAISE(ABORT, 'registration_steps is append-only'); END;

-- R19: the centre's ruling on a conflict: which side wins and on what basis (the contract-signing
-- location first, otherwise a recorded escalation), with both sides as they stood.
CREATE TABLE registration_rulings (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  winner TEXT NOT NULL CHECK (winner IN ('registration', 'holder')),
  basis TEXT NOT NULL CHECK (basis IN ('signing_location', 'escalation')),
  reason TEXT NOT NULL,
  -- JSON: the matches ruled on (holders: customers or earlier registrations)
  sides TEXT NOT NULL CHECK (json_valid(sides)),
  actor TEXT NOT NULL,
  ruled_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX registration_rulings_registration ON registration_rulings(registration_id);
CREATE TRIGGER registration_rulings_no_update BEFORE UPDATE ON registration_rulings
BEGIN SELECT RAISE(ABORT, 'registration_rulings is append-only'); END;
CREATE TRIGGER registration_rulings_no_delete BEFORE DELETE ON registration_rulings
BEGIN SELECT RAISE(ABORT, 'registration_rulings is append-only'); END;

-- Every change of a customer's owner unit made here: the centre released an unconfirmed customer
-- (R19c: its previous owner may not register it again before bar_until), a ruling moved it to
-- another unit (R19), or a registration took a released customer from the centre's pool.
CREATE TABLE customer_releases (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  registration_id INTEGER REFERENCES registrations(id),
  kind TEXT NOT NULL CHECK (kind IN ('release', 'ruling', 'registration')),
  previous_unit_id INTEGER NOT NULL REFERENCES units(id),
  next_unit_id INTEGER NOT NULL REFERENCES units(id),
  released_on TEXT NOT NULL,
  bar_until TEXT,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX customer_releases_customer ON customer_releases(customer_id);
CREATE TRIGGER customer_releases_no_update BEFORE UPDATE ON customer_releases
BEGIN SELECT RAISE(ABORT, 'customer_releases is append-only'); END;
CREATE TRIGGER customer_releases_no_delete BEFORE DELETE ON customer_releases
BEGIN SELECT RAISE(ABORT, 'customer_releases is append-only'); END;

-- 营销申报 (R19): a unit's plan to market another unit's customer, the owner's opinion, the
-- centre's ruling with the revenue attribution and an end date. Granted: the unit is on the
-- customer's team until end_on; ownership does not move.
CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  owner_unit_id INTEGER NOT NULL REFERENCES units(id),
  plan TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  until_on TEXT NOT NULL,
  expected_revenue_fen INTEGER NOT NULL CHECK (expected_revenue_fen >= 0),
  state TEXT NOT NULL CHECK (state IN ('owner_opinion', 'ruling', 'granted', 'refused')),
  owner_agrees INTEGER CHECK (owner_agrees IN (0, 1)),
  owner_opinion TEXT,
  owner_actor TEXT,
  owner_decided_on TEXT,
  ruling_reason TEXT,
  ruling_actor TEXT,
  -- the applying unit's share of the customer's revenue while granted, in percent
  attribution_percent INTEGER CHECK (attribution_percent IS NULL OR attribution_percent BETWEEN 0 AND 100),
  end_on TEXT,
  filed_on TEXT NOT NULL,
  decided_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((state = 'granted') = (end_on IS NOT NULL AND attribution_percent IS NOT NULL))
) STRICT;
CREATE INDEX applications_customer ON applications(customer_id);
