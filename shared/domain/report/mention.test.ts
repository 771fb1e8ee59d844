/** How one customer figures in a month's analysis (mention.ts), for each way it can be named. */
import { describe, expect, it } from 'vitest';
import { REPORT_LINES } from '../exports/figures';
import type { Tier } from '../tiers';
import { buildReportFacts } from './facts';
import { isMentioned, mentionOf } from './mention';

const fen = (n: number) => REPORT_LINES.map((l) => (l === 'letters' ? n : 0));

function customer(id: string, tier: Tier | null, thisMonth: number, lastMonth: number) {
  return {
    id,
    name: `客户${id}`,
    unitName: '澄海分局',
    tier,
    computedTier: tier,
    tierSource: 'computed' as const,
    thisMonth: fen(thisMonth),
    lastMonth: fen(lastMonth),
    sameMonthLastYear: fen(0),
    yearToDate: fen(thisMonth),
    yearToDateLastYear: fen(0),
    rolling12: thisMonth,
  };
}

const facts = buildReportFacts({
  period: '2026-10',
  unit: null,
  centreName: '市局大客户中心',
  tierBasis: { runId: 1, year: 2025, policyVersion: 1 },
  policyVersion: 1,
  customers: [
    customer('GOLD', 'gold', 100_000, 99_000),
    customer('FALL', 'general', 5_000, 10_000),
    customer('NEW', 'general', 3_000, 0),
    customer('LOST', 'general', 0, 4_000),
    customer('NONKEY', null, 1_000, 1_000),
    customer('UP', 'silver', 9_000, 9_000),
  ],
  groupOf: new Map(),
  scopeOf: new Map(),
  lastMonthTier: new Map<string, Tier | null>([
    ['UP', 'general'],
    ['GOLD', 'gold'],
    ['FALL', 'general'],
    ['NEW', 'general'],
    ['LOST', 'general'],
  ]),
  trend: [],
  bureau: null,
  reasons: new Map([['FALL', { reason: '季节性回落', oneOff: true }]]),
  fluctuationPercent: 30,
  keyCustomerMinTier: 'silver',
  keyCustomerTopN: 1,
  submissions: null,
});

describe('mentionOf', () => {
  it.each([
    ['GOLD', { keyList: true, top20Rank: 1, fluctuation: null, added: false, lost: false, tierMove: null }],
    [
      'FALL',
      {
        keyList: false,
        top20Rank: 3,
        fluctuation: { reason: 'fall', changePercent: -50, explanation: '季节性回落', oneOff: true },
        added: false,
        lost: false,
        tierMove: null,
      },
    ],
    [
      'NEW',
      {
        keyList: false,
        top20Rank: 4,
        fluctuation: { reason: 'new', changePercent: null, explanation: null, oneOff: false },
        added: true,
        lost: false,
        tierMove: null,
      },
    ],
    ['LOST', { keyList: false, top20Rank: 5, added: false, lost: true, tierMove: null }],
    ['UP', { keyList: true, top20Rank: 2, fluctuation: null, tierMove: { from: 'general', to: 'silver' } }],
    [
      'NONKEY',
      {
        keyList: false,
        top20Rank: null,
        fluctuation: null,
        added: false,
        lost: false,
        tierMove: null,
      },
    ],
  ] as const)('%s', (id, expected) => {
    expect(mentionOf(facts, id)).toMatchObject(expected);
  });

  it('a customer the month does not name is not mentioned', () => {
    const none = mentionOf(facts, 'ABSENT');
    expect(none).toEqual({
      keyList: false,
      top20Rank: null,
      fluctuation: null,
      added: false,
      lost: false,
      tierMove: null,
    });
    expect(isMentioned(none)).toBe(false);
    expect(isMentioned(mentionOf(facts, 'LOST'))).toBe(true);
  });
});
