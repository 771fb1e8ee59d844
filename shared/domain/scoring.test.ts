import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yuan } from './money';
import { POLICY_V1, type Policy } from './policy/policy';
import {
  approvalValidOn,
  effectiveTier,
  type Override,
  revenueScore,
  type SpecialApproval,
  scoreCustomer,
  sharePpm,
  shareScore,
  tierForTotal,
} from './scoring';
import { type Tier, tierRank } from './tiers';

/** A copy of the seed policy with other R11 weights (percent), to reach totals the seed cannot. */
function withWeights(revenue: number, share: number, credit: number): Policy {
  const p = structuredClone(POLICY_V1);
  p.scoring.weights = { revenue, share, credit };
  return p;
}

/** Any safe amount of fen from 0 to `max` (fast-check's `integer` stops at 32 bits). */
const fenUpTo = (max: number) => fc.bigInt({ min: 0n, max: BigInt(max) }).map(Number);

describe('R9 revenue score: every band edge, in fen', () => {
  it.each([
    ['¥1,500,000.00', yuan(1_500_000), 100, 0],
    ['¥1,499,999.99', yuan(1_500_000) - 1, 90, 1],
    ['¥1,000,000.00', yuan(1_000_000), 90, 1],
    ['¥999,999.99', yuan(1_000_000) - 1, 80, 2],
    ['¥500,000.00', yuan(500_000), 80, 2],
    ['¥499,999.99', yuan(500_000) - 1, 70, 3],
    ['¥300,000.00', yuan(300_000), 70, 3],
    ['¥299,999.99', yuan(300_000) - 1, 60, 4],
    ['¥100,000.00', yuan(100_000), 60, 4],
    ['¥99,999.99', yuan(100_000) - 1, 0, null],
    ['¥0.00', 0, 0, null],
    ['¥90,000,000.00', yuan(90_000_000), 100, 0],
  ])('R9: exactly %s scores %i (band %s)', (_label, fen, score, band) => {
    expect(revenueScore(fen, POLICY_V1)).toEqual({ score, band });
  });

  it('R9: the bands and the score below them come from the policy', () => {
    const p = structuredClone(POLICY_V1);
    p.scoring.revenueBands = [{ min: yuan(200), score: 50 }];
    p.scoring.revenueBelowScore = 10;
    expect(revenueScore(yuan(200), p)).toEqual({ score: 50, band: 0 });
    expect(revenueScore(yuan(200) - 1, p)).toEqual({ score: 10, band: null });
  });
});

