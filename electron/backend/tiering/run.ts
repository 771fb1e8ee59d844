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
import {
  bureauRevenueFor,
  type CustomerInputs,
  type GatheredInputs,
  gatherInputs,
  type RunSpec,
  type Window,
  windowOf,
} from './inputs';
import { runSummary } from './summary';

export interface Evaluated {
  input: CustomerInputs;
  evaluation: Evaluation;
  responsibleUnitId: number | null;
}

export function evaluateAll(gathered: GatheredInputs, bureauRevenue: number, policy: Policy): Evaluated[] {
  const { customers, bureauByLine } = gathered;
  return customers.map((input) => {
    const evaluation = evaluateCustomer({ ...input.evaluation, bureauRevenue }, policy, { explain: false });
    const line = evaluation.scope.mainLine;
    const responsibleUnitId =
      evaluation.responsibleRole === null
        ? null
        : resolveResponsibleUnit(evaluation.responsibleRole, {
            ...input.candidates,
            mainLineBureauId: line ? (bureauByLine.get(line) ?? null) : null,
          }).unitId;
    return { input, evaluation, responsibleUnitId };
  });
}

/** The latest earlier run of the same kind: its tiers are the "previous tier" of this one. */
function previousTiers(db: Database, window: Window): Map<string, Tier | null> {
  const prev = db
    .prepare('SELECT id FROM tier_runs WHERE kind = ? AND run_key < ? ORDER BY run_key DESC, id DESC LIMIT 1')
    .get(window.kind, window.key) as { id: number } | undefined;
  if (!prev) return new Map();
  return new Map(
    db.prepare('SELECT customer_id, tier FROM tier_results WHERE run_id = ?').raw().all(prev.id) as [
      string,
      Tier | null,
    ][],
  );
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
  const results = evaluateAll(gatherInputs(db, window), bureau.amount, policy);
  const previous = previousTiers(db, window);
  const qualified = results.filter((r) => r.evaluation.tier !== null).length;
  const runId = Number(
    db
      .prepare(
        `INSERT INTO tier_runs (kind, run_key, window_from, window_to, policy_version, bureau_year, bureau_revenue_fen,
           customers, qualified, created_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      ).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO tier_results (run_id, customer_id, qualified, clauses, annual_fen, this_month_fen, revenue_score,
       share_score, share_ppm, total_x100, tier, scope, main_line, responsible_role, responsible_unit_id, previous_tier,
       inputs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { input, evaluation: e, responsibleUnitId } of results) {
    insert.run(
      runId,
      input.customerId,
      e.qualification.qualified ? 1 : 0,
      JSON.stringify(e.qualification.clauses),
      e.annualRevenue,
      e.thisMonthRevenue,
      e.score.revenue.score,
      e.score.share.score,
      e.score.sharePpm,
      e.score.totalX100,
      e.tier,
      e.scope.scope,
      e.scope.mainLine,
      e.responsibleRole,
      responsibleUnitId,
      previous.get(input.customerId) ?? null,
      JSON.stringify(input.evaluation),
    );
  }
  return runSummary(db, runId);
}
