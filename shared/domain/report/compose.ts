/**
 * R28: the monthly analysis report composed from its facts and the officer's texts, as blocks
 * (document.ts). The numbered parts' figures are tables, charts and plain sentences written from the
 * same numbers, so a sentence cannot contradict its table; the judgement parts are the officer's
 * texts. Part order and headings follow R28: 一、总体情况 … 七、存在问题及本月计划, then the gold
 * customers' section (every month) with the quarterly analysis in March, June, September, December.
 */
import { LINE_NAMES_ZH } from '../lines';
import { formatPeriodZh, monthOf, yearOf } from '../periods';
import { SCOPE_NAMES_ZH, SCOPES, TIER_NAMES_ZH, TIERS, type Tier } from '../tiers';
import {
  type CellFormat,
  GOLD_HEADING,
  PART_HEADINGS,
  type ReportBlock,
  type ReportDocument,
  type ReportTable,
  type ReportTexts,
  type TableCell,
  type TableColumn,
} from './document';
import type { Figures, ReportCustomer, ReportFacts } from './facts';
import { formatCell } from './format';

export interface ComposeMeta {
  status: 'draft' | 'final';
  revision: number;
  hash: string | null;
  auditHead: { id: number; hash: string } | null;
  /** The date printed under the title (finalised on, or today for a draft), ISO. */
  date: string;
}

const wan = (fen: number) => formatCell(fen, 'wan');
const pct = (fraction: number) => formatCell(fraction, 'percent');

/** "增长 4.2%" / "下降 1.3%" / "持平" / "无可比数据". */
export function direction(r: number | null): string {
  if (r === null) return '无可比数据';
  if (r === 0) return '持平';
  const magnitude = formatCell(Math.abs(r), 'percent');
  // A change that rounds to 0.0% is still stated as flat, never as "增长 0.0%".
  if (magnitude === '0.0%') return '基本持平';
  return r > 0 ? `增长 ${magnitude}` : `下降 ${magnitude}`;
}

const col = (title: string, format: CellFormat): TableColumn => ({ title, format });
const tierName = (t: Tier | null) => (t === null ? '非大客户' : TIER_NAMES_ZH[t]);

