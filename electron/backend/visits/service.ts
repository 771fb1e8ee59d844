/**
 * 拜访 (R23): visits planned, held or not held (with the reason), and each key customer's monthly
 * obligation — account-manager visits or contacts by scope and tier in force (a province-approved
 * diamond by its own figure), of which only held ones count. DOMAIN-DECISIONS "Visits (R23)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { VisitObligationView, VisitView } from '../../../shared/api/types-visits';
import { bi } from '../../../shared/domain/bilingual';
import { monthlyVisitsRequired, visitShortfall } from '../../../shared/domain/duties';
import { lastDayOf, type Period } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { Scope } from '../../../shared/domain/tiers';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers/rows';
import { findTierBasis, keyCustomersInForce } from '../tiering/in-force';

interface VisitRow {
  id: number;
  customer_id: string;
  customer_name: string;
  visit_on: string;
  kind: 'manager' | 'leader';
  status: VisitView['status'];
  manager_id: number | null;
  manager_name: string | null;
  purpose: string | null;
  participants: string | null;
  outcome: string | null;
  reason: string | null;
  recorded_by: string;
}

const SELECT = `SELECT v.*, c.name AS customer_name, m.name AS manager_name FROM visits v
  JOIN customers c ON c.id = v.customer_id LEFT JOIN managers m ON m.id = v.manager_id`;

const toView = (r: VisitRow): VisitView => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  date: r.visit_on,
  kind: r.kind,
  status: r.status,
  managerId: r.manager_id,
  managerName: r.manager_name,
  purpose: r.purpose,
  participants: r.participants,
  outcome: r.outcome,
  reason: r.reason,
  recordedBy: r.recorded_by,
});

export function addVisit(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'actor'>,
  input: {
    customerId: string;
    date: string;
    kind: 'manager' | 'leader';
    status: VisitView['status'];
    managerId: number | null;
    purpose?: string | null | undefined;
    participants?: string | null | undefined;
    outcome?: string | null | undefined;
    reason?: string | null | undefined;
  },
): VisitView {
  const { db } = ctx;
  const customer = getCustomerRow(db, input.customerId);
  if (input.status === 'not_held' && !input.reason)
    throw new AppError('VALIDATION', bi('未拜访须写明原因', 'A visit not held needs the reason'), {
      issues: [{ path: 'reason', message: '请填写未拜访原因', messageEn: 'Enter the reason' }],
    });
  if (input.managerId !== null && !db.prepare('SELECT 1 FROM managers WHERE id = ?').get(input.managerId))
    throw new AppError('NOT_FOUND', bi(`找不到客户经理 #${input.managerId}`, `No manager #${input.managerId}`));
  const at = ctx.now().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO visits (customer_id, visit_on, kind, status, manager_id, purpose, participants, outcome, reason,
           recorded_at, recorded_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        customer.id,
        input.date,
        input.kind,
        input.status,
        input.managerId,
        input.purpose ?? null,
        input.participants ?? null,
        input.outcome ?? null,
        input.reason ?? null,
        at,
        ctx.actor,
        at,
      ).lastInsertRowid,
  );
  return toView(db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as VisitRow);
}

export function listVisits(db: Database, filter: { customerId: string | null; period: Period | null }): VisitView[] {
  return (
    db
      .prepare(
        `${SELECT} WHERE (@customerId IS NULL OR v.customer_id = @customerId)
           AND (@period IS NULL OR substr(v.visit_on, 1, 7) = @period)
         ORDER BY v.visit_on DESC, v.id DESC LIMIT 2000`,
      )
      .all(filter) as VisitRow[]
  ).map(toView);
}

/**
 * Every key customer's R23 obligation for `period`: the tier in force that month and the scope of
 * the grading behind it; manager visits or contacts held in the month count (planned and not held
 * do not; leader-led visits are a yearly duty of their own).
 */
export function visitObligations(
  db: Database,
  period: Period,
  policy: Pick<Policy, 'visits'>,
  /** The month's tiers in force when the caller has read them already (keyCustomersInForce). */
  inForce?: ReturnType<typeof keyCustomersInForce>,
): VisitObligationView[] {
  const tiers = inForce ?? keyCustomersInForce(db, period);
  if (tiers.size === 0) return [];
  const basis = findTierBasis(db, period);
  const scopes = new Map<string, Scope>(
    basis === null
      ? []
      : (db.prepare('SELECT customer_id, scope FROM tier_results WHERE run_id = ?').raw().all(basis.runId) as [
          string,
          Scope,
        ][]),
  );
  // Counted here rather than by GROUP BY: the month's rows come off the visit_on index in date
  // order, and a sort of them by customer costs more than the count.
  const held = new Map<string, number>();
  for (const id of db
    .prepare(`SELECT customer_id FROM visits WHERE status = 'held' AND kind = 'manager' AND visit_on BETWEEN ? AND ?`)
    .pluck()
    .all(`${period}-01`, lastDayOf(period)) as string[])
    held.set(id, (held.get(id) ?? 0) + 1);
  const customers = new Map(
    (
      db.prepare('SELECT c.id, c.name, u.code FROM customers c JOIN units u ON u.id = c.unit_id').raw().all() as [
        string,
        string,
        string,
      ][]
    ).map(([id, name, code]) => [id, { name, code }]),
  );
  const out: VisitObligationView[] = [];
  for (const [id, t] of tiers) {
    if (t.tier === null) continue;
    const scope = scopes.get(id) ?? 'regional';
    const required = monthlyVisitsRequired(
      { tier: t.tier, scope, provinceApprovedDiamond: t.source === 'approval' && t.tier === 'diamond' },
      policy,
    );
    const done = held.get(id) ?? 0;
    const c = customers.get(id);
    out.push({
      customerId: id,
      customerName: c?.name ?? id,
      unit: c?.code ?? '',
      tier: t.tier,
      scope,
      required,
      held: done,
      short: visitShortfall(required, done),
    });
  }
  return out.sort((a, b) => b.short - a.short || (a.customerId < b.customerId ? -1 : 1));
}
