/**
 * R29: which approval steps a tariff discount request needs, from the policy's conditions on the
 * depth of the discount, the customer's tier in force and the expected monthly revenue. Pure; the
 * backend stores the result with the policy version when the request is made, so a later policy
 * never changes a chain already under way. DOMAIN-DECISIONS "Discounts (R29)".
 */
import { type Bilingual, bi } from '../bilingual';
import { type Fen, formatMoney } from '../money';
import type { DiscountCondition, Policy } from '../policy/policy';
import { TIER_NAMES_ZH, type Tier } from '../tiers';

export interface DiscountFacts {
  /** The standard and the proposed rate per charging unit, in fen. */
  standard: Fen;
  proposed: Fen;
  /** The customer's tier in force when the request is made; null for a customer not graded key. */
  tier: Tier | null;
  /** Expected charging units a month; null when the unit did not say. */
  monthlyVolume: number | null;
}

export interface RequiredStep {
  role: string;
  label: Bilingual;
  /** Why this step is needed (the conditions that held), for the officer and the record. */
  reasons: Bilingual[];
}

const TIER_NAMES_EN: Record<Tier, string> = { diamond: 'diamond', gold: 'gold', silver: 'silver', general: 'general' };

/** The discount's depth in basis points of the standard rate (1% = 100 bp), rounded half up. */
export function discountDepthBp(standard: Fen, proposed: Fen): number {
  if (standard <= 0) return 0;
  const off = (standard - proposed) * 10_000;
  return Math.floor((2 * off + standard) / (2 * standard));
}

/** 1250 → "12.5%", 2000 → "20%". */
export function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** Expected monthly revenue at the proposed rate, in fen; null when the volume is unknown. */
export function expectedMonthlyRevenue(proposed: Fen, monthlyVolume: number | null): Fen | null {
  return monthlyVolume === null ? null : proposed * monthlyVolume;
}

/** Whether every field of one condition holds, and the reasons if so (null when it does not). */
function conditionHolds(c: DiscountCondition, facts: DiscountFacts): Bilingual[] | null {
  const reasons: Bilingual[] = [];
  if (c.minDepthBp !== undefined) {
    // Compared exactly in integers: (standard − proposed) / standard ≥ bp / 10 000.
    if ((facts.standard - facts.proposed) * 10_000 < c.minDepthBp * facts.standard) return null;
    const depth = formatBp(discountDepthBp(facts.standard, facts.proposed));
    const floor = formatBp(c.minDepthBp);
    reasons.push(bi(`优惠幅度 ${depth} ≥ ${floor}`, `Discount of ${depth} ≥ ${floor}`));
  }
  if (c.tiers !== undefined) {
    if (facts.tier === null || !c.tiers.includes(facts.tier)) return null;
    reasons.push(bi(`${TIER_NAMES_ZH[facts.tier]}客户`, `A ${TIER_NAMES_EN[facts.tier]} customer`));
  }
  if (c.minMonthlyRevenue !== undefined) {
    const revenue = expectedMonthlyRevenue(facts.proposed, facts.monthlyVolume);
    const floor = formatMoney(c.minMonthlyRevenue);
    if (revenue === null) {
      // Leaving the volume out never spares a step: unknown counts as reaching the floor.
      reasons.push(
        bi(`未填预计月业务量，按月收入达到 ${floor} 审批`, `No monthly volume given: treated as reaching ${floor}`),
      );
    } else {
      if (revenue < c.minMonthlyRevenue) return null;
      const amount = formatMoney(revenue);
      reasons.push(bi(`预计月收入 ${amount} ≥ ${floor}`, `Expected monthly revenue ${amount} ≥ ${floor}`));
    }
  }
  return reasons;
}

/**
 * The steps a request needs, in the policy's signing order: each step marked `always`, and each
 * step one of whose conditions holds (with the first condition that held as its reason). R29: no
 * request passes by itself, so an empty chain is an error, never an approval.
 */
export function requiredSteps(facts: DiscountFacts, policy: Pick<Policy, 'discounts'>): RequiredStep[] {
  const steps: RequiredStep[] = [];
  for (const step of policy.discounts.steps) {
    const label = bi(step.zh, step.en);
    if (step.always) {
      steps.push({ role: step.role, label, reasons: [bi('所有申请必经', 'Every request')] });
      continue;
    }
    for (const c of step.anyOf) {
      const reasons = conditionHolds(c, facts);
      if (reasons !== null) {
        steps.push({ role: step.role, label, reasons });
        break;
      }
    }
  }
  if (steps.length === 0)
    throw new RangeError(
      'R29: the policy gives this request no approval step (validation requires one for every request)',
    );
  return steps;
}
