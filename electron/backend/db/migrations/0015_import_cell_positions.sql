-- 0015: where each imported figure stood in its file, so a revenue figure opens its source (the
-- batch, its file, the sheet, the row and the column) on the customer page. Batches committed
-- before this migration keep NULL: their positions were never recorded.
ALTER TABLE import_batches ADD COLUMN sheets TEXT CHECK (sheets IS NULL OR json_valid(sheets));
ALTER TABLE import_changes ADD COLUMN sheet_no INTEGER;
ALTER TABLE import_changes ADD COLUMN row_no INTEGER;
ALTER TABLE import_changes ADD COLUMN col TEXT;
