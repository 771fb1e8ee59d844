/**
 * Reading runs back: counts by tier × scope (R24 shapes), previous → current transitions (none
 * when the run had no tiers in force to compare with), whether the bureau figure it used still
 * holds (R10) and whether it is its year's run in force.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { TierOrNone, TierRunSummary } from '../../../shared/api/types';
import { SCOPES, type Scope, TIERS, type Tier } from '../../../shared/domain/tiers';
import { inForceRunOf } from './in-force';

export function emptyCounts(): Record<Tier, Record<Scope, number>> {
  return Object.fromEntries(TIERS.map((t) => [t, Object.fromEntries(SCOPES.map((s) => [s, 0]))])) as Record<
    Tier,
    Record<Scope, number>
  >;
}

export const TIER_OR_NONE: readonly TierOrNone[] = [...TIERS, 'none'];

export function emptyMatrix(): Record<TierOrNone, Record<TierOrNone, number>> {
  return Object.fromEntries(
    TIER_OR_NONE.map((a) => [a, Object.fromEntries(TIER_OR_NONE.map((b) => [b, 0]))]),
  ) as Record<TierOrNone, Record<TierOrNone, number>>;
}

interface RunRow {
  id: number;
  kind: 'annual' | 'monthly';
  run_key: string;
  window_from: string;
  window_to: string;
  policy_version: number;
  bureau_year: number;
  bureau_revenue_fen: number;
  customers: number;
  qualified: number;
  created_at: string;
  compared_run_id: number | null;
}

export type TierCounts = Record<Tier, Record<Scope, number>>;
export type TransitionMatrix = Record<TierOrNone, Record<TierOrNone, number>>;

/** The run's counts and transitions as stored (reading a run back). */
export function runSummary(db: Database, runId: number): TierRunSummary {
  const counts = emptyCounts();
  for (const r of db
    .prepare(
      'SELECT tier, scope, count(*) AS n FROM tier_results WHERE run_id = ? AND tier IS NOT NULL GROUP BY tier, scope',
    )
    .all(runId) as { tier: Tier; scope: Scope; n: number }[]) {
    counts[r.tier][r.scope] = r.n;
  }
  const compared = db.prepare('SELECT compared_run_id FROM tier_runs WHERE id = ?').pluck().get(runId) as
    | number
    | null
    | undefined;
  if (compared === undefined || compared === null) return summaryOf(db, runId, counts, null);
  const transitions = emptyMatrix();
  for (const r of db
    .prepare(
      `SELECT coalesce(previous_tier, 'none') AS a, coalesce(tier, 'none') AS b, count(*) AS n
       FROM tier_results WHERE run_id = ? GROUP BY a, b`,
    )
    .all(runId) as { a: TierOrNone; b: TierOrNone; n: number }[]) {
    transitions[r.a][r.b] = r.n;
  }
  return summaryOf(db, runId, counts, transitions);
}

/** The summary of a run whose counts the caller already has (a run just computed them). */
export function summaryOf(
  db: Database,
  runId: number,
  counts: TierCounts,
  transitions: TransitionMatrix | null,
): TierRunSummary {
  const run = db.prepare('SELECT * FROM tier_runs WHERE id = ?').get(runId) as RunRow | undefined;
  if (!run)
    throw new AppError('NOT_FOUND', { zh: `找不到分级批次 ${runId}`, en: `Tier run ${runId} not found` }, { runId });
  const compared =
    run.compared_run_id === null
      ? undefined
      : (db.prepare('SELECT id, kind, run_key FROM tier_runs WHERE id = ?').get(run.compared_run_id) as
          | { id: number; kind: 'annual' | 'monthly'; run_key: string }
          | undefined);
  // R10: the figure this run divided by is no longer the bureau's figure for that year.
  const bureauNow = db.prepare('SELECT amount_fen FROM bureau_revenue WHERE year = ?').pluck().get(run.bureau_year) as
    | number
    | undefined;
  const annual = run.kind === 'annual';
  const sameYearRuns = annual
    ? (db
        .prepare("SELECT count(*) FROM tier_runs WHERE kind = 'annual' AND run_key = ?")
        .pluck()
        .get(run.run_key) as number)
    : 0;
  return {
    id: run.id,
    kind: run.kind,
    key: run.run_key,
    windowFrom: run.window_from,
    windowTo: run.window_to,
    policyVersion: run.policy_version,
    bureauYear: run.bureau_year,
    bureauRevenue: run.bureau_revenue_fen,
    customers: run.customers,
    qualified: run.qualified,
    createdAt: run.created_at,
    counts,
    transitions,
    comparedWith: compared ? { runId: compared.id, kind: compared.kind, key: compared.run_key } : null,
    bureauStale: bureauNow !== run.bureau_revenue_fen,
    bureauRevenueNow: bureauNow ?? null,
    inForce: annual && inForceRunOf(db, Number(run.run_key)) === run.id,
    sameYearRuns,
  };
}
