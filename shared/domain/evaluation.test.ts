import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvaluationInput, evaluateCustomer, formatPermille } from './evaluation';
import { PRODUCT_LINES, type RevenueLine } from './lines';
import { yuan } from './money';
import { POLICY_V1, type Policy } from './policy/policy';
import type { Tier } from './tiers';

/** Express only, so that R6 and R7:express hold and express is the dominant line (R14). */
const customer = (
  annualYuan: number,
  bureauRevenue: number,
  extra: Partial<EvaluationInput> = {},
): EvaluationInput => ({
  agreement: false,
  figures: { annual: { express: yuan(annualYuan) }, thisMonth: { express: yuan(annualYuan / 10) } },
  bureauRevenue,
  homeUnitIsCounty: false,
  ...extra,
});

const stepText = (input: EvaluationInput, rule: string, policy: Policy = POLICY_V1): string | undefined =>
  evaluateCustomer(input, policy).explanation.find((s) => s.rule === rule)?.text;

describe('R11/R12 worked checks through evaluateCustomer', () => {
  // bureau revenues that put each share where DOMAIN.md states it
  it.each<[string, number, number, number, number, number, Tier, string, string, string]>([
    [
      '¥1.45M at 0.9‰',
      1_450_000,
      161_111_111_111, // ¥1,611,111,111.11
      90,
      60,
      78,
      'gold',
      '年收入 ¥1,450,000.00 落在 [¥1,000,000.00, ¥1,500,000.00) 档，收入得分 90',
      '占全局年收入 ¥1,611,111,111.11 的 0.9‰，落在 [0.5‰, 1‰) 档，占比得分 60',
      '总分 = 60% × 90 + 40% × 60 = 54 + 24 = 78',
    ],
    [
      '¥0.4M at 2‰',
      400_000,
      yuan(200_000_000),
      70,
      80,
      74,
      'silver',
      '年收入 ¥400,000.00 落在 [¥300,000.00, ¥500,000.00) 档，收入得分 70',
      '占全局年收入 ¥200,000,000.00 的 2‰，落在 [1‰, 3‰) 档，占比得分 80',
      '总分 = 60% × 70 + 40% × 80 = 42 + 32 = 74',
    ],
    [
      '¥0.2M at 3.5‰',
      200_000,
      5_714_285_714, // ¥57,142,857.14
      60,
      100,
      76,
      'gold',
      '年收入 ¥200,000.00 落在 [¥100,000.00, ¥300,000.00) 档，收入得分 60',
      '占全局年收入 ¥57,142,857.14 的 3.5‰，≥ 3‰，占比得分 100',
      '总分 = 60% × 60 + 40% × 100 = 36 + 40 = 76',
    ],
  ])(
    'R9–R12 worked check %s → %i + %i → %i → %s',
    (_label, annualYuan, bureau, revenueScore, shareScore, total, tier, r9, r10, r11) => {
      const input = customer(annualYuan, bureau);
      const e = evaluateCustomer(input, POLICY_V1);
      expect(e.annualRevenue).toBe(yuan(annualYuan));
      expect(e.score.revenue.score).toBe(revenueScore);
      expect(e.score.share.score).toBe(shareScore);
      expect(e.score.totalX100).toBe(total * 100);
      expect(e.score.total).toBe(total);
      expect(e.tier).toBe(tier);
      expect(stepText(input, 'R9')).toBe(r9);
      expect(stepText(input, 'R10')).toBe(r10);
      expect(stepText(input, 'R11')).toBe(r11);
    },
  );

  it.each<[string, number, number, string]>([
    ['¥1.45M at 0.9‰', 1_450_000, 161_111_111_111, '总分 78 在 [75, 90) 之间，分级为黄金'],
    ['¥0.4M at 2‰', 400_000, yuan(200_000_000), '总分 74 在 [65, 75) 之间，分级为白银'],
    ['¥0.2M at 3.5‰', 200_000, 5_714_285_714, '总分 76 在 [75, 90) 之间，分级为黄金'],
    ['¥1.5M at 3‰', 1_500_000, yuan(500_000_000), '总分 100 ≥ 90，分级为钻石'],
    ['¥0.1M at 0.1‰', 100_000, yuan(1_000_000_000), '总分 52 < 65，分级为一般'],
  ])('R12 text for %s: %s', (_label, annualYuan, bureau, text) => {
    expect(stepText(customer(annualYuan, bureau), 'R12')).toBe(text);
  });

  it('R11: a non-integer total is printed as such (weights 55/45)', () => {
    const p = structuredClone(POLICY_V1);
    p.scoring.weights = { revenue: 55, share: 45, credit: 0 };
    const input = customer(1_000_000, yuan(1_600_000_000)); // 90 and 0.625‰ → 60
    expect(stepText(input, 'R11', p)).toBe('总分 = 55% × 90 + 45% × 60 = 49.5 + 27 = 76.5');
    expect(stepText(input, 'R12', p)).toBe('总分 76.5 在 [75, 90) 之间，分级为黄金');
  });

  it('R11: credit appears in the sum once its weight is above 0', () => {
    const p = structuredClone(POLICY_V1);
    p.scoring.weights = { revenue: 50, share: 40, credit: 10 };
    const input = customer(1_450_000, 161_111_111_111, { credit: 85 });
    expect(stepText(input, 'R11', p)).toBe('总分 = 50% × 90 + 40% × 60 + 10% × 85 = 45 + 24 + 8.5 = 77.5');
    expect(stepText(input, 'R11')).toBe('总分 = 60% × 90 + 40% × 60 = 54 + 24 = 78');
  });

  it('R10: a share below the lowest band says so', () => {
    expect(stepText(customer(100_000, yuan(2_000_000_000)), 'R10')).toBe(
      '占全局年收入 ¥2,000,000,000.00 的 0.05‰，低于最低档 0.1‰，占比得分 0',
    );
  });

  it('R9: revenue below the lowest band says so', () => {
    expect(stepText(customer(50_000, yuan(100_000_000)), 'R9')).toBe(
      '年收入 ¥50,000.00 低于最低档 ¥100,000.00，收入得分 0',
    );
  });
});

