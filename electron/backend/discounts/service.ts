/**
 * 资费优惠 (R29): a request for a tariff discount (customer, tier in force, line, standard and
 * proposed rate, reason, validity) and its approval chain — the steps requiredSteps gives under the
 * policy in force on the day it is made, stored with the policy version — then one recorded
 * decision per step, in order. A rejection ends the request; the last approval makes it approved;
 * nothing is approved without a decision. DOMAIN-DECISIONS "Discounts (R29)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  DiscountDecisionKind,
  DiscountStatus,
  DiscountStepView,
  DiscountView,
} from '../../../shared/api/types-discounts';
import { type Bilingual, bi } from '../../../shared/domain/bilingual';
import { addDays, addMonthsClamped, localDate } from '../../../shared/domain/dates';
import { discountDepthBp, expectedMonthlyRevenue, requiredSteps } from '../../../shared/domain/discounts/approval';
import type { RevenueLine } from '../../../shared/domain/lines';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { Tier } from '../../../shared/domain/tiers';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers/rows';
import { findTierBasis, monthTiers } from '../tiering/in-force';

type Ctx = Pick<HandlerContext, 'db' | 'now' | 'actor' | 'policies'>;

interface RequestRow {
  id: number;
  customer_id: string;
  customer_name: string;
  unit_code: string;
  unit_name: string;
  tier: Tier | null;
  line: RevenueLine;
  rate_unit: string;
  standard_rate: number;
  proposed_rate: number;
  monthly_volume: number | null;
  reason: string;
  valid_from: string;
  valid_to: string;
  status: DiscountStatus;
  steps: string;
  policy_version: number;
  requested_on: string;
  requested_at: string;
  requested_by: string;
  closed_at: string | null;
  withdraw_reason: string | null;
}

interface DecisionRow {
  request_id: number;
  step: number;
  decision: DiscountDecisionKind;
  approver: string | null;
  comment: string | null;
  decided_at: string;
  recorded_by: string;
}

interface StoredStep {
  role: string;
  label: Bilingual;
  reasons: Bilingual[];
}

const SELECT = `SELECT d.*, c.name AS customer_name, u.code AS unit_code, u.name AS unit_name
  FROM discount_requests d JOIN customers c ON c.id = d.customer_id JOIN units u ON u.id = c.unit_id`;

function views(db: Database, rows: readonly RequestRow[]): DiscountView[] {
  if (rows.length === 0) return [];
  const decisions = new Map<number, DecisionRow[]>();
  const all = db
    .prepare(
      `SELECT request_id, step, decision, approver, comment, decided_at, recorded_by FROM discount_decisions
       WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY request_id, step`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as DecisionRow[];
  for (const d of all) {
    const list = decisions.get(d.request_id) ?? [];
    list.push(d);
    decisions.set(d.request_id, list);
  }
  return rows.map((r) => {
    const taken = decisions.get(r.id) ?? [];
    const steps: DiscountStepView[] = (JSON.parse(r.steps) as StoredStep[]).map((s, index) => {
      const d = taken.find((x) => x.step === index);
      return {
        index,
        role: s.role,
        label: s.label,
        reasons: s.reasons,
        decision: d
          ? {
              decision: d.decision,
              approver: d.approver,
              comment: d.comment,
              at: d.decided_at,
              recordedBy: d.recorded_by,
            }
          : null,
      };
    });
    return {
      id: r.id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      unit: r.unit_code,
      unitName: r.unit_name,
      tier: r.tier,
      line: r.line,
      rateUnit: r.rate_unit,
      standardRate: r.standard_rate,
      proposedRate: r.proposed_rate,
      depthBp: discountDepthBp(r.standard_rate, r.proposed_rate),
      monthlyVolume: r.monthly_volume,
      monthlyRevenue: expectedMonthlyRevenue(r.proposed_rate, r.monthly_volume),
      reason: r.reason,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      status: r.status,
      policyVersion: r.policy_version,
      steps,
      currentStep: r.status === 'pending' ? taken.length : null,
      requestedOn: r.requested_on,
      requestedAt: r.requested_at,
      requestedBy: r.requested_by,
      closedAt: r.closed_at,
      withdrawReason: r.withdraw_reason,
    };
  });
}

function row(db: Database, id: number): RequestRow {
  const r = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as RequestRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', bi(`找不到资费优惠申请 #${id}`, `No discount request #${id}`));
  return r;
}

export function getDiscount(db: Database, id: number): DiscountView {
  return views(db, [row(db, id)])[0] as DiscountView;
}

/** A refusal that lands on one field of the form. */
function fieldError(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION', bi(zh, en), { issues: [{ path, message: zh, messageEn: en }] });
}

