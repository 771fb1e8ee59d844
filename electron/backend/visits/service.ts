/**
 * 拜访 (R23): visits planned, held or not held (with the reason), and each key customer's monthly
 * obligation — account-manager visits or contacts by scope and tier in force (a province-approved
 * diamond by its own figure), of which only held ones count. DOMAIN-DECISIONS "Visits (R23)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  LeaderCheckView,
  LeaderVisitRow,
  VisitCompletionView,
  VisitManagerRef,
  VisitObligationRow,
  VisitView,
} from '../../../shared/api/types-visits';
import { bi } from '../../../shared/domain/bilingual';
import { localDate } from '../../../shared/domain/dates';
import { leaderVisitsRequired, monthlyVisitsRequired, visitShortfall } from '../../../shared/domain/duties';
import { lastDayOf, type Period, yearToDate } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { Scope, Tier } from '../../../shared/domain/tiers';
import { completionOf } from '../../../shared/domain/visits/completion';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers/rows';
import { findTierBasis, type MonthTier, monthTiers } from '../tiering/in-force';

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

function refuseFutureDay(date: string, now: Date): void {
  if (date > localDate(now))
    throw new AppError(
      'VALIDATION',
      bi(
        `拜访日期 ${date} 晚于今天，请填写实际拜访日期`,
        `The visit date ${date} is after today: enter the day it was held`,
      ),
      { issues: [{ path: 'date', message: '拜访日期不能晚于今天', messageEn: 'The date cannot be after today' }] },
    );
}

export interface VisitInput {
  customerId: string;
  date: string;
  kind: 'manager' | 'leader';
  status: VisitView['status'];
  managerId: number | null;
  purpose?: string | null | undefined;
  participants?: string | null | undefined;
  outcome?: string | null | undefined;
  reason?: string | null | undefined;
}

/** The checks a visit passes before it is written (the form, the CLI and a unit's template alike). */
export function checkVisit(db: Database, input: VisitInput, now: Date): void {
  getCustomerRow(db, input.customerId);
  if (input.status === 'not_held' && !input.reason)
    throw new AppError('VALIDATION', bi('未拜访须写明原因', 'A visit not held needs the reason'), {
      issues: [{ path: 'reason', message: '请填写未拜访原因', messageEn: 'Enter the reason' }],
    });
  // A visit is held (or not) on a day that has come; only a plan looks ahead.
  if (input.status !== 'planned') refuseFutureDay(input.date, now);
  if (input.managerId !== null && !db.prepare('SELECT 1 FROM managers WHERE id = ?').get(input.managerId))
    throw new AppError('NOT_FOUND', bi(`找不到客户经理 #${input.managerId}`, `No manager #${input.managerId}`));
}

/** Writes a checked visit; `batchId` when it came in a unit's template. */
export function insertVisit(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'actor'>,
  input: VisitInput,
  batchId: number | null = null,
): number {
  const at = ctx.now().toISOString();
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO visits (customer_id, visit_on, kind, status, manager_id, purpose, participants, outcome, reason,
           import_batch_id, recorded_at, recorded_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.customerId,
        input.date,
        input.kind,
        input.status,
        input.managerId,
        input.purpose ?? null,
        input.participants ?? null,
        input.outcome ?? null,
        input.reason ?? null,
        batchId,
        at,
        ctx.actor,
        at,
      ).lastInsertRowid,
  );
}

