-- 0025: a unit's service work sent in its monthly template (DOMAIN-DECISIONS "Template intake"):
-- 营销日志 (R22, marketing_logs.import_batch_id since 0020), 拜访记录 (R23), 投诉登记 (R33) and
-- 资费优惠申请 (R29) rows are written with the import batch through their channels' checks and
-- withdrawn by its undo. Each row read — written or refused with the reason — is kept for the
-- unit's receipt.
ALTER TABLE visits ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id);
CREATE INDEX visits_batch ON visits(import_batch_id) WHERE import_batch_id IS NOT NULL;
ALTER TABLE complaints ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id);
CREATE INDEX complaints_batch ON complaints(import_batch_id) WHERE import_batch_id IS NOT NULL;
ALTER TABLE discount_requests ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id);
CREATE INDEX discount_requests_batch ON discount_requests(import_batch_id) WHERE import_batch_id IS NOT NULL;

CREATE TABLE template_service_rows (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL CHECK (kind IN ('log', 'visit', 'complaint', 'discount')),
  sheet TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  -- 客户编号 as typed ('' when blank)
  customer_id TEXT NOT NULL,
  -- accepted: written as record_id of its kind's table; refused: left out, with the reason;
  -- withdrawn: written, then taken back by the batch's undo
  state TEXT NOT NULL CHECK (state IN ('accepted', 'refused', 'withdrawn')),
  record_id INTEGER,
  reason TEXT,
  reason_en TEXT,
  -- the record's state as written (status, steps taken): undo is refused once it differs
  written TEXT,
  recorded_at TEXT NOT NULL,
  CHECK ((state = 'refused') = (record_id IS NULL)),
  CHECK (state <> 'refused' OR reason IS NOT NULL)
) STRICT;
CREATE INDEX template_service_rows_batch ON template_service_rows(batch_id);
CREATE INDEX template_service_rows_unit ON template_service_rows(unit_id, recorded_at);
