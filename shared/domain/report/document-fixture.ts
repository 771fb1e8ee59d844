/**
 * A realistic monthly analysis report as blocks (shared/domain/report/document.ts), for the
 * renderers' tests (print view → PDF, Word, workbook): R28's seven parts plus the gold section,
 * tables of every cell format (one of 45 rows, so it spans pages), a 24-month line chart and a bar
 * chart by tier, generated sentences with figures, the officer's writing (one part left empty, one
 * with markup characters and line breaks). Deterministic: the same document every call.
 */
import {
  GOLD_HEADING,
  PART_HEADINGS,
  type ReportBlock,
  type ReportDocument,
  type ReportTable,
  type ReportTextField,
  type TableCell,
} from './document';

/** SHA-256 of a finalised snapshot, as the footer prints it. */
export const FIXTURE_HASH = '3f9a1c7e5b2d4f6089a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e9';
/** The audit chain's head the fixture's outputs carry. */
export const FIXTURE_AUDIT_HEAD = {
  id: 1287,
  hash: '9c1f0e7a52b3d4c6e8f00112233445566778899aabbccddeeff00112233445566',
};

export { GOLD_HEADING, PART_HEADINGS } from './document';

/** The month's key-customer revenue, in fen (3,672.26 万元), as the first paragraph and 表1 give it. */
export const FIXTURE_TOTAL_FEN = 3_672_260_000;
export const FIXTURE_TOTAL_TEXT = '3,672.26';

/** The titles of the long table's columns (表3), to find its header repeated on a later page. */
export const LONG_TABLE_TITLE = '表3　本月波动客户明细（变动幅度超过30%）';
export const LONG_TABLE_ROWS = 45;

/** The officer's text with characters that must be escaped, and a line break. */
export const HOSTILE_WRITING =
  '竞争对手顺丰、京东在本地推出“次日达”<特惠>价格 & 月结返点，部分电商客户询价。\n' +
  '我中心已联合各分局走访重点客户12户，稳定了其中10户的业务量；<script>alert(1)</script> 不应被执行。';

