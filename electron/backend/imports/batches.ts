/**
 * Committing and undoing revenue import batches (DOMAIN-DECISIONS "Imports"), set-wise so 100,000
 * rows take one transaction of a few statements. Cells written by batch N carry source ('import',
 * 'batch:N'); undo restores each cell's prior value, except cells edited after the import (their
 * source or amount no longer match), which are listed and kept unless the officer forces the undo.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { RevenueLine } from '../../../shared/domain/lines';
import type { NewspaperInputs } from '../../../shared/domain/templates/newspaper-columns';
import { monthlyCopySql } from '../revenue/store';
import { applyBatchNewspaperInputs, undoBatchNewspaperInputs, withdrawFluctuationReasons } from './template-batches';
import { assertNoNewClaims } from './template-import';

export interface BatchRow {
  customerId: string;
  period: string;
  line: RevenueLine;
  /** Fen; null = blank in the file (clears nothing: a blank is "not reported"). */
  amount: number | null;
  /** R8 inputs the amount was computed from (newspapers rows only). */
  newspaper?: NewspaperInputs;
}

export interface BatchMeta {
  fileName: string;
  sha256: string;
  unitId: number | null;
  form: string;
  period: string | null;
  excluded: number;
}

export interface CommitResult {
  batchId: number;
  total: number;
  created: number;
  changed: number;
  unchanged: number;
}

export interface UndoResult {
  batchId: number;
  restored: number;
  /** Cells edited after the import: kept unless forced. */
  kept: { customerId: string; period: string; line: string; current: number | null; imported: number | null }[];
}

const sourceRef = (batchId: number) => `batch:${batchId}`;

/** Customer-months whose cells or R8 inputs a batch changed (inputs alone change the turnover). */
const BATCH_MONTHS = `SELECT customer_id, period FROM import_changes WHERE batch_id = @batchId
  UNION SELECT customer_id, period FROM import_newspaper_changes WHERE batch_id = @batchId`;
/** Customer-months whose R8 inputs a batch changed. */
const INPUT_MONTHS = 'SELECT customer_id, period FROM import_newspaper_changes WHERE batch_id = @batchId';

/**
 * Rebuilds the monthly copy (revenue_months) of the customer-months `keys` selects, from
 * `revenue`. Driven by the batch's keys (index searches): written `(customer_id, period) IN (…)`
 * the statements scanned the whole of revenue_months and revenue for every batch. Rows are
 * upserted rather than deleted and re-inserted; only a month left without any revenue cell (after
 * an undo) is deleted.
 */
