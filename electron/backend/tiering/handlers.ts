/** 分级: run a tiering, read its summary and results, explain one result, R13 approvals/overrides. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ApprovalView, OverrideView, TierResultRow } from '../../../shared/api/types';
import { evaluateCustomer } from '../../../shared/domain/evaluation';
import { lastDayOf } from '../../../shared/domain/periods';
import type { Tier } from '../../../shared/domain/tiers';
import { entity } from '../audit/entities';
import { getCustomerRow } from '../customers/rows';
import { withResponsibleUnit } from '../organisation/line-bureaus';
import { defineHandlers } from '../registry';
import { INPUT_COLUMNS, type InputRow, readInputs } from './result-inputs';
import { runTiering } from './run';
import { runSummary } from './summary';

interface ResultDbRow {
  customer_id: string;
  name: string;
  unit: string;
  qualified: number;
  clauses: string;
  annual_fen: number;
  this_month_fen: number;
  revenue_score: number;
  share_score: number;
  share_ppm: number;
  total_x100: number;
  tier: Tier | null;
  scope: TierResultRow['scope'];
  main_line: TierResultRow['mainLine'];
  responsible_unit: string | null;
  previous_tier: Tier | null;
  compared: 0 | 1;
  approval_tier: Tier | null;
  override_tier: Tier | null;
}

/** R13: the approval valid at the window's end, else the latest override — beside, never instead. */
const RESULT_SELECT = `
  SELECT r.customer_id, c.name, u.name AS unit, r.qualified, r.clauses, r.annual_fen, r.this_month_fen,
    r.revenue_score, r.share_score, r.share_ppm, r.total_x100, r.tier, r.scope, r.main_line,
    ru.name AS responsible_unit, r.previous_tier,
    (SELECT t.compared_run_id IS NOT NULL FROM tier_runs t WHERE t.id = r.run_id) AS compared,
    (SELECT a.tier FROM tier_approvals a WHERE a.customer_id = r.customer_id AND a.revoked_at IS NULL
       AND a.valid_from <= @asOf AND (a.valid_to IS NULL OR a.valid_to >= @asOf) ORDER BY a.id DESC LIMIT 1) AS approval_tier,
    (SELECT o.tier FROM tier_overrides o WHERE o.customer_id = r.customer_id AND o.revoked_at IS NULL
       ORDER BY o.id DESC LIMIT 1) AS override_tier
  FROM tier_results r
  JOIN customers c ON c.id = r.customer_id
  JOIN units u ON u.id = c.unit_id
  LEFT JOIN units ru ON ru.id = r.responsible_unit_id`;

function toRow(r: ResultDbRow): TierResultRow {
  // R13: the SQL already picked the valid approval and the latest override; approval first.
  const source = r.approval_tier ? 'approval' : r.override_tier ? 'override' : 'computed';
  return {
    customerId: r.customer_id,
    name: r.name,
    unit: r.unit,
    qualified: r.qualified === 1,
    clauses: JSON.parse(r.clauses) as string[],
    annualRevenue: r.annual_fen,
    thisMonthRevenue: r.this_month_fen,
    revenueScore: r.revenue_score,
    shareScore: r.share_score,
    sharePpm: r.share_ppm,
    total: r.total_x100 / 100,
    tier: r.tier,
    scope: r.scope,
    mainLine: r.main_line,
    responsibleUnit: r.responsible_unit,
    previousTier: r.previous_tier,
    compared: r.compared === 1,
    effectiveTier: r.approval_tier ?? r.override_tier ?? r.tier,
    effectiveSource: source,
  };
}

function asOf(db: Database, runId: number): string {
  const run = db.prepare('SELECT window_to FROM tier_runs WHERE id = ?').get(runId) as
    | { window_to: string }
    | undefined;
  if (!run)
    throw new AppError('NOT_FOUND', { zh: `找不到分级批次 ${runId}`, en: `Tier run ${runId} not found` }, { runId });
  return lastDayOf(run.window_to);
}

interface ApprovalRow {
  id: number;
  customer_id: string;
  tier: Tier;
  approver: string;
  document_no: string;
  reason: string;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  revoked_at: string | null;
}

