/**
 * Who is listed on 附件6-2 (R25) and 附件7 (R26). Both lists are "a rule, or the top N": everyone
 * the rule admits, and when that is fewer than N, the highest-revenue others up to N — so a unit
 * (or a city) with few or no customers over the line still files its top N, and a ranking by the
 * same figure as the rule never drops a customer the rule admits.
 */
import type { Fen } from '../money';
import { type Tier, tierRank } from '../tiers';

export interface Listed<T, B extends string> {
  item: T;
  /** `tier` / `threshold`: the rule admits it; `top`: it fills the list up to N. */
  because: B;
}

interface Ranked {
  id: string;
  /** The ranking figure, fen. */
  rank: Fen;
  /** Tie-break after the ranking figure (fen); then the customer ID. */
  tieBreak: Fen;
}

const byRevenue = (a: Ranked, b: Ranked) => b.rank - a.rank || b.tieBreak - a.tieBreak || (a.id < b.id ? -1 : 1);

/** The `n` best of `candidates` with some revenue, by revenue: fillers only for customers with business. */
function topUp<T extends Ranked>(admitted: Set<string>, candidates: readonly T[], n: number): T[] {
  const room = n - admitted.size;
  if (room <= 0) return [];
  return candidates
    .filter((c) => !admitted.has(c.id) && c.rank > 0)
    .sort(byRevenue)
    .slice(0, room);
}

export interface KeyCustomerCandidate extends Ranked {
  tier: Tier | null;
}

/**
 * R25: customers of `minTier` and above (best tier first, then by the month's revenue), then, if
 * fewer than `topN`, the unit's highest revenue of the month up to `topN` (with no tiers known,
 * that is the whole list).
 */
export function selectKeyCustomers<T extends KeyCustomerCandidate>(
  customers: readonly T[],
  minTier: Tier,
  topN: number,
): Listed<T, 'tier' | 'top'>[] {
  const min = tierRank(minTier);
  const byTier = customers
    .filter((c) => c.tier !== null && tierRank(c.tier) >= min)
    .sort((a, b) => tierRank(b.tier as Tier) - tierRank(a.tier as Tier) || byRevenue(a, b));
  const admitted = new Set(byTier.map((c) => c.id));
  return [
    ...byTier.map((item) => ({ item, because: 'tier' as const })),
    ...topUp(admitted, customers, topN).map((item) => ({ item, because: 'top' as const })),
  ];
}

/**
 * R26: customers whose 12-month revenue (`rank`) is at least twelve months of `monthlyMin` —
 * "averaging ¥25,000 a month", compared as ¥300,000 a year in whole fen, so exactly ¥300,000 is
 * in — then the city's top `topN` by the same figure if fewer qualify. Highest first.
 */
export function selectProvinceFiling<T extends Ranked>(
  customers: readonly T[],
  monthlyMin: Fen,
  topN: number,
): Listed<T, 'threshold' | 'top'>[] {
  const yearlyMin = monthlyMin * 12;
  const over = customers.filter((c) => c.rank >= yearlyMin).sort(byRevenue);
  const admitted = new Set(over.map((c) => c.id));
  return [
    ...over.map((item) => ({ item, because: 'threshold' as const })),
    ...topUp(admitted, customers, topN).map((item) => ({ item, because: 'top' as const })),
  ];
}
