/**
 * The revenue store's set-wise writes (store.ts holds the cell-by-cell ones): an import batch's
 * cells written, restored on undo and carried into the month copy, and the demo data's bulk fill.
 * With store.ts this is the only code that writes `revenue` and `revenue_months` (`revenue_years`
 * follows `revenue_months` by the triggers of migration 0004), so no writer can leave the copies
 * disagreeing. Every function runs inside its caller's transaction, on whichever connection it is
 * given (the writer thread has its own); statements are prepared once per connection.
 *
 * An import batch's cells are described by its change records (`import_changes`, written by
 * imports/batches.ts before these run): each cell the batch wrote with its prior value, so a
 * commit and an undo are a few statements however many rows the batch holds.
 */
import type { Database, Statement } from 'better-sqlite3';
import { PRODUCT_LINES } from '../../../shared/domain/lines';
import { monthlyCopySql, type RevenueSource } from './store';

const prepared = new WeakMap<Database, Map<string, Statement>>();

/** `db.prepare(sql)`, once per connection and statement text. */
function statement(db: Database, sql: string): Statement {
  let byText = prepared.get(db);
  if (!byText) {
    byText = new Map();
    prepared.set(db, byText);
  }
  let s = byText.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byText.set(sql, s);
  }
  return s;
}

const CELL_UPSERT_CONFLICT = `ON CONFLICT (customer_id, period, line) DO UPDATE SET amount_fen = excluded.amount_fen,
         source_kind = excluded.source_kind, source_ref = excluded.source_ref, updated_at = excluded.updated_at`;

/**
 * The cells a batch changed (its change records) written with its source: one statement, set-wise.
 * Three statements per row from JavaScript took ~1 s per 100,000 rows, most of a month's commit
 * time (and a temporary table in between ~0.2 s more).
 */
const APPLY_BATCH_CELLS = `INSERT INTO revenue (customer_id, period, line, amount_fen, source_kind, source_ref, updated_at)
     SELECT customer_id, period, line, new_amount, 'import', @ref, @at FROM import_changes WHERE batch_id = @batchId
     ${CELL_UPSERT_CONFLICT}`;

/** Writes the cells of batch `batchId`'s change records, with source ('import', `ref`). */
export function applyBatchCells(db: Database, batchId: number, ref: string, at: string): void {
  statement(db, APPLY_BATCH_CELLS).run({ batchId, ref, at });
}

/**
 * The change records an undo restores: all of the batch's when forced, else only the cells that
 * still hold what the batch wrote (source `@ref` and the imported amount); the others were edited
 * since and are kept (DOMAIN-DECISIONS "Undoing a batch after later edits").
 */
function undoScope(force: boolean): string {
  return force
    ? 'c.batch_id = @batchId'
    : `c.batch_id = @batchId AND EXISTS (SELECT 1 FROM revenue r WHERE r.customer_id = c.customer_id
         AND r.period = c.period AND r.line = c.line AND r.source_ref = @ref AND r.amount_fen = c.new_amount)`;
}

const restorePrior = (force: boolean) =>
  `INSERT INTO revenue (customer_id, period, line, amount_fen, source_kind, source_ref, updated_at)
       SELECT c.customer_id, c.period, c.line, c.old_amount, c.old_source_kind, c.old_source_ref, c.old_updated_at
       FROM import_changes c WHERE ${undoScope(force)} AND c.old_amount IS NOT NULL
       ${CELL_UPSERT_CONFLICT}`;
const removeCreated = (force: boolean) =>
  `DELETE FROM revenue WHERE (customer_id, period, line) IN (
         SELECT c.customer_id, c.period, c.line FROM import_changes c WHERE ${undoScope(force)} AND c.old_amount IS NULL)`;
const RESTORE_PRIOR = { forced: restorePrior(true), kept: restorePrior(false) };
const REMOVE_CREATED = { forced: removeCreated(true), kept: removeCreated(false) };

/**
 * Undo of batch `batchId` (cells written with source `ref`): each cell back to its prior value,
 * or removed if the batch created it; cells edited since are kept unless `force`. Returns the
 * number of cells restored or removed. The month copy is rebuilt afterwards (`rebuildBatchMonths`).
 */
export function restoreBatchPriorValues(db: Database, batchId: number, ref: string, force: boolean): number {
  const which = force ? 'forced' : 'kept';
  const restored = statement(db, RESTORE_PRIOR[which]).run({ batchId, ref }).changes;
  const removed = statement(db, REMOVE_CREATED[which]).run({ batchId, ref }).changes;
  return restored + removed;
}

/** Customer-months whose cells or R8 inputs a batch changed (inputs alone change the turnover). */
const BATCH_MONTHS = `SELECT customer_id, period FROM import_changes WHERE batch_id = @batchId
  UNION SELECT customer_id, period FROM import_newspaper_changes WHERE batch_id = @batchId`;
/** Customer-months whose R8 inputs a batch changed. */
const INPUT_MONTHS = 'SELECT customer_id, period FROM import_newspaper_changes WHERE batch_id = @batchId';

const copy = monthlyCopySql('r');
const COPY_COLUMNS = copy.columns.split(', ');