function rebuildMonths(db: Database, batchId: number, keys: string): void {
  const copy = monthlyCopySql('r');
  db.prepare(
    `INSERT INTO revenue_months (customer_id, period, ${copy.columns}, newspaper_turnover)
     SELECT r.customer_id, r.period, ${copy.sums},
       (SELECT n.annual_turnover_fen / 12 FROM newspaper_inputs n WHERE n.customer_id = r.customer_id AND n.period = r.period)
     FROM (${keys}) k JOIN revenue r ON r.customer_id = k.customer_id AND r.period = k.period
     GROUP BY r.customer_id, r.period
     ON CONFLICT (period, customer_id) DO UPDATE SET
       ${[...copy.columns.split(', '), 'newspaper_turnover'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
  ).run({ batchId });
  db.prepare(
    `DELETE FROM revenue_months WHERE (period, customer_id) IN (SELECT period, customer_id FROM (${keys}) k
       WHERE NOT EXISTS (SELECT 1 FROM revenue r WHERE r.customer_id = k.customer_id AND r.period = k.period))`,
  ).run({ batchId });
}

/**
 * After a commit: adds each changed cell's difference (new − prior) to its month row, one
 * set-wise upsert over the batch's change records, instead of re-summing every touched month from
 * `revenue`. Twelve unit workbooks of one month touch the same customer-months up to eight times;
 * re-summing them was half of a month's commit time. Exact because the copy was exact before and
 * the change records hold every cell the batch wrote with its prior amount (a commit only adds or
 * overwrites cells). The turnover comes from R8 inputs, not cells: a new month row takes it from
 * `newspaper_inputs`, and the few months whose inputs the batch changed are rebuilt from scratch.
 */
function addMonthDeltas(db: Database, batchId: number): void {
  const columns = monthlyCopySql('r').columns.split(', ');
  db.prepare(
    `INSERT INTO revenue_months (period, customer_id, ${columns.join(', ')}, newspaper_turnover)
     SELECT c.period, c.customer_id,
       ${columns.map((l) => `sum(CASE c.line WHEN '${l}' THEN c.new_amount - coalesce(c.old_amount, 0) ELSE 0 END)`).join(', ')},
       (SELECT n.annual_turnover_fen / 12 FROM newspaper_inputs n WHERE n.customer_id = c.customer_id AND n.period = c.period)
     FROM import_changes c WHERE c.batch_id = @batchId
     GROUP BY c.customer_id, c.period
     ON CONFLICT (period, customer_id) DO UPDATE SET
       ${columns.map((l) => `${l} = ${l} + excluded.${l}`).join(', ')}`,
  ).run({ batchId });
  rebuildMonths(db, batchId, INPUT_MONTHS);
}

/** A batch's rows in the form the commit statements take (and a worker thread receives cheaply). */
export interface BatchCells {
  /**
   * The cells the batch writes, as one JSON array of [customer, period, line, fen] (one native
   * stringify: a call per row was ~0.3 s a month, and one string crosses to the writer thread as
   * one copy where 100,000 objects took ~0.3 s to clone).
   */
  json: string;
  /** Rows in the file's batch, blanks included (the counts' "unchanged" is what is left). */
  rows: number;
  /** The newspapers rows with a figure: their R8 inputs are stored or withdrawn with the batch. */
  newspaper: BatchRow[];
}

/** A newspapers row as the commit keeps it (its R8 inputs, if any), without sheet or row number. */
function newspaperRow(r: BatchRow, amount: number): BatchRow {
  const row: BatchRow = { customerId: r.customerId, period: r.period, line: r.line, amount };
  if (r.newspaper !== undefined) row.newspaper = r.newspaper;
  return row;
}

/**
 * A blank amount is "not reported": it writes nothing. The same cell twice (a preview never
 * stages that): the later row wins.
 */
export function batchCells(rows: readonly BatchRow[]): BatchCells {
  const seen = new Set<string>();
  const cells: [string, string, string, number][] = [];
  const newspaper: BatchRow[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i] as BatchRow;
    if (r.amount === null) continue;
    const key = `${r.customerId}|${r.period}|${r.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cells.push([r.customerId, r.period, r.line, r.amount]);
    if (r.line === 'newspapers') newspaper.push(newspaperRow(r, r.amount));
  }
  // Back in file order: a file lists its customers mostly in ID order, and the change records and
  // revenue cells are keyed by customer, so B-tree inserts mostly append (measured: ~10% faster
  // than the reversed order).
  cells.reverse();
  newspaper.reverse();
  return { json: JSON.stringify(cells), rows: rows.length, newspaper };
}

/**
 * `batchCells` for rows already unique by cell (a preview's), built a slice at a time with a
 * pause between slices: stringifying 100,000 rows at once held the main thread ~150 ms.
 */
export async function batchCellsPaced(
  rows: readonly BatchRow[],
  pause: () => Promise<void> | undefined,
): Promise<BatchCells> {
  const SLICE = 5_000;
  const parts: string[] = [];
  const newspaper: BatchRow[] = [];
  for (let from = 0; from < rows.length; from += SLICE) {
    const cells: [string, string, string, number][] = [];
    for (let i = from; i < Math.min(from + SLICE, rows.length); i++) {
      const r = rows[i] as BatchRow;
      if (r.amount === null) continue;
      cells.push([r.customerId, r.period, r.line, r.amount]);
      if (r.line === 'newspapers') newspaper.push(newspaperRow(r, r.amount));
    }
    if (cells.length > 0) parts.push(JSON.stringify(cells).slice(1, -1));
    await pause();
  }
  return { json: `[${parts.join(',')}]`, rows: rows.length, newspaper };
}

/** The cells back as rows (a worker checks claims from them). */
function cellRows(cells: BatchCells): BatchRow[] {
  return (JSON.parse(cells.json) as [string, string, RevenueLine, number][]).map(
    ([customerId, period, line, amount]) => ({
      customerId,
      period,
      line,
      amount,
    }),
  );
}

export function findCommittedBatch(
  db: Database,
  sha256: string,
): { id: number; fileName: string; committedAt: string } | null {
  return (
    (db
      .prepare(
        'SELECT id, file_name AS fileName, committed_at AS committedAt FROM import_batches WHERE sha256 = ? AND undone_at IS NULL ORDER BY id LIMIT 1',
      )
      .get(sha256) as { id: number; fileName: string; committedAt: string } | undefined) ?? null
  );
}

/** Call inside the registry's write transaction. */
export function commitBatch(
  db: Database,
  meta: BatchMeta,
  rows: readonly BatchRow[],
  at: string,
  actor: string,
): CommitResult {
  return commitCells(db, meta, batchCells(rows), at, actor);
}

/** `commitBatch` from rows already in their commit form; inside one transaction (any thread). */
export function commitCells(db: Database, meta: BatchMeta, cells: BatchCells, at: string, actor: string): CommitResult {
  const earlier = findCommittedBatch(db, meta.sha256);
  if (earlier) {
    throw new AppError(
      'CONFLICT',
      `文件“${meta.fileName}”已于 ${earlier.committedAt.slice(0, 10)} 作为第 ${earlier.id} 批（“${earlier.fileName}”）导入过，不能重复导入`,
      { batchId: earlier.id },
    );
  }
  if (meta.unitId !== null) assertNoNewClaims(db, meta.unitId, cellRows(cells));
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO import_batches (file_name, sha256, unit_id, form, period, rows_total, rows_new, rows_changed,
           rows_unchanged, rows_excluded, committed_at, committed_by) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)`,
      )
      .run(meta.fileName, meta.sha256, meta.unitId, meta.form, meta.period, cells.rows, meta.excluded, at, actor)
      .lastInsertRowid,
  );
  // Set-wise: the rows go in as one JSON array, one statement records every changed cell with its
  // prior value and one writes them. Three statements per row from JavaScript took ~1 s per
  // 100,000 rows, most of a month's commit time (and a temporary table in between ~0.2 s more).
  db.prepare(
    `INSERT INTO import_changes (batch_id, customer_id, period, line, old_amount, old_source_kind, old_source_ref,
       old_updated_at, new_amount)
     SELECT @batchId, s.value ->> 0, s.value ->> 1, s.value ->> 2, r.amount_fen, r.source_kind, r.source_ref,
       r.updated_at, s.value ->> 3
     FROM json_each(@rows) s LEFT JOIN revenue r
       ON r.customer_id = s.value ->> 0 AND r.period = s.value ->> 1 AND r.line = s.value ->> 2
     WHERE r.amount_fen IS NOT s.value ->> 3`,
  ).run({ batchId, rows: cells.json });
  db.prepare(
    `INSERT INTO revenue (customer_id, period, line, amount_fen, source_kind, source_ref, updated_at)
     SELECT customer_id, period, line, new_amount, 'import', @ref, @at FROM import_changes WHERE batch_id = @batchId
     ON CONFLICT (customer_id, period, line) DO UPDATE SET amount_fen = excluded.amount_fen,
       source_kind = excluded.source_kind, source_ref = excluded.source_ref, updated_at = excluded.updated_at`,
  ).run({ batchId, ref: sourceRef(batchId), at });
  const counted = db
    .prepare(
      `SELECT count(*) FILTER (WHERE old_amount IS NULL) AS created, count(*) FILTER (WHERE old_amount IS NOT NULL) AS changed
       FROM import_changes WHERE batch_id = ?`,
    )
    .get(batchId) as { created: number; changed: number };
  const { created, changed } = counted;
  const unchanged = cells.rows - created - changed;
  db.prepare('UPDATE import_batches SET rows_new = ?, rows_changed = ?, rows_unchanged = ? WHERE id = ?').run(
    created,
    changed,
    unchanged,
    batchId,
  );
  applyBatchNewspaperInputs(db, batchId, cells.newspaper, at);
  addMonthDeltas(db, batchId);
  return { batchId, total: cells.rows, created, changed, unchanged };
}

/**
 * Cells of a batch edited after the import: they no longer hold what the batch wrote. An undo
 * keeps them unless forced; the officer sees them before choosing (`imports/undo-check`).
 */
export function cellsEditedSince(db: Database, batchId: number): UndoResult['kept'] {
  return db
    .prepare(
      `SELECT c.customer_id AS customerId, c.period, c.line, r.amount_fen AS current, c.new_amount AS imported
         FROM import_changes c LEFT JOIN revenue r
           ON r.customer_id = c.customer_id AND r.period = c.period AND r.line = c.line
         WHERE c.batch_id = ? AND (r.amount_fen IS NULL OR r.source_ref IS NOT ? OR r.amount_fen IS NOT c.new_amount)
         ORDER BY c.customer_id, c.period, c.line`,
    )
    .all(batchId, sourceRef(batchId)) as UndoResult['kept'];
}

function standingBatch(db: Database, batchId: number): void {
  const batch = db.prepare('SELECT id, undone_at FROM import_batches WHERE id = ?').get(batchId) as
    | { id: number; undone_at: string | null }
    | undefined;
  if (!batch) throw new AppError('NOT_FOUND', `找不到导入批次 ${batchId}`, { batchId });
  if (batch.undone_at) throw new AppError('CONFLICT', `第 ${batchId} 批已于 ${batch.undone_at.slice(0, 10)} 撤销`);
}

/** What undoing a batch would do, without doing it: its cells, and those edited since. */
export function undoCheck(db: Database, batchId: number): { batchId: number; cells: number; kept: UndoResult['kept'] } {
  standingBatch(db, batchId);
  const cells = db.prepare('SELECT count(*) FROM import_changes WHERE batch_id = ?').pluck().get(batchId) as number;
  return { batchId, cells, kept: cellsEditedSince(db, batchId) };
}

export function undoBatch(db: Database, batchId: number, force: boolean, at: string, actor: string): UndoResult {
  standingBatch(db, batchId);
  const ref = sourceRef(batchId);
  const kept = cellsEditedSince(db, batchId);
  const scope = force
    ? 'c.batch_id = @batchId'
    : `c.batch_id = @batchId AND EXISTS (SELECT 1 FROM revenue r WHERE r.customer_id = c.customer_id
         AND r.period = c.period AND r.line = c.line AND r.source_ref = @ref AND r.amount_fen = c.new_amount)`;
  const restoredOld = db
    .prepare(
      `INSERT INTO revenue (customer_id, period, line, amount_fen, source_kind, source_ref, updated_at)
       SELECT c.customer_id, c.period, c.line, c.old_amount, c.old_source_kind, c.old_source_ref, c.old_updated_at
       FROM import_changes c WHERE ${scope} AND c.old_amount IS NOT NULL
       ON CONFLICT (customer_id, period, line) DO UPDATE SET amount_fen = excluded.amount_fen,
         source_kind = excluded.source_kind, source_ref = excluded.source_ref, updated_at = excluded.updated_at`,
    )
    .run({ batchId, ref }).changes;
  const removed = db
    .prepare(
      `DELETE FROM revenue WHERE (customer_id, period, line) IN (
         SELECT c.customer_id, c.period, c.line FROM import_changes c WHERE ${scope} AND c.old_amount IS NULL)`,
    )
    .run({ batchId, ref }).changes;
  db.prepare('UPDATE import_batches SET undone_at = ?, undone_by = ?, undo_kept = ? WHERE id = ?').run(
    at,
    actor,
    force ? 0 : kept.length,
    batchId,
  );
  undoBatchNewspaperInputs(db, batchId, force);
  withdrawFluctuationReasons(db, batchId, at);
  // Undo is rare and may restore cells edited since (forced): rebuilt from `revenue`, not deltas.
  rebuildMonths(db, batchId, BATCH_MONTHS);
  return { batchId, restored: restoredOld + removed, kept: force ? [] : kept };
}
