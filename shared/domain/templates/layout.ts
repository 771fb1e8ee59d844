/**
 * The monthly workbook the centre hands each unit (数据报送模板, DOMAIN-DECISIONS "Templates").
 * Pure layout: sheet names, columns with their drop-down lists, the prefilled rows and the
 * instructions text. The backend reads the database and writes the file; an import reads the same
 * names back.
 */
import { managerChangeDueDateFor, unitReportDueDate } from '../duties';
import { INDUSTRIES } from '../industries';
import { LINE_NAMES_ZH, PRODUCT_LINES, type RevenueLine } from '../lines';
import { MANAGER_CHANGE_COLUMNS, MANAGER_CHANGE_KIND_NAMES_ZH } from '../managers/change-sheet';
import { fenToYuanString } from '../money';
import { EMPLOYMENT_NAMES_ZH, MANAGER_POST_NAMES_ZH } from '../organisation';
import { formatPeriodZh, type Period } from '../periods';
import type { Policy } from '../policy/policy';
import { TIER_NAMES_ZH, type Tier } from '../tiers';
import {
  COMPLAINT_CHANNELS,
  METHOD_LIST,
  SATISFACTION_LIST,
  STAGE_LIST,
  VISIT_KIND_NAMES,
  VISIT_STATUS_NAMES,
} from './service-lists';
import {
  WIDE_COLUMNS,
  WIDE_HEADERS,
  type WideCustomer,
  wideHeaderMerges,
  wideHeaderRows,
  wideRevenueRows,
} from './wide-layout';

/** What the metadata's `form` says; an import refuses any other. */
export const TEMPLATE_FORM = 'unit-monthly';
/**
 * Layout version written into every file; an import refuses versions it does not know. Version 1
 * had 收入明细 one row per customer and line (the long layout, still read); version 2 has one row
 * per customer with the lines as columns (wide-layout.ts). The reader goes by the header.
 */
export const TEMPLATE_VERSION = 2;
export const LONG_TEMPLATE_VERSION = 1;
export const SUPPORTED_TEMPLATE_VERSIONS: readonly number[] = [1, 2];
export type TemplateLayoutKind = 'wide' | 'long';

export const TEMPLATE_SHEETS = {
  instructions: '填表说明',
  revenue: '收入明细',
  registrations: '新客户申报',
  applications: '营销申报',
  managerChanges: '客户经理变动',
  fluctuations: '波动原因',
  /** The unit's own monthly analysis (R31), read into unit_analyses; absent from templates made before it. */
  analysis: '经营分析',
  /** The unit's service work (R22, R23, R33, R29), each row through its channel's checks. */
  logs: '营销日志',
  visits: '拜访记录',
  complaints: '投诉登记',
  discounts: '资费优惠申请',
  /** For the unit to read: its registrations and applications in progress (R19); never imported. */
  progress: '申报进度',
  /** Very hidden and protected: what the file holds (form, version, unit, period, generated at). */
  meta: '_kam_meta',
  /** Hidden: drop-down lists too long to write inline (the area table); never imported. */
  lists: '_kam_lists',
} as const;

export const YES_NO = ['是', '否'] as const;

const ALL_LINES: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];
export const LINE_LIST: readonly string[] = ALL_LINES.map((l) => LINE_NAMES_ZH[l]);

export interface ColumnSpec {
  header: string;
  /** Column width in characters. */
  width: number;
  /** Drop-down values (written as list validation); the import accepts only these. */
  list?: readonly string[];
  /**
   * A drop-down too long to write inline, from the template's hidden list sheet: 'areas' lists
   * the area table as "440515 澄海区" (the import reads the six digits in front); 'managers' the
   * unit's managers in post by name (拜访记录's 客户经理).
   */
  listRange?: 'areas' | 'managers';
  /** false: the list only suggests (Excel warns but takes another value); the import checks itself. */
  listStrict?: boolean;
}

export type CellValue = string | number | null;

export interface SheetLayout {
  name: string;
  columns: readonly ColumnSpec[];
  /** Header rows; default one row of the columns' headers. */
  header?: CellValue[][];
  merges?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  /** Data rows under the header. */
  rows: CellValue[][];
}

