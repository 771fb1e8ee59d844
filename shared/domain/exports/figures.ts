/**
 * The figures an export is laid out from (R24–R26): per customer, fen per line for each of the
 * months or ranges a table compares, and the tier the customer holds for the month. Gathered by
 * the backend in one pass over the monthly revenue copy; everything after that is pure.
 */
import type { ClassificationPlace } from '../classification/order';
import { PRODUCT_LINES, type RevenueLine } from '../lines';
import type { Fen } from '../money';
import { addMonths, formatPeriodZh, monthOf, type Period, periodOf, sameMonthLastYear, yearOf } from '../periods';
import type { Tier } from '../tiers';

/** R1's eight lines and `other`, in the order every table uses. */
export const REPORT_LINES: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];

/** Fen per line, in REPORT_LINES order. */
export type LineVector = Fen[];

export const zeroLines = (): LineVector => REPORT_LINES.map(() => 0);

export function totalOf(v: readonly Fen[]): Fen {
  let sum = 0;
  for (const x of v) sum += x;
  return sum;
}

/** Adds `b` into `a` line by line. */
export function addLines(a: LineVector, b: readonly Fen[]): void {
  for (let i = 0; i < a.length; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
}

/** The months and ranges a month's tables compare (R24). */
export const BUCKETS = ['thisMonth', 'lastMonth', 'sameMonthLastYear', 'yearToDate', 'yearToDateLastYear'] as const;
export type Bucket = (typeof BUCKETS)[number];

export type TierSource = 'computed' | 'approval' | 'override';

export interface CustomerFigures {
  id: string;
  name: string;
  unitName: string;
  /** The tier the month's tables use (R13: a valid province approval, else an override, else computed). */
  tier: Tier | null;
  /** The run's computed tier, printed beside an approval or override (R13: never instead of it). */
  computedTier: Tier | null;
  tierSource: TierSource;
  thisMonth: LineVector;
  lastMonth: LineVector;
  sameMonthLastYear: LineVector;
  /** January to the period. */
  yearToDate: LineVector;
  /** January to the same month, a year earlier. */
  yearToDateLastYear: LineVector;
  /** All lines over the 12 months ending with the period (R26's yearly figure). */
  rolling12: Fen;
  /** Its place in the classification table (附件2, R21), when the centre placed it. */
  classification?: ClassificationPlace | null;
}

/** Which annual grading the month's tiers come from; null when none has been run. */
export interface TierBasis {
  runId: number;
  /** The graded calendar year. */
  year: number;
  policyVersion: number;
}

/** R25/R26 thresholds as the policy in force for the period sets them. */
export interface ReportRules {
  keyCustomerMinTier: Tier;
  keyCustomerTopN: number;
  /** Fen a month; a year is twelve of them. */
  provinceMonthlyAverageMin: Fen;
  provinceTopN: number;
}

export interface ExportHeader {
  period: Period;
  /** The city centre's name: it files every table. */
  centreName: string;
  /** The unit a per-unit table is for (with the units under it); null for the city as a whole. */
  unitName: string | null;
  tierBasis: TierBasis | null;
  rules: ReportRules;
}

/** The months each bucket covers, for the SQL gather and the tables' captions. */
export interface PeriodPlan {
  period: Period;
  lastMonth: Period;
  sameMonthLastYear: Period;
  yearStart: Period;
  lastYearStart: Period;
  rollingStart: Period;
  /** The earliest month any bucket needs. */
  from: Period;
}

export function periodPlan(period: Period): PeriodPlan {
  const year = yearOf(period);
  const lastYearStart = periodOf(year - 1, 1);
  return {
    period,
    lastMonth: addMonths(period, -1),
    sameMonthLastYear: sameMonthLastYear(period),
    yearStart: periodOf(year, 1),
    lastYearStart,
    rollingStart: addMonths(period, -11),
    // January of last year is never after the rolling window's start (period − 11 months).
    from: lastYearStart,
  };
}

/** "2026年1月至10月" — or "2026年1月" in January. */
export function yearToDateLabel(period: Period): string {
  const year = yearOf(period);
  const month = monthOf(period);
  return month === 1 ? formatPeriodZh(period) : `${year}年1月至${month}月`;
}
