import { describe, expect, it } from 'vitest';
import type { ProductLine } from './lines';
import { yuan } from './money';
import { POLICY_V1 } from './policy/policy';
import {
  type Clause,
  type LineAmounts,
  newspaperMonthlyRevenue,
  newspaperTurnover,
  type QualificationInput,
  qualify,
  type RevenueFigures,
  totalOf,
} from './qualification';

const input = (figures: RevenueFigures, extra: Partial<QualificationInput> = {}): QualificationInput => ({
  agreement: false,
  figures,
  ...extra,
});
const clausesOf = (i: QualificationInput): Clause[] => qualify(i, POLICY_V1).clauses;

describe('totalOf', () => {
  it.each<[LineAmounts, number]>([
    [{}, 0],
    [{ savings: 1 }, 1],
    [{ savings: yuan(1_000), other: yuan(250), newspapers: 7 }, yuan(1_250) + 7],
    [{ letters: undefined, bills: 5 }, 5],
  ])('sums every line including other: %j → %i', (amounts, total) => {
    expect(totalOf(amounts)).toBe(total);
  });
});

describe('R5 agreement', () => {
  it('R5: a signed agreement alone qualifies, with no revenue at all', () => {
    expect(qualify(input({ annual: {}, thisMonth: {} }, { agreement: true }), POLICY_V1)).toEqual({
      qualified: true,
      clauses: ['R5'],
      withoutLastYear: true,
    });
  });

  it('R5: without an agreement and without revenue nothing qualifies', () => {
    expect(qualify(input({ annual: {}, thisMonth: {} }), POLICY_V1)).toEqual({
      qualified: false,
      clauses: [],
      withoutLastYear: true,
    });
  });
});

describe('R6 comprehensive: last year ≥ ¥10,000 and this month ≥ ¥1,000, all lines together', () => {
  // bills (R7 ¥50,000/¥5,000) and other stay below every R7 threshold, so only R6 can hold.
  it.each<[string, LineAmounts, LineAmounts, Clause[]]>([
    ['both exactly met', { bills: yuan(6_000), other: yuan(4_000) }, { bills: yuan(1_000) }, ['R6']],
    ['last year one fen short', { bills: yuan(6_000), other: yuan(4_000) - 1 }, { bills: yuan(1_000) }, []],
    ['this month one fen short', { bills: yuan(10_000) }, { bills: yuan(600), other: yuan(400) - 1 }, []],
    [
      'this month sums the lines',
      { bills: yuan(10_000) },
      { bills: yuan(600), letters: yuan(300), other: yuan(100) },
      ['R6'],
    ],
    ['both well above', { bills: yuan(40_000) }, { bills: yuan(4_000) }, ['R6']],
  ])('R6: %s', (_label, annual, thisMonth, clauses) => {
    const q = qualify(input({ annual, thisMonth }), POLICY_V1);
    expect(q.clauses).toEqual(clauses);
    expect(q.qualified).toBe(clauses.length > 0);
    expect(q.withoutLastYear).toBe(false);
  });

  it('R6: one annual figure, when given, stands for the sum of the lines', () => {
    const figures = { annual: { bills: yuan(5_000) }, thisMonth: { bills: yuan(1_000) } };
    expect(clausesOf(input(figures))).toEqual([]);
    expect(clausesOf(input(figures, { annualRevenue: yuan(10_000) }))).toEqual(['R6']);
    expect(clausesOf(input(figures, { annualRevenue: yuan(10_000) - 1 }))).toEqual([]);
  });
});

