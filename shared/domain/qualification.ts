/**
 * R5–R8: who is a key customer. Any clause qualifies: R5 a signed agreement; R6 comprehensive
 * (all lines, last year and this month); R7 professional (one line, last year and this month,
 * newspapers on turnover only, R8). A customer without last year's figures qualifies only through
 * R5 or a manual decision with a reason. The result lists every clause that holds, in the order
 * R5, R6, then R7 by line order (R1).
 */
import { PRODUCT_LINES, type ProductLine, type RevenueLine } from './lines';
import type { Policy } from './policy/policy';

export type LineAmounts = Partial<Record<RevenueLine, number>>;

export interface RevenueFigures {
  /** Last calendar year (annual grading) or the rolling 12 months (monthly preview), fen. */
  annual: LineAmounts;
  /** The month being graded, fen. */
  thisMonth: LineAmounts;
  /**
   * R8: newspaper turnover (流转额) of the window and of the month, fen (see `newspaperTurnover`),
   * null when the unit reported none. R7's newspaper clause is judged on it alone, never on revenue.
   */
  newspaperTurnover?: { annual: number | null; thisMonth: number | null };
}

export interface QualificationInput {
  /** R5: a signed business agreement with the post. */
  agreement: boolean;
  /** The centre's manual decision, with its reason (for customers without last year's figures). */
  manual?: { qualified: boolean; reason: string } | null;
  figures: RevenueFigures;
  /** The annual revenue when known as one figure (defaults to the sum of `figures.annual`). */
  annualRevenue?: number;
}

export type Clause = 'R5' | 'R6' | `R7:${ProductLine}` | 'manual';

export interface Qualification {
  qualified: boolean;
  clauses: Clause[];
  /** No revenue at all in the annual window: only R5 or a manual decision can qualify it. */
  withoutLastYear: boolean;
}

const REVENUE_LINES: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];
/** `R7:<line>` for each line, built once (a tiering run would otherwise build 160,000 strings). */
const R7_CLAUSES = PRODUCT_LINES.map((line) => `R7:${line}` as const);

export function totalOf(amounts: LineAmounts): number {
  let total = 0;
  for (const line of REVENUE_LINES) total += amounts[line] ?? 0;
  return total;
}

/**
 * R7's measure for a line: its revenue, or for newspapers its turnover (R8) — null when the unit
 * reported no turnover, and then the newspaper clause cannot hold.
 */
function lineMeasure(figures: RevenueFigures, line: ProductLine, which: 'annual' | 'thisMonth'): number | null {
  if (line === 'newspapers') return figures.newspaperTurnover?.[which] ?? null;
  return figures[which][line] ?? 0;
}

/**
 * R8: the turnover of some months from the annual turnovers entered for them (each month's is its
 * annual figure ÷ 12). The annual figures are added as entered and divided once, rounded down:
 * twelve months of ¥20,000.00 are ¥20,000.00 (dividing each month first gave ¥19,999.92), and
 * against a threshold in whole fen rounding down decides exactly as the exact quotient would.
 */
export function newspaperTurnover(annualTurnovers: readonly number[]): number {
  let sum = 0;
  for (const t of annualTurnovers) sum += t;
  return Math.floor(sum / 12);
}

export function qualify(input: QualificationInput, policy: Policy): Qualification {
  return qualifyWithTotals(
    input,
    input.annualRevenue ?? totalOf(input.figures.annual),
    totalOf(input.figures.thisMonth),
    policy,
  );
}

/** `qualify` with the two totals already summed (the evaluation needs them too). */
export function qualifyWithTotals(
  input: QualificationInput,
  annualTotal: number,
  thisMonthTotal: number,
  policy: Policy,
): Qualification {
  const { figures } = input;
  const clauses: Clause[] = [];
  const withoutLastYear = annualTotal === 0 && (figures.newspaperTurnover?.annual ?? 0) === 0;
  if (input.agreement) clauses.push('R5');
  const r6 = policy.qualification.comprehensive;
  if (annualTotal >= r6.lastYearMin && thisMonthTotal >= r6.thisMonthMin) clauses.push('R6');
  const professional = policy.qualification.professional;
  for (let i = 0; i < PRODUCT_LINES.length; i++) {
    const line = PRODUCT_LINES[i] as ProductLine;
    const t = professional[line];
    const lastYear = lineMeasure(figures, line, 'annual');
    const thisMonth = lineMeasure(figures, line, 'thisMonth');
    if (lastYear !== null && thisMonth !== null && lastYear >= t.lastYearMin && thisMonth >= t.thisMonthMin) {
      clauses.push(R7_CLAUSES[i] as Clause);
    }
  }
  if (input.manual?.qualified && clauses.length === 0) clauses.push('manual');
  return { qualified: clauses.length > 0, clauses, withoutLastYear };
}

/** R8: monthly newspaper revenue = annual turnover × average rate ÷ 12 + other, rounded half up. */
export function newspaperMonthlyRevenue(input: {
  annualTurnover: number;
  /** Average agency rate in basis points (25.00% = 2500). */
  rateBasisPoints: number;
  other: number;
}): number {
  const numerator = BigInt(input.annualTurnover) * BigInt(input.rateBasisPoints);
  const denominator = 10_000n * 12n;
  const sign = numerator < 0n ? -1n : 1n;
  const abs = numerator * sign;
  const rounded = ((abs * 2n + denominator) / (denominator * 2n)) * sign;
  return Number(rounded) + input.other;
}
