/**
 * Tiering runs (R9–R15): every customer evaluated for one window under one policy version, in
 * one transaction. Each result keeps its inputs, the policy version, its explanation and the
 * previous tier; the same inputs and policy give the same results.
 */
import type { Database } from 'better-sqlite3';
import type { TierRunSummary } from '../../../shared/api/types';
import { type Evaluation, evaluateCustomer } from '../../../shared/domain/evaluation';
import type { Policy } from '../../../shared/domain/policy/policy';
import { resolveResponsibleUnit } from '../../../shared/domain/scope';
import type { Tier } from '../../../shared/domain/tiers';
import type { HandlerContext } from '../context';
import { BatchedInsert } from '../db/batched-insert';
import { findTierBasis } from './in-force';
import {
  bureauRevenueFor,
  type CustomerInputs,
  type GatheredInputs,
  gatherInputs,
  type RunSpec,
  type Window,
  windowOf,
} from './inputs';
import { INPUT_COLUMNS, writeInputs } from './result-inputs';
import { emptyCounts, emptyMatrix, summaryOf } from './summary';

export interface Evaluated {
  input: CustomerInputs;
  evaluation: Evaluation;
  responsibleUnitId: number | null;
}

export function evaluateAll(gathered: GatheredInputs, policy: Policy): Evaluated[] {
  const { customers, bureauByLine } = gathered;
  const out: Evaluated[] = new Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const input = customers[i] as CustomerInputs;
    const evaluation = evaluateCustomer(input.evaluation, policy, { explain: false });
    const role = evaluation.responsibleRole;
    let responsibleUnitId: number | null = null;
    if (role === 'main_line_bureau') {
      const line = evaluation.scope.mainLine;
      responsibleUnitId = resolveResponsibleUnit(role, {
        ...input.candidates,
        mainLineBureauId: line ? (bureauByLine.get(line) ?? null) : null,
      }).unitId;
    } else if (role !== null) {
      responsibleUnitId = resolveResponsibleUnit(role, input.candidates).unitId;
    }
    out[i] = { input, evaluation, responsibleUnitId };
  }
  return out;
}

/**
 * The tiers in force for the window's time are the "previous tier" of every run, annual or
 * preview (in-force.ts: the annual run of an earlier year that exports use); a preview never
 * compares with another preview. No such run: nothing to compare with (无上期可比).
 */
function previousTiers(db: Database, window: Window): { runId: number | null; tiers: Map<string, Tier | null> } {
  const basis = findTierBasis(db, window.kind === 'annual' ? `${window.key}-12` : window.key);
  if (basis === null) return { runId: null, tiers: new Map() };
  const tiers = new Map(
    db.prepare('SELECT customer_id, tier FROM tier_results WHERE run_id = ?').raw().all(basis.runId) as [
      string,
      Tier | null,
    ][],
  );
  return { runId: basis.runId, tiers };
}

export function policyForWindow(ctx: HandlerContext, window: Window, version?: number): Policy {
  return version === undefined ? ctx.policies.forDate(window.endDate) : ctx.policies.get(version);
}

/** Runs inside the registry's write transaction. */
export function runTiering(ctx: HandlerContext, spec: RunSpec & { policyVersion?: number }): TierRunSummary {
  const { db } = ctx;
  const window = windowOf(spec);
  const policy = policyForWindow(ctx, window, spec.policyVersion);
  const bureau = bureauRevenueFor(db, window);
  const results = evaluateAll(gatherInputs(db, window, bureau.amount), policy);
  const { runId: comparedRunId, tiers: previous } = previousTiers(db, window);
  // A new annual run of a year is the one in force: it replaces an earlier choice among its runs.
  if (window.kind === 'annual') db.prepare('DELETE FROM tier_in_force WHERE year = ?').run(Number(window.key));
  const qualified = results.filter((r) => r.evaluation.tier !== null).length;
  const runId = Number(
    db
      .prepare(
        `INSERT INTO tier_runs (kind, run_key, window_from, window_to, policy_version, bureau_year, bureau_revenue_fen,
           customers, qualified, created_at, actor, compared_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        window.kind,
        window.key,
        window.from,
        window.to,
        policy.version,
        bureau.year,
        bureau.amount,
        results.length,
        qualified,
        ctx.now().toISOString(),
        ctx.actor,
        comparedRunId,
      ).lastInsertRowid,
  );
  const columns = [
    'run_id',
    'customer_id',
    'qualified',
    'clauses',
    'annual_fen',
    'this_month_fen',
    'revenue_score',
    'share_score',
    'share_ppm',
    'total_x100',
    'tier',
    'scope',
    'main_line',
    'responsible_role',
    'responsible_unit_id',
    'previous_tier',
    ...INPUT_COLUMNS,
  ];
  const insert = new BatchedInsert(db, 'tier_results', columns);
  const args = insert.args;
  // Counted here rather than re-read with two GROUP BYs over the rows just written.
  const counts = emptyCounts();
  const transitions = emptyMatrix();
  for (const { input, evaluation: e, responsibleUnitId } of results) {
    const clauses = e.qualification.clauses;
    const previousTier = previous.get(input.customerId) ?? null;
    if (e.tier !== null) counts[e.tier][e.scope.scope]++;
    transitions[previousTier ?? 'none'][e.tier ?? 'none']++;
    const o = insert.offset;
    args[o] = runId;
    args[o + 1] = input.customerId;
    args[o + 2] = e.qualification.qualified ? 1 : 0;
    args[o + 3] = clauses.length === 0 ? '[]' : `["${clauses.join('","')}"]`;
    args[o + 4] = e.annualRevenue;
    args[o + 5] = e.thisMonthRevenue;
    args[o + 6] = e.score.revenue.score;
    args[o + 7] = e.score.share.score;
    args[o + 8] = e.score.sharePpm;
    args[o + 9] = e.score.totalX100;
    args[o + 10] = e.tier;
    args[o + 11] = e.scope.scope;
    args[o + 12] = e.scope.mainLine;
    args[o + 13] = e.responsibleRole;
    args[o + 14] = responsibleUnitId;
    args[o + 15] = previousTier;
    writeInputs(args, o + 16, input.evaluation);
    insert.push();
  }
  insert.flush();
  return summaryOf(db, runId, counts, comparedRunId === null ? null : transitions);
}
