/**
 * Hand-typed revenue gets the same sanity warnings as an import (shared/domain/revenue-sanity.ts):
 * a negative figure, or one implausibly large against the customer's history or the bureau's
 * revenue (R10), is refused with a typed CONFLICT naming the warnings until `confirm: true`.
 */
import { describe, expect, it } from 'vitest';
import { type RevenueFigureWarning, revenueFigureWarnings } from '../../../shared/domain/revenue-sanity';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';

const open = backendsForTests();

async function setup() {
  const b = open({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
  const call = b.registry.call.bind(b.registry) as typeof b.registry.call;
  const units = await call('units/list', { includeRetired: true });
  const unitId = units.find((u) => u.code === '440500')?.id ?? 0;
  const c = await call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440507', unitId });
  return { call, id: c.id };
}

describe('revenue/set sanity warnings', () => {
  it('asks before a negative figure and saves it once confirmed', async () => {
    const { call, id } = await setup();
    const err = await appError(
      call('revenue/set', { customerId: id, period: '2026-10', line: 'bills', amount: '-500' }),
    );
    expect(err.code).toBe('CONFLICT');
    const warnings = (err.details as { warnings: RevenueFigureWarning[] }).warnings;
    expect(warnings.map((w) => w.code)).toEqual(['negative']);
    expect(err.message).toContain('收入为负数');
    // Nothing was written by the refused call.
    const before = await call('revenue/customer', { customerId: id, year: 2026 });
    expect(before.total).toBe(0);
    const saved = await call('revenue/set', {
      customerId: id,
      period: '2026-10',
      line: 'bills',
      amount: '-500',
      confirm: true,
    });
    expect(saved.amount).toBe(-50_000);
  });

  it('asks before an implausibly large figure: ceiling, history, bureau revenue', async () => {
    const { call, id } = await setup();
    // No history, no bureau revenue: ¥99,999,999,999 is past the ceiling.
    const huge = await appError(
      call('revenue/set', { customerId: id, period: '2026-10', line: 'bills', amount: '99999999999' }),
    );
    expect(huge.code).toBe('CONFLICT');
    expect((huge.details as { warnings: RevenueFigureWarning[] }).warnings.map((w) => w.code)).toEqual([
      'above-ceiling',
    ]);
    // An ordinary figure with no history saves without a question.
    await call('revenue/set', { customerId: id, period: '2026-08', line: 'bills', amount: '3000' });
    // History: ¥3,000 in August; ¥30,000 in October is 10× (not above), ¥30,001 is above.
    await call('revenue/set', { customerId: id, period: '2026-10', line: 'bills', amount: '30000' });
    const above = await appError(
      call('revenue/set', { customerId: id, period: '2026-10', line: 'express', amount: '30001' }),
    );
    expect((above.details as { warnings: RevenueFigureWarning[] }).warnings.map((w) => w.code)).toEqual([
      'above-history',
    ]);
    // Bureau revenue ¥1,000,000 for 2026: 5% is ¥50,000; a new customer's ¥50,001 is asked about.
    await call('revenue/bureau-set', { year: 2026, amount: '1000000' });
    const c2 = await call('customers/create', {
      name: '汕头市新客户有限公司',
      areaCode: '440507',
      unitId: (await call('units/list', { includeRetired: true }))[0]?.id ?? 0,
    });
    await call('revenue/set', { customerId: c2.id, period: '2026-10', line: 'bills', amount: '50000' });
    const bureau = await appError(
      call('revenue/set', { customerId: c2.id, period: '2026-11', line: 'bills', amount: '50001' }),
    );
    expect((bureau.details as { warnings: RevenueFigureWarning[] }).warnings.map((w) => w.code)).toEqual([
      'above-bureau',
    ]);
  });
});

describe('revenueFigureWarnings (the one owner of the rules)', () => {
  const table: [string, number, Parameters<typeof revenueFigureWarnings>[1], string[]][] = [
    ['zero', 0, {}, []],
    ['negative', -1, { historyMax: 100, bureauAnnual: 100 }, ['negative']],
    ['just under the ceiling', 100_000_000_00 - 1, {}, []],
    ['at the ceiling', 100_000_000_00, {}, ['above-ceiling']],
    ['ceiling replaced by the bureau check', 100_000_000_00, { bureauAnnual: 10_000_000_000_00 }, []],
    ['10× history is fine', 100_000_00, { historyMax: 10_000_00 }, []],
    ['above 10× history', 100_000_01, { historyMax: 10_000_00 }, ['above-history']],
    ['above 10× history but under the floor', 9_999_99, { historyMax: 100 }, []],
    ['no history means no history check', 9_000_000_00, { historyMax: null }, []],
    ['5% of the bureau is fine', 50_000_00, { bureauAnnual: 1_000_000_00 }, []],
    ['above 5% of the bureau', 50_000_01, { bureauAnnual: 1_000_000_00 }, ['above-bureau']],
    ['both', 50_000_000_00, { historyMax: 1_000_00, bureauAnnual: 1_000_000_00 }, ['above-history', 'above-bureau']],
  ];
  it.each(table)('%s', (_name, amount, context, codes) => {
    expect(revenueFigureWarnings(amount, context).map((w) => w.code)).toEqual(codes);
  });
});