describe('R10 share score: every band edge, exactly', () => {
  const BUREAU = yuan(1_600_000_000); // ¥1,600,000,000.00

  it.each([
    ['3‰ = ¥4,800,000.00', yuan(4_800_000), 100, 0],
    ['3‰ less one fen', yuan(4_800_000) - 1, 80, 1],
    ['1‰ = ¥1,600,000.00', yuan(1_600_000), 80, 1],
    ['1‰ less one fen', yuan(1_600_000) - 1, 60, 2],
    ['0.5‰ = ¥800,000.00', yuan(800_000), 60, 2],
    ['0.5‰ less one fen', yuan(800_000) - 1, 40, 3],
    ['0.1‰ = ¥160,000.00', yuan(160_000), 40, 3],
    ['0.1‰ less one fen', yuan(160_000) - 1, 0, null],
    ['nothing', 0, 0, null],
    ['the whole bureau', BUREAU, 100, 0],
  ])('R10: bureau ¥1,600,000,000.00, revenue %s → %i', (_label, fen, score, band) => {
    expect(shareScore(fen, BUREAU, POLICY_V1)).toEqual({ score, band });
  });

  // ¥1,234,567,891.23: ppm × bureau ÷ 1,000,000 is never a whole fen, so each band starts at the
  // next whole fen above it (e.g. 3‰ = 370,370,367.369 fen → 370,370,368 reaches it).
  const ODD_BUREAU = 123_456_789_123;
  it.each([
    ['3‰', 370_370_368, 100, 0],
    ['3‰', 370_370_367, 80, 1],
    ['1‰', 123_456_790, 80, 1],
    ['1‰', 123_456_789, 60, 2],
    ['0.5‰', 61_728_395, 60, 2],
    ['0.5‰', 61_728_394, 40, 3],
    ['0.1‰', 12_345_679, 40, 3],
    ['0.1‰', 12_345_678, 0, null],
  ])('R10: bureau ¥1,234,567,891.23, edge %s, revenue %i fen → %i', (_edge, fen, score, band) => {
    expect(shareScore(fen, ODD_BUREAU, POLICY_V1)).toEqual({ score, band });
  });

  it('R10: compares by cross-multiplication, where a float quotient would round up to the edge', () => {
    // 27,021,597,764,222 ÷ 9,007,199,254,740,667 is 1/9,007,199,254,740,667,000 short of 0.003; the
    // double quotient rounds to exactly 0.003, so a float comparison would wrongly award 100.
    const bureau = 9_007_199_254_740_667;
    const revenue = 27_021_597_764_222;
    expect(revenue / bureau).toBe(0.003); // the trap
    expect(shareScore(revenue, bureau, POLICY_V1)).toEqual({ score: 80, band: 1 });
    expect(shareScore(revenue + 1, bureau, POLICY_V1)).toEqual({ score: 100, band: 0 });
  });

  it('R10: for any bureau of ¥10,000 or more, the smallest revenue reaching each band scores it and one fen less does not', () => {
    const bands = POLICY_V1.scoring.shareBands;
    const bureau = fenUpTo(Number.MAX_SAFE_INTEGER).filter((b) => b >= yuan(10_000));
    fc.assert(
      fc.property(bureau, fc.nat({ max: bands.length - 1 }), (b, i) => {
        const band = bands[i];
        if (band === undefined) throw new Error('no band');
        // ceil(min × bureau ÷ 1,000,000) in exact integer arithmetic
        const edge = Number((BigInt(band.min) * BigInt(b) + 999_999n) / 1_000_000n);
        expect(shareScore(edge, b, POLICY_V1)).toEqual({ score: band.score, band: i });
        const below = bands[i + 1]?.score ?? POLICY_V1.scoring.shareBelowScore;
        expect(shareScore(edge - 1, b, POLICY_V1).score).toBe(below);
      }),
    );
  });

  it.each([0, -1])('R10: a bureau revenue of %i cannot be divided by and throws', (bureau) => {
    expect(() => shareScore(yuan(1_000), bureau, POLICY_V1)).toThrow(RangeError);
    expect(() => scoreCustomer({ annualRevenue: yuan(1_000), bureauRevenue: bureau }, POLICY_V1)).toThrow(
      '全局年收入必须大于 0',
    );
  });

  it.each([
    [yuan(1_450_000), 161_111_111_111, 900],
    [yuan(400_000), yuan(200_000_000), 2000],
    [yuan(4_800_000) - 1, yuan(1_600_000_000), 2999],
    [yuan(4_800_000), yuan(1_600_000_000), 3000],
    [0, yuan(1), 0],
  ])('R10: share of %i fen in %i fen is %i ppm, rounded down (display only)', (revenue, bureau, ppm) => {
    expect(sharePpm(revenue, bureau)).toBe(ppm);
  });
});

