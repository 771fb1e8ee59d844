/**
 * The monthly analysis (R28) and the dashboard, as figures: everything with a number in the
 * report is one of these, worked out here from the month's gathered figures (pure; the backend's
 * reports/gather.ts reads them). The dashboard shows the same facts live; a finalised report keeps
 * them frozen in its snapshot. Definitions: docs/DOMAIN-DECISIONS.md "Monthly analysis report".
 */
import type { CustomerFigures, TierBasis } from '../exports/figures';
import { REPORT_LINES, totalOf } from '../exports/figures';
import { form62List } from '../exports/form-6-2';
import type { RevenueLine } from '../lines';
import type { Fen } from '../money';
import { addMonths, monthOf, type Period } from '../periods';
import { SCOPES, type Scope, TIERS, type Tier } from '../tiers';

/** A change against a base: null when the base is not above 0 (no ratio to state). */
export type Ratio = number | null;

export function ratio(current: Fen, base: Fen): Ratio {
  return base > 0 ? (current - base) / base : null;
}

/** One customer as the report's tables list it. */
export interface ReportCustomer {
  id: string;
  name: string;
  unitName: string;
  tier: Tier | null;
  scope: Scope | null;
  thisMonth: Fen;
  lastMonth: Fen;
  sameMonthLastYear: Fen;
  yearToDate: Fen;
  mom: Ratio;
  yoy: Ratio;
}

/** A sum over some customers with its comparisons (R24's columns). */
export interface Figures {
  thisMonth: Fen;
  lastMonth: Fen;
  sameMonthLastYear: Fen;
  yearToDate: Fen;
  yearToDateLastYear: Fen;
  mom: Ratio;
  yoy: Ratio;
  /** Year to date against last year's same months. */
  ytdYoy: Ratio;
}

export interface TierRow extends Figures {
  tier: Tier;
  /** Key customers holding the tier this month. */
  count: number;
  /** This month's revenue as a share of all key customers' (0–1); null when that is 0. */
  shareOfKey: number | null;
}

export interface LineRow extends Figures {
  line: RevenueLine;
}

export interface UnitRow extends Figures {
  unitId: number;
  unitName: string;
  keyCount: number;
}

export interface Fluctuating extends ReportCustomer {
  /** R27 direction. */
  reason: 'rise' | 'fall' | 'new' | 'stopped';
  /** Percent to one decimal; null for new. */
  changePercent: number | null;
  /** The unit's written reason (波动原因), if sent. */
  explanation: string | null;
  oneOff: boolean;
}

export interface TierMove {
  id: string;
  name: string;
  unitName: string;
  from: Tier | null;
  to: Tier | null;
}

export interface TrendPoint {
  period: Period;
  /** Revenue of this month's key customers in that month (one set of customers over 24 months). */
  key: Fen;
  /** Revenue of every customer in scope that month. */
  all: Fen;
}

export interface QuarterFigures {
  /** "2026年第4季度". */
  label: string;
  months: Period[];
  thisQuarter: Fen;
  lastQuarter: Fen;
  sameQuarterLastYear: Fen;
  qoq: Ratio;
  yoy: Ratio;
}

export interface SubmissionStatus {
  /** Units expected to send the month's template. */
  expected: number;
  received: number;
  late: number;
  pending: number;
  overdue: number;
}