export interface DiscountInput {
  customerId: string;
  line: RevenueLine;
  rateUnit: string;
  standardRate: number;
  proposedRate: number;
  monthlyVolume: number | null;
  reason: string;
  validFrom: string;
  validTo: string;
}

/**
 * The checks a request passes before it is written (the form, the CLI and a unit's template
 * alike), and what it is written with: the tier in force and, R29, the chain fixed now under the
 * policy in force `today` — never empty.
 */
export function checkDiscount(
  db: Database,
  policy: Policy,
  today: string,
  input: DiscountInput,
): { tier: Tier | null; steps: StoredStep[] } {
  const customer = getCustomerRow(db, input.customerId);
  if (input.proposedRate >= input.standardRate)
    throw fieldError('proposedRate', '优惠资费应低于标准资费', 'The proposed rate must be below the standard rate');
  if (input.validTo < input.validFrom)
    throw fieldError('validTo', '有效期止不能早于有效期起', 'The end cannot be before the start');
  if (input.validTo < today)
    throw fieldError('validTo', `有效期止 ${input.validTo} 已过`, `The end ${input.validTo} has passed`);
  const months = policy.discounts.maxValidityMonths;
  const latestEnd = addDays(addMonthsClamped(input.validFrom, months), -1);
  if (input.validTo > latestEnd)
    throw fieldError(
      'validTo',
      `有效期最长 ${months} 个月：有效期止不能晚于 ${latestEnd}`,
      `At most ${months} months: the end cannot be after ${latestEnd}`,
    );
  // One discount per customer and line at a time: a request overlapping a pending or approved one is refused.
  const overlap = db
    .prepare(
      `SELECT id, status, valid_from, valid_to FROM discount_requests
       WHERE customer_id = ? AND line = ? AND status IN ('pending', 'approved') AND valid_from <= ? AND valid_to >= ?
       ORDER BY id LIMIT 1`,
    )
    .get(customer.id, input.line, input.validTo, input.validFrom) as
    | { id: number; status: 'pending' | 'approved'; valid_from: string; valid_to: string }
    | undefined;
  if (overlap) {
    const state = overlap.status === 'pending' ? '审批中' : '已批准';
    throw new AppError(
      'CONFLICT',
      bi(
        `该客户该业务已有${state}的资费优惠 #${overlap.id}（${overlap.valid_from} 至 ${overlap.valid_to}），有效期不能重叠`,
        `Discount #${overlap.id} (${overlap.status}, ${overlap.valid_from} to ${overlap.valid_to}) covers the same line and dates`,
      ),
      {
        issues: [
          {
            path: 'validFrom',
            message: `与资费优惠 #${overlap.id} 的有效期重叠`,
            messageEn: `Overlaps #${overlap.id}`,
          },
        ],
      },
    );
  }
  const period = today.slice(0, 7);
  const tier = monthTiers(db, findTierBasis(db, period), period, [customer.id]).get(customer.id)?.tier ?? null;
  // R29: the chain is fixed now, under the policy in force today, and never empty.
  const steps = requiredSteps(
    { standard: input.standardRate, proposed: input.proposedRate, tier, monthlyVolume: input.monthlyVolume },
    policy,
  );
  return { tier, steps };
}

