/**
 * What a batch writes besides revenue cells (DOMAIN-DECISIONS "Templates"): R8 newspaper inputs,
 * with their prior values for undo, R27 fluctuation reasons and the unit's R31 analysis. Called inside the batch's
 * transaction by commitCells/undoBatch (batches.ts) and runCommitJob (commit-job.ts).
 */
import type { Database } from 'better-sqlite3';
import type { NewspaperInputs } from '../../../shared/domain/templates/newspaper-columns';
import type { FluctuationReasonRow, UnitAnalysisTexts } from '../../../shared/domain/templates/side-sheets';
import { upsertNewspaperInputs } from '../revenue/store';

interface InputsRow {
  annual_turnover_fen: number;
  rate_bp: number;
  other_fen: number;
  source_kind: string;
  source_ref: string | null;
  updated_at: string;
}

const same = (a: InputsRow, b: NewspaperInputs) =>
  a.annual_turnover_fen === b.annualTurnover && a.rate_bp === b.rateBasisPoints && a.other_fen === b.other;

/**
 * R8 for every newspapers row with a figure: inputs given → stored (the revenue cell holds the
 * figure computed from them); a figure reported directly → earlier inputs removed, as manual entry
 * does, so R7 is not judged on a turnover nobody reports any more.
 */
export function applyBatchNewspaperInputs(
  db: Database,
  batchId: number,
  rows: readonly {
    customerId: string;
    period: string;
    line: string;
    amount: number | null;
    newspaper?: NewspaperInputs;
  }[],
  at: string,
): number {
  const current = db.prepare('SELECT * FROM newspaper_inputs WHERE customer_id = ? AND period = ?');
  const remove = db.prepare('DELETE FROM newspaper_inputs WHERE customer_id = ? AND period = ?');
  const record = db.prepare(
    `INSERT INTO import_newspaper_changes (batch_id, customer_id, period, old_annual_turnover_fen, old_rate_bp,
       old_other_fen, old_source_kind, old_source_ref, old_updated_at, new_annual_turnover_fen, new_rate_bp, new_other_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let changed = 0;
  for (const r of rows) {
    if (r.line !== 'newspapers' || r.amount === null) continue;
    const old = current.get(r.customerId, r.period) as InputsRow | undefined;
    const next = r.newspaper ?? null;
    if (next === null ? !old : old && same(old, next)) continue;
    record.run(
      batchId,
      r.customerId,
      r.period,
      old?.annual_turnover_fen ?? null,
      old?.rate_bp ?? null,
      old?.other_fen ?? null,
      old?.source_kind ?? null,
      old?.source_ref ?? null,
      old?.updated_at ?? null,
      next?.annualTurnover ?? null,
      next?.rateBasisPoints ?? null,
      next?.other ?? null,
    );
    if (next === null) remove.run(r.customerId, r.period);
    else upsertNewspaperInputs(db, { customerId: r.customerId, period: r.period, ...next }, sourceOf(batchId), at);
    changed++;
  }
  return changed;
}

const sourceOf = (batchId: number) => ({ kind: 'import', ref: `batch:${batchId}` });

/**
 * Restores the inputs a batch changed, except those changed again since (their source or values
 * are no longer what the batch left), unless forced — the same rule as revenue cells.
 */
export function undoBatchNewspaperInputs(db: Database, batchId: number, force: boolean): number {
  const changes = db.prepare('SELECT * FROM import_newspaper_changes WHERE batch_id = ?').all(batchId) as {
    customer_id: string;
    period: string;
    old_annual_turnover_fen: number | null;
    old_rate_bp: number | null;
    old_other_fen: number | null;
    old_source_kind: string | null;
    old_source_ref: string | null;
    old_updated_at: string | null;
    new_annual_turnover_fen: number | null;
    new_rate_bp: number | null;
    new_other_fen: number | null;
  }[];
  const current = db.prepare('SELECT * FROM newspaper_inputs WHERE customer_id = ? AND period = ?');
  const remove = db.prepare('DELETE FROM newspaper_inputs WHERE customer_id = ? AND period = ?');
  const ref = `batch:${batchId}`;
  let restored = 0;
  for (const c of changes) {
    const now = current.get(c.customer_id, c.period) as InputsRow | undefined;
    const untouched =
      c.new_annual_turnover_fen === null
        ? !now
        : now !== undefined &&
          now.source_ref === ref &&
          same(now, {
            annualTurnover: c.new_annual_turnover_fen,
            rateBasisPoints: c.new_rate_bp ?? 0,
            other: c.new_other_fen ?? 0,
          });
    if (!untouched && !force) continue;
    if (c.old_annual_turnover_fen === null) remove.run(c.customer_id, c.period);
    else {
      upsertNewspaperInputs(
        db,
        {
          customerId: c.customer_id,
          period: c.period,
          annualTurnover: c.old_annual_turnover_fen,
          rateBasisPoints: c.old_rate_bp ?? 0,
          other: c.old_other_fen ?? 0,
        },
        { kind: c.old_source_kind ?? 'manual', ref: c.old_source_ref },
        c.old_updated_at ?? '',
      );
    }
    restored++;
  }
  return restored;
}

/** R27: the unit's reasons arrive with its batch; a later batch's reason is a newer row. */
export function storeFluctuationReasons(
  db: Database,
  batchId: number,
  unitId: number | null,
  reasons: readonly FluctuationReasonRow[],
  at: string,
): void {
  const insert = db.prepare(
    `INSERT INTO fluctuation_reasons (customer_id, period, reason, one_off, unit_id, batch_id, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of reasons) insert.run(r.customerId, r.period, r.reason, r.oneOff ? 1 : 0, unitId, batchId, at);
}

/** Undo keeps the rows (history) and marks them withdrawn. */
export function withdrawFluctuationReasons(db: Database, batchId: number, at: string): void {
  db.prepare('UPDATE fluctuation_reasons SET withdrawn_at = ? WHERE batch_id = ? AND withdrawn_at IS NULL').run(
    at,
    batchId,
  );
}

/**
 * R31: the unit's analysis arrives with its batch. A later batch of the unit and month is a newer
 * row that supersedes it (reports/unit-analyses.ts reads the latest standing one); nothing is
 * stored when the unit wrote nothing, so an earlier analysis still stands.
 */
export function storeUnitAnalysis(
  db: Database,
  batchId: number,
  meta: { unitId: number | null; period: string | null },
  analysis: UnitAnalysisTexts | null,
  at: string,
): void {
  if (analysis === null || meta.unitId === null || meta.period === null) return;
  db.prepare(
    `INSERT INTO unit_analyses (unit_id, period, batch_id, competition, fluctuation_notes, practice, plan, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    meta.unitId,
    meta.period,
    batchId,
    analysis.competition,
    analysis.fluctuationNotes,
    analysis.practice,
    analysis.plan,
    at,
  );
}

/** Undo keeps the row (history) and marks it withdrawn: the unit's earlier analysis stands again. */
export function withdrawUnitAnalysis(db: Database, batchId: number, at: string): void {
  db.prepare('UPDATE unit_analyses SET withdrawn_at = ? WHERE batch_id = ? AND withdrawn_at IS NULL').run(at, batchId);
}
