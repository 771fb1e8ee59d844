import { describe, expect, it } from 'vitest';
import type { Tier } from '../tiers';
import { selectKeyCustomers, selectProvinceFiling } from './selection';

const c = (id: string, rank: number, tier: Tier | null = null, tieBreak = 0) => ({ id, rank, tieBreak, tier });
const ids = (listed: { item: { id: string }; because: string }[]) => listed.map((l) => `${l.item.id}:${l.because}`);

describe('附件6-2 list: silver and above, topped up to the top 10 (R25)', () => {
  it.each([
    {
      name: 'no tiers known: the top N by revenue, customers without revenue never fill',
      customers: [c('a', 5), c('b', 9), c('c', 0), c('d', 7)],
      topN: 3,
      expected: ['b:top', 'd:top', 'a:top'],
    },
    {
      name: 'tiers first (best tier, then revenue), then fillers by revenue up to N',
      customers: [c('a', 5, 'silver'), c('b', 9, 'general'), c('c', 1, 'diamond'), c('d', 7), c('e', 8, 'gold')],
      topN: 4,
      expected: ['c:tier', 'e:tier', 'a:tier', 'b:top'],
    },
    {
      name: 'more silver+ than N: all of them, no fillers',
      customers: [c('a', 5, 'silver'), c('b', 9, 'gold'), c('c', 100, 'general')],
      topN: 1,
      expected: ['b:tier', 'a:tier'],
    },
    {
      name: 'ties: year to date, then customer ID',
      customers: [c('b', 5, null, 1), c('a', 5, null, 1), c('c', 5, null, 2)],
      topN: 3,
      expected: ['c:top', 'a:top', 'b:top'],
    },
  ])('$name', ({ customers, topN, expected }) => {
    expect(ids(selectKeyCustomers(customers, 'silver', topN))).toEqual(expected);
  });
});

describe('附件7 list: ¥300,000 over 12 months or the city top 10 (R26)', () => {
  const MONTHLY = 25_000_00;
  it.each([
    {
      name: 'exactly ¥300,000 a year is in; one fen less is out when 10 others qualify',
      customers: [
        ...Array.from({ length: 9 }, (_, i) => c(`k${i}`, 40_000_000 + i)),
        c('edge', 30_000_000),
        c('below', 29_999_999),
      ],
      topN: 10,
      expected: [...Array.from({ length: 9 }, (_, i) => `k${8 - i}:threshold`), 'edge:threshold'],
    },
    {
      name: 'fewer than 10 qualify: the next highest fill the city top 10',
      customers: [c('edge', 30_000_000), c('below', 29_999_999), c('small', 1), c('none', 0)],
      topN: 10,
      expected: ['edge:threshold', 'below:top', 'small:top'],
    },
  ])('$name', ({ customers, topN, expected }) => {
    expect(ids(selectProvinceFiling(customers, MONTHLY, topN))).toEqual(expected);
  });
});
