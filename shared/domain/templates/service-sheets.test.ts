/**
 * The template's service sheets (营销日志 R22, 拜访记录 R23, 投诉登记 R33, 资费优惠申请 R29) read into
 * their channels' inputs (pure): a good row of the template's own columns, then each bad cell
 * refused with its sheet, row and column, and the refusal kept for the receipt.
 */
import { describe, expect, it } from 'vitest';
import type { SheetCell, SheetInput } from '../imports/revenue-sheet';
import { COMPLAINT_COLUMNS, DISCOUNT_COLUMNS, LOG_COLUMNS, VISIT_COLUMNS } from './layout';
import {
  parseCellDateTime,
  readComplaintSheet,
  readDiscountSheet,
  readLogSheet,
  readVisitSheet,
  type ServiceSheetRead,
  type ServiceSheetRow,
} from './service-sheets';

const cell = (v: string | number | null): SheetCell | null =>
  v === null ? null : { t: typeof v === 'number' ? 'n' : 's', v };
const sheet = (name: string, rows: (string | number | null)[][]): SheetInput => ({
  name,
  rows: rows.map((r) => r.map(cell)),
  merges: [],
});

const ID = '44051500001000';
type Reader = (s: SheetInput, o: { date1904: boolean }) => ServiceSheetRead<ServiceSheetRow>;

interface Case {
  sheet: string;
  read: Reader;
  header: string[];
  good: (string | number | null)[];
  /** The good row's input as read. */
  input: Record<string, unknown>;
  /** [what to change: column index → value, the column letter refused, a piece of the message]. */
  bad: [Record<number, string | number | null>, string, string][];
}

const CASES: Case[] = [
  {
    sheet: '营销日志',
    read: readLogSheet,
    header: LOG_COLUMNS.map((c) => c.header),
    good: [ID, '2026-10-12', 7, '报价', '上门拜访', '报价单面谈', '王五', '李总', '月结', '良好', 4, '否'],
    input: {
      customerId: ID,
      date: '2026-10-12',
      developmentId: 7,
      stage: 'quotation',
      method: 'visit',
      content: '报价单面谈',
      ourParticipants: '王五',
      theirParticipants: '李总',
      needs: '月结',
      cooperation: '良好',
      satisfaction: 4,
      summary: false,
    },
    bad: [
      [{ 0: '' }, 'A', '缺少客户编号'],
      [{ 0: '4405' }, 'A', '应为 14 位数字'],
      [{ 1: '十月' }, 'B', '日期'],
      [{ 2: 'x' }, 'C', '开发项目编号'],
      [{ 3: '签约' }, 'D', '不在下拉列表中'],
      [{ 4: '' }, 'E', '缺少接触方式'],
      [{ 5: '' }, 'F', '缺少内容'],
      [{ 10: 6 }, 'K', '满意度'],
      [{ 11: '对' }, 'L', '应为 是 或 否'],
    ],
  },
  {
    sheet: '拜访记录',
    read: readVisitSheet,
    header: VISIT_COLUMNS.map((c) => c.header),
    good: [ID, '2026/10/5', '客户经理', '已拜访', '王五', '回访', '王五、李总', '续签意向', null],
    input: {
      customerId: ID,
      date: '2026-10-05',
      kind: 'manager',
      status: 'held',
      purpose: '回访',
      participants: '王五、李总',
      outcome: '续签意向',
      reason: null,
    },
    bad: [
      [{ 0: null }, 'A', '缺少客户编号'],
      [{ 1: '' }, 'B', '缺少日期'],
      [{ 2: '经理' }, 'C', '不在下拉列表中（应为 客户经理、领导）'],
      [{ 3: '已完成' }, 'D', '不在下拉列表中（应为 已拜访、未拜访、计划）'],
      [{ 6: 'x'.repeat(301) }, 'G', '不能超过 300 字'],
    ],
  },
  {
    sheet: '投诉登记',
    read: readComplaintSheet,
    header: COMPLAINT_COLUMNS.map((c) => c.header),
    good: [
      '2026-10-20 09:30',
      ID,
      '电话',
      '包裹延误',
      '时限',
      '否',
      '2026-10-20 15:00',
      '2026-10-22 10:00',
      '已补发',
      5,
    ],
    input: {
      customerId: ID,
      receivedAt: '2026-10-20T09:30',
      channel: '电话',
      content: '包裹延误',
      type: '时限',
      complex: false,
    },
    bad: [
      [{ 0: '2026-10-20' }, 'A', '不是有效时间'],
      [{ 2: '微信' }, 'C', '不在下拉列表中'],
      [{ 3: '' }, 'D', '缺少内容'],
      [{ 5: '也许' }, 'F', '应为 是 或 否'],
      [{ 6: '2026-10-19 09:00' }, 'G', '联系时间不能早于受理时间'],
      [{ 7: '2026-10-20 12:00' }, 'H', '结案时间不能早于受理时间和联系时间'],
      [{ 8: '' }, 'I', '须填写处理结果'],
      [{ 9: null }, 'J', '须填写满意度'],
      [{ 7: '' }, 'H', '须填写结案时间'],
    ],
  },
  {
    sheet: '资费优惠申请',
    read: readDiscountSheet,
    header: DISCOUNT_COLUMNS.map((c) => c.header),
    good: [ID, '特快', '件', 12, '9.5', 3000, '月寄件量大', '2026-12-01', '2027-05-31'],
    input: {
      customerId: ID,
      line: 'express',
      rateUnit: '件',
      standardRate: '12',
      proposedRate: '9.5',
      monthlyVolume: 3000,
      reason: '月寄件量大',
      validFrom: '2026-12-01',
      validTo: '2027-05-31',
    },
    bad: [
      [{ 1: '快递' }, 'B', '不在下拉列表中'],
      [{ 3: '' }, 'D', '缺少标准资费'],
      [{ 4: '九元' }, 'E', '申请资费'],
      [{ 5: -1 }, 'F', '月业务量'],
      [{ 6: '' }, 'G', '缺少理由'],
      [{ 7: '' }, 'H', '缺少起始日期'],
      [{ 8: '2026-11-30' }, 'I', '截止日期不能早于起始日期'],
    ],
  },
];