describe('explanation steps', () => {
  it('a qualified customer without an agreement: R6, R7, R9, R10, R11, R12, R14, R15 in that order', () => {
    const e = evaluateCustomer(customer(1_450_000, 161_111_111_111), POLICY_V1);
    expect(e.explanation.map((s) => s.rule)).toEqual(['R6', 'R7', 'R9', 'R10', 'R11', 'R12', 'R14', 'R15']);
  });

  it('with an agreement, R5 comes first', () => {
    const e = evaluateCustomer(customer(1_450_000, 161_111_111_111, { agreement: true }), POLICY_V1);
    expect(e.explanation.map((s) => s.rule)).toEqual(['R5', 'R6', 'R7', 'R9', 'R10', 'R11', 'R12', 'R14', 'R15']);
    expect(e.explanation[0]?.text).toBe('已与邮政签订业务协议，符合大客户条件');
    expect(e.qualification.clauses).toEqual(['R5', 'R6', 'R7:express']);
  });

  it('the worked check ¥1.45M: every step carries its numbers', () => {
    const e = evaluateCustomer(customer(1_450_000, 161_111_111_111), POLICY_V1);
    const text = Object.fromEntries(e.explanation.map((s) => [s.rule, s.text]));
    expect(text.R6).toBe('综合：上年收入 ¥1,450,000.00（门槛 ¥10,000.00），当月 ¥145,000.00（门槛 ¥1,000.00）——符合');
    expect(text.R7).toBe('专业：特快（上年门槛 ¥20,000.00，当月门槛 ¥2,000.00）达到门槛');
    expect(text.R14).toBe('建议范围：专业（主营业务收入占比不低于 80%；主营业务 特快）');
    expect(text.R15).toBe('负责单位：主营业务所属专业局');
    expect(e.scope).toEqual({ scope: 'professional', mainLine: 'express', reason: 'dominant_line' });
    expect(e.responsibleRole).toBe('main_line_bureau');
  });

  it('R6/R7 say when they do not hold', () => {
    const input: EvaluationInput = {
      agreement: true,
      figures: { annual: { bills: yuan(5_000), other: yuan(4_000) }, thisMonth: { bills: yuan(500) } },
      bureauRevenue: yuan(1_600_000_000),
      homeUnitIsCounty: true,
    };
    const e = evaluateCustomer(input, POLICY_V1);
    const text = Object.fromEntries(e.explanation.map((s) => [s.rule, s.text]));
    expect(text.R6).toBe('综合：上年收入 ¥9,000.00（门槛 ¥10,000.00），当月 ¥500.00（门槛 ¥1,000.00）——不符合');
    expect(text.R7).toBe('专业：没有一项业务的上年与当月收入同时达到门槛');
    expect(text.R14).toBe('建议范围：区域（属地单位为县（区）局；主营业务 帐单）');
    expect(text.R15).toBe('负责单位：属地单位的支局/班组'); // general × regional
    expect(e.tier).toBe('general');
  });

  it('R7/R8: a newspaper customer qualified on turnover alone is professional (single R7 clause)', () => {
    const input: EvaluationInput = {
      agreement: false,
      figures: {
        annual: { newspapers: yuan(5_000) },
        thisMonth: { newspapers: yuan(500) },
        newspaperTurnover: { annual: yuan(20_000), thisMonth: yuan(2_000) },
      },
      bureauRevenue: yuan(1_600_000_000),
      homeUnitIsCounty: true,
    };
    const e = evaluateCustomer(input, POLICY_V1);
    expect(e.qualification.clauses).toEqual(['R7:newspapers']);
    expect(e.scope).toEqual({ scope: 'professional', mainLine: 'newspapers', reason: 'single_professional_clause' });
    expect(e.tier).toBe('general');
    expect(e.responsibleRole).toBe('home_unit');
    const text = Object.fromEntries(e.explanation.map((s) => [s.rule, s.text]));
    expect(text.R7).toBe('专业：报刊（上年门槛 ¥20,000.00，当月门槛 ¥2,000.00）达到门槛（报刊按流转额，R8）');
    expect(text.R14).toBe('建议范围：专业（仅凭一项业务的专业条件（R7）入选；主营业务 报刊）');
  });

  it.each<[string, EvaluationInput['figures']['newspaperTurnover']]>([
    ['turnover not known (null)', { annual: null, thisMonth: null }],
    ['no turnover reported at all', undefined],
    ['turnover last year, none this month', { annual: yuan(20_000), thisMonth: null }],
  ])(
    'R7/R8: newspaper revenue alone never meets the turnover thresholds (%s), and the explanation says why',
    (_, turnover) => {
      const figures: EvaluationInput['figures'] = {
        annual: { newspapers: yuan(20_000) },
        thisMonth: { newspapers: yuan(2_000) },
      };
      if (turnover) figures.newspaperTurnover = turnover;
      const input: EvaluationInput = {
        agreement: false,
        figures,
        bureauRevenue: yuan(1_600_000_000),
        homeUnitIsCounty: false,
      };
      const e = evaluateCustomer(input, POLICY_V1);
      expect(e.qualification.clauses).toEqual(['R6']);
      const r7 = e.explanation.filter((s) => s.rule === 'R7');
      expect(r7.map((s) => s.key)).toEqual(['professionalNone', 'newspapersNoTurnover']);
      expect(r7[1]?.text).toBe('报刊：上年或当月未报流转额，报刊专业条件按流转额判断（R8），无法成立');
    },
  );

  it('every step has a stable key and params from which its Chinese text is made', () => {
    const e = evaluateCustomer(customer(1_450_000, yuan(1_600_000_000), { agreement: true }), POLICY_V1);
    expect(e.explanation.map((s) => s.key)).toEqual([
      'agreement',
      'comprehensiveMet',
      'professionalMet',
      'revenueScoreRange',
      'shareScoreRange',
      'total',
      'tierRange',
      'scopeMainLine',
      'responsible',
    ]);
    const r12 = e.explanation.find((s) => s.rule === 'R12');
    expect(r12?.params).toMatchObject({ tier: 'gold', lower: '75', upper: '90' });
    expect(r12?.text).toBe('总分 78 在 [75, 90) 之间，分级为黄金');
    expect(e.explanation.find((s) => s.rule === 'R7')?.lines).toEqual([
      { line: 'express', lastYearMin: '¥20,000.00', thisMonthMin: '¥2,000.00' },
    ]);
  });

  it('not a key customer: no tier, no responsible unit, no R15 step; R12 says what it would be', () => {
    const input: EvaluationInput = {
      agreement: false,
      figures: { annual: { bills: yuan(9_000) }, thisMonth: { bills: yuan(500) } },
      bureauRevenue: yuan(1_600_000_000),
      homeUnitIsCounty: false,
    };
    const e = evaluateCustomer(input, POLICY_V1);
    expect(e.qualification.qualified).toBe(false);
    expect(e.tier).toBeNull();
    expect(e.responsibleRole).toBeNull();
    expect(e.explanation.map((s) => s.rule)).toEqual(['R6', 'R7', 'R5–R8', 'R9', 'R10', 'R11', 'R12', 'R14']);
    const text = Object.fromEntries(e.explanation.map((s) => [s.rule, s.text]));
    expect(text['R5–R8']).toBe('不符合任何大客户条件，不参与分级');
    expect(text.R12).toBe('总分 0 < 65（若为大客户应为一般）');
  });

  it('no last-year figures: says only R5 or a manual decision can make it a key customer', () => {
    const input: EvaluationInput = {
      agreement: false,
      figures: { annual: {}, thisMonth: { savings: yuan(30_000) } },
      bureauRevenue: yuan(1_600_000_000),
      homeUnitIsCounty: false,
    };
    const e = evaluateCustomer(input, POLICY_V1);
    expect(e.qualification).toEqual({ qualified: false, clauses: [], withoutLastYear: true });
    expect(e.explanation.find((s) => s.rule === 'R5–R8')?.text).toBe(
      '没有上年收入数据，只能凭业务协议（R5）或中心人工认定成为大客户；目前不是大客户',
    );
  });

  it('a manual decision is explained with its reason and qualifies the customer', () => {
    const input: EvaluationInput = {
      agreement: false,
      manual: { qualified: true, reason: '市政府集中采购中标，合同已签待执行' },
      figures: { annual: {}, thisMonth: { savings: yuan(30_000) } },
      bureauRevenue: yuan(1_600_000_000),
      homeUnitIsCounty: true,
    };
    const e = evaluateCustomer(input, POLICY_V1);
    expect(e.qualification.clauses).toEqual(['manual']);
    expect(e.tier).toBe('general');
    expect(e.explanation.map((s) => s.rule)).toEqual(['R6', 'R7', 'R5–R8', 'R9', 'R10', 'R11', 'R12', 'R14', 'R15']);
    expect(e.explanation.find((s) => s.rule === 'R5–R8')?.text).toBe(
      '中心人工认定：市政府集中采购中标，合同已签待执行',
    );
  });

  it.each<[string, boolean, string, string]>([
    [
      'gold comprehensive in the city → city centre',
      false,
      '建议范围：综合（非专业、非县区属地；主营业务 储汇）',
      '负责单位：市局大客户中心',
    ],
    [
      'gold regional in a county → county centre',
      true,
      '建议范围：区域（属地单位为县（区）局；主营业务 储汇）',
      '负责单位：属地县（区）局大客户中心（市区客户由市局大客户中心负责）',
    ],
  ])('R14/R15: %s', (_label, homeUnitIsCounty, r14, r15) => {
    // ¥1.45M over two lines (neither ≥ 80%) at 0.9‰ → 78 → gold
    const input: EvaluationInput = {
      agreement: false,
      figures: {
        annual: { savings: yuan(725_000), letters: yuan(725_000) },
        thisMonth: { savings: yuan(60_000), letters: yuan(60_000) },
      },
      bureauRevenue: 161_111_111_111,
      homeUnitIsCounty,
    };
    const e = evaluateCustomer(input, POLICY_V1);
    expect(e.tier).toBe('gold');
    expect(stepText(input, 'R14')).toBe(r14);
    expect(stepText(input, 'R15')).toBe(r15);
  });

  it('uses the single annual figure when given instead of the sum of lines', () => {
    const input = customer(100_000, yuan(1_600_000_000), { annualRevenue: yuan(1_450_000) });
    const e = evaluateCustomer(input, POLICY_V1);
    expect(e.annualRevenue).toBe(yuan(1_450_000));
    expect(e.score.revenue.score).toBe(90);
  });

  it('a bureau revenue of 0 is refused', () => {
    expect(() => evaluateCustomer(customer(1_450_000, 0), POLICY_V1)).toThrow(RangeError);
  });
});