describe('R7 professional: each line at its exact thresholds (DOMAIN.md table)', () => {
  // line, last year (yuan), this month (yuan) — from DOMAIN.md, not from the policy under test.
  const TABLE: [ProductLine, number, number][] = [
    ['savings', 20_000, 2_000],
    ['bills', 50_000, 5_000],
    ['letters', 12_000, 1_000],
    ['philately', 40_000, 3_500],
    ['express', 20_000, 2_000],
    ['logistics', 50_000, 5_000],
    ['parcels', 10_000, 1_000],
    ['newspapers', 20_000, 2_000],
  ];
  /** One line's figures; newspapers are judged on turnover (R8), given here equal to revenue. */
  const single = (line: ProductLine, lastYear: number, thisMonth: number): RevenueFigures => ({
    annual: { [line]: lastYear },
    thisMonth: { [line]: thisMonth },
    ...(line === 'newspapers' ? { newspaperTurnover: { annual: lastYear, thisMonth } } : {}),
  });
  /** R6 on the same single-line figures: ¥10,000 last year and ¥1,000 this month. */
  const r6 = (lastYear: number, thisMonth: number): Clause[] =>
    lastYear >= yuan(10_000) && thisMonth >= yuan(1_000) ? ['R6'] : [];

  it.each(TABLE)('R7: %s at exactly ¥%i last year and ¥%i this month qualifies', (line, lastYear, thisMonth) => {
    const q = qualify(input(single(line, yuan(lastYear), yuan(thisMonth))), POLICY_V1);
    expect(q.clauses).toEqual([...r6(yuan(lastYear), yuan(thisMonth)), `R7:${line}`]);
    expect(q.qualified).toBe(true);
  });

  it.each(TABLE)('R7: %s one fen short of ¥%i last year does not qualify under R7', (line, lastYear, thisMonth) => {
    const annual = yuan(lastYear) - 1;
    const q = qualify(input(single(line, annual, yuan(thisMonth))), POLICY_V1);
    expect(q.clauses).not.toContain(`R7:${line}`);
    expect(q.clauses).toEqual(r6(annual, yuan(thisMonth)));
  });

  it.each(TABLE)(
    'R7: %s (¥%i last year) one fen short of ¥%i this month does not qualify under R7',
    (line, lastYear, thisMonth) => {
      const month = yuan(thisMonth) - 1;
      const q = qualify(input(single(line, yuan(lastYear), month)), POLICY_V1);
      expect(q.clauses).not.toContain(`R7:${line}`);
      expect(q.clauses).toEqual(r6(yuan(lastYear), month));
    },
  );

  it('R7: a line is judged on its own figures, not on the other lines', () => {
    // ¥50,000 over two lines, neither reaching its own threshold
    const q = qualify(
      input({
        annual: { savings: yuan(19_999), express: yuan(30_001) },
        thisMonth: { savings: yuan(1_999), express: yuan(1_999) },
      }),
      POLICY_V1,
    );
    expect(q.clauses).toEqual(['R6']);
  });

  it('R7: the thresholds come from the policy', () => {
    const p = structuredClone(POLICY_V1);
    p.qualification.professional.savings = { lastYearMin: yuan(30_000), thisMonthMin: yuan(2_000) };
    const figures = { annual: { savings: yuan(20_000) }, thisMonth: { savings: yuan(2_000) } };
    expect(qualify(input(figures), POLICY_V1).clauses).toEqual(['R6', 'R7:savings']);
    expect(qualify(input(figures), p).clauses).toEqual(['R6']);
  });
});

describe('R5–R7 clause order', () => {
  it('lists R5, R6, then R7 by line order (R1), whatever order the figures come in', () => {
    const q = qualify(
      input(
        {
          annual: {
            newspapers: yuan(20_000),
            letters: yuan(12_000),
            parcels: yuan(9_000),
            savings: yuan(20_000),
          },
          thisMonth: {
            newspapers: yuan(2_000),
            parcels: yuan(1_000),
            letters: yuan(1_000),
            savings: yuan(2_000),
          },
          newspaperTurnover: { annual: yuan(20_000), thisMonth: yuan(2_000) },
        },
        { agreement: true },
      ),
      POLICY_V1,
    );
    expect(q).toEqual({
      qualified: true,
      clauses: ['R5', 'R6', 'R7:savings', 'R7:letters', 'R7:newspapers'],
      withoutLastYear: false,
    });
  });

  it('lists every R7 line that holds, all eight when all do', () => {
    const annual: LineAmounts = {
      parcels: yuan(50_000),
      newspapers: yuan(50_000),
      logistics: yuan(50_000),
      express: yuan(50_000),
      philately: yuan(50_000),
      letters: yuan(50_000),
      bills: yuan(50_000),
      savings: yuan(50_000),
    };
    const thisMonth: LineAmounts = Object.fromEntries(Object.keys(annual).map((l) => [l, yuan(5_000)]));
    const newspaperTurnover = { annual: yuan(50_000), thisMonth: yuan(5_000) };
    expect(clausesOf(input({ annual, thisMonth, newspaperTurnover }))).toEqual([
      'R6',
      'R7:savings',
      'R7:bills',
      'R7:letters',
      'R7:philately',
      'R7:express',
      'R7:logistics',
      'R7:parcels',
      'R7:newspapers',
    ]);
  });
});

