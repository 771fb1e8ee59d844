/** R23 completion, worked by hand: held capped at each month's requirement; A and B both carry. */
import { describe, expect, it } from 'vitest';
import { completionOf, countedVisits, type MonthObligation } from './completion';

const row = (
  customerId: string,
  tier: MonthObligation['tier'],
  required: number,
  held: number,
  managers: { id: number; name: string }[],
  unit = '440515',
): MonthObligation => ({ customerId, customerName: customerId, tier, required, held, unit, unitName: unit, managers });

const chen = { id: 1, name: '陈文' };
const li = { id: 2, name: '李娜' };

describe('R23 completion', () => {
  it('never counts more than was due', () => {
    expect([countedVisits(2, 5), countedVisits(2, 1), countedVisits(0, 3)]).toEqual([2, 1, 0]);
  });

  it('one over-visited customer does not hide another’s shortfall', () => {
    // 陈文: A gets 5 of 2, B gets 0 of 2 → 2 of 4 (uncapped it would read 5 of 4, "125%").
    const c = completionOf([row('A', 'gold', 2, 5, [chen]), row('B', 'gold', 2, 0, [chen, li])]);
    expect(c.total).toEqual({ required: 4, counted: 2, rate: 0.5, customers: 2 });
    expect(c.byManager.map((g) => [g.label, g.counted, g.required])).toEqual([
      ['李娜', 0, 2],
      ['陈文', 2, 4],
    ]);
    // The customers behind a group, the shortest first, held shown uncapped beside counted.
    expect(c.byManager[1]?.customers).toEqual([
      { customerId: 'B', customerName: 'B', required: 2, counted: 0, held: 0 },
      { customerId: 'A', customerName: 'A', required: 2, counted: 2, held: 5 },
    ]);
  });

  it('a year to date caps month by month; a tier change splits the customer; nothing due is left out', () => {
    const c = completionOf([
      // January: silver, 3 held of 1; February: gold (approved), 1 of 2 → 1 + 1 = 2 of 3.
      row('A', 'silver', 1, 3, []),
      row('A', 'gold', 2, 1, []),
      row('G', 'general', 0, 4, [li]),
    ]);
    expect(c.total).toEqual({ required: 3, counted: 2, rate: 2 / 3, customers: 1 });
    expect(c.byTier.map((g) => [g.key, g.counted, g.required])).toEqual([
      ['gold', 1, 2],
      ['silver', 1, 1],
    ]);
    expect(c.byManager.map((g) => [g.key, g.counted, g.required])).toEqual([['', 2, 3]]);
    expect(completionOf([]).total).toEqual({ required: 0, counted: 0, rate: null, customers: 0 });
  });
});
