/** R30: the 客户经理变动 sheet's columns, dates and row checks (pure). */
import { describe, expect, it } from 'vitest';
import type { SheetCell, SheetInput } from '../imports/revenue-sheet';
import { findManagerChangeHeader, MANAGER_CHANGE_COLUMNS, readManagerChangeSheet, readSheetDate } from './change-sheet';

const cell = (v: SheetCell['v']): SheetCell => ({ t: typeof v === 'number' ? 'n' : 's', v });
const sheet = (rows: SheetCell['v'][][]): SheetInput => ({
  name: '客户经理变动',
  rows: rows.map((r) => r.map((v) => (v === null ? null : cell(v)))),
  merges: [],
});
const lookups = {
  unit: (t: string) =>
    t === '澄海分局'
      ? { id: 3, name: '澄海分局' }
      : t === '潮阳分局'
        ? { id: 4, name: '潮阳分局' }
        : t === '旧局'
          ? ('retired' as const)
          : null,
};

describe('readSheetDate', () => {
  it.each([
    [46_329, '2026-11-03'],
    ['2026-11-03', '2026-11-03'],
    ['2026/11/3', '2026-11-03'],
    ['2026年11月3日', '2026-11-03'],
    ['２０２６－１１－０３', '2026-11-03'],
    ['2026-02-30', null],
    ['下月', null],
    [60, null],
    ['', null],
  ] as const)('%s → %s', (v, out) => {
    expect(readSheetDate(cell(v))).toBe(out);
  });
});

describe('the sheet', () => {
  it('describes its columns for the template, required ones first', () => {
    expect(MANAGER_CHANGE_COLUMNS.map((c) => c.header)).toEqual([
      '单位',
      '姓名',
      '变动类型',
      '生效日期',
      '岗位',
      '专兼职',
      '联系电话',
      '调往/调自单位',
      '备注',
    ]);
    expect(MANAGER_CHANGE_COLUMNS.filter((c) => c.required).map((c) => c.field)).toEqual([
      'unit',
      'name',
      'kind',
      'effectiveOn',
    ]);
  });

  it('finds the header below a title and reads each row, naming problems by row and column', () => {
    const s = sheet([
      ['澄海分局客户经理变动表', null, null, null, null],
      ['姓名', '单位*', '变动类型', '生效日期', '调往/调自单位', '岗位'],
      ['黄新人', '澄海分局', '新增', '2026-11-03', null, '大客户经理'],
      ['陈经理', '澄海分局', '调出', '2026-11-01', null, null],
      ['林经理', '旧局', '离职', '2026-11-01', null, null],
      ['吴经理', '澄海分局', '新增', '2026-11-01', null, '站长'],
      [null, null, null, null, null, null],
      ['周经理', '澄海分局', '调入', '2026-11-01', '潮阳分局', null],
    ]);
    const header = findManagerChangeHeader(s);
    expect(header?.row).toBe(1);
    const out = readManagerChangeSheet(s, header as NonNullable<typeof header>, lookups);
    expect(out.rows.map((r) => [r.row, r.kind, r.name, r.otherUnitName])).toEqual([
      [3, 'add', '黄新人', null],
      [8, 'in', '周经理', '潮阳分局'],
    ]);
    expect(out.errorRows).toBe(3);
    expect(out.issues.map((i) => [i.row, i.column])).toEqual([
      [4, 'E'],
      [5, 'B'],
      [6, 'F'],
    ]);
  });

  it('in a unit’s template the unit is the template’s: 单位 may be absent; another unit is refused (R30)', () => {
    const own = { id: 3, name: '澄海分局' };
    const s = sheet([
      ['姓名', '变动类型', '生效日期', '调入单位代码', '单位'],
      ['黄新人', '新任', '2026-11-03', null, null],
      ['陈经理', '调动', '2026-11-01', '潮阳分局', null],
      ['林经理', '离岗', '2026-11-01', null, null],
      ['周经理', '离职', '2026-11-01', null, '潮阳分局'],
    ]);
    expect(findManagerChangeHeader(s)).not.toBeNull();
    const noUnit = sheet([
      ['姓名', '变动类型', '生效日期'],
      ['黄新人', '新增', '2026-11-03'],
    ]);
    expect(findManagerChangeHeader(noUnit)).toBeNull();
    const header = findManagerChangeHeader(noUnit, 10, true);
    expect(header?.row).toBe(0);
    const read = readManagerChangeSheet(noUnit, header as NonNullable<typeof header>, lookups, { unit: own });
    // 新增 needs a post: the row is refused, naming the column the template does have.
    expect(read.issues.map((i) => [i.row, i.column])).toEqual([[2, null]]);

    const out = readManagerChangeSheet(
      s,
      findManagerChangeHeader(s, 10, true) as NonNullable<ReturnType<typeof findManagerChangeHeader>>,
      lookups,
      {
        unit: own,
      },
    );
    // Older templates' kinds: 新任 → 新增 (post missing), 调动 → 调出 with 调入单位代码, 离岗 → 离职.
    expect(out.rows.map((r) => [r.row, r.kind, r.unitName, r.otherUnitName])).toEqual([
      [3, 'out', '澄海分局', '潮阳分局'],
      [4, 'leave', '澄海分局', null],
    ]);
    expect(out.issues.map((i) => [i.row, i.column, i.message.slice(0, 9)])).toEqual([
      [2, null, '新增客户经理须填写'],
      [5, 'E', '本表是澄海分局的报'],
    ]);
  });
});