describe('formatPermille', () => {
  it.each([
    [0, '0‰'],
    [100, '0.1‰'],
    [500, '0.5‰'],
    [900, '0.9‰'],
    [906, '0.906‰'],
    [1000, '1‰'],
    [3500, '3.5‰'],
    [10_000, '10‰'],
    [1_000_000, '1000‰'],
  ])('%i ppm → %s', (ppm, text) => {
    expect(formatPermille(ppm)).toBe(text);
  });
});

describe('evaluateCustomer properties', () => {
  const fen = fc.bigInt({ min: 0n, max: BigInt(yuan(100_000_000)) }).map(Number);
  const lines: RevenueLine[] = [...PRODUCT_LINES, 'other'];
  const amounts = fc.dictionary(fc.constantFrom(...lines), fen, { maxKeys: lines.length });
  const input: fc.Arbitrary<EvaluationInput> = fc.record(
    {
      agreement: fc.boolean(),
      manual: fc.option(fc.record({ qualified: fc.boolean(), reason: fc.string() }), { nil: null }),
      figures: fc.record(
        {
          annual: amounts,
          thisMonth: amounts,
          newspaperTurnover: fc.record({
            annual: fc.option(fen, { nil: null }),
            thisMonth: fc.option(fen, { nil: null }),
          }),
        },
        { requiredKeys: ['annual', 'thisMonth'] },
      ),
      bureauRevenue: fc.bigInt({ min: 1n, max: BigInt(yuan(100_000_000_000)) }).map(Number),
      homeUnitIsCounty: fc.boolean(),
      credit: fc.integer({ min: 0, max: 100 }),
    },
    { requiredKeys: ['agreement', 'figures', 'bureauRevenue', 'homeUnitIsCounty'] },
  );

  it('is deterministic: the same input twice gives deep-equal results, and the input is not changed', () => {
    fc.assert(
      fc.property(input, (i) => {
        const before = structuredClone(i);
        const first = evaluateCustomer(i, POLICY_V1);
        const second = evaluateCustomer(structuredClone(i), POLICY_V1);
        expect(second).toEqual(first);
        expect(i).toEqual(before);
      }),
    );
  });

  it('a key customer always has a tier and a responsible role, and a non-key customer neither', () => {
    fc.assert(
      fc.property(input, (i) => {
        const e = evaluateCustomer(i, POLICY_V1);
        expect(e.tier === null).toBe(!e.qualification.qualified);
        expect(e.responsibleRole === null).toBe(!e.qualification.qualified);
        expect(e.explanation.some((s) => s.rule === 'R15')).toBe(e.qualification.qualified);
        expect(e.score.totalX100).toBeGreaterThanOrEqual(0);
        expect(e.score.totalX100).toBeLessThanOrEqual(10_000);
      }),
    );
  });
});
