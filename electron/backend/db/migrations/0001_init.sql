-- 0001: organisation (R2–R4, R30), customers with R16 IDs, audit log.
-- Money columns (added by later migrations) are INTEGER fen; every table is STRICT.

CREATE TABLE area_codes (
  code TEXT PRIMARY KEY CHECK (length(code) = 6 AND code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
  name TEXT NOT NULL,
  urban INTEGER NOT NULL DEFAULT 0 CHECK (urban IN (0, 1))
) STRICT;

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('province', 'centre', 'county', 'professional', 'branch')),
  parent_id INTEGER REFERENCES units(id),
  area_code TEXT REFERENCES area_codes(code),
  main_line TEXT,
  min_managers INTEGER NOT NULL CHECK (min_managers >= 0),
  retired_on TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE managers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  post TEXT NOT NULL,
  employment TEXT NOT NULL CHECK (employment IN ('full_time', 'part_time')),
  phone TEXT,
  started_on TEXT NOT NULL,
  left_on TEXT
) STRICT;
CREATE INDEX managers_unit ON managers(unit_id);

-- R30: the register of changes, appended, never rewritten.
CREATE TABLE manager_changes (
  id INTEGER PRIMARY KEY,
  manager_id INTEGER NOT NULL REFERENCES managers(id),
  kind TEXT NOT NULL CHECK (kind IN ('register', 'edit', 'move', 'leave')),
  effective_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  due_on TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  from_unit_id INTEGER REFERENCES units(id),
  to_unit_id INTEGER REFERENCES units(id),
  summary TEXT NOT NULL
) STRICT;
CREATE INDEX manager_changes_manager ON manager_changes(manager_id);
CREATE INDEX manager_changes_effective ON manager_changes(effective_on);

-- R16: counters, so that an ID is never reused even if a row were ever removed.
CREATE TABLE id_sequences (
  area_code TEXT PRIMARY KEY REFERENCES area_codes(code),
  last_sequence INTEGER NOT NULL CHECK (last_sequence BETWEEN 0 AND 99999)
) STRICT;

CREATE TABLE customers (
  id TEXT PRIMARY KEY CHECK (length(id) = 14),
  name TEXT NOT NULL,
  short_name TEXT,
  normalised_name TEXT NOT NULL,
  pinyin_initials TEXT NOT NULL,
  -- name, short name and initials joined, lower-cased: one LIKE serves the search box.
  search_text TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES area_codes(code),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  industry TEXT,
  credit_code TEXT UNIQUE,
  address TEXT,
  parent_id TEXT REFERENCES customers(id),
  last_branch INTEGER NOT NULL DEFAULT 0 CHECK (last_branch BETWEEN 0 AND 999),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX customers_unit ON customers(unit_id);
CREATE INDEX customers_parent ON customers(parent_id);
CREATE INDEX customers_normalised_name ON customers(normalised_name);

-- Insert-only trail of every write through the registry.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  channel TEXT NOT NULL,
  input TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