// The long layout (version 1): the header uses the names the hand-made reader knows
// (revenue-sheet.ts), so the same reader serves both; the three R8 columns are read beside it
// (newspaper-columns.ts).
export const REVENUE_COLUMNS: readonly ColumnSpec[] = [
  { header: '客户ID', width: 17 },
  { header: '客户名称', width: 32 },
  { header: '月份', width: 10 },
  { header: '业务种类', width: 10, list: LINE_LIST },
  { header: '收入(元)', width: 14 },
  { header: '报刊年流转额(元)', width: 16 },
  { header: '报刊平均费率(%)', width: 15 },
  { header: '报刊其他收入(元)', width: 16 },
  { header: '备注', width: 20 },
];

/**
 * 新客户申报 (R19): one registration a row, read into the centre's inbox (DOMAIN-DECISIONS
 * "Template intake"). 客户名称 and 地区代码 are required (a registration needs the customer's home,
 * R16); the rest is what the registration form asks.
 */
export const REGISTRATION_COLUMNS: readonly ColumnSpec[] = [
  { header: '客户名称', width: 32 },
  { header: '统一社会信用代码', width: 21 },
  { header: '地区代码', width: 16, listRange: 'areas' },
  // Suggestions, as on the customer form: a unit may name another industry.
  { header: '行业', width: 12, list: INDUSTRIES, listStrict: false },
  { header: '地址', width: 28 },
  { header: '联系人', width: 10 },
  { header: '联系电话', width: 14 },
  { header: '主要业务种类', width: 12, list: LINE_LIST },
  { header: '预计年收入(元)', width: 14 },
  { header: '收入依据', width: 24 },
  { header: '是否已签协议', width: 12, list: YES_NO },
  { header: '申报理由', width: 24 },
];

/**
 * 客户经理变动 (R30): the register's own sheet (managers/change-sheet.ts) without 单位, which is the
 * template's unit. The kinds, posts and employment as drop-downs.
 */
export const MANAGER_CHANGE_TEMPLATE_COLUMNS: readonly ColumnSpec[] = MANAGER_CHANGE_COLUMNS.filter(
  (c) => c.field !== 'unit',
).map((c) => ({
  header: c.header,
  width: c.field === 'otherUnit' || c.field === 'note' ? 16 : 12,
  ...(c.field === 'kind'
    ? { list: Object.values(MANAGER_CHANGE_KIND_NAMES_ZH) }
    : c.field === 'post'
      ? { list: Object.values(MANAGER_POST_NAMES_ZH) }
      : c.field === 'employment'
        ? { list: Object.values(EMPLOYMENT_NAMES_ZH) }
        : {}),
}));

/**
 * 营销申报 (R19): a plan to market another unit's customer, one a row, read into the centre's inbox
 * like 新客户申报; the customer's own unit gives its opinion before the centre rules.
 */
export const APPLICATION_COLUMNS: readonly ColumnSpec[] = [
  { header: '客户ID', width: 17 },
  { header: '客户名称', width: 28 },
  { header: '营销内容', width: 32 },
  { header: '开始日期', width: 12 },
  { header: '结束日期', width: 12 },
  { header: '预计收入(元)', width: 14 },
];

/** 营销日志 (R22): one contact a row, as the log form (logs/add) asks; the unit is the template's. */
export const LOG_COLUMNS: readonly ColumnSpec[] = [
  { header: '客户编号', width: 17 },
  { header: '日期', width: 12 },
  { header: '开发项目编号', width: 12 },
  { header: '阶段', width: 16, list: STAGE_LIST },
  { header: '接触方式', width: 12, list: METHOD_LIST },
  { header: '内容', width: 36 },
  { header: '我方人员', width: 14 },
  { header: '客户方人员', width: 14 },
  { header: '客户需求', width: 24 },
  { header: '合作情况', width: 24 },
  { header: '满意度', width: 8, list: SATISFACTION_LIST },
  { header: '季度小结(是/否)', width: 14, list: YES_NO },
];

/** 拜访记录 (R23): one visit a row, as visits/add asks; 客户经理 by name, one of the unit's. */
export const VISIT_COLUMNS: readonly ColumnSpec[] = [
  { header: '客户编号', width: 17 },
  { header: '日期', width: 12 },
  { header: '类型', width: 10, list: Object.values(VISIT_KIND_NAMES) },
  { header: '状态', width: 10, list: Object.values(VISIT_STATUS_NAMES) },
  // Suggestions: a manager who joined after the template was made is still found by name.
  { header: '客户经理', width: 12, listRange: 'managers', listStrict: false },
  { header: '目的', width: 24 },
  { header: '参加人员', width: 18 },
  { header: '结果', width: 28 },
  { header: '未拜访原因', width: 20 },
];

