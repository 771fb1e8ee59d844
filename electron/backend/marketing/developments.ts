/**
 * 开发项目 (R21–R22): an opportunity per customer and line moving through the stages of
 * shared/domain/marketing/development.ts. A win is the agreement that confirms the registration's
 * ownership clock (R19c) and qualifies the customer (R5): it records the customer's agreement date
 * when it had none (or a later one). It also hands the lead from the A to the B manager (R20).
 * DOMAIN-DECISIONS "Developments and marketing logs (R21–R22)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { DevelopmentMoveResult, DevelopmentView } from '../../../shared/api/types-marketing';
import { bi } from '../../../shared/domain/bilingual';
import { localDate } from '../../../shared/domain/dates';
import type { RevenueLine } from '../../../shared/domain/lines';
import {
  checkMove,
  type DevelopmentStage,
  type DevelopmentStatus,
  missingEntryWarning,
  STAGE_NAMES,
  stuckSince,
} from '../../../shared/domain/marketing/development';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers/rows';
import { tiersOn } from './tier';

type Ctx = Pick<HandlerContext, 'db' | 'now' | 'actor'> & { policy: Pick<Policy, 'marketing'> };

interface DevelopmentRow {
  id: number;
  customer_id: string;
  customer_name: string;
  unit_code: string;
  line: RevenueLine;
  title: string | null;
  stage: DevelopmentStage;
  status: DevelopmentStatus;
  expected_revenue_fen: number | null;
  expected_on: string | null;
  opened_on: string;
  closed_on: string | null;
  lost_reason: string | null;
  manager_id: number | null;
  manager_name: string | null;
  last_move: string | null;
  last_log: string | null;
}

const SELECT = `SELECT d.*, c.name AS customer_name, u.code AS unit_code, m.name AS manager_name,
    (SELECT max(moved_on) FROM development_moves WHERE development_id = d.id) AS last_move,
    (SELECT max(log_on) FROM marketing_logs WHERE development_id = d.id) AS last_log
  FROM developments d JOIN customers c ON c.id = d.customer_id JOIN units u ON u.id = c.unit_id
  LEFT JOIN managers m ON m.id = d.manager_id`;

function views(db: Database, rows: readonly DevelopmentRow[], today: string, policy: Ctx['policy']): DevelopmentView[] {
  if (rows.length === 0) return [];
  const tiers = tiersOn(
    db,
    today,
    rows.map((r) => r.customer_id),
  );
  const ids = JSON.stringify(rows.map((r) => r.id));
  const moves = new Map<number, DevelopmentView['moves']>();
  for (const m of db
    .prepare(
      `SELECT development_id, stage, moved_on, override_reason, recorded_by FROM development_moves
       WHERE development_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(ids) as {
    development_id: number;
    stage: DevelopmentStage | 'lost';
    moved_on: string;
    override_reason: string | null;
    recorded_by: string;
  }[]) {
    const list = moves.get(m.development_id) ?? [];
    list.push({ stage: m.stage, on: m.moved_on, overrideReason: m.override_reason, recordedBy: m.recorded_by });
    moves.set(m.development_id, list);
  }
  const entries = new Map<number, DevelopmentView['entries']>();
  for (const [devId, stage, n] of db
    .prepare(
      `SELECT development_id, stage, count(*) FROM marketing_logs
       WHERE development_id IN (SELECT value FROM json_each(?)) GROUP BY development_id, stage`,
    )
    .raw()
    .all(ids) as [number, DevelopmentStage, number][]) {
    const e = entries.get(devId) ?? {};
    e[stage] = n;
    entries.set(devId, e);
  }
  return rows.map((r) => {
    const tier = tiers.get(r.customer_id) ?? null;
    const lastActivity = [r.opened_on, r.last_move, r.last_log].reduce<string>(
      (a, b) => (b !== null && b > a ? b : a),
      r.opened_on,
    );
    return {
      id: r.id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      tier,
      unit: r.unit_code,
      line: r.line,
      title: r.title,
      stage: r.stage,
      status: r.status,
      expectedRevenueFen: r.expected_revenue_fen,
      expectedOn: r.expected_on,
      openedOn: r.opened_on,
      closedOn: r.closed_on,
      lostReason: r.lost_reason,
      managerId: r.manager_id,
      managerName: r.manager_name,
      moves: moves.get(r.id) ?? [],
      entries: entries.get(r.id) ?? {},
      lastActivity,
      stuckSince: r.status === 'open' ? stuckSince(lastActivity, tier, today, policy.marketing.stuckDays) : null,
    };
  });
}

function getRow(db: Database, id: number): DevelopmentRow {
  const row = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DevelopmentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', bi(`找不到开发项目 #${id}`, `No development #${id}`), { id });
  return row;
}

export function developmentView(ctx: Ctx, id: number, today: string): DevelopmentView {
  return views(ctx.db, [getRow(ctx.db, id)], today, ctx.policy)[0] as DevelopmentView;
}

function checkManager(db: Database, managerId: number | null): void {
  if (managerId !== null && !db.prepare('SELECT 1 FROM managers WHERE id = ?').get(managerId))
    throw new AppError('NOT_FOUND', bi(`找不到客户经理 #${managerId}`, `No manager #${managerId}`), {
      issues: [{ path: 'managerId', message: `找不到客户经理 #${managerId}`, messageEn: `No manager #${managerId}` }],
    });
}

export function addDevelopment(
  ctx: Ctx,
  input: {
    customerId: string;
    line: RevenueLine;
    title?: string | null | undefined;
    expectedRevenueFen: number | null;
    expectedOn: string | null;
    managerId: number | null;
    date: string | null;
  },
): DevelopmentView {
  const { db } = ctx;
  getCustomerRow(db, input.customerId);
  checkManager(db, input.managerId);
  const today = input.date ?? localDate(ctx.now());
  const open = db
    .prepare("SELECT id FROM developments WHERE customer_id = ? AND line = ? AND status = 'open'")
    .pluck()
    .get(input.customerId, input.line) as number | undefined;
  // One opportunity per customer and line at a time: a second would split the log entries.
  if (open !== undefined)
    throw new AppError(
      'CONFLICT',
      bi(
        `该客户在这项业务上已有进行中的开发项目 #${open}，请在其上继续`,
        `The customer already has an open development #${open} on this line`,
      ),
      { id: open },
    );
  const at = ctx.now().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO developments (customer_id, line, title, stage, status, expected_revenue_fen, expected_on, opened_on,
           manager_id, recorded_at, recorded_by, updated_at) VALUES (?, ?, ?, 'contact', 'open', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.customerId,
        input.line,
        input.title ?? null,
        input.expectedRevenueFen,
        input.expectedOn,
        today,
        input.managerId,
        at,
        ctx.actor,
        at,
      ).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO development_moves (development_id, stage, moved_on, recorded_at, recorded_by) VALUES (?, 'contact', ?, ?, ?)`,
  ).run(id, today, at, ctx.actor);
  return developmentView(ctx, id, today);
}

/** R20: on a win the lead passes from A to B when a B manager is in post; otherwise says why not. */
function leadToB(ctx: Ctx, customerId: string, on: string, developmentId: number): DevelopmentMoveResult['leadToB'] {
  const { db } = ctx;
  const latest = db
    .prepare('SELECT lead_role FROM customer_leads WHERE customer_id = ? ORDER BY from_on DESC, id DESC LIMIT 1')
    .pluck()
    .get(customerId) as 'A' | 'B' | undefined;
  if (latest === 'B') return null;
  const b = db
    .prepare(
      `SELECT count(*) FROM customer_managers WHERE customer_id = ? AND role = 'B' AND from_on <= ? AND (to_on IS NULL OR to_on > ?)`,
    )
    .pluck()
    .get(customerId, on, on) as number;
  if (b === 0)
    return {
      moved: false,
      reason: bi(
        '该客户没有B角客户经理，仍由A角牵头：请指定B角后改由B角维护',
        'The customer has no B manager, so A still leads: assign a B manager to take over maintenance',
      ),
    };
  const lastOn = db.prepare('SELECT max(from_on) FROM customer_leads WHERE customer_id = ?').pluck().get(customerId) as
    | string
    | null;
  db.prepare(
    'INSERT INTO customer_leads (customer_id, lead_role, from_on, reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    customerId,
    'B',
    lastOn !== null && lastOn > on ? lastOn : on,
    `开发项目 #${developmentId} 签约，转由B角维护（R20）`,
    ctx.now().toISOString(),
    ctx.actor,
  );
  return { moved: true };
}

