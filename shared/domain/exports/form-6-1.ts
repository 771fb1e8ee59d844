/**
 * 附件6-1 (R24): the count and revenue table of a unit (or the city) for a month — customers by
 * tier (last month's end, new, lost, this month's end) with their revenue, then revenue by line:
 * this month, last month, MoM, same month last year, YoY, year to date, last year's year to date,
 * and YoY of the year to date.
 */
import { LINE_NAMES_ZH } from '../lines';
import { formatMoney } from '../money';
import { formatPeriodZh } from '../periods';
import { TIER_NAMES_ZH, TIERS, type Tier } from '../tiers';
import { periodLine, TIER_NOTE, tierBasisLine, UNITS_OF_MEASURE, unitLine } from './common';
import {
  addLines,
  BUCKETS,
  type Bucket,
  type CustomerFigures,
  type ExportHeader,
  type LineVector,
  periodPlan,
  REPORT_LINES,
  totalOf,
  yearToDateLabel,
  zeroLines,
} from './figures';
import { type Cell, count, money, type OfficialTable, percent, text } from './layout';
import { changeRatio } from './ratios';

/** Counted groups: R12's four tiers, then customers without one (not key in the run, newer, or no run). */
export const COUNT_ROWS = [...TIERS, 'none'] as const;
export type CountRow = (typeof COUNT_ROWS)[number];

export interface TierCounts {
  lastMonthEnd: number;
  added: number;
  lost: number;
  periodEnd: number;
  thisMonth: number;
  yearToDate: number;
}

export interface Form61Figures {
  byTier: Record<CountRow, TierCounts>;
  /** Fen per line and bucket, over every customer in scope. */
  byLine: Record<Bucket, LineVector>;
}

/**
 * A customer "is on the books" for a month when its revenue that month is above 0 (all lines):
 * new = on the books this month and not last month, lost = the reverse (R27's new and stopped),
 * so last month's end + new − lost = this month's end, tier by tier.
 */
const active = (v: readonly number[]) => totalOf(v) > 0;

export function form61Figures(customers: readonly CustomerFigures[]): Form61Figures {
  const byTier = Object.fromEntries(
    COUNT_ROWS.map((t) => [t, { lastMonthEnd: 0, added: 0, lost: 0, periodEnd: 0, thisMonth: 0, yearToDate: 0 }]),
  ) as Record<CountRow, TierCounts>;
  const byLine = Object.fromEntries(BUCKETS.map((b) => [b, zeroLines()])) as Record<Bucket, LineVector>;
  for (const c of customers) {
    const row = byTier[c.tier ?? 'none'];
    const now = active(c.thisMonth);
    const before = active(c.lastMonth);
    if (before) row.lastMonthEnd++;
    if (now) row.periodEnd++;
    if (now && !before) row.added++;
    if (before && !now) row.lost++;
    row.thisMonth += totalOf(c.thisMonth);
    row.yearToDate += totalOf(c.yearToDate);
    for (const b of BUCKETS) addLines(byLine[b], c[b]);
  }
  return { byTier, byLine };
}

function tierRowLabel(row: CountRow, header: ExportHeader): string {
  if (row !== 'none') return TIER_NAMES_ZH[row as Tier];
  return header.tierBasis === null ? '分级未知' : '未定级';
}

function countCells(label: string, c: TierCounts): Cell[] {
  return [
    text(label),
    count(c.lastMonthEnd),
    count(c.added),
    count(c.lost),
    count(c.periodEnd),
    money(c.thisMonth),
    money(c.yearToDate),
  ];
}

function revenueCells(label: string, at: (b: Bucket) => number): Cell[] {
  const [thisMonth, lastMonth, sameMonth, ytd, ytdLastYear] = BUCKETS.map(at) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return [
    text(label),
    money(thisMonth),
    money(lastMonth),
    percent(changeRatio(thisMonth, lastMonth)),
    money(sameMonth),
    percent(changeRatio(thisMonth, sameMonth)),
    money(ytd),
    money(ytdLastYear),
    percent(changeRatio(ytd, ytdLastYear)),
  ];
}

