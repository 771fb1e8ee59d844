/**
 * Gathers what the rule chain needs for every customer, for one tiering window, in a handful of
 * set-wise queries over `revenue_months` (annual grading: a calendar year; monthly preview: the
 * rolling 12 months ending at the period).
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { EvaluationInput } from '../../../shared/domain/evaluation';
import { PRODUCT_LINES, type RevenueLine } from '../../../shared/domain/lines';
import { addMonths, lastDayOf, periodOf, yearOf } from '../../../shared/domain/periods';
import type { LineAmounts } from '../../../shared/domain/qualification';
import type { ResponsibleCandidates } from '../../../shared/domain/scope';

export type RunSpec = { kind: 'annual'; year: number } | { kind: 'monthly'; period: string };

export interface Window {
  kind: 'annual' | 'monthly';
  key: string;
  from: string;
  to: string;
  /** The month graded as "this month" (the window's last). */
  month: string;
  /** Last day of the window, for agreements and the policy in force. */
  endDate: string;
}

export function windowOf(spec: RunSpec): Window {
  if (spec.kind === 'annual') {
    const to = periodOf(spec.year, 12);
    return {
      kind: 'annual',
      key: String(spec.year),
      from: periodOf(spec.year, 1),
      to,
      month: to,
      endDate: `${spec.year}-12-31`,
    };
  }
  const to = spec.period;
  return {
    kind: 'monthly',
    key: to,
    from: addMonths(to, -11),
    to,
    month: to,
    endDate: lastDayOf(to),
  };
}

/** R10: the bureau's revenue of the window's year; a monthly preview may fall back a year. */
export function bureauRevenueFor(db: Database, window: Window): { year: number; amount: number } {
  const year = yearOf(window.to);
  const candidates = window.kind === 'annual' ? [year] : [year, year - 1];
  for (const y of candidates) {
    const row = db.prepare('SELECT amount_fen AS amount FROM bureau_revenue WHERE year = ?').get(y) as
      | { amount: number }
      | undefined;
    if (row) return { year: y, amount: row.amount };
  }
  throw new AppError('CONFLICT', `请先录入 ${year} 年全市邮政业务总收入（R10 占比得分的分母），再进行分级`, { year });
}

export interface CustomerInputs {
  customerId: string;
  unitId: number;
  evaluation: EvaluationInput;
  candidates: ResponsibleCandidates;
}

const LINE_COLUMNS: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];
const LINE_COUNT = LINE_COLUMNS.length;

/**
 * Line amounts with every line present (zeros included): one object shape for all customers,
 * which keeps the rule functions' property reads monomorphic over a 20,000-customer run.
 */
function amounts(row: readonly (number | string | null)[] | undefined, offset: number): LineAmounts {
  if (row === undefined) return {};
  return {
    savings: row[offset] as number,
    bills: row[offset + 1] as number,
    letters: row[offset + 2] as number,
    philately: row[offset + 3] as number,
    express: row[offset + 4] as number,
    logistics: row[offset + 5] as number,
    parcels: row[offset + 6] as number,
    newspapers: row[offset + 7] as number,
    other: row[offset + 8] as number,
  };
}

export interface GatheredInputs {
  customers: CustomerInputs[];
  /** R15: professional bureau by main line; the main line is known only after evaluation. */
  bureauByLine: Map<string, number>;
}

type RevenueRow = [string, ...(number | null)[]];

/** Rows of each query come in customer-id order: walk them alongside the customers (no maps). */
class Cursor {
  private i = 0;
  constructor(private readonly rows: RevenueRow[]) {}
  at(id: string): RevenueRow | undefined {
    const rows = this.rows;
    while (this.i < rows.length && (rows[this.i] as RevenueRow)[0] < id) this.i++;
    const row = rows[this.i];
    return row !== undefined && row[0] === id ? row : undefined;
  }
}

