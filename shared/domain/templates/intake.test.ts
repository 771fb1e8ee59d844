/** R19: the template's 新客户申报 and 营销申报 sheets read into inbox submissions (pure). */
import { describe, expect, it } from 'vitest';
import type { SheetCell, SheetInput } from '../imports/revenue-sheet';
import { areaCodeOf, readApplicationSubmissions, readRegistrationSubmissions } from './intake';
import { APPLICATION_COLUMNS, REGISTRATION_COLUMNS } from './layout';

const cell = (v: string | number | null): SheetCell | null =>
  v === null ? null : { t: typeof v === 'number' ? 'n' : 's', v };
const sheet = (name: string, rows: (string | number | null)[][]): SheetInput => ({
  name,
  rows: rows.map((r) => r.map(cell)),
  merges: [],
});
const where = (issues: { row: number | null; column: string | null; severity: string }[]) =>
  issues.map((i) => [i.row, i.column, i.severity]);

describe('新客户申报', () => {
  const lookup = {
    byCreditCode: (code: string) => (code === '91350100M000100Y43' ? { id: '44051500001000', name: '甲公司' } : null),
    byNormalisedName: (n: string) => (n === '乙公司' ? [{ id: '44051500002000', name: '乙公司' }] : []),
    areaExists: (c: string) => c === '440515',
  };

  it('reads the template’s own columns into a submission', () => {
    const header = REGISTRATION_COLUMNS.map((c) => c.header);
    const r = readRegistrationSubmissions(
      sheet('新客户申报', [
        header,
        [
          '汕头市丙贸易有限公司',
          '',
          '440515 澄海区',
          '商贸流通',
          '澄海区莲下镇 1 号',
          '王五',
          '0754-1234567',
          '特快',
          '12.5万',
          '月寄件约 2000 件',
          '否',
          '新开业',
        ],
      ]),
      lookup,
    );
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      {
        kind: 'registration',
        sheet: '新客户申报',
        row: 2,
        name: '汕头市丙贸易有限公司',
        creditCode: null,
        areaCode: '440515',
        industry: '商贸流通',
        address: '澄海区莲下镇 1 号',
        contact: '王五',
        phone: '0754-1234567',
        lines: ['express'],
        revenueFen: 12_500_000,
        evidence: '月寄件约 2000 件',
        agreementSigned: false,
        reason: '新开业',
      },
    ]);
  });

  it('refuses rows it cannot file (errors) and flags what the centre weighs (warnings), by row and column', () => {
    const r = readRegistrationSubmissions(
      sheet('新客户申报', [
        ['客户名称', '统一社会信用代码', '地区代码', '是否已签协议', '预计年收入(元)', '备注'],
        ['甲公司', '91350100M000100Y43', '440515', '是', '', '老客户'],
        ['乙公司', '', '440515', '', '', ''],
        ['丙公司', '91350100M000100Y44', '999999', '也许', 'abc', ''],
        ['', '', '440515', '', '', ''],
        ['丁公司', '', '', '', '-5', ''],
        ['戊公司', '91350100M000100Y43', '440515', '', '', ''],
      ]),
      lookup,
    );
    expect(r.rows.map((x) => [x.row, x.name, x.reason])).toEqual([
      [2, '甲公司', '老客户'],
      [3, '乙公司', null],
    ]);
    expect(where(r.issues)).toEqual([
      // R19: a credit code already a customer's, a name already known: warnings, still filed.
      [2, 'B', 'warning'],
      [3, 'A', 'warning'],
      // A wrong check digit, an unknown area, a value not in the list, an amount that is not one.
      [4, 'B', 'error'],
      [4, 'C', 'error'],
      [4, 'D', 'error'],
      [4, 'E', 'error'],
      [5, 'A', 'error'],
      [6, 'C', 'error'],
      [6, 'E', 'error'],
      // The same credit code twice in one sheet: the later row is refused.
      [7, 'B', 'error'],
      [7, 'B', 'warning'],
    ]);
    expect(r.issues.find((i) => i.row === 4 && i.column === 'B')?.message).toMatch(/校验/);
  });

  it.each([
    ['440515', '440515'],
    ['440515 澄海区', '440515'],
    ['４４０５１５', '440515'],
    ['澄海区', '澄海区'],
  ])('area %s → %s', (text, code) => {
    expect(areaCodeOf(text)).toBe(code);
  });
});

describe('营销申报', () => {
  const customers: Record<string, { name: string; unitId: number; unitName: string }> = {
    '44051500001000': { name: '甲公司', unitId: 7, unitName: '潮阳分局' },
    '44051500002000': { name: '乙公司', unitId: 3, unitName: '澄海分局' },
  };
  const lookup = { customer: (id: string) => customers[id] ?? null };

  it('reads a plan for another unit’s customer; refuses its own customer, bad dates and amounts', () => {
    const r = readApplicationSubmissions(
      sheet('营销申报', [
        APPLICATION_COLUMNS.map((c) => c.header),
        ['44051500001000', '甲公司', '年货寄递', '2026-12-01', 46_418, '3万'],
        ['44051500002000', '乙公司', '函件', '2026-12-01', '2027-01-31', '100'],
        ['44051500009999', '', '', '2026-13-01', '2026-11-30', ''],
        ['44051500001000', '甲公司', '报刊', '2027-02-01', '2027-01-01', '-1'],
      ]),
      lookup,
      { unitId: 3, date1904: false },
    );
    expect(r.rows).toEqual([
      {
        kind: 'application',
        sheet: '营销申报',
        row: 2,
        customerId: '44051500001000',
        customerName: '甲公司',
        plan: '年货寄递',
        startsOn: '2026-12-01',
        untilOn: '2027-01-31',
        expectedRevenueFen: 3_000_000,
      },
    ]);
    expect(where(r.issues)).toEqual([
      [3, 'A', 'error'],
      [4, 'A', 'error'],
      [4, 'C', 'error'],
      [4, 'D', 'error'],
      [4, 'F', 'error'],
      [5, 'E', 'error'],
      [5, 'F', 'error'],
    ]);
  });
});