describe('R11/R12 total and tier', () => {
  // Worked checks (DOMAIN.md). 0.9‰ of ¥1,611,111,111.11 is ¥1,450,000.00 (to within a fen);
  // 2‰ of ¥200,000,000.00 is ¥400,000.00; 3.5‰ of ¥57,142,857.14 is ¥200,000.00.
  it.each<[string, number, number, number, number, number, number, number, Tier]>([
    ['¥1.45M at 0.9‰', yuan(1_450_000), 161_111_111_111, 90, 60, 900, 7800, 78, 'gold'],
    ['¥0.4M at 2‰', yuan(400_000), yuan(200_000_000), 70, 80, 2000, 7400, 74, 'silver'],
    ['¥0.2M at 3.5‰', yuan(200_000), 5_714_285_714, 60, 100, 3500, 7600, 76, 'gold'],
  ])(
    'R11/R12 worked check %s: %i fen of %i → %i/%i → total %i×1/100 = %i → %s',
    (_label, annualRevenue, bureauRevenue, revenue, share, ppm, totalX100, total, tier) => {
      const s = scoreCustomer({ annualRevenue, bureauRevenue }, POLICY_V1);
      expect(s.revenue.score).toBe(revenue);
      expect(s.share.score).toBe(share);
      expect(s.sharePpm).toBe(ppm);
      expect(s.credit).toBe(0);
      expect(s.totalX100).toBe(totalX100);
      expect(s.total).toBe(total);
      expect(s.tier).toBe(tier);
    },
  );

  it.each<[number, Tier]>([
    [10_000, 'diamond'],
    [9000, 'diamond'],
    [8999, 'gold'],
    [7500, 'gold'],
    [7499, 'silver'],
    [6500, 'silver'],
    [6499, 'general'],
    [0, 'general'],
  ])('R12: total ×100 of %i → %s (lower bound inclusive, upper exclusive)', (totalX100, tier) => {
    expect(tierForTotal(totalX100, POLICY_V1)).toBe(tier);
  });

  // Weights 55/45 and 45/55 give half points; exact ×100 arithmetic keeps them.
  it.each<[string, Policy, number, number, number, Tier]>([
    ['55/45: 90 and 60', withWeights(55, 45, 0), yuan(1_000_000), yuan(1_600_000_000), 76.5, 'gold'],
    ['55/45: 70 and 60', withWeights(55, 45, 0), yuan(300_000), yuan(400_000_000), 65.5, 'silver'],
    ['55/45: 90 and 40', withWeights(55, 45, 0), yuan(1_000_000), yuan(8_000_000_000), 67.5, 'silver'],
    ['45/55: 70 and 60', withWeights(45, 55, 0), yuan(300_000), yuan(400_000_000), 64.5, 'general'],
  ])('R11/R12 non-integer total, weights %s → %d → %s', (_label, policy, annualRevenue, bureauRevenue, total, tier) => {
    const s = scoreCustomer({ annualRevenue, bureauRevenue }, policy);
    expect(s.total).toBe(total);
    expect(s.totalX100).toBe(total * 100);
    expect(s.tier).toBe(tier);
  });

  // Weights 60/30/10 with a credit score reach any whole-tenth total: one credit point either side
  // of each cut-off.
  it.each<[number, number, number, number, number, Tier]>([
    [yuan(1_000_000), yuan(100_000_000), 60, 9000, 90, 'diamond'],
    [yuan(1_000_000), yuan(100_000_000), 59, 8990, 89.9, 'gold'],
    [yuan(100_000), yuan(10_000_000), 90, 7500, 75, 'gold'],
    [yuan(100_000), yuan(10_000_000), 89, 7490, 74.9, 'silver'],
    [yuan(300_000), yuan(400_000_000), 50, 6500, 65, 'silver'],
    [yuan(300_000), yuan(400_000_000), 49, 6490, 64.9, 'general'],
  ])(
    'R12: revenue %i, bureau %i, credit %i at 60/30/10 → %i ×1/100 = %d → %s',
    (annualRevenue, bureauRevenue, credit, totalX100, total, tier) => {
      const s = scoreCustomer({ annualRevenue, bureauRevenue, credit }, withWeights(60, 30, 10));
      expect(s.credit).toBe(credit);
      expect(s.totalX100).toBe(totalX100);
      expect(s.total).toBe(total);
      expect(s.tier).toBe(tier);
    },
  );

  it('R12: the cut-offs come from the policy', () => {
    const p = structuredClone(POLICY_V1);
    p.tiers = { diamond: 95, gold: 80, silver: 70 };
    expect(tierForTotal(9000, p)).toBe('gold');
    expect(tierForTotal(7800, p)).toBe('silver');
    expect(tierForTotal(6900, p)).toBe('general');
    expect(tierForTotal(9500, p)).toBe('diamond');
  });
});

describe('R13 province approval and override beside the computed tier', () => {
  const approval = (validFrom: string, validTo: string | null, tier: Tier = 'diamond'): SpecialApproval => ({
    tier,
    approver: '省局大客户中心 王某',
    documentNo: '粤邮大〔2026〕12号',
    reason: '全省重点客户',
    validFrom,
    validTo,
  });
  const override: Override = { tier: 'silver', approver: '市局大客户中心 李某', reason: '年中并购，收入待合并' };

  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-06-30', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('R13: an approval valid 2026-01-01 to 2026-12-31 is valid on %s: %s', (date, valid) => {
    expect(approvalValidOn(approval('2026-01-01', '2026-12-31'), date)).toBe(valid);
  });

  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2099-12-31', true],
  ])('R13: an open-ended approval from 2026-01-01 is valid on %s: %s', (date, valid) => {
    expect(approvalValidOn(approval('2026-01-01', null), date)).toBe(valid);
  });

  it.each<[string, string, SpecialApproval | null, Override | null, Tier, 'computed' | 'approval' | 'override']>([
    ['valid approval wins', '2026-01-01', approval('2026-01-01', '2026-12-31'), null, 'diamond', 'approval'],
    [
      'valid approval wins over an override',
      '2026-12-31',
      approval('2026-01-01', '2026-12-31'),
      override,
      'diamond',
      'approval',
    ],
    ['open-ended approval', '2030-05-01', approval('2026-01-01', null), override, 'diamond', 'approval'],
    ['expired approval ignored', '2027-01-01', approval('2026-01-01', '2026-12-31'), null, 'general', 'computed'],
    ['approval not yet valid ignored', '2025-12-31', approval('2026-01-01', '2026-12-31'), null, 'general', 'computed'],
    [
      'expired approval: override used',
      '2027-01-01',
      approval('2026-01-01', '2026-12-31'),
      override,
      'silver',
      'override',
    ],
    ['no approval: override used', '2026-06-01', null, override, 'silver', 'override'],
    ['nothing: computed', '2026-06-01', null, null, 'general', 'computed'],
  ])('R13: %s (on %s)', (_label, date, a, o, effective, source) => {
    expect(effectiveTier('general', date, a, o)).toEqual({ computed: 'general', effective, source });
  });

  it.each<Tier>(['diamond', 'gold', 'silver', 'general'])(
    'R13: the computed tier %s is always reported beside the effective one',
    (computed) => {
      const a = approval('2026-01-01', null, 'diamond');
      expect(effectiveTier(computed, '2026-03-01', a, override).computed).toBe(computed);
      expect(effectiveTier(computed, '2026-03-01', null, override).computed).toBe(computed);
      expect(effectiveTier(computed, '2026-03-01', null, null)).toEqual({
        computed,
        effective: computed,
        source: 'computed',
      });
    },
  );
});

