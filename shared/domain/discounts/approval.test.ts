/** R29: the approval steps a discount request needs under the seed policy, and edge cases of the rule. */
import { describe, expect, it } from 'vitest';
import { yuan } from '../money';
import { POLICY_V1, type Policy } from '../policy/policy';
import type { Tier } from '../tiers';
import { discountDepthBp, formatBp, requiredSteps } from './approval';

const roles = (standard: number, proposed: number, tier: Tier | null, volume: number | null, policy = POLICY_V1) =>
  requiredSteps({ standard, proposed, tier, monthlyVolume: volume }, policy).map((s) => s.role);

describe('R29 approval steps under the seed policy', () => {
  // standard and proposed in fen (¥20.00 a piece), monthly volume in pieces.
  it.each<[string, number, number, Tier | null, number | null, string[]]>([
    ['a shallow discount for a silver customer, small volume', 2000, 1900, 'silver', 100, ['unit_head']],
    ['a non-key customer, shallow, small', 2000, 1900, null, 100, ['unit_head']],
    ['just under 10% stays with the unit', 10_000, 9_001, 'general', 10, ['unit_head']],
    ['exactly 10% reaches the centre', 10_000, 9_000, 'general', 10, ['unit_head', 'city_centre']],
    ['a gold customer goes to the centre whatever the depth', 2000, 1990, 'gold', 10, ['unit_head', 'city_centre']],
    ['20% adds the bureau leader', 2000, 1600, 'silver', 10, ['unit_head', 'city_centre', 'bureau_leader']],
    ['30% goes to the province', 2000, 1400, 'silver', 10, ['unit_head', 'city_centre', 'bureau_leader', 'province']],
    [
      'a diamond goes to the province even when shallow',
      2000,
      1950,
      'diamond',
      10,
      ['unit_head', 'city_centre', 'province'],
    ],
    // ¥19.00 × 600 = ¥11,400 a month ≥ ¥10,000: the centre; × 3000 = ¥57,000 ≥ ¥50,000: the leader too.
    ['monthly revenue ≥ ¥10,000 reaches the centre', 2000, 1900, 'silver', 600, ['unit_head', 'city_centre']],
    ['monthly revenue just under ¥10,000 does not', 2000, 1900, 'silver', 526, ['unit_head']],
    [
      'monthly revenue ≥ ¥50,000 adds the leader',
      2000,
      1900,
      'silver',
      3000,
      ['unit_head', 'city_centre', 'bureau_leader'],
    ],
    [
      'an unknown volume never spares a step',
      2000,
      1900,
      'silver',
      null,
      ['unit_head', 'city_centre', 'bureau_leader'],
    ],
  ])('%s', (_, standard, proposed, tier, volume, expected) => {
    expect(roles(standard, proposed, tier, volume)).toEqual(expected);
  });

  it('every request needs at least one step (R29: none passes by itself)', () => {
    for (const tier of [null, 'general', 'silver', 'gold', 'diamond'] as const)
      for (const proposed of [1, 999, 1999]) expect(roles(2000, proposed, tier, 0).length).toBeGreaterThanOrEqual(1);
  });

  it('gives the reasons a step is needed, in both languages', () => {
    const steps = requiredSteps({ standard: 2000, proposed: 1500, tier: 'gold', monthlyVolume: 10 }, POLICY_V1);
    expect(steps.map((s) => [s.label.zh, s.reasons.map((r) => r.zh)])).toEqual([
      ['单位负责人', ['所有申请必经']],
      ['市局大客户中心', ['优惠幅度 25% ≥ 10%']],
      ['分管局领导', ['优惠幅度 25% ≥ 20%']],
    ]);
    expect(steps[1]?.reasons[0]?.en).toBe('Discount of 25% ≥ 10%');
  });

  it('a condition with several fields needs all of them', () => {
    const policy: Policy = {
      ...POLICY_V1,
      discounts: {
        ...POLICY_V1.discounts,
        steps: [
          { role: 'a', zh: '甲', en: 'A', always: true, anyOf: [] },
          {
            role: 'b',
            zh: '乙',
            en: 'B',
            always: false,
            anyOf: [{ minDepthBp: 500, tiers: ['gold'], minMonthlyRevenue: yuan(1000) }],
          },
        ],
      },
    };
    expect(roles(2000, 1800, 'gold', 100, policy)).toEqual(['a', 'b']);
    expect(roles(2000, 1800, 'silver', 100, policy)).toEqual(['a']);
    expect(roles(2000, 1950, 'gold', 100, policy)).toEqual(['a']);
    expect(roles(2000, 1800, 'gold', 10, policy)).toEqual(['a']);
  });

  it('refuses a policy that would let a request through with no step', () => {
    const policy: Policy = {
      ...POLICY_V1,
      discounts: {
        ...POLICY_V1.discounts,
        steps: [{ role: 'b', zh: '乙', en: 'B', always: false, anyOf: [{ minDepthBp: 5000 }] }],
      },
    };
    expect(() => roles(2000, 1900, null, 1, policy)).toThrow(/R29/);
  });
});

describe('depth in basis points', () => {
  it.each([
    [2000, 1900, 500, '5%'],
    [300, 200, 3333, '33.33%'],
    [800, 700, 1250, '12.5%'],
    [3, 1, 6667, '66.67%'],
    [2000, 2000, 0, '0%'],
  ])('%i → %i is %i bp (%s)', (standard, proposed, bp, text) => {
    expect(discountDepthBp(standard, proposed)).toBe(bp);
    expect(formatBp(bp)).toBe(text);
  });
});