/** 投诉登记 (R33): complaints the unit received first, with its own contact and close. */
export const COMPLAINT_COLUMNS: readonly ColumnSpec[] = [
  { header: '受理时间', width: 17 },
  { header: '客户编号', width: 17 },
  { header: '渠道', width: 8, list: COMPLAINT_CHANNELS },
  { header: '内容', width: 36 },
  { header: '类型', width: 12 },
  { header: '复杂(是/否)', width: 11, list: YES_NO },
  { header: '联系时间', width: 17 },
  { header: '结案时间', width: 17 },
  { header: '处理结果', width: 28 },
  { header: '满意度', width: 8, list: SATISFACTION_LIST },
];

/** 资费优惠申请 (R29): requests that wait for the first step of their chain at the centre. */
export const DISCOUNT_COLUMNS: readonly ColumnSpec[] = [
  { header: '客户编号', width: 17 },
  { header: '业务', width: 10, list: LINE_LIST },
  { header: '计费单位', width: 10 },
  { header: '标准资费(元)', width: 12 },
  { header: '申请资费(元)', width: 12 },
  { header: '月业务量', width: 10 },
  { header: '理由', width: 32 },
  { header: '起始日期', width: 12 },
  { header: '截止日期', width: 12 },
];

export const FLUCTUATION_COLUMNS: readonly ColumnSpec[] = [
  { header: '客户ID', width: 17 },
  { header: '客户名称', width: 32 },
  { header: '月份', width: 10 },
  { header: '等级', width: 8 },
  { header: '上月收入(元)', width: 14 },
  { header: '原因说明', width: 40 },
  { header: '是否一次性', width: 10, list: YES_NO },
];

/**
 * 经营分析 (R31: the unit's analysis comes with its statistics by the 28th): one row per item,
 * found by its 项目 label. `key` is the stored field; the labels are the ones written, then
 * variants a unit may type.
 */
export const ANALYSIS_ITEMS = [
  { key: 'competition', label: '竞争情况', en: 'Competition', variants: ['竞争情况', '竞争', '市场竞争情况'] },
  {
    key: 'fluctuationNotes',
    label: '波动原因补充说明',
    en: 'Further notes on fluctuations',
    variants: ['波动原因补充说明', '波动原因补充', '波动情况补充说明', '波动原因说明'],
  },
  {
    key: 'practice',
    label: '上月工作及好的做法',
    en: 'Last month’s work and good practice',
    variants: ['上月工作及好的做法', '上月工作', '好的做法', '主要工作及好的做法'],
  },
  {
    key: 'plan',
    label: '存在问题及本月计划',
    en: 'Problems and this month’s plan',
    variants: ['存在问题及本月计划', '存在问题', '本月计划', '存在问题及下步计划'],
  },
] as const;
export type AnalysisItemKey = (typeof ANALYSIS_ITEMS)[number]['key'];
/** The most a 内容 cell holds (characters); longer is refused, so a report quotes it whole. */
export const ANALYSIS_MAX_CHARS = 2000;
export const ANALYSIS_HEADERS = { item: '项目', content: '内容' } as const;
export const ANALYSIS_INSTRUCTION = `请在“${ANALYSIS_HEADERS.content}”列填写本单位本月经营分析，每格不超过 ${ANALYSIS_MAX_CHARS} 字（单元格内换行按 Alt+Enter）；没有的项目留空。请勿修改“${ANALYSIS_HEADERS.item}”列。`;

/** The 经营分析 sheet's rows: the instruction, the header, one row per item with 内容 blank. */
export function analysisRows(): CellValue[][] {
  return [
    [ANALYSIS_INSTRUCTION, null],
    [ANALYSIS_HEADERS.item, ANALYSIS_HEADERS.content],
    ...ANALYSIS_ITEMS.map((i): CellValue[] => [i.label, null]),
  ];
}

export interface TemplateCustomer extends WideCustomer {
  /** Lines with revenue in the 12 months before the period (R1 order); empty: every line. */
  recentLines: readonly RevenueLine[];
}

export interface TemplateKeyCustomer {
  id: string;
  name: string;
  tier: Tier;
  /** Fen; null when the customer had no revenue last month. */
  lastMonth: number | null;
}

/**
 * The long layout (version 1): one row per customer and line, the month filled in. A customer with recent revenue gets the
 * lines it used; one without gets every line, so no customer is missing from the sheet.
 */
export function revenueRows(customers: readonly TemplateCustomer[], period: Period): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const c of customers) {
    const lines = c.recentLines.length > 0 ? c.recentLines : ALL_LINES;
    for (const line of lines) rows.push([c.id, c.name, period, LINE_NAMES_ZH[line], null, null, null, null, null]);
  }
  return rows;
}