/**
 * The rows of 大客户户数: with an annual grading in force, R12's four tiers — key customers only
 * (R5–R8 qualified, a tier in force), so the total is the number of key customers; customers
 * without a tier are told apart in a note. With no grading yet nobody's tier is known: every
 * customer is in one 分级未知 row (the tier rows stay as zeros, the table keeps its shape).
 */
export function form61CountRows(header: ExportHeader): readonly CountRow[] {
  return header.tierBasis === null ? COUNT_ROWS : TIERS;
}

export function buildForm61(header: ExportHeader, customers: readonly CustomerFigures[]): OfficialTable {
  const f = form61Figures(customers);
  const plan = periodPlan(header.period);
  const countRows = form61CountRows(header);
  const notKey = f.byTier.none;
  const total = countRows.reduce<TierCounts>(
    (sum, t) => {
      const c = f.byTier[t];
      return {
        lastMonthEnd: sum.lastMonthEnd + c.lastMonthEnd,
        added: sum.added + c.added,
        lost: sum.lost + c.lost,
        periodEnd: sum.periodEnd + c.periodEnd,
        thisMonth: sum.thisMonth + c.thisMonth,
        yearToDate: sum.yearToDate + c.yearToDate,
      };
    },
    { lastMonthEnd: 0, added: 0, lost: 0, periodEnd: 0, thisMonth: 0, yearToDate: 0 },
  );
  return {
    sheetName: '附件6-1',
    attachment: '附件6-1',
    title: `大客户数量及收入统计表（${formatPeriodZh(header.period)}）`,
    meta: [
      unitLine(header),
      `${periodLine(header)}　本年累计：${yearToDateLabel(header.period)}　同比对比期：${formatPeriodZh(plan.sameMonthLastYear)}　环比对比期：${formatPeriodZh(plan.lastMonth)}`,
      tierBasisLine(header),
      UNITS_OF_MEASURE,
    ],
    // Two sections share the columns: F is 本月收入 above and 同比 below, so it is as wide as money.
    columnWidths: [16, 16, 16, 12, 16, 16, 18, 18, 12],
    sections: [
      {
        caption: '一、大客户户数（按分级）',
        header: ['分级', '上月末户数', '本月新增', '本月流失', '期末户数', '本月收入', '本年累计收入'],
        rows: [...countRows.map((t) => countCells(tierRowLabel(t, header), f.byTier[t])), countCells('合计', total)],
        totalRows: 1,
      },
      {
        caption: '二、大客户收入（按业务种类）',
        header: ['业务种类', '本月', '上月', '环比', '去年同月', '同比', '本年累计', '去年同期累计', '累计同比'],
        rows: [
          ...REPORT_LINES.map((line, i) => revenueCells(LINE_NAMES_ZH[line], (b) => f.byLine[b][i] ?? 0)),
          revenueCells('合计', (b) => totalOf(f.byLine[b])),
        ],
        totalRows: 1,
      },
    ],
    notes: [
      '注：1. 期末户数为本月各业务收入合计大于 0 的客户；本月新增为本月有收入而上月没有的客户，本月流失为上月有收入而本月没有的客户，故上月末户数 + 本月新增 − 本月流失 = 期末户数。',
      header.tierBasis === null
        ? `2. ${TIER_NOTE}尚无年度分级，客户均列为“分级未知”。`
        : `2. ${TIER_NOTE}户数只计大客户（达到大客户条件、有在用分级）；未定级客户（该次分级未达标准或分级后新建档）期末 ${notKey.periodEnd} 户、本月收入 ${formatMoney(notKey.thisMonth)}，不计入户数，其收入计入下表。`,
      '3. 环比 =（本月 − 上月）÷ 上月，同比 =（本月 − 去年同月）÷ 去年同月，累计同比同理；对比期无收入时留空。',
    ],
  };
}
