-- 0009: customer-list imports (客户名单导入), kept as batches so a batch can be undone while
-- nothing else refers to the customers it created. See docs/DOMAIN-DECISIONS.md, "Customer-list import".
CREATE TABLE customer_import_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  customer_count INTEGER NOT NULL,
  committed_at TEXT NOT NULL,
  committed_by TEXT NOT NULL,
  undone_at TEXT
) STRICT;

-- The customers a batch created, with the sheet row each came from. No foreign key to customers:
-- an undone batch keeps its list (the IDs stay spent, R16) after the customers are gone.
CREATE TABLE customer_import_items (
  batch_id INTEGER NOT NULL REFERENCES customer_import_batches(id),
  customer_id TEXT NOT NULL,
  sheet TEXT NOT NULL,
  row INTEGER NOT NULL,
  PRIMARY KEY (batch_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_import_items_customer ON customer_import_items(customer_id);
