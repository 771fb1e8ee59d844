import { describe, expect, it } from 'vitest';
import type { Tier } from '../tiers';
import { selectKeyCustomers, selectProvinceFiling } from './selection';

const c = (id: string, rank: number, tier: Tier | null = null, tieBreak = 0) => ({ id, rank, tieBreak, tier });
const ids = (listed: { item: { id: string }; because: string }[]) => listed.map((l) => `${l.item.id}:${l.because}`);

describe('附件6-2 list: every silver and above, and the unit’s top 10 key customers (R25)', () => {
  const silverPlus = Array.from({ length: 12 }, (_, i) =>
    c(`s${String(i).padStart(2, '0')}`, 100 + i, i < 2 ? 'gold' : 'silver'),
  );
  it.each([
    {
      name: 'no tiers known: the top N by revenue, customers without revenue never fill',
      customers: [c('a', 5), c('b', 9), c('c', 0), c('d', 7)],
      topN: 3,
      tiersKnown: false,
      expected: ['b:top', 'd:top', 'a:top'],
    },
    {
      name: 'silver+ (best tier, then revenue), then the top N key customers not already listed; a non-key customer never',
      customers: [c('a', 5, 'silver'), c('b', 9, 'general'), c('c', 1, 'diamond'), c('d', 70), c('e', 8, 'gold')],
      topN: 3,
      tiersKnown: true,
      expected: ['c:tier', 'e:both', 'a:both', 'b:top'],
    },
    {
      name: '12 silver+ and 3 general among the top 10: the union, 15 rows, each once',
      customers: [
        ...silverPlus,
        c('g1', 1_000, 'general'),
        c('g2', 900, 'general'),
        c('g3', 800, 'general'),
        c('g4', 1, 'general'),
      ],
      topN: 10,
      tiersKnown: true,
      expected: [
        's01:tier',
        's00:tier',
        ...Array.from({ length: 10 }, (_, i) => `s${String(11 - i).padStart(2, '0')}:${11 - i >= 5 ? 'both' : 'tier'}`),
        'g1:top',
        'g2:top',
        'g3:top',
      ],
    },
    {
      name: 'a non-key top earner (no tier in force) is never listed, even to fill the ten',
      customers: [c('big', 1_000_000), c('k', 5, 'general'), c('s', 1, 'silver')],
      topN: 10,
      tiersKnown: true,
      expected: ['s:both', 'k:top'],
    },
    {
      name: 'ties: year to date, then customer ID',
      customers: [c('b', 5, null, 1), c('a', 5, null, 1), c('c', 5, null, 2)],
      topN: 3,
      tiersKnown: false,
      expected: ['c:top', 'a:top', 'b:top'],
    },
  ])('$name', ({ customers, topN, tiersKnown, expected }) => {
    expect(ids(selectKeyCustomers(customers, 'silver', topN, tiersKnown))).toEqual(expected);
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
