/**
 * Every problem the import checks and the domain parsers write for the officer comes in both
 * interface languages: `message` stays Chinese (the command line and the problem list sent to
 * units read it), `messageEn` is English with no Chinese in it, for the interface in English.
 */
import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkCreditCodeText } from './credit-code';
import { findCustomerListHeader, missingHeaderIssue, readCustomerListSheet } from './imports/customer-list';
import {
  type CustomerLookup,
  findHeader,
  type HeaderMatch,
  readRevenueSheet,
  type SheetCell,
  type SheetInput,
} from './imports/revenue-sheet';
import { parseMoney } from './money';
import { tooLongText } from './names';
import { parsePeriod } from './periods';
import { revenueFigureWarnings } from './revenue-sanity';
import { readTemplateMetadata } from './templates/metadata';
import { applyNewspaperInputs, parseRatePercent } from './templates/newspaper-columns';
import { parseCellDate, readFluctuationReasons, readUnitAnalysis } from './templates/side-sheets';

const CJK = /[\u3400-\u9fff]/;
const s = (v: string): SheetCell => ({ t: 's', v });
const n = (v: number): SheetCell => ({ t: 'n', v });
const sheet = (rows: (SheetCell | null)[][]): SheetInput => ({ name: 'Revenue', rows, merges: [] });
const customers: CustomerLookup = {
  byId: (id) => id === '44051500001000',
  byName: (name) => (name === 'Twin' ? ['44051500001000', '44051500002000'] : []),
};
const REVENUE_HEADER = [s('客户ID'), s('月份'), s('业务种类'), s('收入(元)')];

function revenueIssues(row: (SheetCell | null)[]) {
  const input = sheet([REVENUE_HEADER, row]);
  return readRevenueSheet(input, findHeader(input) as HeaderMatch, customers, { date1904: false }).issues;
}

const LIST_HEADER = [s('客户全称'), s('统一社会信用代码'), s('属地区划'), s('所属单位')];
function customerListIssues(row: SheetCell[]) {
  const input: SheetInput = { name: 'Customers', rows: [LIST_HEADER, row], merges: [] };
  const header = findCustomerListHeader(input);
  if (!header) throw new Error('header not found');
  return readCustomerListSheet(input, header, {
    area: (t) => (t === '440515' ? { code: '440515', name: 'Chenghai' } : null),
    unit: (t) => (t === 'U1' ? { id: 1, name: 'Unit one' } : t === 'Old' ? 'retired' : null),
  }).issues;
}

type Texts = { message: string; messageEn?: string }[];
const one = (r: { ok: boolean } & Partial<{ message: string; messageEn: string }>): Texts => [
  { message: r.message ?? '', messageEn: r.messageEn },
];

const CASES: [string, () => Texts][] = [
  ['bad amount (text)', () => one(parseMoney('12abc'))],
  ['bad amount (two points)', () => one(parseMoney('1.2.3'))],
  ['bad amount (grouping)', () => one(parseMoney('12,34'))],
  ['bad amount (out of range)', () => one(parseMoney('1e400'.replace('e400', '0'.repeat(20))))],
  ['bad amount in a revenue row', () => revenueIssues([s('44051500001000'), s('2026-10'), s('函件'), s('12abc')])],
  ['bad period (month first)', () => one(parsePeriod('10/2026'))],
  ['bad period (month 13)', () => one(parsePeriod('2026-13'))],
  ['bad period (empty)', () => one(parsePeriod(''))],
  ['bad period (serial 60)', () => one(parsePeriod(60))],
  ['bad period in a revenue row', () => revenueIssues([s('44051500001000'), s('2026-13'), s('函件'), n(10)])],
  ['missing revenue header', () => [findHeader(sheet([[s('Name'), s('Amount')]])) as Texts[number]]],
  ['missing customer-list header', () => [missingHeaderIssue('Customers')]],
  ['unknown customer ID', () => revenueIssues([s('44051599999000'), s('2026-10'), s('函件'), n(10)])],
  ['malformed customer ID', () => revenueIssues([s('123'), s('2026-10'), s('函件'), n(10)])],
  ['unknown line', () => revenueIssues([s('44051500001000'), s('2026-10'), s('Stamps'), n(10)])],
  ['negative figure warning', () => revenueFigureWarnings(-100)],
  ['figure above the ceiling', () => revenueFigureWarnings(100_000_000_00)],
  ['negative figure in a revenue row', () => revenueIssues([s('44051500001000'), s('2026-10'), s('函件'), n(-5)])],
  ['bad credit code (length)', () => one(checkCreditCode('123'))],
  ['bad credit code (check character)', () => one(checkCreditCode('91440500MA4W00000X'))],
  [
    'bad credit code (text)',
    () => {
      const c = checkCreditCodeText('123');
      return c.ok ? [] : [{ message: c.problem.zh, messageEn: c.problem.en }];
    },
  ],
  ['bad credit code in a customer list', () => customerListIssues([s('Acme'), s('123'), s('440515'), s('U1')])],
  [
    'name too long',
    () => {
      const t = tooLongText({ zh: '客户全称', en: 'Full name' }, 80, 'A'.repeat(81));
      return t ? [{ message: t.zh, messageEn: t.en }] : [];
    },
  ],
  ['name too long in a customer list', () => customerListIssues([s('A'.repeat(81)), s(''), s('440515'), s('U1')])],
  ['unknown area and retired unit', () => customerListIssues([s('Acme'), s(''), s('999999'), s('Old')])],
  ['bad newspaper rate', () => one(parseRatePercent('250'))],
  [
    'newspaper inputs on another line',
    () => {
      const input = sheet([
        [...REVENUE_HEADER, s('报刊年流转额')],
        [s('44051500001000'), s('2026-10'), s('函件'), n(10), n(1000)],
      ]);
      const rows = [
        { row: 2, customerId: '44051500001000', period: '2026-10', line: 'letters' as const, amount: 1000 },
      ];
      return applyNewspaperInputs(input, findHeader(input) as HeaderMatch, { turnover: 4 }, rows).issues;
    },
  ],
  ['bad date in a side sheet', () => one(parseCellDate('2026-02-30'))],
  [
    'unknown customer and bad month in the fluctuation reasons',
    () =>
      readFluctuationReasons(
        sheet([
          [s('客户ID'), s('月份'), s('原因说明')],
          [s('44051599999000'), s('2026-13'), s('Closed for repairs')],
        ]),
        customers,
        { date1904: false, period: null },
      ).issues,
  ],
  [
    'unit analysis: a cell too long, an unknown item, an item twice, no header',
    () => [
      ...readUnitAnalysis(
        sheet([
          [s('项目'), s('内容')],
          [s('竞争情况'), s('长'.repeat(2001))],
          [s('其他'), s('随便')],
          [s('竞争'), s('二')],
        ]),
      ).issues,
      ...readUnitAnalysis(sheet([[s('竞争情况')]])).issues,
    ],
  ],
  [
    'template information changed',
    () => {
      const read = readTemplateMetadata({ name: 'Info', rows: [[s('form'), s('Other')]], merges: [] }, () => null);
      return read.ok ? [] : [read.issue];
    },
  ],
];

describe('problems for the officer come in English too', () => {
  it.each(CASES)('%s', (_name, build) => {
    const texts = build();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t.message).toMatch(CJK);
      expect(t.messageEn ?? '').not.toBe('');
      expect(t.messageEn).not.toMatch(CJK);
    }
  });
});