function dateZh(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const FIGURE_COLUMNS = [
  col('本月', 'wan'),
  col('上月', 'wan'),
  col('环比', 'ratio'),
  col('去年同月', 'wan'),
  col('同比', 'ratio'),
  col('本年累计', 'wan'),
  col('累计同比', 'ratio'),
];
const figureCells = (f: Figures): TableCell[] => [
  f.thisMonth,
  f.lastMonth,
  f.mom,
  f.sameMonthLastYear,
  f.yoy,
  f.yearToDate,
  f.ytdYoy,
];

const CUSTOMER_COLUMNS = [
  col('序号', 'count'),
  col('客户编号', 'text'),
  col('客户名称', 'text'),
  col('所属单位', 'text'),
  col('分级', 'text'),
  col('本月', 'wan'),
  col('环比', 'ratio'),
  col('同比', 'ratio'),
  col('本年累计', 'wan'),
];
const customerRows = (list: readonly ReportCustomer[]): TableCell[][] =>
  list.map((c, i) => [i + 1, c.id, c.name, c.unitName, tierName(c.tier), c.thisMonth, c.mom, c.yoy, c.yearToDate]);

/** Numbers tables and charts in order: 表1, 表2, … and 图1, 图2, …. */
class Numbering {
  private tables = 0;
  private charts = 0;
  table(title: string): string {
    this.tables++;
    return `表${this.tables}　${title}`;
  }
  chart(title: string): string {
    this.charts++;
    return `图${this.charts}　${title}`;
  }
}

export function composeReport(facts: ReportFacts, texts: ReportTexts, meta: ComposeMeta): ReportDocument {
  const n = new Numbering();
  const blocks: ReportBlock[] = [];
  const h1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const h2 = (text: string) => blocks.push({ kind: 'heading', level: 2, text });
  const p = (text: string) => blocks.push({ kind: 'paragraph', text });
  const table = (t: Omit<ReportTable, 'kind'>) => blocks.push({ kind: 'table', ...t });
  const scopeName = facts.unit?.name ?? '全市';
  const month = formatPeriodZh(facts.period);
  const o = facts.overall;
  const k = o.key;

  // 一、总体情况
  h1(PART_HEADINGS[0]);
  if (facts.tierBasis === null) {
    p(`${month}尚无生效的年度分级，无法确定大客户，以下大客户数据均为零；请先在“分级”中完成年度分级。`);
  }
  p(
    `${month}，${scopeName}共有大客户 ${formatCell(o.keyCount, 'count')} 户（客户总数 ${formatCell(o.customerCount, 'count')} 户）。` +
      `本月大客户收入合计 ${wan(k.thisMonth)} 万元，同比${direction(k.yoy)}，环比${direction(k.mom)}；` +
      `${yearOf(facts.period)}年1月至${monthOf(facts.period)}月累计 ${wan(k.yearToDate)} 万元，同比${direction(k.ytdYoy)}。`,
  );
  if (o.share !== null && o.bureau !== null) {
    p(`近12个月大客户收入占全局年收入（${o.bureau.year}年 ${wan(o.bureau.annual)} 万元）的 ${pct(o.share)}。`);
  } else {
    p('尚未录入全局年收入，无法计算大客户收入占比。');
  }
  p(`本月新增有收入的大客户 ${o.added.length} 户，上月有收入而本月无收入（流失）的大客户 ${o.lost.length} 户。`);
  if (facts.submissions) {
    const s = facts.submissions;
    p(
      `本月应报送单位 ${s.expected} 个，已报送 ${s.received} 个（其中逾期报送 ${s.late} 个），` +
        `未报送 ${s.pending + s.overdue} 个（其中已逾期 ${s.overdue} 个）。`,
    );
  }
  table({
    title: n.table('大客户收入总体情况（万元）'),
    columns: [col('项目', 'text'), ...FIGURE_COLUMNS],
    rows: [
      ['大客户', ...figureCells(k)],
      ['全部客户', ...figureCells(o.all)],
    ],
  });
  blocks.push({
    kind: 'chart',
    title: n.chart('近24个月收入走势（万元）'),
    type: 'line',
    categories: facts.trend.map((t) => t.period),
    series: [
      { name: '大客户', values: facts.trend.map((t) => t.key / 1_000_000) },
      { name: '全部客户', values: facts.trend.map((t) => t.all / 1_000_000) },
    ],
    unit: '万元',
  });
  if (facts.units.length > 1) {
    table({
      title: n.table(facts.unit === null ? '各单位大客户收入（万元）' : '下属单位大客户收入（万元）'),
      columns: [col('单位', 'text'), col('大客户户数', 'count'), ...FIGURE_COLUMNS],
      rows: facts.units.map((u) => [u.unitName, u.keyCount, ...figureCells(u)]),
    });
  }
  if (o.added.length > 0 || o.lost.length > 0) {
    table({
      title: n.table('本月新增与流失的大客户（万元）'),
      columns: [
        col('变动', 'text'),
        col('客户编号', 'text'),
        col('客户名称', 'text'),
        col('所属单位', 'text'),
        col('分级', 'text'),
        col('本月', 'wan'),
        col('上月', 'wan'),
      ],
      rows: [
        ...o.added.map((c) => ['新增', c.id, c.name, c.unitName, tierName(c.tier), c.thisMonth, c.lastMonth]),
        ...o.lost.map((c) => ['流失', c.id, c.name, c.unitName, tierName(c.tier), c.thisMonth, c.lastMonth]),
      ],
    });
  }

  // 二、分级情况
  h1(PART_HEADINGS[1]);
  const counted = facts.byTier.map((t) => `${TIER_NAMES_ZH[t.tier]}客户 ${t.count} 户`).join('、');
  p(`按分级，${counted}。`);
  const biggest = [...facts.byTier].sort((a, b) => b.thisMonth - a.thisMonth)[0];
  if (biggest && biggest.thisMonth > 0 && biggest.shareOfKey !== null) {
    p(
      `${TIER_NAMES_ZH[biggest.tier]}客户本月收入 ${wan(biggest.thisMonth)} 万元，占大客户收入的 ${pct(biggest.shareOfKey)}，` +
        `环比${direction(biggest.mom)}。`,
    );
  }
  table({
    title: n.table('各分级大客户收入（万元）'),
    columns: [col('分级', 'text'), col('户数', 'count'), col('占大客户收入', 'percent'), ...FIGURE_COLUMNS],
    rows: [
      ...facts.byTier.map((t) => [TIER_NAMES_ZH[t.tier], t.count, t.shareOfKey, ...figureCells(t)]),
      ['合计', o.keyCount, k.thisMonth > 0 ? 1 : null, ...figureCells(k)],
    ],
    totalRow: true,
  });
  blocks.push({
    kind: 'chart',
    title: n.chart('各分级大客户本月收入（万元）'),
    type: 'bar',
    categories: facts.byTier.map((t) => TIER_NAMES_ZH[t.tier]),
    series: [{ name: '本月收入', values: facts.byTier.map((t) => t.thisMonth / 1_000_000) }],
    unit: '万元',
  });
  table({
    title: n.table('大客户分级与范围（户）'),
    columns: [col('分级', 'text'), ...SCOPES.map((s) => col(SCOPE_NAMES_ZH[s], 'count')), col('合计', 'count')],
    rows: TIERS.map((t) => {
      const row = SCOPES.map((s) => facts.tierScope[t][s]);
      return [TIER_NAMES_ZH[t], ...row, row.reduce((a, b) => a + b, 0)];
    }),
  });
  if (facts.tierMoves.length > 0) {
    p(`与上月相比，分级发生变化的客户 ${facts.tierMoves.length} 户。`);
    table({
      title: n.table('分级变化的客户'),
      columns: [
        col('客户编号', 'text'),
        col('客户名称', 'text'),
        col('所属单位', 'text'),
        col('上月', 'text'),
        col('本月', 'text'),
      ],
      rows: facts.tierMoves.map((m) => [m.id, m.name, m.unitName, tierName(m.from), tierName(m.to)]),
    });
  }
  table({
    title: n.table('大客户分业务收入（万元）'),
    columns: [col('业务种类', 'text'), ...FIGURE_COLUMNS],
    rows: [...facts.byLine.map((l) => [LINE_NAMES_ZH[l.line], ...figureCells(l)]), ['合计', ...figureCells(k)]],
    totalRow: true,
  });

  // 三、竞争情况
  h1(PART_HEADINGS[2]);
  blocks.push({ kind: 'writing', field: 'competition', text: texts.competition });

  // 四、波动客户 (R27)
  h1(PART_HEADINGS[3]);
  const f = facts.fluctuations;
  const count = (r: string) => f.filter((x) => x.reason === r).length;
  const explained = f.filter((x) => x.explanation !== null && x.explanation.trim() !== '').length;
  const oneOff = f.filter((x) => x.oneOff).length;
  if (f.length === 0) {
    p('本月没有收入较上月变动超过规定幅度的大客户。');
  } else {
    p(
      `本月收入较上月变动超过规定幅度的大客户 ${f.length} 户，其中增长 ${count('rise')} 户、下降 ${count('fall')} 户、` +
        `新增 ${count('new')} 户、停止 ${count('stopped')} 户；各单位已说明原因 ${explained} 户（标为一次性 ${oneOff} 户），` +
        `未说明 ${f.length - explained} 户。`,
    );
    table({
      title: n.table('收入波动的大客户（万元）'),
      columns: [
        col('客户编号', 'text'),
        col('客户名称', 'text'),
        col('所属单位', 'text'),
        col('上月', 'wan'),
        col('本月', 'wan'),
        col('变动', 'text'),
        col('原因（单位报送）', 'text'),
        col('一次性', 'text'),
      ],
      rows: f.map((x) => [
        x.id,
        x.name,
        x.unitName,
        x.lastMonth,
        x.thisMonth,
        x.changePercent === null
          ? '新增'
          : `${x.changePercent > 0 ? '+' : x.changePercent < 0 ? '−' : ''}${Math.abs(x.changePercent).toFixed(1)}%`,
        x.explanation ?? '未说明',
        x.oneOff ? '是' : '',
      ]),
    });
  }
  blocks.push({ kind: 'writing', field: 'fluctuation', text: texts.fluctuation });

  // 五、重点客户 (R25)
  h1(PART_HEADINGS[4]);
  const keySum = facts.keyCustomers.reduce((s, c) => s + c.thisMonth, 0);
  p(
    `白银以上或本月收入前十名的大客户共 ${facts.keyCustomers.length} 户，本月收入合计 ${wan(keySum)} 万元` +
      (k.thisMonth > 0 ? `，占大客户收入的 ${pct(keySum / k.thisMonth)}。` : '。'),
  );
  if (facts.keyCustomers.length > 0) {
    table({
      title: n.table('重点客户收入（万元）'),
      columns: CUSTOMER_COLUMNS,
      rows: customerRows(facts.keyCustomers),
    });
  }

  // 六、七: the officer's judgement.
  h1(PART_HEADINGS[5]);
  blocks.push({ kind: 'writing', field: 'practice', text: texts.practice });
  h1(PART_HEADINGS[6]);
  blocks.push({ kind: 'writing', field: 'problems', text: texts.problems });

  // The gold customers' section, every month; the quarterly analysis at a quarter's end.
  h1(GOLD_HEADING);
  const g = facts.gold;
  p(
    `本月黄金客户 ${g.customers.length} 户，收入合计 ${wan(g.figures.thisMonth)} 万元，同比${direction(g.figures.yoy)}，` +
      `环比${direction(g.figures.mom)}；本年累计 ${wan(g.figures.yearToDate)} 万元，同比${direction(g.figures.ytdYoy)}。`,
  );
  if (facts.goldQuarter) {
    const q = facts.goldQuarter;
    h2(`（一）${q.label}黄金客户分析（报省局）`);
    p(
      `${q.label}黄金客户收入合计 ${wan(q.thisQuarter)} 万元，环比上季度${direction(q.qoq)}，同比${direction(q.yoy)}。`,
    );
    table({
      title: n.table(`${q.label}黄金客户收入（万元）`),
      columns: [
        col('项目', 'text'),
        col('本季度', 'wan'),
        col('上季度', 'wan'),
        col('环比', 'ratio'),
        col('去年同季度', 'wan'),
        col('同比', 'ratio'),
      ],
      rows: [['黄金客户', q.thisQuarter, q.lastQuarter, q.qoq, q.sameQuarterLastYear, q.yoy]],
    });
  }
  if (g.customers.length > 0) {
    table({ title: n.table('黄金客户收入（万元）'), columns: CUSTOMER_COLUMNS, rows: customerRows(g.customers) });
  }
  blocks.push({ kind: 'writing', field: 'gold', text: texts.gold });

  return {
    issuer: facts.unit === null ? facts.centreName : `${facts.unit.name}`,
    title: `${month}${facts.unit === null ? '' : facts.unit.name}大客户经营分析报告`,
    scopeName,
    period: facts.period,
    status: meta.status,
    revision: meta.revision,
    hash: meta.hash,
    auditHead: meta.auditHead,
    dateLine: dateZh(meta.date),
    basisLine:
      `政策版本 ${facts.policyVersion} · ` +
      (facts.tierBasis === null
        ? '尚无年度分级'
        : `分级批次 ${facts.tierBasis.runId}（${facts.tierBasis.year}年度分级）`),
    blocks,
  };
}
