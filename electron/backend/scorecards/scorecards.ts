/**
 * R34 scorecards of a month: every account manager in post during it, over the customers they
 * held as A, B or 专人 at the month's end; every unit over its own customers (home unit), its
 * target the sum of its managers'. Figures from monthFacts, scores from shared/domain/scorecards;
 * `records` lists what stands behind one number. DOMAIN-DECISIONS "Staff scorecards (R34)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  ScorecardRecord,
  ScorecardRecordsView,
  ScorecardRow,
  ScorecardsView,
} from '../../../shared/api/types-scorecards';
import { bi } from '../../../shared/domain/bilingual';
import type { Period } from '../../../shared/domain/periods';
import type { Policy, ScorecardPart } from '../../../shared/domain/policy/policy';
import {
  monthlyTarget,
  partScores,
  rankByTotal,
  type ScorecardFigures,
  totalScore,
} from '../../../shared/domain/scorecards/score';
import { type MonthFacts, monthFacts } from './facts';

interface Subject {
  managerId: number | null;
  name: string;
  unitId: number;
  unit: string;
  unitName: string;
  customers: string[];
  targetFen: number | null;
  /** A unit counts the registrations it made; a manager those of its customers. */
  newCustomers: string[];
}

function figuresOf(s: Subject, f: MonthFacts): ScorecardFigures {
  const out: ScorecardFigures = {
    revenue: { actualFen: 0, targetFen: s.targetFen === null ? null : monthlyTarget(s.targetFen) },
    newCustomers: { count: s.newCustomers.length },
    visits: { required: 0, held: 0 },
    logs: { due: 0, kept: 0 },
    archives: { due: 0, onTime: 0 },
    complaints: { handled: 0, inTime: 0 },
  };
  for (const id of s.customers) {
    out.revenue.actualFen += f.revenue.get(id) ?? 0;
    const v = f.visits.get(id);
    if (v) {
      out.visits.required += v.required;
      // Each customer counts up to its requirement: extra visits to one do not hide another's shortfall.
      out.visits.held += Math.min(v.held, v.required);
    }
    const l = f.logs.get(id);
    if (l) {
      out.logs.due += 1;
      if (l.kept) out.logs.kept += 1;
    }
    const a = f.archives.get(id);
    if (a) {
      out.archives.due += 1;
      if (!a.overdue) out.archives.onTime += 1;
    }
    for (const c of f.complaints.get(id) ?? []) {
      out.complaints.handled += 1;
      if (c.inTime) out.complaints.inTime += 1;
    }
  }
  return out;
}

