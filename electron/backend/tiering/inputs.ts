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
  evaluation: Omit<EvaluationInput, 'bureauRevenue'>;
  candidates: ResponsibleCandidates;
}

const LINE_COLUMNS: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];

function amounts(row: readonly (number | null)[], offset: number): LineAmounts {
  const out: LineAmounts = {};
  LINE_COLUMNS.forEach((line, i) => {
    const v = row[offset + i] as number;
    if (v !== 0) out[line] = v;
  });
  return out;
}

export interface GatheredInputs {
  customers: CustomerInputs[];
  /** R15: professional bureau by main line; the main line is known only after evaluation. */
  bureauByLine: Map<string, number>;
}

export function gatherInputs(db: Database, window: Window): GatheredInputs {
  // `+period`: scan in customer order (the table's key) so GROUP BY needs no sort; the period
  // index would make SQLite sort the whole window (measured 3× slower).
  const sumCols = LINE_COLUMNS.map((l) => `sum(${l})`).join(', ');
  const annual = new Map<string, (number | null)[]>();
  for (const row of db
    .prepare(
      `SELECT customer_id, ${sumCols}, sum(newspaper_turnover), count(newspaper_turnover)
       FROM revenue_months WHERE +period BETWEEN ? AND ? GROUP BY customer_id`,
    )
    .raw()
    .all(window.from, window.to) as [string, ...(number | null)[]][]) {
    annual.set(row[0], row.slice(1) as (number | null)[]);
  }
  const month = new Map<string, (number | null)[]>();
  for (const row of db
    .prepare(`SELECT customer_id, ${LINE_COLUMNS.join(', ')}, newspaper_turnover FROM revenue_months WHERE period = ?`)
    .raw()
    .all(window.month) as [string, ...(number | null)[]][]) {
    month.set(row[0], row.slice(1) as (number | null)[]);
  }
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
  const unitKind = new Map(units.map((u) => [u.id, u.kind]));
  const allUnits = new Map(
    (db.prepare('SELECT id, kind FROM units').all() as { id: number; kind: string }[]).map((u) => [u.id, u.kind]),
  );
  const empty: (number | null)[] = [];
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
    const a = annual.get(id) ?? empty;
    const m = month.get(id) ?? empty;
    const annualAmounts = a.length ? amounts(a, 0) : {};
    const turnoverMonths = (a[LINE_COLUMNS.length + 1] as number | undefined) ?? 0;
    const monthTurnover = m.length ? (m[LINE_COLUMNS.length] as number | null) : null;
    const evaluation: Omit<EvaluationInput, 'bureauRevenue'> = {
      agreement: agreementSince !== null && agreementSince <= window.endDate,
      ...(manualQualified === null ? {} : { manual: { qualified: manualQualified === 1, reason: manualReason ?? '' } }),
      figures: {
        annual: annualAmounts,
        thisMonth: m.length ? amounts(m, 0) : {},
        ...(turnoverMonths > 0 || monthTurnover !== null
          ? {
              newspaperTurnover: {
                annual: turnoverMonths > 0 ? (a[LINE_COLUMNS.length] as number) : null,
                thisMonth: monthTurnover,
              },
            }
          : {}),
      },
      homeUnitIsCounty: (unitKind.get(unitId) ?? allUnits.get(unitId)) === 'county',
    };
    out.push({
      customerId: id,
      unitId,
      evaluation,
      candidates: {
        provinceCentreId: province,
        cityCentreId: city.id,
        // A customer registered with a county bureau is that bureau's; otherwise its area's.
        homeCountyUnitId: unitKind.get(unitId) === 'county' ? unitId : (countyByArea.get(areaCode) ?? null),
        mainLineBureauId: null,
        homeUnitId: unitId,
      },
    });
  }
  return { customers: out, bureauByLine };
}