export function moveDevelopment(
  ctx: Ctx,
  input: { id: number; to: DevelopmentStage | 'lost'; reason?: string | null | undefined; date: string | null },
): DevelopmentMoveResult {
  const { db } = ctx;
  const row = getRow(db, input.id);
  const on = input.date ?? localDate(ctx.now());
  const reason = input.reason ?? null;
  const lastMove = db
    .prepare('SELECT max(moved_on) FROM development_moves WHERE development_id = ?')
    .pluck()
    .get(row.id) as string;
  if (on < lastMove)
    throw new AppError(
      'VALIDATION',
      bi(`日期不能早于上一阶段的日期 ${lastMove}`, `The date cannot be before the last stage’s ${lastMove}`),
      { issues: [{ path: 'date', message: `不能早于 ${lastMove}`, messageEn: `Not before ${lastMove}` }] },
    );
  const tier = tiersOn(db, on, [row.customer_id]).get(row.customer_id) ?? null;
  const inStage = db
    .prepare('SELECT count(*) FROM marketing_logs WHERE development_id = ? AND stage = ?')
    .pluck()
    .get(row.id, row.stage) as number;
  const check = checkMove(row.stage, row.status, input.to, tier, inStage);
  if (!check.ok) throw new AppError('CONFLICT', check.problem);
  if (input.to === 'lost' && reason === null)
    throw new AppError('VALIDATION', bi('请填写未成原因', 'Enter why it was lost'), {
      issues: [{ path: 'reason', message: '请填写未成原因', messageEn: 'Enter why it was lost' }],
    });
  if (check.needsReason && reason === null)
    throw new AppError('CONFLICT', missingEntryWarning(row.stage), {
      needsReason: true,
      stage: row.stage,
      issues: [
        { path: 'reason', message: missingEntryWarning(row.stage).zh, messageEn: missingEntryWarning(row.stage).en },
      ],
    });
  const at = ctx.now().toISOString();
  db.prepare(
    `INSERT INTO development_moves (development_id, stage, moved_on, override_reason, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(row.id, input.to, on, check.needsReason ? reason : null, at, ctx.actor);
  if (input.to === 'lost') {
    db.prepare(
      "UPDATE developments SET status = 'lost', closed_on = ?, lost_reason = ?, updated_at = ? WHERE id = ?",
    ).run(on, reason, at, row.id);
    return { development: developmentView(ctx, row.id, on), agreementSince: null, leadToB: null };
  }
  db.prepare('UPDATE developments SET stage = ?, status = ?, closed_on = ?, updated_at = ? WHERE id = ?').run(
    input.to,
    check.won ? 'won' : 'open',
    check.won ? on : null,
    at,
    row.id,
  );
  if (!check.won) return { development: developmentView(ctx, row.id, on), agreementSince: null, leadToB: null };
  // R5/R19c: the first agreement is the customer's agreement date; a later win keeps the earlier one.
  const since = db.prepare('SELECT agreement_since FROM customers WHERE id = ?').pluck().get(row.customer_id) as
    | string
    | null;
  let agreementSince: string | null = null;
  if (since === null || since > on) {
    db.prepare('UPDATE customers SET agreement_since = ?, updated_at = ? WHERE id = ?').run(on, at, row.customer_id);
    agreementSince = on;
  }
  return {
    development: developmentView(ctx, row.id, on),
    agreementSince,
    leadToB: leadToB(ctx, row.customer_id, on, row.id),
  };
}

export function listDevelopments(
  ctx: Ctx,
  filter: { customerId: string | null; status: DevelopmentStatus | null; unitCode: string | null; date: string | null },
): DevelopmentView[] {
  const rows = ctx.db
    .prepare(
      `${SELECT} WHERE (@customerId IS NULL OR d.customer_id = @customerId)
         AND (@status IS NULL OR d.status = @status) AND (@unitCode IS NULL OR u.code = @unitCode)
       ORDER BY (d.status = 'open') DESC, d.opened_on DESC, d.id DESC LIMIT 2000`,
    )
    .all({ customerId: filter.customerId, status: filter.status, unitCode: filter.unitCode }) as DevelopmentRow[];
  return views(ctx.db, rows, filter.date ?? localDate(ctx.now()), ctx.policy);
}

export const stageName = (s: DevelopmentStage | 'lost') => (s === 'lost' ? { zh: '未成', en: 'Lost' } : STAGE_NAMES[s]);