/** R27 applies to key customers: they are listed with last month's revenue for comparison. */
export function fluctuationRows(customers: readonly TemplateKeyCustomer[], period: Period): CellValue[][] {
  return customers.map((c) => [
    c.id,
    c.name,
    period,
    TIER_NAMES_ZH[c.tier],
    c.lastMonth === null ? null : Number(fenToYuanString(c.lastMonth)),
    null,
    null,
  ]);
}

export interface TemplateUnit {
  code: string;
  name: string;
}

/** The instructions sheet, one paragraph a row (column A). */
export function instructionRows(
  unit: TemplateUnit,
  period: Period,
  policy: Pick<Policy, 'reporting' | 'fluctuationPercent'>,
  /** YYYY-MM-DD. */
  generatedOn: string,
  layout: TemplateLayoutKind = 'wide',
): string[] {
  const due = unitReportDueDate(period, policy);
  const managerDue = managerChangeDueDateFor(`${period}-01`, policy);
  return [
    `${unit.name}（${unit.code}）${formatPeriodZh(period)}数据报送模板`,
    `生成日期：${generatedOn}。请于 ${due} 前报送市局大客户中心（R31）；客户经理变动请于 ${managerDue} 前报送（R30）。`,
    '',
    '一、通用要求',
    '1. 请勿修改工作表名称、表头，也不要删除或改动客户ID；新增行请复制已有行后修改。',
    '2. 金额以“元”为单位，可保留两位小数，也可写“1.2万”；空白表示“未报送”，不会清除已有数据，确实为零请填 0。',
    '3. 带下拉箭头的单元格请从下拉列表中选择。',
    '4. 本文件含有隐藏的模板信息（单位、月份、版本），请在本文件中填写，不要另存为其他格式或复制到新文件。',
    '',
    `二、${TEMPLATE_SHEETS.revenue}`,
    ...(layout === 'wide'
      ? [
          `1. 每行为一个客户，各业务种类为列（R1 顺序，另加“其他”）。请在各业务的“${WIDE_HEADERS.amount}”列填写本月收入；灰色的“${WIDE_HEADERS.last}”列为上月已入库数，仅供参考，改动不会被导入。空白的“本月”表示未报送；未列出的客户请在末尾新增一行，填写客户ID后填写金额。`,
          `2. 报刊（R8）：可直接填“${WIDE_HEADERS.amount}”，也可填“${WIDE_HEADERS.turnover}”“${WIDE_HEADERS.rate}”（如 25 表示 25%）和“${WIDE_HEADERS.other}”，系统按 年流转额 × 平均费率 ÷ 12 + 其他收入 计算当月报刊收入；两者都填时须一致。`,
        ]
      : [
          '1. 每行为一个客户、一个月份、一种业务的收入；已按客户近 12 个月使用的业务种类列出，没有的业务可复制一行后在“业务种类”中选择。',
          '2. 报刊（R8）：可直接填“收入(元)”，也可填“报刊年流转额(元)”“报刊平均费率(%)”（如 25 表示 25%）和“报刊其他收入(元)”，系统按 年流转额 × 平均费率 ÷ 12 + 其他收入 计算当月报刊收入；两者都填时须一致。',
        ]),
    '3. 只能报送本单位登记的客户；填写其他单位的客户会被提示，同一客户同一月份同一业务只能由一个单位报送。',
    '',
    `三、${TEMPLATE_SHEETS.registrations}`,
    '本单位发现的新客户（R19），每行一户：客户名称和地区代码（6 位行政区划代码）必填；有统一社会信用代码请填写（18 位）。中心受理后按注册申报审核，通过后分配客户ID，结果见下月模板的“申报进度”和回执。',
    '',
    `四、${TEMPLATE_SHEETS.applications}`,
    '本单位希望营销其他单位的客户（R19），每行一户：客户ID、营销内容、开始日期、结束日期和预计收入(元)必填。先由客户所属单位出具意见，再由中心裁定；营销权不改变客户归属。',
    '',
    `五、${TEMPLATE_SHEETS.managerChanges}`,
    '本单位客户经理的新增、调出、调入、离职或信息变更（R30），姓名、变动类型、生效日期必填；新增须填岗位，调出填调往单位，调入填调自单位（单位名称或代码）。',
    '',
    `六、${TEMPLATE_SHEETS.fluctuations}`,
    `已列出本单位的大客户及上月收入。本月收入较上月变动超过 ${policy.fluctuationPercent}% 的，须填写原因说明（R27）；属一次性变动的，请在“是否一次性”选“是”。`,
    '',
    `七、${TEMPLATE_SHEETS.analysis}`,
    `本单位本月经营分析（R31，与统计数据一同报送）：${ANALYSIS_ITEMS.map((i) => i.label).join('、')}，填在“${ANALYSIS_HEADERS.content}”列，每格不超过 ${ANALYSIS_MAX_CHARS} 字。`,
    '',
    `八、${TEMPLATE_SHEETS.logs}`,
    '本单位客户经理与客户的每次接触（R22），每行一条：客户编号、日期、接触方式、内容必填；属于开发项目的填开发项目编号（阶段不填即为项目当前阶段）；一般客户的季度小结在“季度小结”选“是”。日期不能晚于报送当天。',
    '',
    `九、${TEMPLATE_SHEETS.visits}`,
    '本单位的拜访（R23），每行一次：客户编号、日期、类型、状态必填；已拜访须填参加人员和结果，未拜访须填原因，计划的日期可以在今后；客户经理填本单位客户经理的姓名。只有已拜访的客户经理拜访计入当月拜访次数。',
    '',
    `十、${TEMPLATE_SHEETS.complaints}`,
    '本单位首先受理的投诉（R33，首问负责到底），每行一件：受理时间（如 2026-10-05 09:30）、客户编号、渠道、内容必填；已联系客户的填联系时间，已结案的填结案时间、处理结果和满意度（1–5）。时限按受理时间和工作日历计算，逾期的会列入回执。',
    '',
    `十一、${TEMPLATE_SHEETS.discounts}`,
    '本单位为客户申请的资费优惠（R29），每行一项：客户编号、业务、标准资费和申请资费（元/计费单位）、理由、起止日期必填。导入后进入中心的审批流程，每一步都由中心审批，结果见回执。',
  ];
}

