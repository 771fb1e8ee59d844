/**
 * R20: who serves a customer — A and B managers (silver and above must have both), the named person
 * responsible (专人) for gold, the lead (A while developing, B once won), a project team across
 * units — and moving a departing manager's customers to another in one transaction. Rows are ended
 * (to_on: the first day no longer held), never deleted. DOMAIN-DECISIONS "Archives and managers".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  AssignmentProblemRow,
  AssignmentsView,
  CustomerManagerRole,
  CustomerManagerRow,
  ReassignView,
  TeamMemberView,
} from '../../../shared/api/types-archives';
import { bi } from '../../../shared/domain/bilingual';
import { localDate } from '../../../shared/domain/dates';
import { abRoleProblems } from '../../../shared/domain/duties';
import type { Period } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import { TIER_NAMES_ZH, type Tier } from '../../../shared/domain/tiers';
import { forEachTierSince } from '../archives/tier-spans';
import { entity } from '../audit/entities';
import type { HandlerContext } from '../context';
import { getManager } from '../organisation/rows';
import { defineHandlers } from '../registry';
import { findTierBasis, monthTiers } from '../tiering/in-force';

export const ROLE_NAMES_ZH: Record<CustomerManagerRole, string> = { A: 'A角', B: 'B角', responsible: '专人' };

interface Row {
  id: number;
  customer_id: string;
  role: CustomerManagerRole;
  manager_id: number;
  manager_name: string;
  left_on: string | null;
  unit_id: number;
  unit_name: string;
  from_on: string;
  to_on: string | null;
  ended_reason: string | null;
}

const ROW_SELECT = `SELECT cm.id, cm.customer_id, cm.role, cm.manager_id, m.name AS manager_name, m.left_on,
    m.unit_id, u.name AS unit_name, cm.from_on, cm.to_on, cm.ended_reason
  FROM customer_managers cm JOIN managers m ON m.id = cm.manager_id JOIN units u ON u.id = m.unit_id`;

const toRow = (r: Row): CustomerManagerRow => ({
  id: r.id,
  role: r.role,
  managerId: r.manager_id,
  managerName: r.manager_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  fromOn: r.from_on,
  toOn: r.to_on,
  endedReason: r.ended_reason,
});

const heldOn = (r: { from_on: string; to_on: string | null }, date: string) =>
  r.from_on <= date && (r.to_on === null || r.to_on > date);

function customerOf(db: Database, id: string): string {
  const name = db.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(id) as string | undefined;
  if (name === undefined) throw new AppError('NOT_FOUND', bi(`找不到客户 ${id}`, `No customer ${id}`));
  return name;
}

function tierOn(db: Database, customerId: string | null, date: string): Map<string, Tier> {
  const period = date.slice(0, 7) as Period;
  const tiers = monthTiers(db, findTierBasis(db, period), period, customerId === null ? undefined : [customerId]);
  const out = new Map<string, Tier>();
  for (const [id, t] of tiers) if (t.tier !== null) out.set(id, t.tier);
  return out;
}

/** R20 problems of one customer's holders on a date (a departed manager no longer holds a role). */
export function assignmentProblems(
  tier: Tier,
  held: readonly { role: CustomerManagerRole; manager_id: number; manager_name: string; left_on: string | null }[],
  date: string,
  policy: Pick<Policy, 'abRoleTiers'>,
): string[] {
  const problems: string[] = [];
  const active = held.filter((h) => h.left_on === null || h.left_on > date);
  for (const h of held.filter((x) => !active.includes(x)))
    problems.push(`${ROLE_NAMES_ZH[h.role]}客户经理 ${h.manager_name} 已于 ${h.left_on} 离岗，请重新指定`);
  const ab = active
    .filter((h) => h.role === 'A' || h.role === 'B')
    .map((h) => ({ role: h.role as 'A' | 'B', managerId: h.manager_id }));
  problems.push(...abRoleProblems({ tier, managers: ab }, policy));
  if (tier === 'gold' && !active.some((h) => h.role === 'responsible'))
    problems.push(`缺少专人负责：${TIER_NAMES_ZH.gold}客户须指定专人负责（R20）`);
  return problems;
}

