import { describe, expect, it } from 'vitest';
import { findHeader, type HeaderMatch, type SheetCell, type SheetInput } from '../imports/revenue-sheet';
import { revenueRows, templateFileName } from './layout';
import { metadataRows, readTemplateMetadata, type TemplateMetadata } from './metadata';
import { applyNewspaperInputs, findNewspaperColumns, parseRatePercent } from './newspaper-columns';
import { parseCellDate, readFluctuationReasons } from './side-sheets';
import {
  findWideHeader,
  readWideRevenueSheet,
  WIDE_COLUMNS,
  type WideHeader,
  wideHeaderMerges,
  wideHeaderRows,
} from './wide-layout';

const cell = (v: string | number | null): SheetCell | null =>
  v === null ? null : { t: typeof v === 'number' ? 'n' : 's', v };
const sheet = (name: string, rows: (string | number | null)[][]): SheetInput => ({
  name,
  rows: rows.map((r) => r.map(cell)),
  merges: [],
});

const META: TemplateMetadata = {
  form: 'unit-monthly',
  version: 1,
  unitCode: '440515',
  unitName: '澄海分局',
  period: '2026-10',
  generatedAt: '2026-11-10T02:00:00.000Z',
};
const units = (code: string) =>
  code === '440515'
    ? { id: 3, code, name: '澄海分局', retired: false }
    : code === '440599'
      ? { id: 9, code, name: '旧分局', retired: true }
      : null;

describe('template metadata: read back, tampered values refused naming the cell', () => {
  it('reads back what it wrote', () => {
    const r = readTemplateMetadata(sheet('_kam_meta', metadataRows(META)), units);
    expect(r).toEqual({ ok: true, meta: META, unit: { id: 3, code: '440515', name: '澄海分局', retired: false } });
  });

  it.each([
    ['form', 'x', 'B2', '表单“x”不是本系统的报送模板'],
    ['version', '3', 'B3', '模板版本“3”不受支持'],
    ['version', '1.0', 'B3', '模板版本“1.0”不受支持'],
    ['unitCode', '999999', 'B4', '单位代码“999999”不存在'],
    ['unitCode', '440599', 'B4', '已撤销'],
    ['period', '2026-13', 'B6', '报送月份“2026-13”'],
    ['period', '202610', 'B6', '报送月份“202610”'],
    ['generatedAt', '2026-11-10', 'B7', '生成时间“2026-11-10”无效'],
  ])('refuses %s = %s, naming cell %s', (key, value, ref, text) => {
    const rows = metadataRows(META).map((r) => (r[0] === key ? [r[0], value, r[2] as string] : r));
    const r = readTemplateMetadata(sheet('_kam_meta', rows), units);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issue.message).toContain(`模板信息表“_kam_meta”单元格 ${ref}：`);
      expect(r.issue.message).toContain(text);
      expect(r.issue).toMatchObject({ sheet: '_kam_meta', column: 'B', severity: 'error' });
    }
  });
});

describe('template layout', () => {
  it('lists every customer: recent lines, or every line without history', () => {
    const rows = revenueRows(
      [
        { id: 'A', name: '甲', recentLines: ['letters', 'newspapers'] },
        { id: 'B', name: '乙', recentLines: [] },
      ],
      '2026-10',
    );
    expect(rows.filter((r) => r[0] === 'A').map((r) => r[3])).toEqual(['函件', '报刊']);
    expect(rows.filter((r) => r[0] === 'B')).toHaveLength(9);
  });

  it.each([
    ['澄海分局', '澄海分局_2026年10月_数据报送模板.xlsx'],
    ['A/B:局', 'A_B_局_2026年10月_数据报送模板.xlsx'],
  ])('file name for %s', (name, file) => {
    expect(templateFileName({ code: '1', name }, '2026-10')).toBe(file);
  });
});

