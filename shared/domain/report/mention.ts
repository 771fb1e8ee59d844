/**
 * How one customer figures in a month's analysis (R25, R27, R28): whether it is on the key
 * customers' list (五、重点客户), its place in the top 20, a fluctuation and the unit's reason, new or
 * lost this month, and a tier move. The customer page shows it for the live month and for every
 * final report that names the customer, so the officer sees from the customer where it was reported.
 */
import type { Tier } from '../tiers';
import type { Fluctuating, ReportFacts } from './facts';

export interface CustomerMention {
  keyList: boolean;
  /** 1-based place among the month's key customers by revenue, when in the top 20. */
  top20Rank: number | null;
  fluctuation: Pick<Fluctuating, 'reason' | 'changePercent' | 'explanation' | 'oneOff'> | null;
  added: boolean;
  lost: boolean;
  tierMove: { from: Tier | null; to: Tier | null } | null;
}

export function mentionOf(facts: ReportFacts, customerId: string): CustomerMention {
  const rank = facts.top20.findIndex((c) => c.id === customerId);
  const f = facts.fluctuations.find((c) => c.id === customerId);
  const move = facts.tierMoves.find((m) => m.id === customerId);
  return {
    keyList: facts.keyCustomers.some((c) => c.id === customerId),
    top20Rank: rank < 0 ? null : rank + 1,
    fluctuation: f
      ? { reason: f.reason, changePercent: f.changePercent, explanation: f.explanation, oneOff: f.oneOff }
      : null,
    added: facts.overall.added.some((c) => c.id === customerId),
    lost: facts.overall.lost.some((c) => c.id === customerId),
    tierMove: move ? { from: move.from, to: move.to } : null,
  };
}

/** Whether the month's report says anything about the customer. */
export function isMentioned(m: CustomerMention): boolean {
  return m.keyList || m.top20Rank !== null || m.fluctuation !== null || m.added || m.lost || m.tierMove !== null;
}
