/**
 * R34 staff scorecards [inferred; the seed's part 3 is missing]: a month's figures per account
 * manager or unit, each part scored 0–100, the total their weighted mean (weights in the policy).
 * A part with nothing to judge (no target entered, no visit required, no log due, no archive due,
 * no complaint handled, nobody in the group with a new customer) scores null and leaves the mean:
 * the weights of the others are scaled up, so a manager is never marked down for a duty they did
 * not have. Pure; DOMAIN-DECISIONS "Staff scorecards (R34)".
 */
import { SCORECARD_PARTS, type ScorecardPart, type ScorecardWeights } from '../policy/policy';

export interface ScorecardFigures {
  /** This month's revenue of their customers against a twelfth of the year's target. */
  revenue: { actualFen: number; targetFen: number | null };
  /** Registrations approved this month (R19). */
  newCustomers: { count: number };
  /** R23 manager visits held, each customer counted up to its requirement. */
  visits: { required: number; held: number };
  /** R22 log duties of the month kept. */
  logs: { due: number; kept: number };
  /** R18 archives not overdue at the month's end. */
  archives: { due: number; onTime: number };
  /** R33 complaints closed this month or overdue at its end; handled in time. */
  complaints: { handled: number; inTime: number };
}

export type PartScores = Record<ScorecardPart, number | null>;

const tenth = (x: number) => Math.round(x * 10) / 10;
const rate = (done: number, of: number) => (of === 0 ? null : tenth(Math.min(100, (100 * done) / of)));

/** Each part's score; `bestNewCustomers` is the group's highest count (managers or units). */
export function partScores(f: ScorecardFigures, bestNewCustomers: number): PartScores {
  return {
    revenue: f.revenue.targetFen === null ? null : rate(f.revenue.actualFen, f.revenue.targetFen),
    newCustomers: bestNewCustomers === 0 ? null : rate(f.newCustomers.count, bestNewCustomers),
    visits: rate(f.visits.held, f.visits.required),
    logs: rate(f.logs.kept, f.logs.due),
    archives: rate(f.archives.onTime, f.archives.due),
    complaints: rate(f.complaints.inTime, f.complaints.handled),
  };
}

/** The weighted mean of the parts that apply, to one decimal; null when none applies. */
export function totalScore(scores: PartScores, weights: ScorecardWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const part of SCORECARD_PARTS) {
    const s = scores[part];
    if (s === null || weights[part] === 0) continue;
    sum += s * weights[part];
    weight += weights[part];
  }
  return weight === 0 ? null : tenth(sum / weight);
}

/** A twelfth of a year's target, in whole fen (rounded half up). */
export function monthlyTarget(yearFen: number): number {
  return Math.round(yearFen / 12);
}

/**
 * Ranks by total, best first; no total ranks last. Equal totals share a rank (1, 2, 2, 4), and
 * keep the given order among themselves.
 */
export function rankByTotal<T extends { total: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.total ?? -1) - (a.total ?? -1));
  let previous: number | null = null;
  let rank = 0;
  return sorted.map((r, i) => {
    if (r.total === null) return { ...r, rank: null };
    if (r.total !== previous) rank = i + 1;
    previous = r.total;
    return { ...r, rank };
  });
}