function teamOf(db: Database, customerId: string): TeamMemberView[] {
  const rows = db
    .prepare(
      `SELECT t.*, u.name AS unit_name, m.name AS manager_name FROM customer_team_members t
       JOIN units u ON u.id = t.unit_id LEFT JOIN managers m ON m.id = t.manager_id
       WHERE t.customer_id = ? ORDER BY t.from_on, t.id`,
    )
    .all(customerId) as {
    id: number;
    customer_id: string;
    unit_id: number;
    unit_name: string;
    manager_id: number | null;
    manager_name: string | null;
    purpose: string;
    source: 'project' | 'application';
    from_on: string;
    to_on: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    managerId: r.manager_id,
    managerName: r.manager_name,
    purpose: r.purpose,
    source: r.source,
    fromOn: r.from_on,
    toOn: r.to_on,
  }));
}

function assignmentsView(ctx: HandlerContext, customerId: string, date?: string | null): AssignmentsView {
  const { db } = ctx;
  const name = customerOf(db, customerId);
  const asOf = date ?? localDate(ctx.now());
  const rows = db
    .prepare(`${ROW_SELECT} WHERE cm.customer_id = ? ORDER BY cm.from_on DESC, cm.id DESC`)
    .all(customerId) as Row[];
  const held = rows.filter((r) => heldOn(r, asOf));
  const tier = tierOn(db, customerId, asOf).get(customerId) ?? null;
  const lead = db
    .prepare(
      'SELECT lead_role, from_on, reason FROM customer_leads WHERE customer_id = ? AND from_on <= ? ORDER BY from_on DESC, id DESC LIMIT 1',
    )
    .get(customerId, asOf) as { lead_role: 'A' | 'B'; from_on: string; reason: string } | undefined;
  return {
    customerId,
    customerName: name,
    asOf,
    tier,
    current: held.map(toRow),
    history: rows.map(toRow),
    lead: lead ? { role: lead.lead_role, fromOn: lead.from_on, reason: lead.reason } : null,
    problems: tier === null ? [] : assignmentProblems(tier, held, asOf, ctx.policies.forDate(asOf)),
    team: teamOf(db, customerId),
  };
}

function activeManagerOn(db: Database, managerId: number, on: string) {
  const m = getManager(db, managerId);
  if (m.leftOn !== null && m.leftOn <= on)
    throw new AppError('CONFLICT', bi(`${m.name} 已于 ${m.leftOn} 离岗`, `${m.name} left on ${m.leftOn}`), {
      managerId,
    });
  return m;
}

function refuseEarlier(current: { from_on: string }, on: string): void {
  if (on < current.from_on)
    throw new AppError(
      'VALIDATION',
      bi(
        `日期不能早于现任的起始日期 ${current.from_on}`,
        `The date cannot be before the current holder's start ${current.from_on}`,
      ),
    );
}

/** A role held on a date: customer, role, manager. */
export type HeldRole = readonly [customerId: string, role: CustomerManagerRole, managerId: number];

/**
 * SQL for the roles a customer holds on `@today`, packed as "role managerId" pairs in the order of
 * the (customer_id, from_on, to_on, role, manager_id) index, the order its page and the problems
 * list them in (null: none). One seek a customer in that index: a reader of every customer takes
 * them in the same pass as its other columns instead of a row per role (20,000 customers hold
 * ~30,000 roles); `customer` names the column holding the customer's ID.
 */
export const heldRolesSql = (customer: string): string =>
  `(SELECT group_concat(role || ' ' || manager_id, ' ' ORDER BY from_on, to_on, role, manager_id)
    FROM customer_managers WHERE customer_id = ${customer} AND from_on <= @today AND (to_on IS NULL OR to_on > @today))`;

/** heldRolesSql's answer for one customer, one role a tuple. */
export function unpackHeldRoles(customerId: string, packed: string | null): HeldRole[] {
  if (packed === null) return [];
  const parts = packed.split(' ');
  // Made at its length (one grown by push reserves sixteen places): 20,000 a read.
  const out = new Array<HeldRole>(parts.length >> 1);
  for (let i = 0; i < out.length; i++)
    out[i] = [customerId, parts[2 * i] as CustomerManagerRole, Number(parts[2 * i + 1])];
  return out;
}

