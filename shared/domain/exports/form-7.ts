/**
 * 附件7 (R26): the province filing — customers averaging at least ¥25,000 a month over the 12
 * months ending with the period (¥300,000 a year), or the city's top 10 by the same figure, with
 * the month's revenue per line. A per-unit 附件7 is the city's list narrowed to the unit's
 * customers, so the units' tables add up to the city's.
 */

import { inClassificationOrder } from '../classification/order';
import { LINE_NAMES_ZH } from '../lines';
import { formatMoney } from '../money';
import { formatPeriodZh } from '../periods';
import { divideFen, periodLine, TIER_NOTE, tierBasisLine, tierLabel, UNITS_OF_MEASURE, unitLine } from './common';
import {
  addLines,
  type CustomerFigures,
  type ExportHeader,
  periodPlan,
  REPORT_LINES,
  totalOf,
  zeroLines,
} from './figures';
import { type Cell, count, EMPTY, money, type OfficialTable, text } from './layout';
import { selectProvinceFiling } from './selection';

export function form7List(header: ExportHeader, cityCustomers: readonly CustomerFigures[]) {
  const candidates = cityCustomers.map((c) => ({
    id: c.id,
    rank: c.rolling12,
    tieBreak: totalOf(c.thisMonth),
    customer: c,
  }));
  // R21: listed in the classification table's order (按已定顺序上报) where the centre set one.
  return inClassificationOrder(
    selectProvinceFiling(candidates, header.rules.provinceMonthlyAverageMin, header.rules.provinceTopN),
    (l) => l.item.customer.classification,
  ).map(({ item, because }) => ({ customer: item.customer, because }));
}

/**
 * `inUnit`: the customer IDs of a per-unit table (null: the whole city). The selection always runs
 * over the city, as R26 says "the city's top 10".
 */
export function buildForm7(
  header: ExportHeader,
  cityCustomers: readonly CustomerFigures[],
  inUnit: ReadonlySet<string> | null,
): OfficialTable {
  const { provinceMonthlyAverageMin, provinceTopN } = header.rules;
  const plan = periodPlan(header.period);
  const listed = form7List(header, cityCustomers).filter((l) => inUnit === null || inUnit.has(l.customer.id));
  const lines = zeroLines();
  let rolling = 0;
  const rows: Cell[][] = listed.map(({ customer: c, because }, i) => {
    addLines(lines, c.thisMonth);
    rolling += c.rolling12;
    return [
      count(i + 1),
      text(c.id),
      text(c.name),
      text(c.unitName),
      text(tierLabel(c, header)),
      text(
        because === 'threshold' ? `月均不低于 ${formatMoney(provinceMonthlyAverageMin)}` : `全市前 ${provinceTopN} 名`,
      ),
      money(c.rolling12),
      money(divideFen(c.rolling12, 12)),
      ...c.thisMonth.map(money),
      money(totalOf(c.thisMonth)),
    ];
  });
  rows.push([
    text('合计'),
    text(`${listed.length} 户`),
    EMPTY,
    EMPTY,
    EMPTY,
    EMPTY,
    money(rolling),
    money(divideFen(rolling, 12)),
    ...lines.map(money),
    money(totalOf(lines)),
  ]);
  const window = `${formatPeriodZh(plan.rollingStart)}至${formatPeriodZh(header.period)}`;
  return {
    sheetName: '附件7',
    attachment: '附件7',
    title: `大客户收入情况表（报省局，${formatPeriodZh(header.period)}）`,
    meta: [unitLine(header), `${periodLine(header)}　近12个月：${window}`, tierBasisLine(header), UNITS_OF_MEASURE],
    columnWidths: [6, 16, 30, 12, 16, 22, 15, 14, ...REPORT_LINES.map(() => 13), 15],
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
          '近12个月收入',
          '月均收入',
          ...REPORT_LINES.map((l) => `本月${LINE_NAMES_ZH[l]}`),
          '本月合计',
        ],
        rows,
        totalRows: 1,
      },
    ],
    frozenColumns: 3,
    notes: [
      `注：1. 列入近 12 个月（${window}）收入合计不低于 ${formatMoney(provinceMonthlyAverageMin * 12)}（月均 ${formatMoney(provinceMonthlyAverageMin)}）的客户；不足 ${provinceTopN} 户的，按近 12 个月收入由高到低补足全市前 ${provinceTopN} 名。未报的月份按 0 计。`,
      `2. ${TIER_NOTE}`,
      '3. 月均收入 = 近12个月收入 ÷ 12。',
    ],
  };
}
