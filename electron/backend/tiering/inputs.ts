/**
 * Gathers what the rule chain needs for every customer, for one tiering window, in a handful of
 * set-wise queries over `revenue_months` (annual grading: a calendar year; monthly preview: the
 * 12 months before the period, R13).
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { EvaluationInput } from '../../../shared/domain/evaluation';
import { PRODUCT_LINES, type RevenueLine } from '../../../shared/domain/lines';
import { gradingWindow, lastDayOf, yearOf } from '../../../shared/domain/periods';
import { type LineAmounts, newspaperTurnover } from '../../../shared/domain/qualification';
import type { ResponsibleCandidates } from '../../../shared/domain/scope';
import { lineBureauMap } from '../organisation/line-bureaus';

export type RunSpec = { kind: 'annual'; year: number } | { kind: 'monthly'; period: string };

export interface Window {
  kind: 'annual' | 'monthly';
  key: string;
  /** The months the run reads, recorded on the run: "last year" through this month. */
  from: string;
  to: string;
  /** R13 "last year": a calendar year, or for a preview the 12 months before the graded month. */
  lastYearFrom: string;
  lastYearTo: string;
  /** The month graded as "this month" (the window's last). */
  month: string;
  /** Last day of the window, for agreements and the policy in force. */
  endDate: string;
}

export function windowOf(spec: RunSpec): Window {
  // R13 (DOMAIN-DECISIONS "Windows"): a preview's last year ends the month before the graded one.
  const graded = gradingWindow(spec);
  const lastYearFrom = graded.lastYear[0] as string;
  const lastYearTo = graded.lastYear[graded.lastYear.length - 1] as string;
  const month = graded.thisMonth;
  return {
    kind: spec.kind,
    key: spec.kind === 'annual' ? String(spec.year) : spec.period,
    from: lastYearFrom,
    to: month,
    lastYearFrom,
    lastYearTo,
    month,
    endDate: lastDayOf(month),
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
  throw new AppError(
    'CONFLICT',
    {
      zh: `请先录入 ${year} 年全市邮政业务总收入（R10 占比得分的分母），再进行分级`,
      en: `Enter the city bureau's total revenue for ${year} first (the denominator of the R10 share score), then run the tiering`,
    },
    { year },
  );
}

export interface CustomerInputs {
  customerId: string;
  unitId: number;
  evaluation: EvaluationInput;
  candidates: ResponsibleCandidates;
}

const LINE_COLUMNS: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];

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
        `SELECT customer_id, ${LINE_COLUMNS.join(', ')}
         FROM revenue_years WHERE year = ? ORDER BY customer_id`,
      )
      .raw()
      .all(yearOf(window.to)) as RevenueRow[];
  }
  return db
    .prepare(
      `SELECT customer_id, ${LINE_COLUMNS.map((l) => `sum(${l})`).join(', ')}
       FROM revenue_months WHERE period BETWEEN ? AND ? GROUP BY customer_id ORDER BY customer_id`,
    )
    .raw()
    .all(window.lastYearFrom, window.lastYearTo) as RevenueRow[];
}

/**
 * R8: each customer's annual newspaper turnovers as entered for the window's months (summed) and
 * for the graded month, straight from `newspaper_inputs`: added as entered and divided by 12 once
 * (`newspaperTurnover`), so twelve months of ¥20,000.00 make ¥20,000.00 — the monthly copy in
 * `revenue_months` is each month's ÷ 12 rounded down and would lose up to 11 fen a month.
 */
function turnoverRows(db: Database, window: Window): { annual: RevenueRow[]; month: RevenueRow[] } {
  return {
    annual: db
      .prepare(
        `SELECT customer_id, sum(annual_turnover_fen) FROM newspaper_inputs WHERE period BETWEEN ? AND ?
         GROUP BY customer_id ORDER BY customer_id`,
      )
      .raw()
      .all(window.lastYearFrom, window.lastYearTo) as RevenueRow[],
    month: db
      .prepare('SELECT customer_id, annual_turnover_fen FROM newspaper_inputs WHERE period = ? ORDER BY customer_id')
      .raw()
      .all(window.month) as RevenueRow[],
  };
}

export function gatherInputs(db: Database, window: Window, bureauRevenue: number): GatheredInputs {
  const annual = new Cursor(annualRows(db, window));
  const turnovers = turnoverRows(db, window);
  const annualTurnover = new Cursor(turnovers.annual);
  const monthTurnover = new Cursor(turnovers.month);
  const month = new Cursor(
    db
      .prepare(
        `SELECT customer_id, ${LINE_COLUMNS.join(', ')} FROM revenue_months
         WHERE period = ? ORDER BY customer_id`,
      )
      .raw()
      .all(window.month) as RevenueRow[],
  );
  const units = db.prepare('SELECT id, kind, area_code FROM units WHERE retired_on IS NULL').all() as {
    id: number;
    kind: string;
    area_code: string | null;
  }[];
  const city = units.find((u) => u.kind === 'centre');
  if (!city)
    throw new AppError('CONFLICT', {
      zh: '单位表中没有市局大客户中心，无法确定负责单位（R15）',
      en: 'The units have no city key-account centre, so the responsible unit cannot be set (R15)',
    });
  const province = units.find((u) => u.kind === 'province')?.id ?? null;
  const countyByArea = new Map(units.filter((u) => u.kind === 'county').map((u) => [u.area_code, u.id]));
  // R15: the line → professional bureau table (organisation/line-bureaus.ts); a line without an
  // active bureau is absent, so its professional customers fall back to the city centre.
  const bureauByLine = lineBureauMap(db);
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
    const ta = annualTurnover.at(id);
    const tm = monthTurnover.at(id);
    const figures: EvaluationInput['figures'] = { annual: amounts(a, 1), thisMonth: amounts(m, 1) };
    if (ta !== undefined || tm !== undefined) {
      figures.newspaperTurnover = {
        annual: ta === undefined ? null : newspaperTurnover([ta[1] as number]),
        thisMonth: tm === undefined ? null : newspaperTurnover([tm[1] as number]),
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
