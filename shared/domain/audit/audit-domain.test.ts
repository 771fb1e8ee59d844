/** DOMAIN-DECISIONS "Audit log": personal values never reach the log; changes are field by field. */
import { describe, expect, it } from 'vitest';
import { CHANGE_TEXT_MAX, diffRecords } from './changes';
import { isPersonalField, PERSONAL_MARK, redactPersonal } from './personal';

describe('redactPersonal', () => {
  it.each([
    ['a phone', { name: '李四', phone: '13800138000' }, { name: '李四', phone: PERSONAL_MARK }],
    ['an empty phone stays empty', { phone: '' }, { phone: '' }],
    ['a null phone stays null', { phone: null }, { phone: null }],
    ['key persons, wholesale', { keyPersons: [{ name: '王总', mobile: '1390' }] }, { keyPersons: PERSONAL_MARK }],
    ['at any depth', { a: [{ contactPhone: '0754-1' }] }, { a: [{ contactPhone: PERSONAL_MARK }] }],
    ['other fields untouched', { id: 3, name: 'x', nested: { ok: true } }, { id: 3, name: 'x', nested: { ok: true } }],
    ['not an object', '13800138000', '13800138000'],
  ])('%s', (_label, input, expected) => {
    expect(redactPersonal(input)).toEqual(expected);
  });

  it('knows the stored (snake_case) and sent (camelCase) names', () => {
    expect(isPersonalField('contact_phone')).toBe(true);
    expect(isPersonalField('contactPhone')).toBe(true);
    expect(isPersonalField('key_persons')).toBe(true);
    expect(isPersonalField('name')).toBe(false);
  });
});

describe('diffRecords', () => {
  it.each([
    [
      'an edit: only what changed',
      { name: 'A', unit_id: 1 },
      { name: 'B', unit_id: 1 },
      [{ field: 'name', before: 'A', after: 'B' }],
    ],
    [
      'a creation: every field from null',
      null,
      { name: 'A', n: 2 },
      [
        { field: 'name', before: null, after: 'A' },
        { field: 'n', before: null, after: 2 },
      ],
    ],
    ['a removal: every field to null', { name: 'A' }, null, [{ field: 'name', before: 'A', after: null }]],
    ['a personal field: only that it changed', { phone: '1' }, { phone: '2' }, [{ field: 'phone', personal: true }]],
    ['a personal field unchanged: nothing', { phone: '1' }, { phone: '1' }, []],
    ['undefined and null are the same', { a: null }, {}, []],
  ])('%s', (_label, before, after, expected) => {
    expect(diffRecords(before, after)).toEqual(expected);
  });

  it('leaves out bookkeeping fields it is told to', () => {
    expect(
      diffRecords({ name: 'A', updated_at: '1' }, { name: 'A', updated_at: '2' }, new Set(['updated_at'])),
    ).toEqual([]);
  });

  it('cuts a long text, saying how long it was', () => {
    const long = '字'.repeat(CHANGE_TEXT_MAX + 50);
    const [change] = diffRecords({ t: '' }, { t: long });
    expect(change?.after).toBe(`${'字'.repeat(CHANGE_TEXT_MAX)}…（共 ${CHANGE_TEXT_MAX + 50} 字）`);
  });
});