describe('R8 columns', () => {
  it.each([
    ['25', 2500],
    ['25%', 2500],
    ['２５．５％', 2550],
    [25.25, 2525],
    [0, 0],
    ['100', 10000],
  ])('rate %s → %i bp', (input, bp) => {
    expect(parseRatePercent(input)).toEqual({ ok: true, basisPoints: bp });
  });
  it.each([['101'], ['25.005'], [-1], ['abc'], [25.005]])('refuses rate %s', (input) => {
    expect(parseRatePercent(input).ok).toBe(false);
  });

  const HEAD = ['客户ID', '月份', '业务种类', '收入(元)', '报刊年流转额(元)', '报刊平均费率(%)', '报刊其他收入(元)'];
  const read = (row: (string | number | null)[], line: 'newspapers' | 'letters', amount: number | null) => {
    const s = sheet('收入明细', [HEAD, row]);
    const header = findHeader(s) as HeaderMatch;
    return applyNewspaperInputs(s, header, findNewspaperColumns(s, header), [
      { row: 2, customerId: 'A', period: '2026-10', line, amount },
    ]);
  };
  it.each([
    ['inputs only', [null, null, null, null, 120000, 25, 100], 'newspapers', null, 260_000, null],
    ['other blank = 0', [null, null, null, null, 120000, 25, null], 'newspapers', null, 250_000, null],
    ['agreeing revenue', [null, null, null, 2600, 120000, 25, 100], 'newspapers', 260_000, 260_000, null],
    ['disagreeing revenue', [null, null, null, 2000, 120000, 25, 100], 'newspapers', 200_000, null, 'D'],
    ['missing rate', [null, null, null, null, 120000, null, 100], 'newspapers', null, null, 'F'],
    ['inputs on letters', [null, null, null, 10, 120000, 25, null], 'letters', 1000, null, 'E'],
  ] as const)('%s', (_label, row, line, amount, expected, errorColumn) => {
    const r = read([...row], line, amount);
    if (expected === null) {
      expect(r.rows).toEqual([]);
      expect(r.issues[0]).toMatchObject({ row: 2, column: errorColumn, severity: 'error' });
    } else {
      expect(r.rows[0]?.amount).toBe(expected);
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });
});

describe('side sheets', () => {
  it.each([
    [46300, '2026-10-05'],
    ['2026-10-05', '2026-10-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026年10月5日', '2026-10-05'],
    ['20261005', '2026-10-05'],
  ])('date %s → %s', (input, date) => {
    expect(parseCellDate(input)).toEqual({ ok: true, date });
  });
  it.each([['2026-02-30'], ['10/5/2026'], [60]])('refuses date %s', (input) => {
    expect(parseCellDate(input).ok).toBe(false);
  });

  it('fluctuation reasons: skips rows saying nothing, refuses another month', () => {
    const r = readFluctuationReasons(
      sheet('波动原因', [
        ['客户ID', '月份', '原因说明', '是否一次性'],
        ['44051500001000', '2026-10', '', ''],
        ['44051500001000', '2026-10', '', '是'],
        ['44051500002000', '2026-09', '停业', ''],
      ]),
      { byId: () => true, byName: () => [] },
      { date1904: false, period: '2026-10' },
    );
    expect(r.rows).toEqual([{ row: 3, customerId: '44051500001000', period: '2026-10', reason: '', oneOff: true }]);
    expect(r.issues).toEqual([expect.objectContaining({ row: 4, column: 'B', severity: 'error' })]);
  });
});

describe('收入明细 in the wide layout (version 2)', () => {
  const ID = '44051500000001';
  const customers = { byId: (id: string) => id === ID, byName: (n: string) => (n === '甲公司' ? [ID] : []) };
  const header = wideHeaderRows();
  /** A sheet with the template's header and one customer row, `cells` set by column letter. */
  const wide = (cells: Record<string, string | number | SheetCell>, id: string | null = ID): SheetInput => {
    const row: (SheetCell | null)[] = WIDE_COLUMNS.map(() => null);
    row[0] = id === null ? null : { t: 's', v: id };
    row[1] = { t: 's', v: '甲公司' };
    for (const [letter, v] of Object.entries(cells)) {
      row[letter.charCodeAt(0) - 65] = typeof v === 'object' ? v : cell(v);
    }
    return { name: '收入明细', rows: [...header.map((r) => r.map(cell)), row], merges: wideHeaderMerges() };
  };
  const read = (s: SheetInput) => {
    const h = findWideHeader(s) as WideHeader;
    return readWideRevenueSheet(s, h, customers, { period: '2026-10' });
  };

  it('finds the line columns under the merged line names; a long header is not wide', () => {
    const h = findWideHeader(wide({})) as WideHeader;
    expect(h).toMatchObject({ row: 1, customerId: 0, customerName: 1 });
    expect([...h.lines.keys()]).toEqual([
      'savings',
      'bills',
      'letters',
      'philately',
      'express',
      'logistics',
      'parcels',
      'newspapers',
      'other',
    ]);
    // 储汇 本月 is D (A ID, B name, C 上月); 报刊 Q–U: 上月, 本月, 年流转额, 平均费率, 其他收入.
    expect(h.lines.get('savings')).toEqual({ amount: 3, newspaper: {} });
    expect(h.lines.get('newspapers')).toEqual({ amount: 17, newspaper: { turnover: 18, rate: 19, other: 20 } });
    expect(
      findWideHeader(
        sheet('收入', [
          ['客户ID', '月份', '业务种类', '收入(元)'],
          [ID, '2026-10', '函件', 1],
        ]),
      ),
    ).toBeNull();
  });

  it.each([
    ['blank: not reported', {}, [], []],
    ['spaces only: not reported', { D: '  ' }, [], []],
    ['a figure', { D: 1234.5 }, [['savings', 123_450, 'D']], []],
    ['a real zero', { F: 0 }, [['bills', 0, 'F']], []],
    [
      '万 and thousands separators',
      { H: '1.2万', J: '1,000.25' },
      [
        ['letters', 1_200_000, 'H'],
        ['philately', 100_025, 'J'],
      ],
      [],
    ],
    ['a figure typed over 上月 is not read', { C: 99 }, [], []],
    ['R8 inputs give 报刊', { S: 120000, T: 25, U: 100 }, [['newspapers', 260_000, 'R']], []],
    [
      'a negative figure: kept, with a warning',
      { W: -5 },
      [['other', -500, 'W']],
      [['W', 'warning', '其他本月收入为负数']],
    ],
    ['not a number', { H: 'abc' }, [], [['H', 'error', '函件本月收入']]],
    ['R8 rate without turnover', { T: 25 }, [], [['S', 'error', '缺少报刊年流转额']]],
    ['R8 inputs disagreeing with 本月', { R: 1, S: 120000, T: 25 }, [], [['R', 'error', '不一致']]],
    [
      'a formula without its result',
      { L: { t: 'n', v: null, f: 'K3*2', noCache: true } },
      [],
      [['L', 'error', '公式没有保存计算结果']],
    ],
  ] as const)('%s', (_label, cells, rows, issues) => {
    const r = read(wide(cells as Record<string, string | number | SheetCell>));
    expect(r.rows.map((x) => [x.line, x.amount, x.column])).toEqual(rows);
    expect(r.rows.every((x) => x.row === 3 && x.period === '2026-10' && x.customerId === ID)).toBe(true);
    expect(r.issues.map((i) => [i.column, i.severity, i.message])).toEqual(
      issues.map(([c, s, m]) => [c, s, expect.stringContaining(m)]),
    );
    for (const i of r.issues) expect(i).toMatchObject({ sheet: '收入明细', row: 3 });
  });

  it('a figure without a customer, or for an unknown one, names the ID column; a customer by name is found', () => {
    expect(read(wide({ D: 5 }, null)).issues).toEqual([]); // the name 甲公司 identifies it
    const noName = wide({ D: 5 }, null);
    (noName.rows[2] as (SheetCell | null)[])[1] = null;
    expect(read(noName).issues).toEqual([
      expect.objectContaining({ row: 3, column: 'A', message: '填写了收入，但缺少客户ID或客户名称' }),
    ]);
    expect(read(wide({ D: 5 }, '44051599999999')).issues).toEqual([
      expect.objectContaining({ row: 3, column: 'A', message: '客户ID 44051599999999 不存在' }),
    ]);
    // A customer's row left blank is neither read nor an error.
    expect(read(wide({}, '44051599999999'))).toEqual({ rows: [], issues: [], rowsRead: 0 });
  });
});
