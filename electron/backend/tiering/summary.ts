/** Reading runs back: counts by tier × scope (R24 shapes) and previous → current transitions. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { TierOrNone, TierRunSummary } from '../../../shared/api/types';
import { SCOPES, type Scope, TIERS, type Tier } from '../../../shared/domain/tiers';

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
  transitions: TransitionMatrix,
): TierRunSummary {
  const run = db.prepare('SELECT * FROM tier_runs WHERE id = ?').get(runId) as RunRow | undefined;
  if (!run) throw new AppError('NOT_FOUND', `找不到分级批次 ${runId}`, { runId });
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
  };
}
