import { describe, expect, it } from 'vitest';
import { POLICY_V1 } from '../policy/policy';
import { monthlyTarget, partScores, rankByTotal, type ScorecardFigures, totalScore } from './score';

const figures = (over: Partial<ScorecardFigures> = {}): ScorecardFigures => ({
  revenue: { actualFen: 0, targetFen: null },
  newCustomers: { count: 0 },
  visits: { required: 0, held: 0 },
  logs: { due: 0, kept: 0 },
  archives: { due: 0, onTime: 0 },
  complaints: { handled: 0, inTime: 0 },
  ...over,
});

describe('partScores (R34)', () => {
  it.each([
    ['revenue at 80% of the month’s target', { revenue: { actualFen: 80_000, targetFen: 100_000 } }, 'revenue', 80],
    ['revenue above target is capped', { revenue: { actualFen: 150_000, targetFen: 100_000 } }, 'revenue', 100],
    ['no target: not judged', { revenue: { actualFen: 150_000, targetFen: null } }, 'revenue', null],
    ['visits 3 of 4', { visits: { required: 4, held: 3 } }, 'visits', 75],
    ['no visit required', { visits: { required: 0, held: 2 } }, 'visits', null],
    ['logs 2 of 3', { logs: { due: 3, kept: 2 } }, 'logs', 66.7],
    ['archives 9 of 10', { archives: { due: 10, onTime: 9 } }, 'archives', 90],
    ['complaints 1 of 2', { complaints: { handled: 2, inTime: 1 } }, 'complaints', 50],
    ['new customers 1 against the best 4', { newCustomers: { count: 1 } }, 'newCustomers', 25],
  ] as const)('%s', (_, over, part, expected) => {
    expect(partScores(figures(over as Partial<ScorecardFigures>), 4)[part]).toBe(expected);
  });

  it('nobody in the group with a new customer: the part is not judged', () => {
    expect(partScores(figures(), 0).newCustomers).toBeNull();
  });
});

describe('totalScore', () => {
  const w = POLICY_V1.scorecard.weights; // revenue 40, new 15, visits 15, logs 10, archives 10, complaints 10
  it('is the weighted mean of the parts that apply', () => {
    // (80×40 + 50×15 + 100×15 + 100×10 + 90×10 + 100×10) / 100 = 83.5
    expect(
      totalScore({ revenue: 80, newCustomers: 50, visits: 100, logs: 100, archives: 90, complaints: 100 }, w),
    ).toBe(83.5);
  });
  it('scales the others up when a part does not apply', () => {
    // (80×40 + 100×15 + 90×10) / 65 = 86.15… → 86.2
    expect(
      totalScore({ revenue: 80, newCustomers: null, visits: 100, logs: null, archives: 90, complaints: null }, w),
    ).toBe(86.2);
  });
  it('is null when nothing applies', () => {
    expect(
      totalScore({ revenue: null, newCustomers: null, visits: null, logs: null, archives: null, complaints: null }, w),
    ).toBeNull();
  });
});

describe('monthlyTarget and rankByTotal', () => {
  it.each([
    [1_200_000, 100_000],
    [100, 8],
    [6, 1],
  ])('a year of %i fen → %i a month', (year, month) => expect(monthlyTarget(year)).toBe(month));

  it('ranks best first, ties share a rank, no total last', () => {
    const ranked = rankByTotal([
      { id: 'a', total: 70 },
      { id: 'b', total: null },
      { id: 'c', total: 90 },
      { id: 'd', total: 70 },
      { id: 'e', total: 60 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['e', 4],
      ['b', null],
    ]);
  });
});