function toApproval(r: ApprovalRow): ApprovalView {
  return {
    id: r.id,
    customerId: r.customer_id,
    tier: r.tier,
    approver: r.approver,
    documentNo: r.document_no,
    reason: r.reason,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

interface OverrideRow {
  id: number;
  customer_id: string;
  tier: Tier;
  approver: string;
  reason: string;
  created_at: string;
  revoked_at: string | null;
}

function toOverride(r: OverrideRow): OverrideView {
  return {
    id: r.id,
    customerId: r.customer_id,
    tier: r.tier,
    approver: r.approver,
    reason: r.reason,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

export const tieringHandlers = defineHandlers({
  'tiers/run': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('tier-run', r.id) : null) },
    // A run replaces the results (and, annual, the year's run in force): copy first.
    backupBefore: 'pre-tiering',
    run: (input, ctx) =>
      runTiering(
        ctx,
        input.kind === 'annual'
          ? { kind: 'annual', year: input.year, ...(input.policyVersion ? { policyVersion: input.policyVersion } : {}) }
          : {
              kind: 'monthly',
              period: input.period,
              ...(input.policyVersion ? { policyVersion: input.policyVersion } : {}),
            },
      ),
  },
  'tiers/runs': {
    kind: 'read',
    run: (_input, { db }) =>
      (db.prepare('SELECT id FROM tier_runs ORDER BY id DESC LIMIT 200').all() as { id: number }[]).map((r) =>
        runSummary(db, r.id),
      ),
  },
  'tiers/summary': { kind: 'read', run: ({ runId }, { db }) => runSummary(db, runId) },
  'tiers/set-in-force': {
    kind: 'write',
    audit: { entity: (i) => entity('tier-run', i.runId) },
    // Which of a year's annual runs the exports, templates and customer pages use (in-force.ts).
    run: ({ runId }, { db, now, actor }) => {
      const run = db.prepare('SELECT kind, run_key FROM tier_runs WHERE id = ?').get(runId) as
        | { kind: 'annual' | 'monthly'; run_key: string }
        | undefined;
      if (!run)
        throw new AppError('NOT_FOUND', { zh: `找不到分级批次 ${runId}`, en: `No tiering run ${runId}` }, { runId });
      if (run.kind !== 'annual')
        throw new AppError(
          'VALIDATION',
          {
            zh: '只有年度评级可以设为在用；月度预览只供参考',
            en: 'Only an annual grading can be put in force; a monthly preview is for reference',
          },
          { runId },
        );
      db.prepare(
        `INSERT INTO tier_in_force (year, run_id, chosen_at, actor) VALUES (?, ?, ?, ?)
         ON CONFLICT (year) DO UPDATE SET run_id = excluded.run_id, chosen_at = excluded.chosen_at, actor = excluded.actor`,
      ).run(Number(run.run_key), runId, now().toISOString(), actor);
      return runSummary(db, runId);
    },
  },
  'tiers/results': {
    kind: 'read',
    run: (input, { db }) => {
      const where = `WHERE r.run_id = @runId
        AND (@tier IS NULL OR (@tier = 'none' AND r.tier IS NULL) OR r.tier = @tier)
        AND (@scope IS NULL OR (r.scope = @scope AND r.tier IS NOT NULL))
        AND (@unitId IS NULL OR c.unit_id = @unitId)
        AND (@search = '' OR c.search_text LIKE '%' || @search || '%' OR r.customer_id LIKE @search || '%')`;
      const params = {
        runId: input.runId,
        tier: input.tier,
        scope: input.scope,
        unitId: input.unitId,
        search: input.search.toLowerCase(),
        asOf: asOf(db, input.runId),
        limit: input.limit,
        offset: input.offset,
      };
      const total = (
        db
          .prepare(`SELECT count(*) AS n FROM tier_results r JOIN customers c ON c.id = r.customer_id ${where}`)
          .get(params) as { n: number }
      ).n;
      const rows = db
        .prepare(`${RESULT_SELECT} ${where} ORDER BY r.total_x100 DESC, r.customer_id LIMIT @limit OFFSET @offset`)
        .all(params) as ResultDbRow[];
      return { total, offset: input.offset, rows: rows.map(toRow) };
    },
  },
  'tiers/explain': {
    kind: 'read',
    run: ({ runId, customerId }, { db, policies }) => {
      const at = asOf(db, runId);
      const row = db.prepare(`${RESULT_SELECT} WHERE r.run_id = @runId AND r.customer_id = @customerId`).get({
        runId,
        customerId,
        asOf: at,
      }) as ResultDbRow | undefined;
      if (!row)
        throw new AppError('NOT_FOUND', {
          zh: `分级批次 ${runId} 中没有客户 ${customerId}`,
          en: `Tier run ${runId} has no customer ${customerId}`,
        });
      const extra = db
        .prepare(
          `SELECT ${INPUT_COLUMNS.map((c) => `r.${c}`).join(', ')}, t.policy_version, t.bureau_revenue_fen
           FROM tier_results r JOIN tier_runs t ON t.id = r.run_id WHERE r.run_id = ? AND r.customer_id = ?`,
        )
        .get(runId, customerId) as InputRow & { policy_version: number; bureau_revenue_fen: number };
      const inputs = readInputs(extra);
      // Rebuilt from the stored inputs under the run's own policy version: the same text as then.
      const steps = evaluateCustomer(
        { ...inputs, bureauRevenue: extra.bureau_revenue_fen },
        policies.get(extra.policy_version),
      ).explanation;
      const approval = db
        .prepare(
          `SELECT * FROM tier_approvals WHERE customer_id = ? AND revoked_at IS NULL AND valid_from <= ?
             AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id DESC LIMIT 1`,
        )
        .get(customerId, at, at) as ApprovalRow | undefined;
      const override = db
        .prepare('SELECT * FROM tier_overrides WHERE customer_id = ? AND revoked_at IS NULL ORDER BY id DESC LIMIT 1')
        .get(customerId) as OverrideRow | undefined;
      return {
        runId,
        policyVersion: extra.policy_version,
        row: toRow(row),
        // R15: the unit's name, and the reason when the city centre stood in.
        steps: withResponsibleUnit(db, runId, customerId, steps),
        inputs,
        approval: approval ? toApproval(approval) : null,
        override: override ? toOverride(override) : null,
      };
    },
  },
  'tiers/approve': {
    kind: 'write',
    audit: { entity: (i) => entity('customer', i.customerId) },
    run: (input, { db, now }) => {
      getCustomerRow(db, input.customerId);
      const id = Number(
        db
          .prepare(
            `INSERT INTO tier_approvals (customer_id, tier, approver, document_no, reason, valid_from, valid_to, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.customerId,
            input.tier,
            input.approver,
            input.documentNo,
            input.reason,
            input.validFrom,
            input.validTo,
            now().toISOString(),
          ).lastInsertRowid,
      );
      return toApproval(db.prepare('SELECT * FROM tier_approvals WHERE id = ?').get(id) as ApprovalRow);
    },
  },
  'tiers/override': {
    kind: 'write',
    audit: { entity: (i) => entity('customer', i.customerId) },
    run: (input, { db, now }) => {
      getCustomerRow(db, input.customerId);
      const id = Number(
        db
          .prepare(
            'INSERT INTO tier_overrides (customer_id, tier, approver, reason, created_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(input.customerId, input.tier, input.approver, input.reason, now().toISOString()).lastInsertRowid,
      );
      return toOverride(db.prepare('SELECT * FROM tier_overrides WHERE id = ?').get(id) as OverrideRow);
    },
  },
  'tiers/revoke': {
    kind: 'write',
    audit: { entity: (i) => entity(i.kind === 'approval' ? 'tier-approval' : 'tier-override', i.id) },
    run: ({ kind, id }, { db, now }) => {
      const table = kind === 'approval' ? 'tier_approvals' : 'tier_overrides';
      const info = db
        .prepare(`UPDATE ${table} SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`)
        .run(now().toISOString(), id);
      if (info.changes === 0)
        throw new AppError('NOT_FOUND', {
          zh: `找不到未撤销的${kind === 'approval' ? '特批' : '调整'}记录 ${id}`,
          en: `No standing ${kind === 'approval' ? 'approval' : 'adjustment'} record ${id}`,
        });
      return { ok: true as const };
    },
  },
});