/** 收入明细 in the wide layout (version 2). */
export function wideRevenueSheet(customers: readonly TemplateCustomer[]): SheetLayout {
  return {
    name: TEMPLATE_SHEETS.revenue,
    columns: WIDE_COLUMNS.map((c) => ({ header: c.name || c.group, width: c.width })),
    header: wideHeaderRows(),
    merges: wideHeaderMerges(),
    rows: wideRevenueRows(customers),
  };
}

export function templateSheets(
  input: {
    customers: readonly TemplateCustomer[];
    keyCustomers: readonly TemplateKeyCustomer[];
    period: Period;
  },
  layout: TemplateLayoutKind = 'wide',
): SheetLayout[] {
  return [
    layout === 'wide'
      ? wideRevenueSheet(input.customers)
      : { name: TEMPLATE_SHEETS.revenue, columns: REVENUE_COLUMNS, rows: revenueRows(input.customers, input.period) },
    { name: TEMPLATE_SHEETS.registrations, columns: REGISTRATION_COLUMNS, rows: [] },
    { name: TEMPLATE_SHEETS.applications, columns: APPLICATION_COLUMNS, rows: [] },
    { name: TEMPLATE_SHEETS.managerChanges, columns: MANAGER_CHANGE_TEMPLATE_COLUMNS, rows: [] },
    {
      name: TEMPLATE_SHEETS.fluctuations,
      columns: FLUCTUATION_COLUMNS,
      rows: fluctuationRows(input.keyCustomers, input.period),
    },
  ];
}

/** 营销日志, 拜访记录, 投诉登记 and 资费优惠申请 (R22, R23, R33, R29): written after 经营分析, empty. */
export function serviceSheets(): SheetLayout[] {
  return [
    { name: TEMPLATE_SHEETS.logs, columns: LOG_COLUMNS, rows: [] },
    { name: TEMPLATE_SHEETS.visits, columns: VISIT_COLUMNS, rows: [] },
    { name: TEMPLATE_SHEETS.complaints, columns: COMPLAINT_COLUMNS, rows: [] },
    { name: TEMPLATE_SHEETS.discounts, columns: DISCOUNT_COLUMNS, rows: [] },
  ];
}

/** Characters Windows refuses in a file name, and control characters. */
export const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\p{Cc}]/gu;

/** e.g. `澄海分局_2026年10月_数据报送模板.xlsx`. */
export function templateFileName(unit: TemplateUnit, period: Period): string {
  const name = unit.name.replace(UNSAFE_FILE_CHARS, '_').trim() || unit.code;
  return `${name}_${formatPeriodZh(period)}_数据报送模板.xlsx`;
}