export interface ReportFacts {
  period: Period;
  /** Null for the whole city. */
  unit: { id: number; code: string; name: string } | null;
  centreName: string;
  tierBasis: TierBasis | null;
  policyVersion: number;
  /** 一、总体情况 */
  overall: {
    keyCount: number;
    /** Every customer in scope (key or not). */
    customerCount: number;
    key: Figures;
    /** Every customer in scope. */
    all: Figures;
    /** The bureau's annual revenue the share is taken against (R10), and its year; null when none. */
    bureau: { year: number; annual: Fen } | null;
    /** Key customers' revenue of the 12 months ending with the period ÷ the bureau's annual revenue. */
    share: number | null;
    /** Key customers with revenue this month and none last month, and the reverse (附件6-1's new and lost). */
    added: ReportCustomer[];
    lost: ReportCustomer[];
  };
  /** 二、分级情况 */
  byTier: TierRow[];
  /** Key customers by tier × scope (this month). */
  tierScope: Record<Tier, Record<Scope, number>>;
  tierMoves: TierMove[];
  byLine: LineRow[];
  trend: TrendPoint[];
  /** 四、波动客户 (R27) */
  fluctuations: Fluctuating[];
  /** 五、重点客户 (R25: silver and above ∪ the top ten) */
  keyCustomers: ReportCustomer[];
  top20: ReportCustomer[];
  /** The gold customers' section (every month). */
  gold: { customers: ReportCustomer[]; figures: Figures };
  /** The quarterly gold analysis for the province: March, June, September, December only. */
  goldQuarter: QuarterFigures | null;
  units: UnitRow[];
  submissions: SubmissionStatus | null;
}

/** What the backend gathers for one month and scope; `buildReportFacts` does the rest. */
export interface ReportInput {
  period: Period;
  unit: ReportFacts['unit'];
  centreName: string;
  tierBasis: TierBasis | null;
  policyVersion: number;
  /** Customers in scope with the month's figures and their tier in force (exports/gather.ts). */
  customers: readonly CustomerFigures[];
  /** Each customer's unit, and the unit the comparison table groups it under. */
  groupOf: ReadonlyMap<string, { unitId: number; unitName: string }>;
  /** Scope (R14) of each customer in the run in force. */
  scopeOf: ReadonlyMap<string, Scope>;
  /** Tiers in force last month, for tier moves. */
  lastMonthTier: ReadonlyMap<string, Tier | null>;
  /** The 24 months ending with the period, oldest first: key (this month's key customers), all, gold. */
  trend: readonly (TrendPoint & { gold: Fen })[];
  bureau: { year: number; annual: Fen } | null;
  /** R27 flags, customer → the month's reason as units sent it. */
  reasons: ReadonlyMap<string, { reason: string; oneOff: boolean }>;
  fluctuationPercent: number;
  keyCustomerMinTier: Tier;
  keyCustomerTopN: number;
  submissions: SubmissionStatus | null;
}

const sumFigures = (list: readonly CustomerFigures[]): Figures => {
  let thisMonth = 0;
  let lastMonth = 0;
  let sameMonthLastYear = 0;
  let yearToDate = 0;
  let yearToDateLastYear = 0;
  for (const c of list) {
    thisMonth += totalOf(c.thisMonth);
    lastMonth += totalOf(c.lastMonth);
    sameMonthLastYear += totalOf(c.sameMonthLastYear);
    yearToDate += totalOf(c.yearToDate);
    yearToDateLastYear += totalOf(c.yearToDateLastYear);
  }
  return withRatios({ thisMonth, lastMonth, sameMonthLastYear, yearToDate, yearToDateLastYear });
};

function withRatios(f: Omit<Figures, 'mom' | 'yoy' | 'ytdYoy'>): Figures {
  return {
    ...f,
    mom: ratio(f.thisMonth, f.lastMonth),
    yoy: ratio(f.thisMonth, f.sameMonthLastYear),
    ytdYoy: ratio(f.yearToDate, f.yearToDateLastYear),
  };
}

export function reportCustomer(c: CustomerFigures, scope: Scope | null): ReportCustomer {
  const thisMonth = totalOf(c.thisMonth);
  const lastMonth = totalOf(c.lastMonth);
  const sameMonthLastYear = totalOf(c.sameMonthLastYear);
  return {
    id: c.id,
    name: c.name,
    unitName: c.unitName,
    tier: c.tier,
    scope,
    thisMonth,
    lastMonth,
    sameMonthLastYear,
    yearToDate: totalOf(c.yearToDate),
    mom: ratio(thisMonth, lastMonth),
    yoy: ratio(thisMonth, sameMonthLastYear),
  };
}