describe.each(CASES)('$sheet', (c) => {
  it('reads the template’s own columns into the channel’s input, in any column order', () => {
    const r = c.read(sheet(c.sheet, [c.header, c.good]), { date1904: false });
    expect(r.issues).toEqual([]);
    expect(r.refused).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]?.input).toEqual(c.input);
    expect(r.rows[0]?.row).toBe(2);
    // Reversed columns: the header decides.
    const reversed = c.read(sheet(c.sheet, [[...c.header].reverse(), [...c.good].reverse()]), { date1904: false });
    expect(reversed.rows[0]?.input).toEqual(c.input);
  });

  it.each(c.bad)('refuses %o in column %s (%s), keeping the other rows', (change, column, message) => {
    const bad = c.good.map((v, i) => (i in change ? (change[i] as string | number | null) : v));
    const r = c.read(sheet(c.sheet, [c.header, c.good, bad, c.good]), { date1904: false });
    expect(r.rows.map((x) => x.row)).toEqual([2, 4]);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ sheet: c.sheet, row: 3, column });
    expect(errors.map((e) => e.message).join('\n')).toContain(message);
    expect(r.refused).toEqual([
      expect.objectContaining({ sheet: c.sheet, row: 3, reason: expect.objectContaining({ zh: errors[0]?.message }) }),
    ]);
  });

  it('skips blank rows and reports a sheet without its header as not read', () => {
    const r = c.read(sheet(c.sheet, [c.header, [], [null, ''], c.good]), { date1904: false });
    expect(r.rows.map((x) => x.row)).toEqual([4]);
    const none = c.read(sheet(c.sheet, [['甲', '乙'], c.good]), { date1904: false });
    expect(none.rows).toEqual([]);
    expect(none.issues).toEqual([expect.objectContaining({ row: null, severity: 'warning' })]);
  });
});

describe('投诉登记 steps', () => {
  const header = COMPLAINT_COLUMNS.map((c) => c.header);
  it('carries the unit’s contact and close (R33), each only when given', () => {
    const r = readComplaintSheet(
      sheet('投诉登记', [
        header,
        ['2026-10-20 09:30', ID, '上门', '甲', '', '是', '2026-10-20 15:00', '2026-10-22 10:00', '已补发', 5],
        ['2026-10-21 08:05', ID, '信函', '乙', '', '', '', '', '', ''],
      ]),
      { date1904: false },
    );
    expect(r.rows.map((x) => (x.kind === 'complaint' ? [x.input.complex, x.contactedAt, x.close] : null))).toEqual([
      [true, '2026-10-20T15:00', { at: '2026-10-22T10:00', resolution: '已补发', satisfaction: 5 }],
      [false, null, null],
    ]);
  });
});

describe('parseCellDateTime', () => {
  it.each([
    ['2026-10-05 09:30', '2026-10-05T09:30'],
    ['2026/10/5 9:05', '2026-10-05T09:05'],
    ['2026-10-05T23:59', '2026-10-05T23:59'],
    ['2026年10月5日 8：00', '2026-10-05T08:00'],
    ['2026-10-05 09:30:15', '2026-10-05T09:30'],
    // An Excel serial with its fraction: 46300 is 2026-10-05; .5 is noon.
    [46300.5, '2026-10-05T12:00'],
    ['2026-10-05', null],
    ['2026-10-05 24:00', null],
    ['2026-02-30 09:00', null],
  ] as const)('%s → %s', (value, expected) => {
    expect(parseCellDateTime(value)).toBe(expected);
  });
});
