-- 0013: the tamper-evident audit log and the officers who act (DOMAIN-DECISIONS "Audit log").
-- Each audit row records the entity a write changed and its fields before → after, and carries a
-- SHA-256 chained to the row before it (electron/backend/audit/chain.ts). The rows written before
-- this migration are sealed into the chain here, in id order, by the connection's kam_audit_hash.
-- The triggers refuse UPDATE, DELETE and an insert that does not continue the chain; the app
-- compares every trigger with these definitions on open and recreates one found dropped.
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
ALTER TABLE audit_log ADD COLUMN entity TEXT;
ALTER TABLE audit_log ADD COLUMN changes TEXT CHECK (changes IS NULL OR json_valid(changes));
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

CREATE TEMP TABLE audit_seal AS
WITH RECURSIVE chain(id, prev_hash, hash) AS (
  SELECT 0, NULL, '0000000000000000000000000000000000000000000000000000000000000000'
  UNION ALL
  SELECT a.id, chain.hash,
         kam_audit_hash(chain.hash, a.id, a.at, a.actor, a.channel, a.entity, a.input, a.changes)
  FROM chain JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > chain.id)
)
SELECT id, prev_hash, hash FROM chain WHERE id > 0;
UPDATE audit_log SET prev_hash = s.prev_hash, hash = s.hash FROM temp.audit_seal s WHERE s.id = audit_log.id;
DROP TABLE temp.audit_seal;

CREATE INDEX audit_log_entity ON audit_log(entity) WHERE entity IS NOT NULL;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- An insert continues the chain: the next id, and the last row's hash as its previous hash.
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.hash IS NULL OR length(NEW.hash) != 64
  OR NEW.id IS NOT coalesce((SELECT max(id) FROM audit_log), 0) + 1
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'audit_log rows must continue the hash chain'); END;

-- The officers who use this workstation, chosen at start (no passwords: the log says who acted,
-- the workstation's own login says who may). A profile is retired, never deleted: the log names it.
CREATE TABLE operators (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  last_chosen_at TEXT
) STRICT;
INSERT INTO operators (name, title, created_at)
VALUES ('信息主管', '市局大客户中心', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- A final report names the audit chain's head when it was finalised.
ALTER TABLE analysis_reports ADD COLUMN audit_head_id INTEGER;
ALTER TABLE analysis_reports ADD COLUMN audit_head_hash TEXT;

-- A running checksum of the revenue figures (DOMAIN-DECISIONS "Audit log"): every write keeps it
-- through these triggers; `audit/verify` recomputes it from the rows. The term is this program's
-- function kam_revenue_term (electron/backend/audit/digests.ts), which another program does not
-- have: there a revenue write fails until the triggers are dropped, and a figure written then
-- leaves the checksum behind, which the check reports (and the open puts the triggers back).
-- One row per table checked, by rowid (a trigger's UPDATE per revenue row is then a direct lookup).
CREATE TABLE data_digests (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  rows INTEGER NOT NULL,
  total INTEGER NOT NULL
) STRICT;
INSERT INTO data_digests (id, name, rows, total)
SELECT 1, 'revenue', count(*), coalesce(sum(kam_revenue_term(customer_id, period, line, amount_fen)), 0) FROM revenue;
CREATE TRIGGER revenue_digest_insert AFTER INSERT ON revenue
BEGIN
  UPDATE data_digests SET rows = rows + 1,
    total = total + kam_revenue_term(NEW.customer_id, NEW.period, NEW.line, NEW.amount_fen)
  WHERE id = 1;
END;
CREATE TRIGGER revenue_digest_delete AFTER DELETE ON revenue
BEGIN
  UPDATE data_digests SET rows = rows - 1,
    total = total - kam_revenue_term(OLD.customer_id, OLD.period, OLD.line, OLD.amount_fen)
  WHERE id = 1;
END;
CREATE TRIGGER revenue_digest_update AFTER UPDATE ON revenue
BEGIN
  UPDATE data_digests SET
    total = total - kam_revenue_term(OLD.customer_id, OLD.period, OLD.line, OLD.amount_fen)
                  + kam_revenue_term(NEW.customer_id, NEW.period, NEW.line, NEW.amount_fen)
  WHERE id = 1;
END;