export function addVisit(ctx: Pick<HandlerContext, 'db' | 'now' | 'actor'>, input: VisitInput): VisitView {
  checkVisit(ctx.db, input, ctx.now());
  const id = insertVisit(ctx, input);
  return toView(ctx.db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as VisitRow);
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
 * What the obligations read that does not change from month to month — units, customers, each
 * grading run's scope and responsible unit — read once for a year to date of twelve months.
 * `customerId` narrows every read to one customer (its page).
 */
export class ObligationReads {
  private unitsRead?: Map<number, { code: string; name: string }>;
  private customersRead?: Map<string, { name: string; unitId: number }>;
  private runs = new Map<number, Map<string, { scope: Scope; unitId: number | null }>>();
  constructor(
    private readonly db: Database,
    readonly customerId: string | null = null,
  ) {}
  units(): Map<number, { code: string; name: string }> {
    this.unitsRead ??= new Map(
      (this.db.prepare('SELECT id, code, name FROM units').raw().all() as [number, string, string][]).map(
        ([id, code, name]) => [id, { code, name }],
      ),
    );
    return this.unitsRead;
  }
  customers(): Map<string, { name: string; unitId: number }> {
    this.customersRead ??= new Map(
      (
        this.db
          .prepare('SELECT id, name, unit_id FROM customers WHERE @id IS NULL OR id = @id')
          .raw()
          .all({ id: this.customerId }) as [string, string, number][]
      ).map(([id, name, unitId]) => [id, { name, unitId }]),
    );
    return this.customersRead;
  }
  /** R15: the run's scope and responsible unit per customer. */
  graded(runId: number): Map<string, { scope: Scope; unitId: number | null }> {
    let run = this.runs.get(runId);
    if (run === undefined) {
      run = new Map(
        (
          this.db
            .prepare(
              `SELECT customer_id, scope, responsible_unit_id FROM tier_results
               WHERE run_id = @runId AND (@id IS NULL OR customer_id = @id)`,
            )
            .raw()
            .all({ runId, id: this.customerId }) as [string, Scope, number | null][]
        ).map(([id, scope, unitId]) => [id, { scope, unitId }]),
      );
      this.runs.set(runId, run);
    }
    return run;
  }
}

/**
 * Every key customer's R23 obligation for `period`: the tier in force that month (at its end) and
 * the scope of the grading behind it; manager visits or contacts held in the month count (planned
 * and not held do not; leader-led visits are a yearly duty of their own). Managers are those in
 * force on `asOf`.
 */
/** One key customer's R23 figures for a month, before names, units and managers are added. */
export interface VisitRequirement {
  tier: Tier;
  scope: Scope;
  /** The run's responsible unit (R15), when it resolved one. */
  responsibleUnitId: number | null;
  required: number;
  held: number;
}

/**
 * R23 for a month, lean: each key customer's tier in force (at the month's end) and the scope of
 * the grading behind it, the manager visits or contacts required, and the held ones of the month
 * (planned and not held do not count; leader-led visits are a yearly duty of their own). The
 * scorecards read this for the whole city; visitObligations adds what a page shows.
 */
export function visitRequirements(
  db: Database,
  period: Period,
  policy: Pick<Policy, 'visits'>,
  reads: ObligationReads = new ObligationReads(db),
): Map<string, VisitRequirement> {
  const { customerId } = reads;
  const out = new Map<string, VisitRequirement>();
  const basis = findTierBasis(db, period);
  const tiers = monthTiers(db, basis, period, customerId === null ? undefined : [customerId]);
  if (tiers.size === 0) return out;
  const graded =
    basis === null ? new Map<string, { scope: Scope; unitId: number | null }>() : reads.graded(basis.runId);
  // Counted here rather than by GROUP BY: the month's rows come off the visit_on index in date
  // order, and sorting them by customer costs more than the count.
  const held = new Map<string, number>();
  for (const id of db
    .prepare(
      `SELECT customer_id FROM visits WHERE status = 'held' AND kind = 'manager'
         AND visit_on BETWEEN @from AND @to AND (@id IS NULL OR customer_id = @id)`,
    )
    .pluck()
    .all({ from: `${period}-01`, to: lastDayOf(period), id: customerId }) as string[])
    held.set(id, (held.get(id) ?? 0) + 1);
  for (const [id, t] of tiers) {
    if (t.tier === null) continue;
    const g = graded.get(id);
    const scope = g?.scope ?? 'regional';
    out.set(id, {
      tier: t.tier,
      scope,
      responsibleUnitId: g?.unitId ?? null,
      required: monthlyVisitsRequired(
        { tier: t.tier, scope, provinceApprovedDiamond: t.source === 'approval' && t.tier === 'diamond' },
        policy,
      ),
      held: held.get(id) ?? 0,
    });
  }
  return out;
}

/**
 * Every key customer's R23 obligation for `period` (visitRequirements) with its name, its home
 * and responsible units (R15: the run's, else its own) and the A/B managers in force on `asOf`.
 */
export function visitObligations(
  db: Database,
  period: Period,
  policy: Pick<Policy, 'visits'>,
  asOf: string = lastDayOf(period),
  reads: ObligationReads = new ObligationReads(db),
): VisitObligationRow[] {
  const { customerId } = reads;
  const requirements = visitRequirements(db, period, policy, reads);
  if (requirements.size === 0) return [];
  const units = reads.units();
  const customers = reads.customers();
  const managers = abManagersOn(db, asOf, customerId ?? undefined);
  const out: VisitObligationRow[] = [];
  for (const [id, r] of requirements) {
    const c = customers.get(id);
    const home = c === undefined ? undefined : units.get(c.unitId);
    const responsible = (r.responsibleUnitId === null ? undefined : units.get(r.responsibleUnitId)) ?? home;
    out.push({
      customerId: id,
      customerName: c?.name ?? id,
      unit: home?.code ?? '',
      unitName: home?.name ?? '',
      responsibleUnit: responsible?.code ?? '',
      responsibleUnitName: responsible?.name ?? '',
      managers: managers.get(id) ?? [],
      tier: r.tier,
      scope: r.scope,
      required: r.required,
      held: r.held,
      short: visitShortfall(r.required, r.held),
    });
  }
  return out.sort((a, b) => b.short - a.short || (a.customerId < b.customerId ? -1 : 1));
}

/** The day whose A/B managers answer for a month (R20): its last day, or today while it runs. */
export function managersAsOf(period: Period, today: string): string {
  return today.slice(0, 7) === period ? today : lastDayOf(period);
}

/**
 * Each customer's A and B managers in force on `date` (R20): rows held that day whose manager has
 * not left by it, one manager once (a manager holding both roles is listed as A).
 */
export function abManagersOn(db: Database, date: string, customerId?: string): Map<string, VisitManagerRef[]> {
  const rows = db
    .prepare(
      `SELECT cm.customer_id, cm.role, m.id, m.name FROM customer_managers cm JOIN managers m ON m.id = cm.manager_id
       WHERE cm.role IN ('A', 'B') AND cm.from_on <= @date AND (cm.to_on IS NULL OR cm.to_on > @date)
         AND (m.left_on IS NULL OR m.left_on > @date) AND (@customerId IS NULL OR cm.customer_id = @customerId)
       ORDER BY cm.customer_id, cm.role, cm.from_on, m.id`,
    )
    .raw()
    .all({ date, customerId: customerId ?? null }) as [string, 'A' | 'B', number, string][];
  const out = new Map<string, VisitManagerRef[]>();
  for (const [customer, role, id, name] of rows) {
    const list = out.get(customer) ?? [];
    if (!list.some((m) => m.id === id)) list.push({ id, name, role });
    out.set(customer, list);
  }
  return out;
}

/**
 * R23: a planned visit's result — held (participants and outcome, checked by the schema) or not
 * held (the reason). A visit already held or not held is refused: its record stands. The day
 * held is the planned day unless another is given, and never after today.
 */
export function recordVisit(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'actor'>,
  input: {
    id: number;
    status: 'held' | 'not_held';
    date: string | null;
    participants?: string | null | undefined;
    outcome?: string | null | undefined;
    reason?: string | null | undefined;
  },
): VisitView {
  const { db } = ctx;
  const row = db.prepare('SELECT status, visit_on FROM visits WHERE id = ?').get(input.id) as
    | { status: VisitView['status']; visit_on: string }
    | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', bi(`找不到拜访 #${input.id}`, `No visit #${input.id}`));
  if (row.status !== 'planned')
    throw new AppError(
      'CONFLICT',
      bi(
        `拜访 #${input.id} 已登记为${row.status === 'held' ? '已拜访' : '未拜访'}，不能再次登记结果`,
        `Visit #${input.id} is already recorded as ${row.status === 'held' ? 'held' : 'not held'}`,
      ),
    );
  const date = input.date ?? row.visit_on;
  refuseFutureDay(date, ctx.now());
  const held = input.status === 'held';
  db.prepare(
    `UPDATE visits SET status = ?, visit_on = ?, participants = ?, outcome = ?, reason = ?, updated_at = ?
     WHERE id = ? AND status = 'planned'`,
  ).run(
    input.status,
    date,
    held ? (input.participants ?? null) : null,
    held ? (input.outcome ?? null) : null,
    held ? null : (input.reason ?? null),
    ctx.now().toISOString(),
    input.id,
  );
  return toView(db.prepare(`${SELECT} WHERE v.id = ?`).get(input.id) as VisitRow);
}

/**
 * R23 completion for the month or the year to its end: each month's obligations (tier in force
 * that month, A/B managers on the month's last day or `today` if earlier) aggregated by
 * completionOf — held capped at each month's requirement.
 */
export function visitCompletion(
  db: Database,
  period: Period,
  span: 'month' | 'ytd',
  today: string,
  policyFor: (period: Period) => Pick<Policy, 'visits'>,
): VisitCompletionView {
  const months = span === 'month' ? [period] : yearToDate(period);
  const reads = new ObligationReads(db);
  const rows = months.flatMap((m) => {
    return visitObligations(db, m, policyFor(m), managersAsOf(m, today), reads).map((o) => ({
      customerId: o.customerId,
      customerName: o.customerName,
      tier: o.tier,
      required: o.required,
      held: o.held,
      unit: o.responsibleUnit,
      unitName: o.responsibleUnitName,
      managers: o.managers,
    }));
  });
  return {
    period,
    span,
    from: months[0] as string,
    to: period,
    ...completionOf(rows),
  };
}

/**
 * R23 leader-led visits (policy visits.leaderPerYear, 1–2): every key customer in force in the
 * month of `asOf` (general tier too: "every key customer"), with the held ones dated in the year
 * up to `asOf`; met once the minimum is held. Planned ones still open are shown beside.
 */
export function leaderCheck(
  db: Database,
  year: number,
  asOf: string,
  policy: Pick<Policy, 'visits'>,
  customerId: string | null = null,
): LeaderCheckView {
  const { min, max } = leaderVisitsRequired(policy);
  const yearEnd = `${year}-12-31`;
  const day = asOf > yearEnd ? yearEnd : asOf < `${year}-01-01` ? `${year}-01-01` : asOf;
  const month = day.slice(0, 7) as Period;
  const tiers: Map<string, MonthTier> = monthTiers(
    db,
    findTierBasis(db, month),
    month,
    customerId === null ? undefined : [customerId],
  );
  const counts = new Map(
    (
      db
        .prepare(
          `SELECT customer_id, sum(status = 'held' AND visit_on <= @day), sum(status = 'planned'),
             max(CASE WHEN status = 'held' AND visit_on <= @day THEN visit_on END)
           FROM visits WHERE kind = 'leader' AND visit_on BETWEEN @from AND @to AND (@id IS NULL OR customer_id = @id)
           GROUP BY customer_id`,
        )
        .raw()
        .all({ day, from: `${year}-01-01`, to: yearEnd, id: customerId }) as [string, number, number, string | null][]
    ).map(([id, held, planned, last]) => [id, { held, planned, last }]),
  );
  const customers = new Map(
    (
      db
        .prepare(
          'SELECT c.id, c.name, u.code, u.name FROM customers c JOIN units u ON u.id = c.unit_id WHERE @id IS NULL OR c.id = @id',
        )
        .raw()
        .all({ id: customerId }) as [string, string, string, string][]
    ).map(([id, name, code, unitName]) => [id, { name, code, unitName }]),
  );
  const rows: LeaderVisitRow[] = [];
  for (const [id, t] of tiers) {
    if (t.tier === null) continue;
    const c = customers.get(id);
    const n = counts.get(id);
    const held = n?.held ?? 0;
    rows.push({
      customerId: id,
      customerName: c?.name ?? id,
      unit: c?.code ?? '',
      unitName: c?.unitName ?? '',
      tier: t.tier,
      held,
      planned: n?.planned ?? 0,
      lastHeldOn: n?.last ?? null,
      min,
      max,
      met: held >= min,
    });
  }
  rows.sort((a, b) => Number(a.met) - Number(b.met) || (a.customerId < b.customerId ? -1 : 1));
  return { year, asOf: day, min, max, rows };
}
