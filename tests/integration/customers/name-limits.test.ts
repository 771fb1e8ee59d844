/**
 * A customer name over its limit is refused with the limit and its length, never cut: through
 * the registry (create and update) and in the pure rule the form and the import share.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER_TEXT_LIMITS, tooLongMessage } from '../../../shared/domain/names';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';

const open = backendsForTests();

describe('customer text limits', () => {
  it('refuses an 81-character name with the limit; 80 characters are kept whole', async () => {
    const b = open({ databasePath: ':memory:' });
    const call = b.registry.call.bind(b.registry) as typeof b.registry.call;
    const unitId = (await call('units/list', {})).find((u) => u.code === '440500')?.id ?? 0;
    const long = `汕头市${'长'.repeat(74)}有限公司`;
    expect([...long].length).toBe(81);
    const err = await appError(call('customers/create', { name: long, areaCode: '440507', unitId }));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.issues).toEqual([
      {
        path: 'name',
        message: '客户全称不能超过 80 个字（现有 81 个字），请删减后再保存',
        messageEn: 'Full name can have at most 80 characters (it has 81): shorten it and save again',
      },
    ]);
    expect((await call('customers/list', {})).total).toBe(0);

    const exact = long.slice(1);
    const made = await call('customers/create', { name: exact, areaCode: '440507', unitId });
    expect(made.name).toBe(exact);
    const update = await appError(
      call('customers/update', { id: made.id, name: long, areaCode: '440507', unitId, shortName: '简'.repeat(31) }),
    );
    expect(update.details?.issues).toMatchObject([
      { path: 'name', message: '客户全称不能超过 80 个字（现有 81 个字），请删减后再保存' },
      { path: 'shortName', message: '客户简称不能超过 30 个字（现有 31 个字），请删减后再保存' },
    ]);
  });

  it.each([
    ['客户全称', CUSTOMER_TEXT_LIMITS.name, 80, null],
    ['客户全称', CUSTOMER_TEXT_LIMITS.name, 81, '客户全称不能超过 80 个字（现有 81 个字），请删减后再保存'],
    ['地址', CUSTOMER_TEXT_LIMITS.address, 121, '地址不能超过 120 个字（现有 121 个字），请删减后再保存'],
  ])('%s of %i characters at length %i', (label, max, n, message) => {
    expect(tooLongMessage(label, max, '字'.repeat(n))).toBe(message);
  });

  it('counts a character outside the BMP as one', () => {
    expect(tooLongMessage('客户全称', 2, '𠀀𠀀')).toBeNull();
  });
});
