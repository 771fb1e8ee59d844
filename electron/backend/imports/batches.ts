/**
 * Committing and undoing revenue import batches (DOMAIN-DECISIONS "Imports"), set-wise so 100,000
 * rows take one transaction of a few statements. Cells written by batch N carry source ('import',
 * 'batch:N'); undo restores each cell's prior value, except cells edited after the import (their
 * source or amount no longer match), which are listed and kept unless the officer forces the undo.
 * This module keeps the batch's records (import_batches, import_changes); the revenue cells and
 * their month copy are written by the revenue store from those records (revenue/writes.ts).
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { RevenueLine } from '../../../shared/domain/lines';
import type { NewspaperInputs } from '../../../shared/domain/templates/newspaper-columns';
import { addBatchMonthDeltas, applyBatchCells, rebuildBatchMonths, restoreBatchPriorValues } from '../revenue/writes';
import {
  applyBatchNewspaperInputs,
  undoBatchNewspaperInputs,
  withdrawFluctuationReasons,
  withdrawUnitAnalysis,
} from './template-batches';
import { assertNoNewClaims } from './template-import';

export interface BatchRow {
  customerId: string;
  period: string;
  line: RevenueLine;
  /** Fen; null = blank in the file (clears nothing: a blank is "not reported"). */
  amount: number | null;
  /** R8 inputs the amount was computed from (newspapers rows only). */
  newspaper?: NewspaperInputs;
  /** Where in the file the figure stood (a figure opens its source), when read from one. */
  sheet?: string;
  row?: number;
  column?: string;
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
  /** Rows with a figure equal to the one stored (DOMAIN-DECISIONS "Imports", counts). */
  unchanged: number;
  /** Rows without a figure: not reported, nothing written. */
  blank: number;
}

export interface UndoResult {
  batchId: number;
  restored: number;
  /** Cells edited after the import: kept unless forced. */
  kept: { customerId: string; period: string; line: string; current: number | null; imported: number | null }[];
  /** Inbox rows the undo withdrew, and those kept because the centre had filed them (commit-job.ts). */
  inbox?: { withdrawn: number; kept: number };
}

const sourceRef = (batchId: number) => `batch:${batchId}`;

/** A batch's rows in the form the commit statements take (and a worker thread receives cheaply). */
export interface BatchCells {
  /**
   * The cells the batch writes, as one JSON array of [customer, period, line, fen] (one native
   * stringify: a call per row was ~0.3 s a month, and one string crosses to the writer thread as
   * one copy where 100,000 objects took ~0.3 s to clone).
   */
  json: string;
  /** Rows in the file's batch, blanks included. */
  rows: number;
  /**
   * Rows without a figure (written as nothing). Counted apart, so every row is exactly one of
   * new / changed / unchanged / blank, in the preview and in the batch alike (DOMAIN-DECISIONS
   * "Imports", counts).
   */
  blank: number;
  /** The newspapers rows with a figure: their R8 inputs are stored or withdrawn with the batch. */
  newspaper: BatchRow[];
  /** The file's sheets the cells name by index (the cell tuple's 5th item), in first-seen order. */
  sheets: string[];
}

/** A cell in commit form: customer, period, line, fen, then where it stood (sheet index, row, column). */
type CellTuple = [string, string, string, number, number | null, number | null, string | null];

/** Numbers the sheets as cells name them, so a cell carries a small index, not the name. */
function sheetNumbering(): { sheets: string[]; numberOf: (sheet: string | undefined) => number | null } {
  const sheets: string[] = [];
  const index = new Map<string, number>();
  return {
    sheets,
    numberOf: (sheet) => {
      if (sheet === undefined) return null;
      let n = index.get(sheet);
      if (n === undefined) {
        n = sheets.length;
        index.set(sheet, n);
        sheets.push(sheet);
      }
      return n;
    },
  };
}