describe('R7/R8 newspapers are compared on turnover only', () => {
  it.each<[string, RevenueFigures, Clause[]]>([
    [
      'turnover meets, revenue does not → R7',
      {
        annual: { newspapers: yuan(5_000) },
        thisMonth: { newspapers: yuan(500) },
        newspaperTurnover: { annual: yuan(20_000), thisMonth: yuan(2_000) },
      },
      ['R7:newspapers'],
    ],
    [
      'revenue meets, turnover one fen short last year → no R7',
      {
        annual: { newspapers: yuan(20_000) },
        thisMonth: { newspapers: yuan(2_000) },
        newspaperTurnover: { annual: yuan(20_000) - 1, thisMonth: yuan(2_000) },
      },
      ['R6'],
    ],
    [
      'revenue meets, turnover one fen short this month → no R7',
      {
        annual: { newspapers: yuan(20_000) },
        thisMonth: { newspapers: yuan(2_000) },
        newspaperTurnover: { annual: yuan(20_000), thisMonth: yuan(2_000) - 1 },
      },
      ['R6'],
    ],
    [
      'turnover not known (null): revenue is never compared, the clause cannot hold',
      {
        annual: { newspapers: yuan(20_000) },
        thisMonth: { newspapers: yuan(2_000) },
        newspaperTurnover: { annual: null, thisMonth: null },
      },
      ['R6'],
    ],
    [
      'no turnover reported at all (only revenue): no R7 newspapers',
      { annual: { newspapers: yuan(20_000) }, thisMonth: { newspapers: yuan(2_000) } },
      ['R6'],
    ],
    [
      'turnover last year but none this month: no R7 newspapers',
      {
        annual: { newspapers: yuan(20_000) },
        thisMonth: { newspapers: yuan(2_000) },
        newspaperTurnover: { annual: yuan(20_000), thisMonth: null },
      },
      ['R6'],
    ],
    [
      'an annual ¥20,000.00 entered in each of twelve months is ¥20,000.00 → R7',
      {
        annual: {},
        thisMonth: {},
        newspaperTurnover: {
          annual: newspaperTurnover(Array.from({ length: 12 }, () => yuan(20_000))),
          thisMonth: newspaperTurnover([yuan(24_000)]),
        },
      },
      ['R7:newspapers'],
    ],
    [
      'turnover counts for newspapers only, not for R6',
      {
        annual: {},
        thisMonth: {},
        newspaperTurnover: { annual: yuan(1_000_000), thisMonth: yuan(100_000) },
      },
      ['R7:newspapers'],
    ],
  ])('R7/R8: %s', (_label, figures, clauses) => {
    const q = qualify(input(figures), POLICY_V1);
    expect(q.clauses).toEqual(clauses);
    expect(q.qualified).toBe(true);
  });

  it('R7/R8: turnover decides for newspapers, even when another line qualifies beside it', () => {
    expect(
      clausesOf(
        input({
          annual: { savings: yuan(20_000), newspapers: yuan(1_000) },
          thisMonth: { savings: yuan(2_000), newspapers: yuan(100) },
          newspaperTurnover: { annual: yuan(20_000), thisMonth: yuan(2_000) },
        }),
      ),
    ).toEqual(['R6', 'R7:savings', 'R7:newspapers']);
  });
});

