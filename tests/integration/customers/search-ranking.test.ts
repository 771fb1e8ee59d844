/**
 * Customer search ranks an R16 ID-prefix match first, then a name match, then a match in a field
 * the list does not show (credit code, pinyin), and says which field each row matched on.
 */
import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../../shared/domain/credit-code';
import { backendsForTests } from '../../support/backends';

const open = backendsForTests();

/** A valid credit code (GB 32100) starting with `first17` minus its check character. */
function creditCode(first17: string): string {
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
    const check = checkCreditCode(first17 + c);
    if (check.ok) return check.code;
  }
  throw new Error(`no check character for ${first17}`);
}

describe('customers/list ranking', () => {
  it('440513: ID prefix first, then the name, then the credit code; each says why', async () => {
    const b = open({ databasePath: ':memory:' });
    const call = b.registry.call.bind(b.registry) as typeof b.registry.call;
    const units = await call('units/list', { includeRetired: true });
    const unit = (code: string) => units.find((u) => u.code === code)?.id ?? 0;
    // Lowest ID, matched only by the digits inside its credit code.
    const byCode = await call('customers/create', {
      name: '汕头市龙湖贸易有限公司',
      areaCode: '440507',
      unitId: unit('440500'),
      creditCode: creditCode('91440513MA4UQ1234'),
    });
    // Matched by its name.
    const byName = await call('customers/create', {
      name: '440513仓储服务有限公司',
      areaCode: '440511',
      unitId: unit('440500'),
    });
    // The highest ID, but its ID starts with the digits.
    const byId = await call('customers/create', {
      name: '潮阳区和平电器厂',
      areaCode: '440513',
      unitId: unit('440513'),
    });
    expect(byCode.id < byName.id && byName.id < byId.id).toBe(true);

    const page = await call('customers/list', { search: '440513' });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.id, r.matchedOn])).toEqual([
      [byId.id, 'id'],
      [byName.id, 'name'],
      [byCode.id, 'creditCode'],
    ]);
    // Paging keeps the ranking.
    const second = await call('customers/list', { search: '440513', offset: 1, limit: 1 });
    expect(second.rows.map((r) => r.id)).toEqual([byName.id]);
    // Pinyin initials are named too; no search, no reason.
    expect((await call('customers/list', { search: 'hpdqc' })).rows.map((r) => r.matchedOn)).toEqual(['pinyin']);
    expect((await call('customers/list', {})).rows.map((r) => r.matchedOn)).toEqual([null, null, null]);
  });
});
