/**
 * Where a revenue figure came from (the customer page's 来源): the import batch that wrote it with
 * its file, sheet, row and column, who committed it and when; or who typed it and when, from the
 * audit log. Read-only; each fact is read from its owner (the revenue cell, the batch, the log).
 */
import type { Database } from 'better-sqlite3';
import type { RevenueSourceView } from '../../../shared/api/types';
import type { RevenueLine } from '../../../shared/domain/lines';

interface CellRow {
  amount_fen: number;
  source_kind: 'manual' | 'import' | 'form';
  source_ref: string | null;
  updated_at: string;
}

interface BatchSourceRow {
  id: number;
  file_name: string;
  form: string;
  committed_at: string;
  committed_by: string;
  undone_at: string | null;
  unit_name: string | null;
  sheets: string | null;
  sheet_no: number | null;
  row_no: number | null;
  col: string | null;
}

const BATCH_REF = /^batch:(\d+)$/;

export function revenueSource(db: Database, customerId: string, period: string, line: RevenueLine): RevenueSourceView {
  const cell = db
    .prepare(
      'SELECT amount_fen, source_kind, source_ref, updated_at FROM revenue WHERE customer_id = ? AND period = ? AND line = ?',
    )
    .get(customerId, period, line) as CellRow | undefined;
  const base = { customerId, period, line };
  if (!cell) return { ...base, amount: null, kind: null, updatedAt: null, batch: null, typed: null };
  const batchId = cell.source_kind === 'import' ? Number(BATCH_REF.exec(cell.source_ref ?? '')?.[1] ?? NaN) : NaN;
  const batch = Number.isNaN(batchId)
    ? undefined
    : (db
        .prepare(
          `SELECT b.id, b.file_name, b.form, b.committed_at, b.committed_by, b.undone_at, u.name AS unit_name, b.sheets,
             c.sheet_no, c.row_no, c.col
           FROM import_batches b LEFT JOIN units u ON u.id = b.unit_id
           LEFT JOIN import_changes c ON c.batch_id = b.id AND c.customer_id = ? AND c.period = ? AND c.line = ?
           WHERE b.id = ?`,
        )
        .get(customerId, period, line, batchId) as BatchSourceRow | undefined);
  // Typed by hand: the last revenue/set of this cell in the audit log (its entity is the month).
  const typed =
    cell.source_kind === 'manual'
      ? (db
          .prepare(
            `SELECT actor, at FROM audit_log WHERE entity = ? AND channel IN ('revenue/set', 'revenue/set-newspaper')
               AND (channel = 'revenue/set-newspaper' OR input ->> 'line' = ?)
             ORDER BY id DESC LIMIT 1`,
          )
          .get(`revenue:${customerId}:${period}`, line) as { actor: string; at: string } | undefined)
      : undefined;
  const sheetName = (b: BatchSourceRow): string | null => {
    if (b.sheets === null || b.sheet_no === null) return null;
    const names = JSON.parse(b.sheets) as string[];
    return names[b.sheet_no] ?? null;
  };
  return {
    ...base,
    amount: cell.amount_fen,
    kind: cell.source_kind,
    updatedAt: cell.updated_at,
    batch: batch
      ? {
          id: batch.id,
          fileName: batch.file_name,
          form: batch.form,
          unitName: batch.unit_name,
          committedAt: batch.committed_at,
          committedBy: batch.committed_by,
          undoneAt: batch.undone_at,
          sheet: sheetName(batch),
          row: batch.row_no,
          column: batch.col,
        }
      : null,
    typed: cell.source_kind === 'manual' ? { by: typed?.actor ?? null, at: typed?.at ?? cell.updated_at } : null,
  };
}
