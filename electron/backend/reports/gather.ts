/**
 * Reads what a month's analysis needs (shared/domain/report/facts.ts `ReportInput`) for the city or
 * one unit with the units under it: the month's figures of every customer in scope (the exports'
 * gather, cached while the database is unchanged), the tiers in force this month and last, each
 * key customer's scope in the run in force, the 24-month trend summed in SQLite, the bureau's
 * revenue (R10), the units' R27 reasons and the month's submissions. Everything after is pure.
 */
import type { Database } from 'better-sqlite3';
import { localDate } from '../../../shared/domain/dates';
import { REPORT_LINES } from '../../../shared/domain/exports/figures';
import type { Fen } from '../../../shared/domain/money';
import { addMonths, lastDayOf, type Period, yearOf } from '../../../shared/domain/periods';
import type { ReportInput, SubmissionStatus } from '../../../shared/domain/report/facts';
import { buildReportFacts, type ReportFacts } from '../../../shared/domain/report/facts';
import type { Scope, Tier } from '../../../shared/domain/tiers';
import type { HandlerContext } from '../context';
import { keptWhileUnchanged } from '../db/unchanged';
import { cityFigures } from '../exports/cache';
import { resolveScope } from '../exports/scope';
import { trackerFor } from '../submissions/handlers';
import { findTierBasis, monthTiers } from '../tiering/in-force';

interface UnitNode {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
}

/**
 * The unit a customer is compared under: for the city, its county or professional bureau (a
 * branch office counts with the bureau above it; the centre's own customers with the centre); for a
 * unit, the unit's direct child holding it, or the unit itself.
 */
function groupOfUnit(units: Map<number, UnitNode>, unitId: number, top: number | null): UnitNode | undefined {
  let node = units.get(unitId);
  const seen = new Set<number>();
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    const parent = node.parentId === null ? undefined : units.get(node.parentId);
    if (top === null) {
      if (node.kind === 'county' || node.kind === 'professional' || node.kind === 'centre') return node;
    } else if (node.id === top || parent?.id === top) {
      return node;
    }
    if (!parent) return node;
    node = parent;
  }
  return node;
}

const TOTAL = REPORT_LINES.map((l) => `r.${l}`).join(' + ');

/** The 24 months ending with the period: key, all and gold revenue per month, summed in SQLite. */
function trendOf(
  db: Database,
  period: Period,
  scoped: readonly { id: string; tier: Tier | null }[],
): ReportInput['trend'] {
  const months = Array.from({ length: 24 }, (_, i) => addMonths(period, i - 23));
  // A temporary keyed table joins in SQLite's own loop (a JSON list would not be indexed).
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS report_scope (id TEXT PRIMARY KEY, key INTEGER, gold INTEGER) WITHOUT ROWID',
  );
  db.exec('DELETE FROM temp.report_scope');
  const insert = db.prepare('INSERT INTO temp.report_scope (id, key, gold) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const c of scoped) insert.run(c.id, c.tier === null ? 0 : 1, c.tier === 'gold' ? 1 : 0);
  })();
  const rows = db
    .prepare(
      `SELECT r.period AS period, sum(${TOTAL}) AS total, sum((${TOTAL}) * s.key) AS key, sum((${TOTAL}) * s.gold) AS gold
         FROM revenue_months r JOIN temp.report_scope s ON s.id = r.customer_id
        WHERE r.period BETWEEN ? AND ? GROUP BY r.period`,
    )
    .all(months[0], period) as { period: Period; total: Fen; key: Fen; gold: Fen }[];
  db.exec('DELETE FROM temp.report_scope');
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return months.map((p) => {
    const r = byPeriod.get(p);
    return { period: p, key: r?.key ?? 0, all: r?.total ?? 0, gold: r?.gold ?? 0 };
  });
}

function submissionsOf(
  ctx: HandlerContext,
  period: Period,
  unitIds: ReadonlySet<number> | null,
): SubmissionStatus | null {
  const tracker = trackerFor(ctx.db, period, localDate(ctx.now()), ctx.policy);
  const units = tracker.units.filter((u) => unitIds === null || unitIds.has(u.unitId));
  if (units.length === 0) return null;
  const status = { expected: units.length, received: 0, late: 0, pending: 0, overdue: 0 };
  for (const u of units) {
    const cell = u.cells.find((c) => c.form === 'revenue');
    if (!cell) continue;
    if (cell.status === 'on_time' || cell.status === 'late') status.received++;
    if (cell.status === 'late') status.late++;
    if (cell.status === 'pending') status.pending++;
    if (cell.status === 'overdue') status.overdue++;
  }
  return status;
}