/** Highest revenue first; ties by ID so every run lists them the same. */
export const byRevenue = (a: ReportCustomer, b: ReportCustomer) =>
  b.thisMonth - a.thisMonth || a.id.localeCompare(b.id);

/** R27 on whole-fen totals, the same test as duties.ts `fluctuation` (strictly more than the limit). */
export function fluctuationOf(
  thisMonth: Fen,
  lastMonth: Fen,
  percent: number,
): { reason: Fluctuating['reason']; changePercent: number | null } | null {
  if (lastMonth === 0) return thisMonth > 0 ? { reason: 'new', changePercent: null } : null;
  const diff = BigInt(thisMonth) - BigInt(lastMonth);
  const base = BigInt(Math.abs(lastMonth));
  const magnitude = diff < 0n ? -diff : diff;
  const tenths = Number((magnitude * 2000n + base) / (2n * base)) / 10;
  const changePercent = diff < 0n ? -tenths : tenths;
  if (thisMonth === 0 && lastMonth > 0) return { reason: 'stopped', changePercent };
  if (magnitude * 100n <= BigInt(percent) * base) return null;
  return { reason: diff > 0n ? 'rise' : 'fall', changePercent };
}

const QUARTER_END_MONTHS = new Set([3, 6, 9, 12]);

function quarterOf(input: ReportInput): QuarterFigures | null {
  const month = monthOf(input.period);
  if (!QUARTER_END_MONTHS.has(month)) return null;
  const gold = new Map(input.trend.map((t) => [t.period, t.gold]));
  const sum = (periods: Period[]) => periods.reduce((s, p) => s + (gold.get(p) ?? 0), 0);
  const months = [addMonths(input.period, -2), addMonths(input.period, -1), input.period];
  const thisQuarter = sum(months);
  const lastQuarter = sum(months.map((p) => addMonths(p, -3)));
  const sameQuarterLastYear = sum(months.map((p) => addMonths(p, -12)));
  return {
    label: `${input.period.slice(0, 4)}年第${month / 3}季度`,
    months,
    thisQuarter,
    lastQuarter,
    sameQuarterLastYear,
    qoq: ratio(thisQuarter, lastQuarter),
    yoy: ratio(thisQuarter, sameQuarterLastYear),
  };
}

