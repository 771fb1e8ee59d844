/**
 * Who is listed on 附件6-2 (R25) and 附件7 (R26). 附件6-2 is the union of "silver and above" and
 * "the unit's top 10 key customers"; 附件7 is "a rule, or the top N": everyone the rule admits, and
 * when that is fewer than N, the highest-revenue others up to N — so a city with few or no
 * customers over the line still files its top N.
 */
import type { Fen } from '../money';
import { type Tier, tierRank } from '../tiers';

export interface Listed<T, B extends string> {
  item: T;
  /** `tier` / `threshold`: the rule admits it; `top`: among the top N; `both`: tier and top N. */
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
  /** The tier in force for the month; null for a customer that is not a key customer. */
  tier: Tier | null;
}

/**
 * R25: every key customer of `minTier` and above (best tier first, then by the month's revenue),
 * and the unit's `topN` highest-revenue key customers of the month whatever their tier — the
 * union, each listed once (`both` when it is in both). A customer holding no tier is not a key
 * customer and is never listed. With `tiersKnown` false (no annual grading yet) nobody's tier is
 * known, and the list is the top `topN` by revenue (DOMAIN-DECISIONS "附件6-2").
 */
export function selectKeyCustomers<T extends KeyCustomerCandidate>(
  customers: readonly T[],
  minTier: Tier,
  topN: number,
  tiersKnown: boolean,
): Listed<T, 'tier' | 'top' | 'both'>[] {
  if (!tiersKnown) {
    return topUp(new Set(), customers, topN).map((item) => ({ item, because: 'top' as const }));
  }
  const min = tierRank(minTier);
  const key = customers.filter((c) => c.tier !== null);
  const top = new Set(topUp(new Set(), key, topN).map((c) => c.id));
  const byTier = key
    .filter((c) => tierRank(c.tier as Tier) >= min)
    .sort((a, b) => tierRank(b.tier as Tier) - tierRank(a.tier as Tier) || byRevenue(a, b));
  const admitted = new Set(byTier.map((c) => c.id));
  return [
    ...byTier.map((item) => ({ item, because: top.has(item.id) ? ('both' as const) : ('tier' as const) })),
    ...key
      .filter((c) => top.has(c.id) && !admitted.has(c.id))
      .sort(byRevenue)
      .map((item) => ({ item, because: 'top' as const })),
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