describe('R8 newspaperTurnover: annual figures added as entered, divided once', () => {
  it.each<[string, number[], number]>([
    ['twelve months of ¥20,000.00', Array.from({ length: 12 }, () => 2_000_000), 2_000_000],
    ['one month of ¥24,000.00 is ¥2,000.00', [2_400_000], 200_000],
    ['one month of ¥23,999.99 rounds down below ¥2,000.00', [2_399_999], 199_999],
    ['eleven months of ¥20,000.00 fall short', Array.from({ length: 11 }, () => 2_000_000), 1_833_333],
    ['no months', [], 0],
  ])('%s', (_label, annuals, expected) => {
    expect(newspaperTurnover(annuals)).toBe(expected);
  });
});

describe('without last year’s figures: only R5 or a manual decision', () => {
  const noLastYear: RevenueFigures = { annual: {}, thisMonth: { savings: yuan(50_000), express: yuan(50_000) } };

  it.each<[string, Partial<QualificationInput>, boolean, Clause[]]>([
    ['this month alone is not enough', {}, false, []],
    ['agreement', { agreement: true }, true, ['R5']],
    [
      'manual decision with a reason',
      { manual: { qualified: true, reason: '新签约的市政府集中采购项目' } },
      true,
      ['manual'],
    ],
    ['manual decision against', { manual: { qualified: false, reason: '业务量不足' } }, false, []],
    ['manual decision null', { manual: null }, false, []],
    [
      'agreement and manual: the agreement is the clause',
      { agreement: true, manual: { qualified: true, reason: '新客户' } },
      true,
      ['R5'],
    ],
  ])('%s', (_label, extra, qualified, clauses) => {
    expect(qualify(input(noLastYear, extra), POLICY_V1)).toEqual({ qualified, clauses, withoutLastYear: true });
  });

  it('all-zero annual figures count as no figures', () => {
    const q = qualify(input({ annual: { savings: 0, other: 0 }, thisMonth: { savings: yuan(5_000) } }), POLICY_V1);
    expect(q.withoutLastYear).toBe(true);
    expect(q.qualified).toBe(false);
  });

  it('a customer with last year’s figures is not flagged', () => {
    expect(qualify(input({ annual: { other: 1 }, thisMonth: {} }), POLICY_V1).withoutLastYear).toBe(false);
  });

  it('manual is not added when another clause holds', () => {
    const manual = { qualified: true, reason: '重点培育' };
    expect(
      clausesOf(input({ annual: { bills: yuan(10_000) }, thisMonth: { bills: yuan(1_000) } }, { manual })),
    ).toEqual(['R6']);
    expect(clausesOf(input({ annual: { bills: yuan(100) }, thisMonth: {} }, { manual }))).toEqual(['manual']);
  });
});

describe('R8 newspaper monthly revenue = annual turnover × rate ÷ 12 + other', () => {
  it.each([
    ['¥120,000.00 at 25.00% + ¥100.00 → ¥2,600.00', yuan(120_000), 2500, yuan(100), yuan(2_600)],
    ['¥120,000.00 at 25.00%, no other → ¥2,500.00', yuan(120_000), 2500, 0, yuan(2_500)],
    ['exactly half a fen (480.24 × 25% ÷ 12 = 10.005) rounds up', 48_024, 2500, 0, 1_001],
    ['just under half a fen (480.23 × 25% ÷ 12 = 10.0047…) rounds down', 48_023, 2500, 0, 1_000],
    ['just over half a fen (480.25 × 25% ÷ 12 = 10.0052…) rounds up', 48_025, 2500, 0, 1_001],
    ['¥123,456.78 at 12.34% + ¥0.01 → 1,269.5472… → ¥1,269.56', 12_345_678, 1234, 1, 126_955 + 1],
    ['¥0.24 at 25% = 0.5 fen rounds up to 1 fen', 24, 2500, 0, 1],
    ['¥0.23 at 25% = 0.479 fen rounds down to 0', 23, 2500, 0, 0],
    ['zero turnover: only other', 0, 2500, yuan(37), yuan(37)],
  ])('R8: %s', (_label, annualTurnover, rateBasisPoints, other, fen) => {
    expect(newspaperMonthlyRevenue({ annualTurnover, rateBasisPoints, other })).toBe(fen);
  });
});