export function buildReportFacts(input: ReportInput): ReportFacts {
  const key = input.customers.filter((c) => c.tier !== null);
  const asRow = (c: CustomerFigures) => reportCustomer(c, input.scopeOf.get(c.id) ?? null);
  const keyRows = key.map(asRow);
  const keyFigures = sumFigures(key);

  const rolling12 = key.reduce((s, c) => s + c.rolling12, 0);
  const share = input.bureau && input.bureau.annual > 0 ? rolling12 / input.bureau.annual : null;

  const byTier: TierRow[] = TIERS.map((tier) => {
    const list = key.filter((c) => c.tier === tier);
    const f = sumFigures(list);
    return {
      tier,
      count: list.length,
      ...f,
      shareOfKey: keyFigures.thisMonth > 0 ? f.thisMonth / keyFigures.thisMonth : null,
    };
  });
  const tierScope = Object.fromEntries(TIERS.map((t) => [t, Object.fromEntries(SCOPES.map((s) => [s, 0]))])) as Record<
    Tier,
    Record<Scope, number>
  >;
  for (const c of key) {
    const scope = input.scopeOf.get(c.id);
    if (c.tier !== null && scope !== undefined) tierScope[c.tier][scope]++;
  }

  const tierMoves: TierMove[] = [];
  for (const c of input.customers) {
    const before = input.lastMonthTier.get(c.id) ?? null;
    if (before !== c.tier) tierMoves.push({ id: c.id, name: c.name, unitName: c.unitName, from: before, to: c.tier });
  }

  const byLine: LineRow[] = REPORT_LINES.map((line, i) => {
    const at = (v: readonly Fen[]) => v[i] ?? 0;
    let thisMonth = 0;
    let lastMonth = 0;
    let sameMonthLastYear = 0;
    let yearToDate = 0;
    let yearToDateLastYear = 0;
    for (const c of key) {
      thisMonth += at(c.thisMonth);
      lastMonth += at(c.lastMonth);
      sameMonthLastYear += at(c.sameMonthLastYear);
      yearToDate += at(c.yearToDate);
      yearToDateLastYear += at(c.yearToDateLastYear);
    }
    return { line, ...withRatios({ thisMonth, lastMonth, sameMonthLastYear, yearToDate, yearToDateLastYear }) };
  });

  const trend: TrendPoint[] = input.trend.map(({ period, key, all }) => ({ period, key, all }));

  const fluctuations: Fluctuating[] = [];
  for (const row of keyRows) {
    const f = fluctuationOf(row.thisMonth, row.lastMonth, input.fluctuationPercent);
    if (f === null) continue;
    const sent = input.reasons.get(row.id);
    fluctuations.push({ ...row, ...f, explanation: sent?.reason ?? null, oneOff: sent?.oneOff ?? false });
  }
  fluctuations.sort(
    (a, b) => Math.abs(b.thisMonth - b.lastMonth) - Math.abs(a.thisMonth - a.lastMonth) || a.id.localeCompare(b.id),
  );

  const listed = new Set(
    form62List(
      {
        period: input.period,
        centreName: input.centreName,
        unitName: input.unit?.name ?? null,
        tierBasis: input.tierBasis,
        rules: {
          keyCustomerMinTier: input.keyCustomerMinTier,
          keyCustomerTopN: input.keyCustomerTopN,
          provinceMonthlyAverageMin: 0,
          provinceTopN: 0,
        },
      },
      input.customers,
    ).map((c) => c.customer.id),
  );
  const keyCustomers = keyRows.filter((c) => listed.has(c.id)).sort(byRevenue);

  const gold = key.filter((c) => c.tier === 'gold');

  const units = new Map<number, { unitName: string; list: CustomerFigures[] }>();
  for (const c of key) {
    const g = input.groupOf.get(c.id);
    if (!g) continue;
    const entry = units.get(g.unitId) ?? { unitName: g.unitName, list: [] };
    entry.list.push(c);
    units.set(g.unitId, entry);
  }

  return {
    period: input.period,
    unit: input.unit,
    centreName: input.centreName,
    tierBasis: input.tierBasis,
    policyVersion: input.policyVersion,
    overall: {
      keyCount: key.length,
      customerCount: input.customers.length,
      key: keyFigures,
      all: sumFigures(input.customers),
      bureau: input.bureau,
      share,
      added: keyRows.filter((c) => c.thisMonth > 0 && !(c.lastMonth > 0)).sort(byRevenue),
      lost: keyRows.filter((c) => c.lastMonth > 0 && !(c.thisMonth > 0)).sort((a, b) => b.lastMonth - a.lastMonth),
    },
    byTier,
    tierScope,
    tierMoves,
    byLine,
    trend,
    fluctuations,
    keyCustomers,
    top20: [...keyRows].sort(byRevenue).slice(0, 20),
    gold: { customers: gold.map(asRow).sort(byRevenue), figures: sumFigures(gold) },
    goldQuarter: quarterOf(input),
    units: [...units.entries()]
      .map(([unitId, u]) => ({ unitId, unitName: u.unitName, keyCount: u.list.length, ...sumFigures(u.list) }))
      .sort((a, b) => b.thisMonth - a.thisMonth || a.unitId - b.unitId),
    submissions: input.submissions,
  };
}
