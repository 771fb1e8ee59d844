/**
 * 附件6-2 (R25): the key-customer revenue table — every key customer of silver and above (the
 * policy's `keyCustomerMinTier`) and the unit's top 10 key customers by the month's revenue, the
 * union (see selection.ts),
 * each with this month, last month, MoM, same month last year, YoY, year to date and its YoY.
 */

import { inClassificationOrder } from '../classification/order';
import { formatPeriodZh } from '../periods';
import { TIER_NAMES_ZH } from '../tiers';
import { periodLine, TIER_NOTE, tierBasisLine, tierLabel, UNITS_OF_MEASURE, unitLine } from './common';
import { type CustomerFigures, type ExportHeader, totalOf } from './figures';
import { type Cell, count, EMPTY, money, type OfficialTable, percent, text } from './layout';
import { changeRatio } from './ratios';
import { selectKeyCustomers } from './selection';

interface Totals {
  thisMonth: number;
  lastMonth: number;
  sameMonthLastYear: number;
  yearToDate: number;
  yearToDateLastYear: number;
}

const totalsOf = (c: CustomerFigures): Totals => ({
  thisMonth: totalOf(c.thisMonth),
  lastMonth: totalOf(c.lastMonth),
  sameMonthLastYear: totalOf(c.sameMonthLastYear),
  yearToDate: totalOf(c.yearToDate),
  yearToDateLastYear: totalOf(c.yearToDateLastYear),
});

function figureCells(t: Totals): Cell[] {
  return [
    money(t.thisMonth),
    money(t.lastMonth),
    percent(changeRatio(t.thisMonth, t.lastMonth)),
    money(t.sameMonthLastYear),
    percent(changeRatio(t.thisMonth, t.sameMonthLastYear)),
    money(t.yearToDate),
    money(t.yearToDateLastYear),
    percent(changeRatio(t.yearToDate, t.yearToDateLastYear)),
  ];
}

export function form62List(header: ExportHeader, customers: readonly CustomerFigures[]) {
  const candidates = customers.map((c) => ({
    id: c.id,
    tier: header.tierBasis === null ? null : c.tier,
    rank: totalOf(c.thisMonth),
    tieBreak: totalOf(c.yearToDate),
    customer: c,
  }));
  // R21: listed in the classification table's order (按已定顺序上报) where the centre set one.
  return inClassificationOrder(
    selectKeyCustomers(
      candidates,
      header.rules.keyCustomerMinTier,
      header.rules.keyCustomerTopN,
      header.tierBasis !== null,
    ),
    (l) => l.item.customer.classification,
  ).map(({ item, because }) => ({ customer: item.customer, because }));
}

export function buildForm62(header: ExportHeader, customers: readonly CustomerFigures[]): OfficialTable {
  const { keyCustomerMinTier, keyCustomerTopN } = header.rules;
  const because = {
    tier: `${TIER_NAMES_ZH[keyCustomerMinTier]}及以上`,
    top: `本月收入前 ${keyCustomerTopN} 名`,
    both: `${TIER_NAMES_ZH[keyCustomerMinTier]}及以上；本月收入前 ${keyCustomerTopN} 名`,
  };
  const listed = form62List(header, customers);
  const sum: Totals = { thisMonth: 0, lastMonth: 0, sameMonthLastYear: 0, yearToDate: 0, yearToDateLastYear: 0 };
  const rows: Cell[][] = listed.map(({ customer, because: why }, i) => {
    const t = totalsOf(customer);
    for (const k of Object.keys(sum) as (keyof Totals)[]) sum[k] += t[k];
    return [
      count(i + 1),
      text(customer.id),
      text(customer.name),
      text(customer.unitName),
      text(tierLabel(customer, header)),
      text(because[why]),
      ...figureCells(t),
    ];
  });
  rows.push([text('合计'), text(`${listed.length} 户`), EMPTY, EMPTY, EMPTY, EMPTY, ...figureCells(sum)]);
  return {
    sheetName: '附件6-2',
    attachment: '附件6-2',
    title: `重点大客户收入统计表（${formatPeriodZh(header.period)}）`,
    meta: [unitLine(header), periodLine(header), tierBasisLine(header), UNITS_OF_MEASURE],
    columnWidths: [6, 16, 34, 12, 16, 16, 14, 14, 9, 14, 9, 16, 16, 9],
    sections: [
      {
        caption: null,
        header: [
          '序号',
          '客户编号',
          '客户名称',
          '所属单位',
          '分级',
          '列入依据',
          '本月收入',
          '上月收入',
          '环比',
          '去年同月',
          '同比',
          '本年累计',
          '去年同期累计',
          '累计同比',
        ],
        rows,
        totalRows: 1,
      },
    ],
    frozenColumns: 3,
    notes: [
      `注：1. 列入全部${TIER_NAMES_ZH[keyCustomerMinTier]}及以上大客户，以及本单位本月收入前 ${keyCustomerTopN} 名的大客户（不论分级），每户列一次；非大客户不列入（尚无分级时即本月收入前 ${keyCustomerTopN} 名）。`,
      `2. ${TIER_NOTE}`,
      '3. 同比、环比对比期无收入时留空。',
    ],
  };
}
