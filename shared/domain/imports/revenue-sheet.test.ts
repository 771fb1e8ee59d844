import { describe, expect, it } from 'vitest';
import {
  type CustomerLookup,
  findHeader,
  type HeaderMatch,
  normaliseHeader,
  parseLine,
  readRevenueSheet,
  type SheetCell,
  type SheetInput,
} from './revenue-sheet';

const s = (v: string): SheetCell => ({ t: 's', v });
const n = (v: number): SheetCell => ({ t: 'n', v });
const sheet = (rows: (SheetCell | null)[][], merges: SheetInput['merges'] = []): SheetInput => ({
  name: '收入明细',
  rows,
  merges,
});

const customers: CustomerLookup = {
  byId: (id) => ['44051500001000', '44051500002000'].includes(id),
  byName: (name) =>
    name === '汕头市宏达电子有限公司'
      ? ['44051500001000']
      : name === '同名公司'
        ? ['44051500001000', '44051500002000']
        : [],
};

function read(rows: (SheetCell | null)[][], options = { date1904: false }, merges: SheetInput['merges'] = []) {
  const input = sheet(rows, merges);
  const header = findHeader(input) as HeaderMatch;
  return readRevenueSheet(input, header, customers, options);
}

const HEADER = [s('客户ID'), s('月份'), s('业务种类'), s('收入(元)')];

describe('revenue sheets made by hand: header, rows and problems', () => {
  it.each([
    [['客户ID', '月份', '业务种类', '收入(元)']],
    [['收入（元）', '业务种类', ' 月 份 ', '客户编号']],
    [['客户名称', '年月', '业务', '金额']],
    [['客户ＩＤ', '统计月份', '业务类别', '收入金额（元）']],
  ])('finds the header in any column order and with common variants: %j', (texts) => {
    const header = findHeader(sheet([[s('2026年10月 澄海分局')], texts.map(s)]));
    expect('row' in header && header.row).toBe(1);
  });

  it('names the missing columns when there is no usable header', () => {
    const header = findHeader(sheet([[s('客户ID'), s('月份')]]));
    expect(header).toMatchObject({ severity: 'error', row: 1 });
    expect('message' in header && header.message).toContain('缺少 业务种类、收入(元) 列');
  });

  it('reads valid rows in every accepted form, skipping empty rows', () => {
    const r = read([
      HEADER,
      [s('44051500001000'), s('2026-10'), s('函件'), n(1234.5)],
      [],
      [s('44051500001000'), n(46296), s('letters'), s('1.2万')],
      [s('44051500002000'), s('2026年11月'), s('账单'), s('１，２３４．５')],
      [s('44051500002000'), s('202612'), s('其他'), s('')],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { row: 2, customerId: '44051500001000', period: '2026-10', line: 'letters', amount: 123450 },
      { row: 4, customerId: '44051500001000', period: '2026-10', line: 'letters', amount: 1200000 },
      { row: 5, customerId: '44051500002000', period: '2026-11', line: 'bills', amount: 123450 },
      { row: 6, customerId: '44051500002000', period: '2026-12', line: 'other', amount: null },
    ]);
  });

  it('reads Excel dates in the 1904 system when the workbook uses it', () => {
    const r = read([HEADER, [s('44051500001000'), n(44834), s('函件'), n(1)]], { date1904: true });
    expect(r.rows[0]?.period).toBe('2026-10');
  });

  it('identifies a customer by a unique name, and refuses unknown or ambiguous names', () => {
    const r = read([
      [s('客户名称'), s('月份'), s('业务种类'), s('收入(元)')],
      [s('汕头市宏达电子有限公司'), s('2026-10'), s('函件'), n(1)],
      [s('同名公司'), s('2026-10'), s('函件'), n(1)],
      [s('不存在公司'), s('2026-10'), s('函件'), n(1)],
    ]);
    expect(r.rows.map((x) => x.customerId)).toEqual(['44051500001000']);
    expect(r.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [3, 'A', '有 2 个客户名为“同名公司”，请改填客户ID'],
      [4, 'A', '找不到名为“不存在公司”的客户'],
    ]);
  });

  it('names the sheet, row and column of every problem, in Chinese', () => {
    const r = read([
      HEADER,
      [s('4405150000100'), s('2026-10'), s('函件'), n(1)],
      [s('44051599999000'), s('2026-13'), s('邮票'), s('1.2.3')],
      [s('44051500001000'), n(60), s('函件'), n(1)],
    ]);
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([
      {
        sheet: '收入明细',
        row: 2,
        column: 'A',
        severity: 'error',
        message: '客户ID应为 14 位数字，实际为“4405150000100”',
        messageEn: 'The customer ID must be 14 digits, not "4405150000100"',
      },
      {
        sheet: '收入明细',
        row: 3,
        column: 'A',
        severity: 'error',
        message: '客户ID 44051599999000 不存在',
        messageEn: 'No customer has ID 44051599999000',
      },
      expect.objectContaining({ row: 3, column: 'B', message: expect.stringContaining('月份') }),
      expect.objectContaining({ row: 3, column: 'C', message: expect.stringContaining('未知的业务种类“邮票”') }),
      expect.objectContaining({ row: 3, column: 'D', message: expect.stringContaining('1.2.3') }),
      expect.objectContaining({ row: 4, column: 'B', message: expect.stringContaining('序列号 60') }),
    ]);
  });

  it('refuses merged cells in data rows and formulas without a saved result', () => {
    const r = read(
      [
        HEADER,
        [s('44051500001000'), s('2026-10'), s('函件'), n(1)],
        [s('44051500001000'), s('2026-11'), s('函件'), { t: 'e', v: null, f: 'B2*2', noCache: true }],
      ],
      { date1904: false },
      [{ s: { r: 1, c: 0 }, e: { r: 1, c: 1 } }],
    );
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([
      expect.objectContaining({ row: 2, column: null, message: expect.stringContaining('合并单元格') }),
      expect.objectContaining({ row: 3, column: 'D', message: expect.stringContaining('公式没有保存计算结果') }),
    ]);
  });

  it('keeps __proto__ and constructor as plain text', () => {
    expect(normaliseHeader('__proto__')).toBe('__proto__');
    expect(parseLine('__proto__')).toBeNull();
    expect(parseLine('constructor')).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