/** A small linear-congruential generator: fixed figures without a hand-written table of 45 rows. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const UNITS = ['金平区分局', '龙湖区分局', '濠江区分局', '潮阳区分局', '潮南区分局', '澄海区分局', '南澳县局'];
const TIERS = ['钻石', '黄金', '白银', '铜牌'];
const NAMES = [
  '汕头市龙湖区华联电子商务有限公司',
  '广东澄海玩具集团有限公司',
  '汕头市金平区潮汕食品贸易行',
  '汕头经济特区东方内衣实业有限公司',
  '潮阳区和平镇纺织品商行',
  '汕头市濠江区海产品加工厂',
  '广东省汕头市第一中学',
  '汕头市中心医院',
  '南澳县海洋渔业合作社',
  '汕头市潮南区峡山服装城',
];

function fluctuationRows(): TableCell[][] {
  const next = generator(20261031);
  const rows: TableCell[][] = [];
  for (let i = 0; i < LONG_TABLE_ROWS; i++) {
    const last = Math.round(50_000_000 + next() * 900_000_000);
    const up = next() < 0.45;
    const change = (0.31 + next() * 0.9) * (up ? 1 : -1);
    const now = Math.max(0, Math.round(last * (1 + change)));
    const ratio = (now - last) / last;
    const name = `${NAMES[i % NAMES.length]}${i >= NAMES.length ? `（${Math.floor(i / NAMES.length) + 1}号）` : ''}`;
    rows.push([
      i + 1,
      name,
      UNITS[i % UNITS.length] ?? '',
      TIERS[i % TIERS.length] ?? '',
      now,
      last,
      now - last,
      ratio,
      up ? '新增业务量' : i % 5 === 0 ? '客户转投竞争对手' : '季节性回落',
      i % 3 === 0 ? '是' : '否',
    ]);
  }
  return rows;
}

function months24(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 24; i++) {
    const index = 2024 * 12 + 10 + i; // 2024-11 … 2026-10
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    out.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return out;
}

function trend(): { thisYear: number[]; all: number[] } {
  const next = generator(7);
  const thisYear: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < 24; i++) {
    const season = Math.sin((i / 12) * 2 * Math.PI) * 180;
    const key = Math.round((3_200 + i * 20 + season + next() * 120) * 100) / 100;
    thisYear.push(i === 23 ? 3_672.26 : key);
    all.push(Math.round((key * 1.72 + next() * 200) * 100) / 100);
  }
  return { thisYear, all };
}

const table1: ReportTable = {
  kind: 'table',
  title: '表1　大客户收入总体情况',
  columns: [
    { title: '项目', format: 'text' },
    { title: '本月（万元）', format: 'wan' },
    { title: '上月（万元）', format: 'wan' },
    { title: '去年同月（万元）', format: 'wan' },
    { title: '同比', format: 'ratio' },
    { title: '环比', format: 'ratio' },
    { title: '本年累计（万元）', format: 'wan' },
    { title: '累计同比', format: 'ratio' },
  ],
  rows: [
    ['大客户收入', FIXTURE_TOTAL_FEN, 3_720_620_000, 3_524_240_000, 0.042, -0.013, 35_418_770_000, 0.051],
    ['全局业务收入', 6_318_450_000, 6_402_110_000, 6_120_900_000, 0.0323, -0.0131, 61_002_340_000, 0.0288],
    ['大客户收入占比', '58.1%', '58.1%', '57.6%', null, null, '58.1%', null],
  ],
  note: '注：同比、环比为本月与去年同月、上月相比的增减幅度；无基数时记“—”。',
};

const table2: ReportTable = {
  kind: 'table',
  title: '表2　大客户分级情况',
  columns: [
    { title: '级别', format: 'text' },
    { title: '上月末户数', format: 'count' },
    { title: '新增', format: 'count' },
    { title: '流失', format: 'count' },
    { title: '期末户数', format: 'count' },
    { title: '本月收入（万元）', format: 'wan' },
    { title: '收入占比', format: 'percent' },
    { title: '同比', format: 'ratio' },
    { title: '环比', format: 'ratio' },
  ],
  rows: [
    ['钻石', 12, 0, 0, 12, 1_436_410_000, 0.3911, 0.061, -0.008],
    ['黄金', 38, 2, 1, 39, 1_102_350_000, 0.3002, 0.035, -0.021],
    ['白银', 126, 5, 3, 128, 745_180_000, 0.2029, 0.027, -0.014],
    ['铜牌', 1_042, 37, 22, 1_057, 388_320_000, 0.1057, 0.019, null],
    ['合计', 1_218, 44, 26, 1_236, FIXTURE_TOTAL_FEN, 1, 0.042, -0.013],
  ],
  totalRow: true,
};

const table3: ReportTable = {
  kind: 'table',
  title: LONG_TABLE_TITLE,
  columns: [
    { title: '序号', format: 'count' },
    { title: '客户名称', format: 'text' },
    { title: '所属单位', format: 'text' },
    { title: '级别', format: 'text' },
    { title: '本月（万元）', format: 'wan' },
    { title: '上月（万元）', format: 'wan' },
    { title: '增减（万元）', format: 'wan' },
    { title: '变动幅度', format: 'ratio' },
    { title: '波动原因', format: 'text' },
    { title: '一次性', format: 'text' },
  ],
  rows: fluctuationRows(),
  note: '注：波动原因由各单位随月度数据报送；“一次性”为单位标注的一次性波动。',
};

const table4: ReportTable = {
  kind: 'table',
  title: '表4　重点客户收入情况（白银及以上或本单位前10名）',
  columns: [
    { title: '排名', format: 'count' },
    { title: '客户名称', format: 'text' },
    { title: '级别', format: 'text' },
    { title: '本月（万元）', format: 'wan' },
    { title: '同比', format: 'ratio' },
    { title: '环比', format: 'ratio' },
    { title: '本年累计（万元）', format: 'wan' },
  ],
  rows: NAMES.map((name, i) => [
    i + 1,
    name,
    TIERS[Math.min(3, Math.floor(i / 3))] ?? '',
    320_000_000 - i * 23_450_000,
    i === 4 ? null : 0.12 - i * 0.031,
    -0.05 + i * 0.013,
    3_100_000_000 - i * 221_000_000,
  ]),
};

const table5: ReportTable = {
  kind: 'table',
  title: '表5　黄金客户收入情况',
  columns: [
    { title: '客户名称', format: 'text' },
    { title: '所属单位', format: 'text' },
    { title: '本月（万元）', format: 'wan' },
    { title: '本月（元）', format: 'yuan' },
    { title: '同比', format: 'ratio' },
  ],
  rows: [
    ['广东澄海玩具集团有限公司', '澄海区分局', 85_126_450, 85_126_450, 0.083],
    ['汕头市中心医院', '金平区分局', 61_030_000, 61_030_000, -0.027],
    ['合计', '', 146_156_450, 146_156_450, 0.034],
  ],
  totalRow: true,
};

function writing(field: ReportTextField, text: string): ReportBlock {
  return { kind: 'writing', field, text };
}

export interface FixtureOptions {
  status?: 'draft' | 'final';
}

export function reportDocumentFixture(options: FixtureOptions = {}): ReportDocument {
  const status = options.status ?? 'final';
  const { thisYear, all } = trend();
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: PART_HEADINGS[0] },
    {
      kind: 'paragraph',
      text:
        `本月大客户收入合计 ${FIXTURE_TOTAL_TEXT} 万元，同比增长 4.2%，环比下降 1.3%，占全局业务收入的 58.1%；` +
        '本年累计 35,418.77 万元，同比增长 5.1%。',
    },
    { kind: 'heading', level: 2, text: '（一）收入情况' },
    table1,
    { kind: 'heading', level: 2, text: '（二）收入走势' },
    {
      kind: 'paragraph',
      text: '近24个月大客户收入走势见图1。本月收入较上月减少 48.36 万元，较去年同月增加 148.02 万元。',
    },
    {
      kind: 'chart',
      title: '图1　近24个月大客户收入走势（万元）',
      type: 'line',
      categories: months24(),
      series: [
        { name: '大客户收入', values: thisYear },
        { name: '全局业务收入', values: all },
      ],
      unit: '万元',
    },
    { kind: 'heading', level: 1, text: PART_HEADINGS[1] },
    {
      kind: 'paragraph',
      text: '本月末全市大客户 1,236 户，较上月末净增 18 户，其中新增 44 户、流失 26 户。各级别情况见表2、图2。',
    },
    table2,
    {
      kind: 'chart',
      title: '图2　各级别大客户本月收入（万元）',
      type: 'bar',
      categories: ['钻石', '黄金', '白银', '铜牌'],
      series: [{ name: '本月收入', values: [1_436.41, 1_102.35, 745.18, 388.32] }],
      unit: '万元',
    },
    { kind: 'heading', level: 1, text: PART_HEADINGS[2] },
    writing('competition', HOSTILE_WRITING),
    { kind: 'heading', level: 1, text: PART_HEADINGS[3] },
    {
      kind: 'paragraph',
      text: `本月收入变动幅度超过30%的客户共 ${LONG_TABLE_ROWS} 户，明细见表3。`,
    },
    table3,
    { kind: 'heading', level: 2, text: '（一）波动原因分析' },
    { kind: 'heading', level: 3, text: '1. 增长原因' },
    writing('fluctuation', '部分电商客户“双十一”备货提前，寄递量集中在本月下旬。'),
    { kind: 'heading', level: 1, text: PART_HEADINGS[4] },
    { kind: 'paragraph', text: '本月重点客户前10名收入合计 2,289.55 万元，占大客户收入的 62.3%，见表4。' },
    table4,
    { kind: 'heading', level: 1, text: PART_HEADINGS[5] },
    writing('practice', ''),
    { kind: 'heading', level: 1, text: PART_HEADINGS[6] },
    writing(
      'problems',
      '一是部分分局数据报送不及时，10月有2个单位晚于25日报送。\n二是铜牌客户流失较多，需加强走访。\n\n下月计划：完成全部钻石、黄金客户的季度走访。',
    ),
    { kind: 'heading', level: 1, text: GOLD_HEADING },
    { kind: 'paragraph', text: '本月黄金客户 39 户，收入合计 1,102.35 万元，同比增长 3.5%，环比下降 2.1%。' },
    table5,
    writing('gold', '黄金客户整体平稳，澄海玩具集团出口订单回升。'),
  ];
  return {
    issuer: '汕头市邮政局大客户中心',
    title: '2026年10月大客户经营分析报告',
    scopeName: '全市',
    period: '2026-10',
    status,
    revision: status === 'final' ? 2 : 1,
    hash: status === 'final' ? FIXTURE_HASH : null,
    auditHead: FIXTURE_AUDIT_HEAD,
    dateLine: status === 'final' ? '2026年11月3日' : '2026年11月2日',
    basisLine: '政策版本 3 · 分级批次 12（2025年度）',
    blocks,
  };
}