/** Managers who have left by `date` (R20: they no longer hold a role), with their name and day. */
function departedBy(db: Database, date: string): Map<number, { name: string; leftOn: string }> {
  const out = new Map<number, { name: string; leftOn: string }>();
  for (const [id, name, leftOn] of db
    .prepare('SELECT id, name, left_on FROM managers WHERE left_on IS NOT NULL AND left_on <= ?')
    .raw()
    .all(date) as [number, string, string][])
    out.set(id, { name, leftOn });
  return out;
}

/**
 * R20 problems of one customer after another on `date`: a function of the customer's tier and the
 * roles it holds (heldRolesSql), the same words as assignmentProblems. Most customers are ordinary
 * — nobody departed, at most one A and one B and they differ — and their problems depend only on
 * the tier and which roles are filled, so those are worked out once per combination (the answer
 * is shared: copy it before changing it).
 */
export function roleProblemChecker(
  db: Database,
  date: string,
  policy: Pick<Policy, 'abRoleTiers'>,
): (tier: Tier, roles: readonly HeldRole[] | undefined) => readonly string[] {
  const departed = departedBy(db, date);
  // By tier, then A, B and 专人 filled or not (three bits): no key built per customer.
  const memo = new Map<Tier, (string[] | undefined)[]>();
  const noRoles: readonly HeldRole[] = [];
  return (tier, roles = noRoles) => {
    let a = 0;
    let b = 0;
    let r = 0;
    let odd = false;
    let aManager = 0;
    let bManager = 0;
    for (const [, role, managerId] of roles) {
      if (departed.has(managerId)) odd = true;
      if (role === 'A') {
        a++;
        aManager = managerId;
      } else if (role === 'B') {
        b++;
        bManager = managerId;
      } else r++;
    }
    if (a > 1 || b > 1 || (a === 1 && b === 1 && aManager === bManager)) odd = true;
    if (odd) {
      // Only a departed holder's name and day reach the words; the others' are never shown.
      const holders = roles.map(([, role, managerId]) => {
        const left = departed.get(managerId);
        return { role, manager_id: managerId, manager_name: left?.name ?? '', left_on: left?.leftOn ?? null };
      });
      return assignmentProblems(tier, holders, date, policy);
    }
    let byTier = memo.get(tier);
    if (byTier === undefined) {
      byTier = [];
      memo.set(tier, byTier);
    }
    const key = a * 4 + b * 2 + (r > 0 ? 1 : 0);
    const known = byTier[key];
    if (known) return known;
    // Stand-in holders: distinct ids, so only "missing" problems can arise.
    const standIns = [
      ...(a > 0 ? [{ role: 'A' as const, manager_id: -1, manager_name: '', left_on: null }] : []),
      ...(b > 0 ? [{ role: 'B' as const, manager_id: -2, manager_name: '', left_on: null }] : []),
      ...(r > 0 ? [{ role: 'responsible' as const, manager_id: -3, manager_name: '', left_on: null }] : []),
    ];
    const problems = assignmentProblems(tier, standIns, date, policy);
    byTier[key] = problems;
    return problems;
  };
}

/** All customers' R20 problems on a date (assignments/problems), in customer ID order. */
export function allAssignmentProblems(
  db: Database,
  policy: Pick<Policy, 'abRoleTiers'>,
  date: string,
): AssignmentProblemRow[] {
  const problemsOf = roleProblemChecker(db, date, policy);
  const out: AssignmentProblemRow[] = [];
  // Each key customer's name and roles held come with its tier (the tier in force on the date,
  // read as in-force.ts reads the month), in one pass.
  forEachTierSince(
    db,
    date,
    (customerId, { tier }, row, at) => {
      const problems = problemsOf(tier, unpackHeldRoles(customerId, row[at + 1] as string | null));
      if (problems.length > 0)
        out.push({
          customerId,
          customerName: (row[at] as string | null) ?? customerId,
          tier,
          problems: [...problems],
        });
    },
    { columns: ['cu.name', heldRolesSql('c.customer_id')], params: { today: date } },
  );
  out.sort((x, y) => (x.customerId < y.customerId ? -1 : 1));
  return out;
}

