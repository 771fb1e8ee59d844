-- 0017: what a unit's monthly template sends besides figures (DOMAIN-DECISIONS "Template intake").
-- 新客户申报 and 营销申报 rows land in the centre's inbox with the batch; the centre files each as a
-- registration or application (R19), or declines it with the reason the unit's receipt tells.
-- 客户经理变动 rows are applied to the register (R30) as a manager-change batch tied to the import.

CREATE TABLE template_submissions (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  kind TEXT NOT NULL CHECK (kind IN ('registration', 'application')),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  sheet TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  -- the row as read (intake.ts), JSON
  fields TEXT NOT NULL CHECK (json_valid(fields)),
  -- pending: in the inbox; filed: now registration/application N; declined: with a reason;
  -- withdrawn: its batch was undone before the centre acted on it
  state TEXT NOT NULL CHECK (state IN ('pending', 'filed', 'declined', 'withdrawn')),
  registration_id INTEGER REFERENCES registrations(id),
  application_id INTEGER REFERENCES applications(id),
  reason TEXT,
  decided_by TEXT,
  decided_at TEXT,
  received_at TEXT NOT NULL,
  CHECK ((state = 'filed') = (registration_id IS NOT NULL OR application_id IS NOT NULL)),
  CHECK (state <> 'declined' OR reason IS NOT NULL)
) STRICT;
CREATE INDEX template_submissions_batch ON template_submissions(batch_id);
CREATE INDEX template_submissions_pending ON template_submissions(state, unit_id);

ALTER TABLE manager_change_batches ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id);
CREATE INDEX manager_change_batches_import ON manager_change_batches(import_batch_id) WHERE import_batch_id IS NOT NULL;