/**
 * Rebuilds the monthly copy (revenue_months) of the customer-months `keys` selects, from
 * `revenue`. Driven by the batch's keys (index searches): written `(customer_id, period) IN (…)`
 * the statements scanned the whole of revenue_months and revenue for every batch. Rows are
 * upserted rather than deleted and re-inserted; only a month left without any revenue cell (after
 * an undo) is deleted.
 */
function rebuildMonthsSql(keys: string): { upsert: string; dropEmpty: string } {
  return {
    upsert: `INSERT INTO revenue_months (customer_id, period, ${copy.columns}, newspaper_turnover)
     SELECT r.customer_id, r.period, ${copy.sums},
       (SELECT n.annual_turnover_fen / 12 FROM newspaper_inputs n WHERE n.customer_id = r.customer_id AND n.period = r.period)
     FROM (${keys}) k JOIN revenue r ON r.customer_id = k.customer_id AND r.period = k.period
     GROUP BY r.customer_id, r.period
     ON CONFLICT (period, customer_id) DO UPDATE SET
       ${[...COPY_COLUMNS, 'newspaper_turnover'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
    dropEmpty: `DELETE FROM revenue_months WHERE (period, customer_id) IN (SELECT period, customer_id FROM (${keys}) k
       WHERE NOT EXISTS (SELECT 1 FROM revenue r WHERE r.customer_id = k.customer_id AND r.period = k.period))`,
  };
}
const REBUILD = { batch: rebuildMonthsSql(BATCH_MONTHS), inputs: rebuildMonthsSql(INPUT_MONTHS) };

function rebuildMonths(db: Database, batchId: number, which: keyof typeof REBUILD): void {
  statement(db, REBUILD[which].upsert).run({ batchId });
  statement(db, REBUILD[which].dropEmpty).run({ batchId });
}

/**
 * After an undo: the month copy of every customer-month the batch touched (cells or R8 inputs),
 * rebuilt from `revenue`. Undo is rare and may restore cells edited since (forced): rebuilt, not
 * deltas.
 */
export function rebuildBatchMonths(db: Database, batchId: number): void {
  rebuildMonths(db, batchId, 'batch');
}

const ADD_MONTH_DELTAS = `INSERT INTO revenue_months (period, customer_id, ${COPY_COLUMNS.join(', ')}, newspaper_turnover)
     SELECT c.period, c.customer_id,
       ${COPY_COLUMNS.map((l) => `sum(CASE c.line WHEN '${l}' THEN c.new_amount - coalesce(c.old_amount, 0) ELSE 0 END)`).join(', ')},
       (SELECT n.annual_turnover_fen / 12 FROM newspaper_inputs n WHERE n.customer_id = c.customer_id AND n.period = c.period)
     FROM import_changes c WHERE c.batch_id = @batchId
     GROUP BY c.customer_id, c.period
     ON CONFLICT (period, customer_id) DO UPDATE SET
       ${COPY_COLUMNS.map((l) => `${l} = ${l} + excluded.${l}`).join(', ')}`;

/**
 * After a commit (its cells and R8 inputs written): adds each changed cell's difference
 * (new − prior) to its month row, one set-wise upsert over the batch's change records, instead of
 * re-summing every touched month from `revenue`. Twelve unit workbooks of one month touch the same
 * customer-months up to eight times; re-summing them was half of a month's commit time. Exact
 * because the copy was exact before and the change records hold every cell the batch wrote with
 * its prior amount (a commit only adds or overwrites cells). The turnover comes from R8 inputs,
 * not cells: a new month row takes it from `newspaper_inputs`, and the few months whose inputs the
 * batch changed are rebuilt from scratch.
 */
export function addBatchMonthDeltas(db: Database, batchId: number): void {
  statement(db, ADD_MONTH_DELTAS).run({ batchId });
  rebuildMonths(db, batchId, 'inputs');
}

const BULK_CELL = `INSERT INTO revenue (customer_id, period, line, amount_fen, source_kind, source_ref, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`;
const BULK_MONTH = `INSERT INTO revenue_months (period, customer_id, ${PRODUCT_LINES.join(', ')}, other)
       VALUES (?, ?, ${PRODUCT_LINES.map(() => '?').join(', ')}, 0)`;

/**
 * Bulk fill of customer-months that hold nothing yet (demo data, benchmarks): the month row and
 * its cells written together, consistent by construction, with no refresh. `amounts` are in R1
 * order (PRODUCT_LINES); `monthlyCopyOnly` writes the month row alone (benchmarks at 200,000
 * customers fill only the copy the tiering reads). Call inside a transaction.
 */
export function bulkMonthWriter(
  db: Database,
  source: RevenueSource,
  at: string,
): (customerId: string, period: string, amounts: readonly number[], monthlyCopyOnly?: boolean) => void {
  const cell = statement(db, BULK_CELL);
  const month = statement(db, BULK_MONTH);
  return (customerId, period, amounts, monthlyCopyOnly = false) => {
    month.run(period, customerId, ...amounts);
    if (monthlyCopyOnly) return;
    amounts.forEach((amount, i) => {
      cell.run(customerId, period, PRODUCT_LINES[i], amount, source.kind, source.ref, at);
    });
  };
}