function insertHolder(
  ctx: HandlerContext,
  customerId: string,
  managerId: number,
  role: CustomerManagerRole,
  on: string,
) {
  ctx.db
    .prepare(
      'INSERT INTO customer_managers (customer_id, manager_id, role, from_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(customerId, managerId, role, on, ctx.now().toISOString(), ctx.actor);
}

function endRow(
  db: Database,
  table: 'customer_managers' | 'customer_team_members',
  id: number,
  on: string,
  reason: string | null,
) {
  if (table === 'customer_managers')
    db.prepare('UPDATE customer_managers SET to_on = ?, ended_reason = ? WHERE id = ?').run(on, reason, id);
  else db.prepare('UPDATE customer_team_members SET to_on = ? WHERE id = ?').run(on, id);
}

/**
 * Every current role (A, B, 专人) and team membership of `fromManagerId` ended on `on` and started
 * for `toManagerId`, in the caller's transaction; all or nothing (a clash refuses before any row).
 */
export function reassignManager(
  ctx: HandlerContext,
  fromManagerId: number,
  toManagerId: number,
  on: string,
  reason: string,
): ReassignView {
  const { db } = ctx;
  const from = getManager(db, fromManagerId);
  const to = activeManagerOn(db, toManagerId, on);
  if (fromManagerId === toManagerId)
    throw new AppError('VALIDATION', bi('移交双方不能是同一客户经理', 'The two managers must differ'));
  const held = db
    .prepare(
      'SELECT id, customer_id, role, from_on FROM customer_managers WHERE manager_id = ? AND to_on IS NULL ORDER BY customer_id, role',
    )
    .all(fromManagerId) as { id: number; customer_id: string; role: CustomerManagerRole; from_on: string }[];
  const otherRole = db.prepare(
    'SELECT count(*) FROM customer_managers WHERE customer_id = ? AND role = ? AND manager_id = ? AND to_on IS NULL',
  );
  const clashes = held.filter(
    (h) =>
      (h.role === 'A' || h.role === 'B') &&
      (otherRole.pluck().get(h.customer_id, h.role === 'A' ? 'B' : 'A', toManagerId) as number) > 0,
  );
  if (clashes.length > 0)
    throw new AppError(
      'CONFLICT',
      bi(
        `${to.name} 已是以下客户的另一角色，不能同时担任A角和B角（R20），未做任何移交：${clashes.map((c) => c.customer_id).join('、')}`,
        `${to.name} already holds the other role for ${clashes.map((c) => c.customer_id).join(', ')}: one manager cannot be both A and B (R20); nothing was moved`,
      ),
      { customers: clashes.map((c) => c.customer_id) },
    );
  const sameRole = held.filter((h) => (otherRole.pluck().get(h.customer_id, h.role, toManagerId) as number) > 0);
  if (sameRole.length > 0)
    throw new AppError(
      'CONFLICT',
      bi(
        `${to.name} 已担任相同角色：${sameRole.map((c) => c.customer_id).join('、')}`,
        `${to.name} already holds the same role for ${sameRole.map((c) => c.customer_id).join(', ')}`,
      ),
    );
  for (const h of held) {
    refuseEarlier(h, on);
    endRow(db, 'customer_managers', h.id, on, reason);
    insertHolder(ctx, h.customer_id, toManagerId, h.role, on);
  }
  const members = db
    .prepare('SELECT * FROM customer_team_members WHERE manager_id = ? AND to_on IS NULL')
    .all(fromManagerId) as { id: number; customer_id: string; purpose: string; source: string; from_on: string }[];
  for (const t of members) {
    refuseEarlier(t, on);
    endRow(db, 'customer_team_members', t.id, on, null);
    db.prepare(
      `INSERT INTO customer_team_members (customer_id, unit_id, manager_id, purpose, source, from_on, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.customer_id, to.unitId, toManagerId, t.purpose, t.source, on, ctx.now().toISOString(), ctx.actor);
  }
  void from;
  return {
    fromManagerId,
    toManagerId,
    on,
    roles: held.length,
    teamMembers: members.length,
    customers: [...new Set([...held.map((h) => h.customer_id), ...members.map((m) => m.customer_id)])].sort(),
  };
}

export const assignmentHandlers = defineHandlers({
  'assignments/get': {
    kind: 'read',
    run: ({ customerId, date }, ctx) => assignmentsView(ctx, customerId, date),
  },
  'assignments/problems': {
    kind: 'read',
    run: ({ date }, ctx) => {
      const today = date ?? localDate(ctx.now());
      return allAssignmentProblems(ctx.db, ctx.policies.forDate(today), today);
    },
  },
  'assignments/set': {
    kind: 'write',
    audit: { entity: (i) => entity('assignment', i.customerId) },
    run: ({ customerId, role, managerId, fromOn, reason }, ctx) => {
      const { db } = ctx;
      customerOf(db, customerId);
      const m = activeManagerOn(db, managerId, fromOn);
      const current = db
        .prepare(
          'SELECT id, manager_id, from_on FROM customer_managers WHERE customer_id = ? AND role = ? AND to_on IS NULL',
        )
        .get(customerId, role) as { id: number; manager_id: number; from_on: string } | undefined;
      if (current?.manager_id === managerId)
        throw new AppError(
          'CONFLICT',
          bi(`${m.name} 已是该客户的${ROLE_NAMES_ZH[role]}`, `${m.name} already holds role ${role}`),
        );
      if (role === 'A' || role === 'B') {
        const other = role === 'A' ? 'B' : 'A';
        const otherHolder = db
          .prepare('SELECT manager_id FROM customer_managers WHERE customer_id = ? AND role = ? AND to_on IS NULL')
          .pluck()
          .get(customerId, other) as number | undefined;
        if (otherHolder === managerId)
          throw new AppError(
            'CONFLICT',
            bi(
              `${m.name} 已是该客户的${other}角：同一客户经理不能同时担任A角和B角（R20）`,
              `${m.name} already holds role ${other}: one manager cannot be both A and B (R20)`,
            ),
          );
      }
      if (current) {
        refuseEarlier(current, fromOn);
        endRow(db, 'customer_managers', current.id, fromOn, reason ?? '更换');
      }
      insertHolder(ctx, customerId, managerId, role, fromOn);
      return assignmentsView(ctx, customerId, fromOn);
    },
  },
  'assignments/end': {
    kind: 'write',
    audit: { entity: (i) => entity('assignment', i.customerId) },
    run: ({ customerId, role, toOn, reason }, ctx) => {
      customerOf(ctx.db, customerId);
      const current = ctx.db
        .prepare('SELECT id, from_on FROM customer_managers WHERE customer_id = ? AND role = ? AND to_on IS NULL')
        .get(customerId, role) as { id: number; from_on: string } | undefined;
      if (!current)
        throw new AppError(
          'NOT_FOUND',
          bi(`该客户没有现任${ROLE_NAMES_ZH[role]}`, `The customer has no current ${role}`),
        );
      refuseEarlier(current, toOn);
      endRow(ctx.db, 'customer_managers', current.id, toOn, reason);
      return assignmentsView(ctx, customerId, toOn);
    },
  },
  'assignments/set-lead': {
    kind: 'write',
    audit: { entity: (i) => entity('assignment', i.customerId) },
    run: ({ customerId, lead, fromOn, reason }, ctx) => {
      const { db } = ctx;
      customerOf(db, customerId);
      const latest = db
        .prepare(
          'SELECT lead_role, from_on FROM customer_leads WHERE customer_id = ? ORDER BY from_on DESC, id DESC LIMIT 1',
        )
        .get(customerId) as { lead_role: 'A' | 'B'; from_on: string } | undefined;
      if ((latest?.lead_role ?? 'A') === lead)
        throw new AppError('CONFLICT', bi(`目前已由${lead}角牵头`, `Role ${lead} already leads`));
      if (latest && fromOn < latest.from_on)
        throw new AppError(
          'VALIDATION',
          bi(`日期不能早于上次变更 ${latest.from_on}`, `The date cannot be before the last change ${latest.from_on}`),
        );
      const holder = db
        .prepare(
          `SELECT count(*) FROM customer_managers WHERE customer_id = ? AND role = ? AND from_on <= ? AND (to_on IS NULL OR to_on > ?)`,
        )
        .pluck()
        .get(customerId, lead, fromOn, fromOn) as number;
      if (holder === 0)
        throw new AppError(
          'VALIDATION',
          bi(
            `该客户没有${lead}角客户经理，不能由${lead}角牵头：请先指定${lead}角`,
            `The customer has no ${lead} manager to lead: assign one first`,
          ),
        );
      db.prepare(
        'INSERT INTO customer_leads (customer_id, lead_role, from_on, reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(customerId, lead, fromOn, reason, ctx.now().toISOString(), ctx.actor);
      return assignmentsView(ctx, customerId, fromOn);
    },
  },
  'assignments/reassign': {
    kind: 'write',
    audit: { entity: (i) => entity('manager', i.fromManagerId) },
    run: ({ fromManagerId, toManagerId, on, reason }, ctx): ReassignView =>
      reassignManager(ctx, fromManagerId, toManagerId, on, reason),
  },
  'teams/list': {
    kind: 'read',
    run: ({ customerId }, { db }) => {
      customerOf(db, customerId);
      return teamOf(db, customerId);
    },
  },
  'teams/add': {
    kind: 'write',
    audit: { entity: (i) => entity('team', i.customerId) },
    run: ({ customerId, unitId, managerId, purpose, fromOn, toOn }, ctx) => {
      const { db } = ctx;
      customerOf(db, customerId);
      const unit = db.prepare('SELECT id, retired_on FROM units WHERE id = ?').get(unitId) as
        | { id: number; retired_on: string | null }
        | undefined;
      if (!unit || unit.retired_on !== null)
        throw new AppError('NOT_FOUND', bi(`找不到在用单位 ${unitId}`, `No unit in use with id ${unitId}`));
      if (managerId !== null) {
        const m = activeManagerOn(db, managerId, fromOn);
        if (m.unitId !== unitId)
          throw new AppError(
            'VALIDATION',
            bi(`${m.name} 不属于该单位（在${m.unitName}）`, `${m.name} is not in that unit (in ${m.unitName})`),
          );
      }
      if (toOn !== null && toOn < fromOn)
        throw new AppError('VALIDATION', bi('结束日期不能早于开始日期', 'The end cannot be before the start'));
      db.prepare(
        `INSERT INTO customer_team_members (customer_id, unit_id, manager_id, purpose, source, from_on, to_on, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, 'project', ?, ?, ?, ?)`,
      ).run(customerId, unitId, managerId, purpose, fromOn, toOn, ctx.now().toISOString(), ctx.actor);
      return teamOf(db, customerId);
    },
  },
  'teams/end': {
    kind: 'write',
    audit: { entity: (i) => entity('team', i.customerId) },
    run: ({ customerId, memberId, toOn }, ctx) => {
      const row = ctx.db
        .prepare('SELECT id, from_on, to_on FROM customer_team_members WHERE id = ? AND customer_id = ?')
        .get(memberId, customerId) as { id: number; from_on: string; to_on: string | null } | undefined;
      if (!row)
        throw new AppError(
          'NOT_FOUND',
          bi(`该客户的项目组中没有成员 ${memberId}`, `No team member ${memberId} for that customer`),
        );
      if (row.to_on !== null && row.to_on <= toOn)
        throw new AppError('CONFLICT', bi(`该成员已于 ${row.to_on} 结束`, `The membership ended on ${row.to_on}`));
      refuseEarlier(row, toOn);
      endRow(ctx.db, 'customer_team_members', row.id, toOn, null);
      return teamOf(ctx.db, customerId);
    },
  },
});