function annualRows(db: Database, window: Window): RevenueRow[] {
  // A calendar year is kept summed in `revenue_years` (migration 0004): one row per customer,
  // already in customer order. A rolling window (monthly preview) is summed here.
  if (window.kind === 'annual') {
    return db
      .prepare(
        `SELECT customer_id, ${LINE_COLUMNS.join(', ')}, newspaper_turnover, turnover_months
         FROM revenue_years WHERE year = ? ORDER BY customer_id`,
      )
      .raw()
      .all(yearOf(window.to)) as RevenueRow[];
  }
  return db
    .prepare(
      `SELECT customer_id, ${LINE_COLUMNS.map((l) => `sum(${l})`).join(', ')}, sum(newspaper_turnover),
         count(newspaper_turnover)
       FROM revenue_months WHERE period BETWEEN ? AND ? GROUP BY customer_id ORDER BY customer_id`,
    )
    .raw()
    .all(window.from, window.to) as RevenueRow[];
}

export function gatherInputs(db: Database, window: Window, bureauRevenue: number): GatheredInputs {
  const annual = new Cursor(annualRows(db, window));
  const month = new Cursor(
    db
      .prepare(
        `SELECT customer_id, ${LINE_COLUMNS.join(', ')}, newspaper_turnover FROM revenue_months
         WHERE period = ? ORDER BY customer_id`,
      )
      .raw()
      .all(window.month) as RevenueRow[],
  );
  const units = db.prepare('SELECT id, kind, area_code, main_line FROM units WHERE retired_on IS NULL').all() as {
    id: number;
    kind: string;
    area_code: string | null;
    main_line: string | null;
  }[];
  const city = units.find((u) => u.kind === 'centre');
  if (!city) throw new AppError('CONFLICT', '单位表中没有市局大客户中心，无法确定负责单位（R15）');
  const province = units.find((u) => u.kind === 'province')?.id ?? null;
  const countyByArea = new Map(units.filter((u) => u.kind === 'county').map((u) => [u.area_code, u.id]));
  const bureauByLine = new Map(
    units.filter((u) => u.kind === 'professional' && u.main_line).map((u) => [u.main_line as string, u.id]),
  );
  const unitKind = new Map(
    (db.prepare('SELECT id, kind FROM units').all() as { id: number; kind: string }[]).map((u) => [u.id, u.kind]),
  );
  const activeUnits = new Set(units.map((u) => u.id));
  const out: CustomerInputs[] = [];
  for (const c of db
    .prepare(
      `SELECT c.id, c.unit_id, c.area_code, c.agreement_since, q.qualified, q.reason
       FROM customers c LEFT JOIN qualification_decisions q ON q.customer_id = c.id AND q.decided_on <= ?
       ORDER BY c.id`,
    )
    .raw()
    .all(window.endDate) as [string, number, string, string | null, number | null, string | null][]) {
    const [id, unitId, areaCode, agreementSince, manualQualified, manualReason] = c;
    const a = annual.at(id);
    const m = month.at(id);
    const turnoverMonths = a === undefined ? 0 : ((a[LINE_COUNT + 2] as number | null) ?? 0);
    const monthTurnover = m === undefined ? null : (m[LINE_COUNT + 1] as number | null);
    const figures: EvaluationInput['figures'] = { annual: amounts(a, 1), thisMonth: amounts(m, 1) };
    if (turnoverMonths > 0 || monthTurnover !== null) {
      figures.newspaperTurnover = {
        annual: turnoverMonths > 0 ? ((a as RevenueRow)[LINE_COUNT + 1] as number) : null,
        thisMonth: monthTurnover,
      };
    }
    const evaluation: EvaluationInput = {
      agreement: agreementSince !== null && agreementSince <= window.endDate,
      figures,
      bureauRevenue,
      homeUnitIsCounty: unitKind.get(unitId) === 'county',
    };
    if (manualQualified !== null) evaluation.manual = { qualified: manualQualified === 1, reason: manualReason ?? '' };
    out.push({
      customerId: id,
      unitId,
      evaluation,
      candidates: {
        provinceCentreId: province,
        cityCentreId: city.id,
        // A customer registered with a county bureau is that bureau's; otherwise its area's.
        homeCountyUnitId:
          activeUnits.has(unitId) && unitKind.get(unitId) === 'county' ? unitId : (countyByArea.get(areaCode) ?? null),
        mainLineBureauId: null,
        homeUnitId: unitId,
      },
    });
  }
  return { customers: out, bureauByLine };
}
