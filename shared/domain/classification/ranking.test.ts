import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FACTORS,
  factorProblem,
  factorProblemText,
  nextFactorKey,
  pointsText,
  type RankingFactor,
  rankProspects,
  weightedPoints,
} from './ranking';

const three: RankingFactor[] = [
  { key: 'postal', name: '用邮规模', weight: 50 },
  { key: 'growth', name: '发展潜力', weight: 30 },
  { key: 'fit', name: '契合度', weight: 20 },
];

describe('the ranking worksheet (R21 steps 2–3)', () => {
  it('starts with factors whose weights sum to 100', () => {
    expect(factorProblem(DEFAULT_FACTORS)).toBeNull();
  });

  it.each<[string, RankingFactor[], string | null]>([
    ['valid', three, null],
    ['no factor', [], '至少需要一个排序因素'],
    [
      'weights short of 100',
      [
        { key: 'a', name: 'A', weight: 40 },
        { key: 'b', name: 'B', weight: 50 },
      ],
      '各因素权重合计应为 100，现为 90',
    ],
    [
      'weights over 100',
      [
        { key: 'a', name: 'A', weight: 60 },
        { key: 'b', name: 'B', weight: 50 },
      ],
      '各因素权重合计应为 100，现为 110',
    ],
    [
      'a fractional weight',
      [
        { key: 'a', name: 'A', weight: 50.5 },
        { key: 'b', name: 'B', weight: 49.5 },
      ],
      '因素“A”的权重应为 0–100 的整数',
    ],
    [
      'a negative weight',
      [
        { key: 'a', name: 'A', weight: -10 },
        { key: 'b', name: 'B', weight: 110 },
      ],
      '因素“A”的权重应为 0–100 的整数',
    ],
    [
      'a repeated name',
      [
        { key: 'a', name: '规模', weight: 50 },
        { key: 'b', name: ' 规模', weight: 50 },
      ],
      '因素“规模”重复',
    ],
    [
      'a repeated key',
      [
        { key: 'a', name: 'A', weight: 50 },
        { key: 'a', name: 'B', weight: 50 },
      ],
      '因素代码 a 重复',
    ],
    ['a bad key', [{ key: 'A b', name: 'A', weight: 100 }], '因素代码 A b 不合规'],
    [
      'eleven factors',
      Array.from({ length: 11 }, (_, i) => ({ key: `f${i}`, name: `F${i}`, weight: i === 0 ? 90 : 1 })),
      '排序因素最多 10 个',
    ],
  ])('factors: %s', (_, factors, message) => {
    const p = factorProblem(factors);
    expect(p === null ? null : factorProblemText(p).zh).toBe(message);
  });

  it.each<[string, Record<string, number>, number, string[]]>([
    // 50×80 + 30×60 + 20×90 = 4000 + 1800 + 1800 = 7600 → 76
    ['all scored', { postal: 80, growth: 60, fit: 90 }, 7600, []],
    // 50×75 + 30×67 + 20×33 = 3750 + 2010 + 660 = 6420 → 64.2
    ['odd values stay exact', { postal: 75, growth: 67, fit: 33 }, 6420, []],
    ['a missing value counts 0 and is named', { postal: 100, fit: 100 }, 7000, ['growth']],
    ['a value of a removed factor is ignored', { postal: 100, growth: 100, fit: 100, old: 100 }, 10000, []],
    ['nothing scored', {}, 0, ['postal', 'growth', 'fit']],
  ])('weighted score: %s', (_, values, points, missing) => {
    expect(weightedPoints(three, values)).toEqual({ points, missing });
  });

  it('ranks highest first; equal scores share a rank and keep their order; the next rank skips', () => {
    const prospects = [
      { name: '甲', values: { postal: 60, growth: 60, fit: 60 } }, // 6000
      { name: '乙', values: { postal: 80, growth: 60, fit: 90 } }, // 7600
      { name: '丙', values: { postal: 70, growth: 80, fit: 70 } }, // 3500+2400+1400 = 7300
      { name: '丁', values: { postal: 90, growth: 50, fit: 55 } }, // 4500+1500+1100 = 7100
      { name: '戊', values: { postal: 64, growth: 90, fit: 85 } }, // 3200+2700+1700 = 7600
    ];
    expect(rankProspects(three, prospects).map((s) => [s.prospect.name, s.points, s.rank])).toEqual([
      ['乙', 7600, 1],
      ['戊', 7600, 1],
      ['丙', 7300, 3],
      ['丁', 7100, 4],
      ['甲', 6000, 5],
    ]);
    expect(rankProspects(three, [])).toEqual([]);
  });

  it.each([
    [7600, '76'],
    [6420, '64.2'],
    [7625, '76.25'],
    [7605, '76.05'],
    [0, '0'],
    [10000, '100'],
  ])('score %i reads %s', (points, text) => {
    expect(pointsText(points)).toBe(text);
  });

  it('gives an added factor the first free key', () => {
    expect(nextFactorKey(DEFAULT_FACTORS)).toBe('f1');
    expect(nextFactorKey([{ key: 'f1' }, { key: 'f3' }])).toBe('f2');
  });
});