function cellTuple(r: BatchRow, amount: number, sheetNo: number | null): CellTuple {
  return [r.customerId, r.period, r.line, amount, sheetNo, r.row ?? null, r.column ?? null];
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
  const cells: CellTuple[] = [];
  const newspaper: BatchRow[] = [];
  const { sheets, numberOf } = sheetNumbering();
  let blank = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i] as BatchRow;
    if (r.amount === null) {
      blank++;
      continue;
    }
    const key = `${r.customerId}|${r.period}|${r.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cells.push(cellTuple(r, r.amount, numberOf(r.sheet)));
    if (r.line === 'newspapers') newspaper.push(newspaperRow(r, r.amount));
  }
  // Back in file order: a file lists its customers mostly in ID order, and the change records and
  // revenue cells are keyed by customer, so B-tree inserts mostly append (measured: ~10% faster
  // than the reversed order).
  cells.reverse();
  newspaper.reverse();
  return { json: JSON.stringify(cells), rows: rows.length, blank, newspaper, sheets };
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
  const { sheets, numberOf } = sheetNumbering();
  let blank = 0;
  for (let from = 0; from < rows.length; from += SLICE) {
    const cells: CellTuple[] = [];
    for (let i = from; i < Math.min(from + SLICE, rows.length); i++) {
      const r = rows[i] as BatchRow;
      if (r.amount === null) {
        blank++;
        continue;
      }
      cells.push(cellTuple(r, r.amount, numberOf(r.sheet)));
      if (r.line === 'newspapers') newspaper.push(newspaperRow(r, r.amount));
    }
    if (cells.length > 0) parts.push(JSON.stringify(cells).slice(1, -1));
    await pause();
  }
  return { json: `[${parts.join(',')}]`, rows: rows.length, blank, newspaper, sheets };
}

/** The cells back as rows (a worker checks claims from them). */
function cellRows(cells: BatchCells): BatchRow[] {
  return (JSON.parse(cells.json) as [string, string, RevenueLine, number, ...unknown[]][]).map(
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
      {
        zh: `文件“${meta.fileName}”已于 ${earlier.committedAt.slice(0, 10)} 作为第 ${earlier.id} 批（“${earlier.fileName}”）导入过，不能重复导入`,
        en: `“${meta.fileName}” was already imported on ${earlier.committedAt.slice(0, 10)} as batch ${earlier.id} (“${earlier.fileName}”); a file is imported once`,
      },
      { batchId: earlier.id },
    );
  }
  if (meta.unitId !== null) assertNoNewClaims(db, meta.unitId, cellRows(cells));
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO import_batches (file_name, sha256, unit_id, form, period, rows_total, rows_new, rows_changed,
           rows_unchanged, rows_excluded, committed_at, committed_by, sheets) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)`,
      )
      .run(
        meta.fileName,
        meta.sha256,
        meta.unitId,
        meta.form,
        meta.period,
        cells.rows,
        meta.excluded,
        at,
        actor,
        JSON.stringify(cells.sheets),
      ).lastInsertRowid,
  );
  // Set-wise: the rows go in as one JSON array, one statement records every changed cell with its
  // prior value and the revenue store writes them in one more (revenue/writes.ts says why).
  db.prepare(
    `INSERT INTO import_changes (batch_id, customer_id, period, line, old_amount, old_source_kind, old_source_ref,
       old_updated_at, new_amount, sheet_no, row_no, col)
     SELECT @batchId, s.value ->> 0, s.value ->> 1, s.value ->> 2, r.amount_fen, r.source_kind, r.source_ref,
       r.updated_at, s.value ->> 3, s.value ->> 4, s.value ->> 5, s.value ->> 6
     FROM json_each(@rows) s LEFT JOIN revenue r
       ON r.customer_id = s.value ->> 0 AND r.period = s.value ->> 1 AND r.line = s.value ->> 2
     WHERE r.amount_fen IS NOT s.value ->> 3`,
  ).run({ batchId, rows: cells.json });
  applyBatchCells(db, batchId, sourceRef(batchId), at);
  const counted = db
    .prepare(
      `SELECT count(*) FILTER (WHERE old_amount IS NULL) AS created, count(*) FILTER (WHERE old_amount IS NOT NULL) AS changed
       FROM import_changes WHERE batch_id = ?`,
    )
    .get(batchId) as { created: number; changed: number };
  const { created, changed } = counted;
  // Blank rows are counted apart, not as unchanged (DOMAIN-DECISIONS "Imports", counts); the batch
  // keeps new, changed and unchanged, and its blank rows are the rest of its total (handlers.ts).
  const unchanged = cells.rows - cells.blank - created - changed;
  db.prepare('UPDATE import_batches SET rows_new = ?, rows_changed = ?, rows_unchanged = ? WHERE id = ?').run(
    created,
    changed,
    unchanged,
    batchId,
  );
  applyBatchNewspaperInputs(db, batchId, cells.newspaper, at);
  addBatchMonthDeltas(db, batchId);
  return { batchId, total: cells.rows, created, changed, unchanged, blank: cells.blank };
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
  if (!batch)
    throw new AppError(
      'NOT_FOUND',
      { zh: `找不到导入批次 ${batchId}`, en: `Import batch ${batchId} not found` },
      { batchId },
    );
  if (batch.undone_at)
    throw new AppError('CONFLICT', {
      zh: `第 ${batchId} 批已于 ${batch.undone_at.slice(0, 10)} 撤销`,
      en: `Batch ${batchId} was undone on ${batch.undone_at.slice(0, 10)}`,
    });
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
  const restored = restoreBatchPriorValues(db, batchId, ref, force);
  db.prepare('UPDATE import_batches SET undone_at = ?, undone_by = ?, undo_kept = ? WHERE id = ?').run(
    at,
    actor,
    force ? 0 : kept.length,
    batchId,
  );
  undoBatchNewspaperInputs(db, batchId, force);
  withdrawFluctuationReasons(db, batchId, at);
  withdrawUnitAnalysis(db, batchId, at);
  rebuildBatchMonths(db, batchId);
  return { batchId, restored, kept: force ? [] : kept };
}
