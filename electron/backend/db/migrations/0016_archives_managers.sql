-- Archives (R17–R18) and the customers' managers (R20, R30). See docs/DOMAIN-DECISIONS.md,
-- "Archives and managers (R17, R18, R20, R30)".

-- R18: every save of a customer's archive (附件3) is a new revision; nothing is rewritten or
-- deleted. `document` holds the four blocks as one JSON document of `schema_version`
-- (shared/domain/archive/fields.ts); `changed` lists the field paths that differ from the previous
-- revision; `verified_only` is 已核实，无变化 (the document is the previous one, and it counts as an
-- update). `updated_on` is the local date the R18 clock counts from.
CREATE TABLE archive_revisions (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
  document TEXT NOT NULL CHECK (json_valid(document)),
  changed TEXT NOT NULL CHECK (json_valid(changed)),
  verified_only INTEGER NOT NULL CHECK (verified_only IN (0, 1)),
  updated_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  note TEXT,
  UNIQUE (customer_id, revision)
) STRICT;
-- The work list's "latest update per customer" is one seek a customer in this index.
CREATE INDEX archive_revisions_customer_on ON archive_revisions(customer_id, updated_on, revision);

CREATE TRIGGER archive_revisions_no_update BEFORE UPDATE ON archive_revisions
BEGIN
  SELECT RAISE(ABORT, '档案修订记录不能修改（R18：每次保存是一个新修订）');
END;
CREATE TRIGGER archive_revisions_no_delete BEFORE DELETE ON archive_revisions
BEGIN
  SELECT RAISE(ABORT, '档案修订记录不能删除（R18：历史不得删除）');
END;

-- R17: each viewing of a customer's key persons unmasked (who, when, which revision, why).
CREATE TABLE archive_views (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  revision INTEGER,
  viewed_at TEXT NOT NULL,
  viewed_by TEXT NOT NULL,
  purpose TEXT NOT NULL
) STRICT;
CREATE INDEX archive_views_customer ON archive_views(customer_id);

CREATE TRIGGER archive_views_no_update BEFORE UPDATE ON archive_views
BEGIN
  SELECT RAISE(ABORT, '关键人查看记录不能修改');
END;
CREATE TRIGGER archive_views_no_delete BEFORE DELETE ON archive_views
BEGIN
  SELECT RAISE(ABORT, '关键人查看记录不能删除');
END;

-- R20: who serves a customer: the A and B managers and, for gold, the named person responsible
-- (专人, role 'responsible'). A row is ended (to_on, the first day no longer held), never deleted,
-- so the history stays; at most one current holder of each role.
CREATE TABLE customer_managers (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  manager_id INTEGER NOT NULL REFERENCES managers(id),
  role TEXT NOT NULL CHECK (role IN ('A', 'B', 'responsible')),
  from_on TEXT NOT NULL,
  to_on TEXT,
  ended_reason TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK (to_on IS NULL OR to_on >= from_on)
) STRICT;
CREATE UNIQUE INDEX customer_managers_current ON customer_managers(customer_id, role) WHERE to_on IS NULL;
CREATE INDEX customer_managers_manager ON customer_managers(manager_id) WHERE to_on IS NULL;
-- A customer's holders, in order (its page; the work list counts them per customer from this index alone).
CREATE INDEX customer_managers_customer ON customer_managers(customer_id, from_on, to_on, role, manager_id);

-- R20: who leads (A while developing, B once won): appended; the lead on a date is the latest row
-- from on or before it; no row is A.
CREATE TABLE customer_leads (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  lead_role TEXT NOT NULL CHECK (lead_role IN ('A', 'B')),
  from_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX customer_leads_customer ON customer_leads(customer_id, from_on);

-- R20: a project team across units for one customer ('project'); R19's granted marketing
-- applications may add members too ('application'). Ended, never deleted.
CREATE TABLE customer_team_members (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  manager_id INTEGER REFERENCES managers(id),
  purpose TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('project', 'application')),
  from_on TEXT NOT NULL,
  to_on TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK (to_on IS NULL OR to_on >= from_on)
) STRICT;
CREATE INDEX customer_team_members_customer ON customer_team_members(customer_id);
CREATE INDEX customer_team_members_manager ON customer_team_members(manager_id) WHERE to_on IS NULL;

-- R30: a unit's 客户经理变动 sheet applied to the register (附件4) as one batch. Each item keeps
-- the manager's row before the batch (`before`, JSON; NULL for a manager the batch registered) and
-- the manager_changes row it wrote, so the batch can be undone while nothing later depends on it.
CREATE TABLE manager_change_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  late_count INTEGER NOT NULL,
  committed_at TEXT NOT NULL,
  committed_by TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT
) STRICT;

CREATE TABLE manager_change_items (
  batch_id INTEGER NOT NULL REFERENCES manager_change_batches(id),
  seq INTEGER NOT NULL,
  sheet TEXT NOT NULL,
  row INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('add', 'out', 'in', 'leave', 'edit')),
  manager_id INTEGER NOT NULL,
  change_id INTEGER NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  PRIMARY KEY (batch_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX manager_change_items_manager ON manager_change_items(manager_id);
