/**
 * R34: what a month's scorecards are made of, read set-wise once for the whole city — each key
 * customer's revenue, R23 obligation, R22 log duty, R18 archive state, the approved registrations,
 * the complaints handled — keyed by customer, so a manager's or unit's figures are sums over its
 * customers. Nothing is stored. DOMAIN-DECISIONS "Staff scorecards (R34)".
 */
import type { Database } from 'better-sqlite3';
import { lastDayOf, type Period } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { Tier } from '../../../shared/domain/tiers';
import { archiveDuties } from '../archives/duties';
import { complaintViews } from '../complaints/service';
import { monthTotalSql } from '../revenue/store';
import { visitRequirements } from '../visits/service';

export interface LogDuty {
  kind: 'development' | 'summary';
  kept: boolean;
}

export interface ComplaintHandled {
  id: number;
  customerId: string;
  inTime: boolean;
  closedAt: string | null;
}

export interface MonthFacts {
  period: Period;
  start: string;
  end: string;
  /** Each customer's home unit id. */
  unitOf: Map<string, number>;
  revenue: Map<string, number>;
  visits: Map<string, { required: number; held: number }>;
  logs: Map<string, LogDuty>;
  archives: Map<string, { dueOn: string; overdue: boolean }>;
  /** Registrations approved in the month: customer → registering unit id. */
  approved: Map<string, number>;
  complaints: Map<string, ComplaintHandled[]>;
}

const QUARTER_END = new Set([3, 6, 9, 12]);

/**
 * R22 duties of the month: a diamond, gold or silver customer with a development open at any time
 * in the month owes at least one entry in the month (the key contacts; a diamond's every contact
 * is enforced at each move); a general customer owes its quarterly summary, judged in the
 * quarter's last month.
 */
function logDuties(db: Database, period: Period, start: string, end: string, tiers: Map<string, Tier>) {
  const out = new Map<string, LogDuty>();
  const developing = new Set(
    db
      .prepare(
        `SELECT DISTINCT customer_id FROM developments WHERE opened_on <= ? AND (closed_on IS NULL OR closed_on >= ?)`,
      )
      .pluck()
      .all(end, start) as string[],
  );
  const logged = new Set(
    db
      .prepare('SELECT DISTINCT customer_id FROM marketing_logs WHERE log_on BETWEEN ? AND ?')
      .pluck()
      .all(start, end) as string[],
  );
  for (const id of developing) {
    const tier = tiers.get(id);
    if (tier === 'diamond' || tier === 'gold' || tier === 'silver')
      out.set(id, { kind: 'development', kept: logged.has(id) });
  }
  const month = Number(period.slice(5, 7));
  if (QUARTER_END.has(month)) {
    const quarterStart = `${period.slice(0, 5)}${String(month - 2).padStart(2, '0')}-01`;
    const summarised = new Set(
      db
        .prepare('SELECT DISTINCT customer_id FROM marketing_logs WHERE summary = 1 AND log_on BETWEEN ? AND ?')
        .pluck()
        .all(quarterStart, end) as string[],
    );
    for (const [id, tier] of tiers) if (tier === 'general') out.set(id, { kind: 'summary', kept: summarised.has(id) });
  }
  return out;
}

/**
 * R33 complaints a month judges: those closed in it (in time when no deadline was breached) and
 * those received by its end, still open then, whose close day had passed (never in time).
 */
function complaintsHandled(db: Database, start: string, end: string): Map<string, ComplaintHandled[]> {
  const out = new Map<string, ComplaintHandled[]>();
  for (const c of complaintViews(db, { open: false, customerId: null }, `${end}T23:59`)) {
    const closedOn = c.closedAt?.slice(0, 10) ?? null;
    const closedInMonth = closedOn !== null && closedOn >= start && closedOn <= end;
    const openAtEnd = c.receivedAt.slice(0, 10) <= end && (closedOn === null || closedOn > end);
    const lateAtEnd = openAtEnd && c.deadlines.close !== null && c.deadlines.close < end;
    if (!closedInMonth && !lateAtEnd) continue;
    const list = out.get(c.customerId) ?? [];
    list.push({ id: c.id, customerId: c.customerId, inTime: closedInMonth && !c.breached, closedAt: c.closedAt });
    out.set(c.customerId, list);
  }
  return out;
}

export function monthFacts(db: Database, period: Period, policy: Policy): MonthFacts {
  const start = `${period}-01`;
  const end = lastDayOf(period);
  const unitOf = new Map(db.prepare('SELECT id, unit_id FROM customers').raw().all() as [string, number][]);
  // The monthly copy (one row a customer, every line) off its period index.
  const revenue = new Map(
    db.prepare(`SELECT customer_id, ${monthTotalSql()} FROM revenue_months WHERE period = ?`).raw().all(period) as [
      string,
      number,
    ][],
  );
  const visits = visitRequirements(db, period, policy);
  // Every key customer of the month and its tier in force, as R23 read them.
  const tiers = new Map<string, Tier>();
  for (const [id, v] of visits) tiers.set(id, v.tier);
  const archives = new Map(
    archiveDuties(db, policy, end).map((a) => [a.customerId, { dueOn: a.dueOn, overdue: a.overdue }]),
  );
  const approved = new Map(
    db
      .prepare(
        `SELECT customer_id, unit_id FROM registrations
         WHERE state = 'approved' AND customer_id IS NOT NULL AND approved_on BETWEEN ? AND ?`,
      )
      .raw()
      .all(start, end) as [string, number][],
  );
  return {
    period,
    start,
    end,
    unitOf,
    revenue,
    visits,
    logs: logDuties(db, period, start, end, tiers),
    archives,
    approved,
    complaints: complaintsHandled(db, start, end),
  };
}
