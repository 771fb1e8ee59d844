/**
 * The units' own analyses of a month (经营分析, R31), as the monthly report's editor and a unit's
 * report quote them: per unit, the standing one — the latest not withdrawn (a later batch
 * supersedes; undo withdraws and the one before stands again; DOMAIN-DECISIONS "Templates").
 */
import type { Database } from 'better-sqlite3';
import type { UnitAnalysis } from '../../../shared/api/types';

interface Row {
  unit_id: number;
  unit_code: string;
  unit_name: string;
  batch_id: number;
  recorded_at: string;
  competition: string | null;
  fluctuation_notes: string | null;
  practice: string | null;
  plan: string | null;
}

/** `unitIds` null: every unit; otherwise only those units. Ordered by unit code. */
export function unitAnalyses(db: Database, period: string, unitIds: ReadonlySet<number> | null): UnitAnalysis[] {
  const rows = db
    .prepare(
      `SELECT a.unit_id, u.code AS unit_code, u.name AS unit_name, a.batch_id, a.recorded_at,
              a.competition, a.fluctuation_notes, a.practice, a.plan
       FROM unit_analyses a JOIN units u ON u.id = a.unit_id
       WHERE a.period = ? AND a.withdrawn_at IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM unit_analyses later
           WHERE later.unit_id = a.unit_id AND later.period = a.period AND later.withdrawn_at IS NULL
             AND (later.recorded_at > a.recorded_at OR (later.recorded_at = a.recorded_at AND later.id > a.id))
         )
       ORDER BY u.code`,
    )
    .all(period) as Row[];
  return rows
    .filter((r) => unitIds === null || unitIds.has(r.unit_id))
    .map((r) => ({
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      batchId: r.batch_id,
      recordedAt: r.recorded_at,
      competition: r.competition,
      fluctuationNotes: r.fluctuation_notes,
      practice: r.practice,
      plan: r.plan,
    }));
}