function subjects(db: Database, f: MonthFacts, unitCode: string | null): { managers: Subject[]; units: Subject[] } {
  const year = Number(f.period.slice(0, 4));
  const units = new Map(
    (
      db.prepare('SELECT id, code, name, kind, retired_on FROM units').all() as {
        id: number;
        code: string;
        name: string;
        kind: string;
        retired_on: string | null;
      }[]
    ).map((u) => [u.id, u]),
  );
  const targets = new Map(
    db.prepare('SELECT manager_id, revenue_target_fen FROM scorecard_targets WHERE year = ?').raw().all(year) as [
      number,
      number,
    ][],
  );
  const held = new Map<number, Set<string>>();
  for (const [managerId, customerId] of db
    .prepare(
      `SELECT manager_id, customer_id FROM customer_managers
       WHERE from_on <= @end AND (to_on IS NULL OR to_on > @end)`,
    )
    .raw()
    .all({ end: f.end }) as [number, string][]) {
    let set = held.get(managerId);
    if (!set) {
      set = new Set();
      held.set(managerId, set);
    }
    set.add(customerId);
  }
  const managerRows = db
    .prepare(
      `SELECT id, name, unit_id FROM managers WHERE post = 'account_manager' AND started_on <= @end
         AND (left_on IS NULL OR left_on >= @start) ORDER BY unit_id, id`,
    )
    .all({ start: f.start, end: f.end }) as { id: number; name: string; unit_id: number }[];
  const managers: Subject[] = managerRows.map((m) => {
    const customers = [...(held.get(m.id) ?? [])];
    const u = units.get(m.unit_id);
    return {
      managerId: m.id,
      name: m.name,
      unitId: m.unit_id,
      unit: u?.code ?? '',
      unitName: u?.name ?? '',
      customers,
      targetFen: targets.get(m.id) ?? null,
      newCustomers: customers.filter((c) => f.approved.has(c)),
    };
  });
  const byUnit = new Map<number, string[]>();
  for (const [id, unitId] of f.unitOf) {
    const list = byUnit.get(unitId) ?? [];
    list.push(id);
    byUnit.set(unitId, list);
  }
  const registered = new Map<number, string[]>();
  for (const [id, unitId] of f.approved) registered.set(unitId, [...(registered.get(unitId) ?? []), id]);
  const unitSubjects: Subject[] = [];
  for (const u of [...units.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const customers = byUnit.get(u.id) ?? [];
    const staff = managers.filter((m) => m.unitId === u.id);
    if (u.retired_on !== null || (customers.length === 0 && staff.length === 0)) continue;
    const withTarget = staff.filter((m) => m.targetFen !== null);
    unitSubjects.push({
      managerId: null,
      name: u.name,
      unitId: u.id,
      unit: u.code,
      unitName: u.name,
      customers,
      targetFen: withTarget.length === 0 ? null : withTarget.reduce((sum, m) => sum + (m.targetFen ?? 0), 0),
      newCustomers: registered.get(u.id) ?? [],
    });
  }
  const only = <T extends Subject>(list: T[]) => (unitCode === null ? list : list.filter((s) => s.unit === unitCode));
  return { managers: only(managers), units: only(unitSubjects) };
}

function rows(list: Subject[], f: MonthFacts, policy: Policy): ScorecardRow[] {
  const figures = list.map((s) => figuresOf(s, f));
  const best = Math.max(0, ...figures.map((x) => x.newCustomers.count));
  return rankByTotal(
    list.map((s, i) => {
      const fig = figures[i] as ScorecardFigures;
      const scores = partScores(fig, best);
      return {
        managerId: s.managerId,
        name: s.name,
        unit: s.unit,
        unitName: s.unitName,
        customers: s.customers.length,
        figures: fig,
        scores,
        total: totalScore(scores, policy.scorecard.weights),
      };
    }),
  );
}

export function scorecards(db: Database, period: Period, policy: Policy, unitCode: string | null): ScorecardsView {
  if (unitCode !== null && !db.prepare('SELECT 1 FROM units WHERE code = ?').get(unitCode))
    throw new AppError('NOT_FOUND', bi(`找不到单位 ${unitCode}`, `No unit ${unitCode}`));
  const f = monthFacts(db, period, policy);
  const s = subjects(db, f, unitCode);
  return {
    period,
    policyVersion: policy.version,
    weights: policy.scorecard.weights,
    managers: rows(s.managers, f, policy),
    units: rows(s.units, f, policy),
  };
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;

/** What stands behind one number of one manager's or unit's scorecard. */
export function scorecardRecords(
  db: Database,
  period: Period,
  policy: Policy,
  who: { managerId: number | null; unitCode: string | null },
  part: ScorecardPart,
): ScorecardRecordsView {
  const f = monthFacts(db, period, policy);
  const all = subjects(db, f, null);
  const subject =
    who.managerId !== null
      ? all.managers.find((m) => m.managerId === who.managerId)
      : all.units.find((u) => u.unit === who.unitCode);
  if (!subject)
    throw new AppError(
      'NOT_FOUND',
      who.managerId !== null
        ? bi(
            `${period} 没有客户经理 #${who.managerId} 的考核`,
            `No scorecard for manager #${who.managerId} in ${period}`,
          )
        : bi(
            `${period} 没有单位 ${who.unitCode ?? ''} 的考核`,
            `No scorecard for unit ${who.unitCode ?? ''} in ${period}`,
          ),
    );
  const named = new Map(
    db
      .prepare('SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(subject.customers.concat(subject.newCustomers))) as [string, string][],
  );
  const name = (id: string) => named.get(id) ?? id;
  const records: ScorecardRecord[] = [];
  const push = (customerId: string, detail: string, ok: boolean | null, extra: Partial<ScorecardRecord> = {}) =>
    records.push({ customerId, customerName: name(customerId), detail, ok, ...extra });
  switch (part) {
    case 'revenue':
      for (const id of subject.customers) {
        const fen = f.revenue.get(id) ?? 0;
        if (fen !== 0) push(id, yuan(fen), null, { amountFen: fen });
      }
      records.sort((a, b) => (b.amountFen ?? 0) - (a.amountFen ?? 0));
      break;
    case 'newCustomers':
      for (const id of subject.newCustomers) push(id, '本月审批通过的注册申报', true);
      break;
    case 'visits':
      for (const id of subject.customers) {
        const v = f.visits.get(id);
        if (v && v.required > 0) push(id, `已拜访 ${v.held} / 应拜访 ${v.required}`, v.held >= v.required);
      }
      break;
    case 'logs':
      for (const id of subject.customers) {
        const l = f.logs.get(id);
        if (l) push(id, l.kind === 'summary' ? '本季度小结' : '开发中，本月须记日志', l.kept);
      }
      break;
    case 'archives':
      for (const id of subject.customers) {
        const a = f.archives.get(id);
        if (a) push(id, `${a.overdue ? '逾期，' : ''}应于 ${a.dueOn} 前更新`, !a.overdue);
      }
      break;
    case 'complaints':
      for (const id of subject.customers)
        for (const c of f.complaints.get(id) ?? [])
          push(id, c.closedAt === null ? '月末未结案且已超时' : `${c.closedAt.replace('T', ' ')} 结案`, c.inTime, {
            complaintId: c.id,
          });
      break;
  }
  return { part, subject: subject.name, records };
}