/** The report's facts for the month and scope, as the data stands now. */
export function gatherReportFacts(ctx: HandlerContext, period: Period, unitCode: string | null): ReportFacts {
  const input = gatherReportInput(ctx, period, unitCode);
  let facts = factsOfInput.get(input);
  if (!facts) {
    facts = buildReportFacts(input);
    factsOfInput.set(input, facts);
  }
  return facts;
}

/** The facts of a kept input, worked out once (both are read-only once made). */
const factsOfInput = new WeakMap<ReportInput, ReportFacts>();

/**
 * What the facts are worked out from; the dashboard's drill-through filters the same customers.
 * Kept while the database is unchanged (db/unchanged.ts): the dashboard, its drill-through and a
 * draft's editor read the same month again and again between imports. Today is in the key, for
 * the submissions' deadlines.
 */
export function gatherReportInput(ctx: HandlerContext, period: Period, unitCode: string | null): ReportInput {
  return cachedInput(ctx.db, { ctx, period, unitCode });
}

const cachedInput = keptWhileUnchanged(
  (_db, { ctx, period, unitCode }: { ctx: HandlerContext; period: Period; unitCode: string | null }) =>
    readReportInput(ctx, period, unitCode),
  ({ ctx, period, unitCode }) => `${period}|${unitCode ?? ''}|${localDate(ctx.now())}`,
);

function readReportInput(ctx: HandlerContext, period: Period, unitCode: string | null): ReportInput {
  const { db } = ctx;
  const scope = resolveScope(db, unitCode);
  const policy = ctx.policies.forDate(lastDayOf(period));
  const tierBasis = findTierBasis(db, period);
  const city = cityFigures(db, period, tierBasis);
  const customers =
    scope.unitIds === null
      ? city.customers
      : city.customers.filter((c) => scope.unitIds?.has(city.unitOf.get(c.id) ?? -1));

  const units = new Map(
    (db.prepare('SELECT id, name, kind, parent_id AS parentId FROM units').all() as UnitNode[]).map((u) => [u.id, u]),
  );
  const groupOf = new Map<string, { unitId: number; unitName: string }>();
  for (const c of customers) {
    const g = groupOfUnit(units, city.unitOf.get(c.id) ?? -1, scope.unit?.id ?? null);
    if (g) groupOf.set(c.id, { unitId: g.id, unitName: g.name });
  }

  const scopeOf = new Map<string, Scope>();
  if (tierBasis !== null) {
    const rows = db
      .prepare('SELECT customer_id, scope FROM tier_results WHERE run_id = ? AND tier IS NOT NULL')
      .raw()
      .all(tierBasis.runId) as [string, Scope][];
    for (const [id, s] of rows) scopeOf.set(id, s);
  }

  const lastMonth = addMonths(period, -1);
  const lastTiers = monthTiers(db, findTierBasis(db, lastMonth), lastMonth);
  const lastMonthTier = new Map<string, Tier | null>();
  for (const c of customers) lastMonthTier.set(c.id, lastTiers.get(c.id)?.tier ?? null);

  const bureauRow =
    (db.prepare('SELECT year, amount_fen AS annual FROM bureau_revenue WHERE year = ?').get(yearOf(period)) as
      | { year: number; annual: Fen }
      | undefined) ??
    (db.prepare('SELECT year, amount_fen AS annual FROM bureau_revenue WHERE year = ?').get(yearOf(period) - 1) as
      | { year: number; annual: Fen }
      | undefined);

  // The unit's latest standing reason for the month (a later batch's reason replaces an earlier one).
  const reasons = new Map<string, { reason: string; oneOff: boolean }>();
  const reasonRows = db
    .prepare(
      `SELECT customer_id, reason, one_off FROM fluctuation_reasons
        WHERE period = ? AND withdrawn_at IS NULL ORDER BY id`,
    )
    .raw()
    .all(period) as [string, string, number][];
  for (const [id, reason, oneOff] of reasonRows) reasons.set(id, { reason, oneOff: oneOff === 1 });

  return {
    period,
    unit: scope.unit,
    centreName: scope.centreName,
    tierBasis,
    policyVersion: policy.version,
    customers,
    groupOf,
    scopeOf,
    lastMonthTier,
    trend: trendOf(db, period, customers),
    bureau: bureauRow ?? null,
    reasons,
    fluctuationPercent: policy.fluctuationPercent,
    keyCustomerMinTier: policy.reports.keyCustomerMinTier,
    keyCustomerTopN: policy.reports.keyCustomerTopN,
    submissions: submissionsOf(ctx, period, scope.unitIds),
  };
}