/** Writes a checked request, pending its first step; `batchId` when it came in a unit's template. */
export function insertDiscount(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'actor'>,
  policy: Policy,
  today: string,
  input: DiscountInput,
  checked: { tier: Tier | null; steps: StoredStep[] },
  batchId: number | null = null,
): number {
  const at = ctx.now().toISOString();
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO discount_requests (customer_id, tier, line, rate_unit, standard_rate, proposed_rate, monthly_volume,
           reason, valid_from, valid_to, status, steps, policy_version, requested_on, requested_at, requested_by, updated_at,
           import_batch_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.customerId,
        checked.tier,
        input.line,
        input.rateUnit,
        input.standardRate,
        input.proposedRate,
        input.monthlyVolume,
        input.reason,
        input.validFrom,
        input.validTo,
        JSON.stringify(checked.steps),
        policy.version,
        today,
        at,
        ctx.actor,
        at,
        batchId,
      ).lastInsertRowid,
  );
}

export function addDiscount(ctx: Ctx, input: DiscountInput): DiscountView {
  const today = localDate(ctx.now());
  const policy = ctx.policies.forDate(today);
  const checked = checkDiscount(ctx.db, policy, today, input);
  return getDiscount(ctx.db, insertDiscount(ctx, policy, today, input, checked));
}

/**
 * The next step's decision. Steps are taken in order (`step`, when given, must be the one waiting:
 * the officer decided what was shown); a rejection needs a comment and ends the request; the last
 * approval approves it.
 */
export function decideDiscount(
  ctx: Ctx,
  input: {
    id: number;
    decision: DiscountDecisionKind;
    step: number | null;
    approver?: string | null | undefined;
    comment?: string | null | undefined;
  },
): DiscountView {
  const { db } = ctx;
  const r = row(db, input.id);
  if (r.status !== 'pending')
    throw new AppError(
      'CONFLICT',
      bi(`资费优惠申请 #${r.id} 已结束审批`, `Discount request #${r.id} is no longer pending`),
    );
  const steps = JSON.parse(r.steps) as StoredStep[];
  const next = db.prepare('SELECT count(*) FROM discount_decisions WHERE request_id = ?').pluck().get(r.id) as number;
  const step = steps[next];
  if (step === undefined) throw new Error(`R29: request #${r.id} is pending with every step decided`);
  if (input.step !== null && input.step !== next)
    throw new AppError(
      'CONFLICT',
      bi(
        `资费优惠申请 #${r.id} 当前待第 ${next + 1} 步（${step.label.zh}）审批`,
        `Request #${r.id} is waiting for step ${next + 1} (${step.label.en})`,
      ),
    );
  if (input.decision === 'reject' && !input.comment)
    throw fieldError('comment', '驳回须填写审批意见', 'A rejection needs a comment');
  const at = ctx.now().toISOString();
  db.prepare(
    `INSERT INTO discount_decisions (request_id, step, role, decision, approver, comment, decided_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, next, step.role, input.decision, input.approver ?? null, input.comment ?? null, at, ctx.actor);
  const status: DiscountStatus =
    input.decision === 'reject' ? 'rejected' : next === steps.length - 1 ? 'approved' : 'pending';
  db.prepare('UPDATE discount_requests SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?').run(
    status,
    status === 'pending' ? null : at,
    at,
    r.id,
  );
  return getDiscount(db, r.id);
}

/** The requesting unit takes a pending request back, with its reason (decisions taken stay recorded). */
export function withdrawDiscount(ctx: Ctx, input: { id: number; reason: string }): DiscountView {
  const { db } = ctx;
  const r = row(db, input.id);
  if (r.status !== 'pending')
    throw new AppError(
      'CONFLICT',
      bi(`资费优惠申请 #${r.id} 已结束审批`, `Discount request #${r.id} is no longer pending`),
    );
  const at = ctx.now().toISOString();
  db.prepare(
    "UPDATE discount_requests SET status = 'withdrawn', closed_at = ?, withdraw_reason = ?, updated_at = ? WHERE id = ?",
  ).run(at, input.reason, at, r.id);
  return getDiscount(db, r.id);
}

export function listDiscounts(
  db: Database,
  filter: { customerId: string | null; status: DiscountStatus | null; unitCode: string | null },
): DiscountView[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE (@customerId IS NULL OR d.customer_id = @customerId) AND (@status IS NULL OR d.status = @status)
         AND (@unitCode IS NULL OR u.code = @unitCode)
       ORDER BY d.status <> 'pending', d.requested_at DESC, d.id DESC LIMIT 2000`,
    )
    .all(filter) as RequestRow[];
  return views(db, rows);
}
