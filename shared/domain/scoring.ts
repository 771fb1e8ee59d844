/**
 * R9–R13: revenue score, share score, weighted total and tier. All comparisons are exact:
 * amounts in fen, shares in parts per million compared with BigInt cross-multiplication, the
 * weighted total kept as an integer ×100 (weights are whole percentages).
 */
import type { Band, Policy } from './policy/policy';
import type { Tier } from './tiers';

export interface BandHit {
  score: number;
  /** Index of the band that matched, or null for "below the lowest band". */
  band: number | null;
}

/** R9: the first band (highest first) whose lower bound the revenue reaches. */
export function revenueScore(annualRevenue: number, policy: Policy): BandHit {
  const bands = policy.scoring.revenueBands;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as Band;
    if (annualRevenue >= band.min) return { score: band.score, band: i };
  }
  return { score: policy.scoring.revenueBelowScore, band: null };
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * revenue ÷ bureau ≥ ppm ÷ 1,000,000, exactly: plain integer products while both stay below
 * 2^53 (exact in a double), BigInt beyond (¥90M+ customers, or huge bureau figures).
 */
function reachesShare(revenue: number, bureau: number, ppm: number): boolean {
  const left = revenue * 1_000_000;
  const right = ppm * bureau;
  if (left <= SAFE && right <= SAFE) return left >= right;
  return BigInt(revenue) * 1_000_000n >= BigInt(ppm) * BigInt(bureau);
}

/** R10: on annual revenue ÷ the bureau's annual revenue of the same year. */
export function shareScore(annualRevenue: number, bureauRevenue: number, policy: Policy): BandHit {
  if (bureauRevenue <= 0) throw new RangeError('全局年收入必须大于 0');
  const bands = policy.scoring.shareBands;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as Band;
    if (reachesShare(annualRevenue, bureauRevenue, band.min)) return { score: band.score, band: i };
  }
  return { score: policy.scoring.shareBelowScore, band: null };
}

/** The share in ppm, rounded down: for display only (bands compare exactly). */
export function sharePpm(annualRevenue: number, bureauRevenue: number): number {
  const numerator = annualRevenue * 1_000_000;
  if (numerator <= SAFE && annualRevenue >= 0) {
    // The float quotient may round across an integer: correct it with exact products.
    let q = Math.floor(numerator / bureauRevenue);
    if (q * bureauRevenue > numerator) q--;
    else if ((q + 1) * bureauRevenue <= numerator) q++;
    return q;
  }
  return Number((BigInt(annualRevenue) * 1_000_000n) / BigInt(bureauRevenue));
}

/** R12: lower-inclusive, upper-exclusive bands on the total. */
export function tierForTotal(totalX100: number, policy: Policy): Tier {
  const t = policy.tiers;
  if (totalX100 >= t.diamond * 100) return 'diamond';
  if (totalX100 >= t.gold * 100) return 'gold';
  if (totalX100 >= t.silver * 100) return 'silver';
  return 'general';
}

export interface ScoreInput {
  annualRevenue: number;
  bureauRevenue: number;
  /** R11: credit score, weight 0 until the province enables it. */
  credit?: number;
}

export interface Score {
  revenue: BandHit;
  share: BandHit;
  sharePpm: number;
  credit: number;
  totalX100: number;
  /** totalX100 ÷ 100, for display and JSON. */
  total: number;
  tier: Tier;
}

export function scoreCustomer(input: ScoreInput, policy: Policy): Score {
  const revenue = revenueScore(input.annualRevenue, policy);
  const share = shareScore(input.annualRevenue, input.bureauRevenue, policy);
  const credit = input.credit ?? 0;
  const w = policy.scoring.weights;
  const totalX100 = w.revenue * revenue.score + w.share * share.score + w.credit * credit;
  return {
    revenue,
    share,
    sharePpm: sharePpm(input.annualRevenue, input.bureauRevenue),
    credit,
    totalX100,
    total: totalX100 / 100,
    tier: tierForTotal(totalX100, policy),
  };
}

/** R13: a province approval (valid on the date) and an override sit beside the computed tier. */
export interface SpecialApproval {
  tier: Tier;
  approver: string;
  documentNo: string;
  reason: string;
  validFrom: string;
  validTo: string | null;
}

export interface Override {
  tier: Tier;
  approver: string;
  reason: string;
}

export interface EffectiveTier {
  computed: Tier;
  effective: Tier;
  source: 'computed' | 'approval' | 'override';
}

export function approvalValidOn(a: SpecialApproval, date: string): boolean {
  return a.validFrom <= date && (a.validTo === null || date <= a.validTo);
}

/** The province's approval wins over a local override; neither replaces the computed tier. */
export function effectiveTier(
  computed: Tier,
  date: string,
  approval: SpecialApproval | null,
  override: Override | null,
): EffectiveTier {
  if (approval && approvalValidOn(approval, date)) return { computed, effective: approval.tier, source: 'approval' };
  if (override) return { computed, effective: override.tier, source: 'override' };
  return { computed, effective: computed, source: 'computed' };
}
