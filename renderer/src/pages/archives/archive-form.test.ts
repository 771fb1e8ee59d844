import { describe, expect, it } from 'vitest';
import { archivesUpdate } from '../../../../shared/api/schemas';
import type { ArchiveChange } from '../../../../shared/domain/archive/document';
import { emptyArchive, MASK } from '../../../../shared/domain/archive/fields';
import {
  changedLabels,
  emptyEntry,
  formPathOf,
  formValuesOf,
  groupDiff,
  hasMaskedValues,
  sortDuties,
  toUpdateInput,
} from './archive-form';

describe('archive form values ↔ archives/update input', () => {
  it('round-trips a stored document: blanks become null, integers numbers, entries keep their keys', () => {
    const doc = {
      ...emptyArchive(),
      basic: { fullName: '汕头市宏达电子有限公司', address: '汕头市澄海区' },
      extended: { staffCount: 320 },
      keyPersons: [{ key: 'r1-1', name: '张关键', position: '总监' }],
    };
    const values = formValuesOf(doc);
    expect(values.basic.fullName).toBe('汕头市宏达电子有限公司');
    expect(values.basic.postcode).toBe('');
    expect(values.extended.staffCount).toBe('320');
    expect(values.keyPersons[0]).toMatchObject({ entryKey: 'r1-1', name: '张关键', age: '' });
    values.extended.staffCount = ' 1,200 ';
    values.note = '  ';
    const input = toUpdateInput('44051500010000', values);
    expect(input.basic).toMatchObject({ fullName: '汕头市宏达电子有限公司', postcode: null });
    expect(input.extended.staffCount).toBe(1200);
    expect(input.keyPersons).toEqual([
      expect.objectContaining({ key: 'r1-1', name: '张关键', position: '总监', age: null }),
    ]);
    expect(input.note).toBeNull();
    expect(archivesUpdate.safeParse(input).success).toBe(true);
  });

  it('drops entirely blank rows, sends a new row without a key and leaves a bad number for the schema to refuse', () => {
    const values = formValuesOf(emptyArchive());
    values.keyPersons = [emptyEntry('keyPersons'), { ...emptyEntry('keyPersons'), name: '李四' }];
    values.extended.staffCount = '三百';
    const input = toUpdateInput('44051500010000', values);
    expect(input.keyPersons).toHaveLength(1);
    expect(input.keyPersons[0]).toMatchObject({ key: null, name: '李四' });
    const parsed = archivesUpdate.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['extended', 'staffCount']);
    // The input's first key person is the form's second row.
    expect(formPathOf(values, 'keyPersons.0.name')).toBe('keyPersons.1.name');
    expect(formPathOf(values, 'basic.fullName')).toBe('basic.fullName');
  });

  it('knows a masked document', () => {
    expect(hasMaskedValues(emptyArchive())).toBe(false);
    expect(hasMaskedValues({ ...emptyArchive(), keyPersons: [{ key: 'k', name: MASK }] })).toBe(true);
  });
});

describe('the diff for display', () => {
  const change = (over: Partial<ArchiveChange>): ArchiveChange => ({
    path: 'basic.address',
    block: 'basic',
    entry: null,
    field: 'address',
    kind: 'changed',
    before: 'a',
    after: 'b',
    sensitive: false,
    ...over,
  });

  it('groups by block in the 附件3 order, then by entry', () => {
    const groups = groupDiff([
      change({ path: 'keyPersons.r1-1.contact', block: 'keyPersons', entry: 'r1-1', field: 'contact' }),
      change({}),
      change({ path: 'keyPersons.r2-1', block: 'keyPersons', entry: 'r2-1', field: null, kind: 'added' }),
      change({ path: 'keyPersons.r1-1.name', block: 'keyPersons', entry: 'r1-1', field: 'name' }),
    ]);
    expect(groups.map((g) => g.block)).toEqual(['basic', 'keyPersons']);
    expect(groups[1]?.entries.map((e) => [e.entry, e.ordinal, e.changes.length])).toEqual([
      ['r1-1', 1, 2],
      ['r2-1', 2, 1],
    ]);
  });

  it('names a revision’s changed fields once each, by block', () => {
    const paths = [
      'basic.postcode',
      'basic.address',
      'keyPersons.r1-1.name',
      'keyPersons.r2-1.name',
      'competitors.r2-1',
    ];
    expect(changedLabels(paths, 'zh-CN')).toEqual(['基本情况：地址、邮政编码', '关键人信息：姓名', '竞争对手信息']);
    expect(changedLabels(['basic.address'], 'en')).toEqual(['Basic information: Address']);
    const many = ['fullName', 'shortName', 'address', 'postcode', 'industry'].map((f) => `basic.${f}`);
    expect(changedLabels(many, 'zh-CN')).toEqual(['基本情况：客户全称、客户简称、地址、邮政编码 等 5 项']);
    expect(changedLabels(many, 'en')).toEqual([
      'Basic information: Full name, Short name, Address, Postcode and 1 more',
    ]);
  });
});

describe('the 档案 overview order', () => {
  it('puts overdue first (most days first), then the nearest due date, then the name', () => {
    const row = (customerName: string, dueOn: string, daysOverdue: number) => ({
      customerId: customerName,
      customerName,
      tier: 'gold' as const,
      tierSince: '2026-01-01',
      lastUpdatedOn: null,
      revision: null,
      dueOn,
      overdue: daysOverdue > 0,
      daysOverdue,
    });
    const sorted = sortDuties([
      row('乙', '2026-04-30', 0),
      row('甲', '2026-03-31', 0),
      row('丙', '2026-01-31', 38),
      row('丁', '2026-02-28', 10),
    ]);
    expect(sorted.map((r) => r.customerName)).toEqual(['丙', '丁', '甲', '乙']);
  });
});