describe('R9–R12 properties', () => {
  const revenue = fenUpTo(yuan(10_000_000_000));
  const bureau = fenUpTo(yuan(100_000_000_000)).filter((b) => b > 0);

  it('R9: the revenue score never falls as revenue rises', () => {
    fc.assert(
      fc.property(revenue, revenue, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(revenueScore(lo, POLICY_V1).score).toBeLessThanOrEqual(revenueScore(hi, POLICY_V1).score);
      }),
    );
  });

  it('R10: the share score never falls as revenue rises against a fixed bureau', () => {
    fc.assert(
      fc.property(revenue, revenue, bureau, (a, b, bureauRevenue) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(shareScore(lo, bureauRevenue, POLICY_V1).score).toBeLessThanOrEqual(
          shareScore(hi, bureauRevenue, POLICY_V1).score,
        );
      }),
    );
  });

  it('R10: the share score never falls as the bureau shrinks under a fixed revenue', () => {
    fc.assert(
      fc.property(revenue, bureau, bureau, (annualRevenue, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(shareScore(annualRevenue, large, POLICY_V1).score).toBeLessThanOrEqual(
          shareScore(annualRevenue, small, POLICY_V1).score,
        );
      }),
    );
  });

  it('R12: the tier rank never falls as the total rises', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(tierRank(tierForTotal(lo, POLICY_V1))).toBeLessThanOrEqual(tierRank(tierForTotal(hi, POLICY_V1)));
      }),
    );
  });

  it('R11: the total stays within [0, 100] for any weights summing to 100 and scores within range', () => {
    const weights = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([x, y]) => {
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      return withWeights(lo, hi - lo, 100 - hi);
    });
    fc.assert(
      fc.property(
        revenue,
        bureau,
        fc.integer({ min: 0, max: 100 }),
        weights,
        (annualRevenue, bureauRevenue, credit, p) => {
          const s = scoreCustomer({ annualRevenue, bureauRevenue, credit }, p);
          expect(s.totalX100).toBeGreaterThanOrEqual(0);
          expect(s.totalX100).toBeLessThanOrEqual(10_000);
          expect(Number.isInteger(s.totalX100)).toBe(true);
          expect(s.total).toBe(s.totalX100 / 100);
          expect(s.tier).toBe(tierForTotal(s.totalX100, p));
        },
      ),
    );
  });
});

describe('R10 exact arithmetic: the integer fast path agrees with BigInt', () => {
  const bigPpm = (r: number, b: number) => Number((BigInt(r) * 1_000_000n) / BigInt(b));
  it('sharePpm equals the BigInt floor for any revenue and bureau, including huge ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (revenue, bureau) => sharePpm(revenue, bureau) === bigPpm(revenue, bureau),
      ),
      { numRuns: 2000 },
    );
  });
  it.each([
    [1, 3],
    [2, 3],
    [4_800_000_00, 1_600_000_000_00],
    [4_800_000_00 - 1, 1_600_000_000_00],
    [9_007_199_254, 3],
    [9_007_199_255, 7],
  ])('sharePpm(%i, %i) is the exact floor at boundaries', (revenue, bureau) => {
    expect(sharePpm(revenue, bureau)).toBe(bigPpm(revenue, bureau));
  });
  it('shareScore equals a BigInt comparison on random inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 1, max: 10 ** 14 }), (revenue, bureau) => {
        const bands = POLICY_V1.scoring.shareBands;
        const expected =
          bands.find((b) => BigInt(revenue) * 1_000_000n >= BigInt(b.min) * BigInt(bureau))?.score ??
          POLICY_V1.scoring.shareBelowScore;
        return shareScore(revenue, bureau, POLICY_V1).score === expected;
      }),
      { numRuns: 2000 },
    );
  });
});
