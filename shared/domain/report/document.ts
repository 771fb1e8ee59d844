/**
 * The monthly analysis report as an ordered list of blocks: the one content every output renders
 * (the print view → PDF, Word, the tables' workbook, the in-app preview), so they cannot differ in
 * what they say or in what order. Built from a report's facts and the officer's texts
 * (report/compose.ts); renderers only lay blocks out.
 */
import type { Period } from '../periods';

/** How a table cell's number is shown: money in 万元 with two decimals, a ratio as a signed %, a count. */
export type CellFormat = 'text' | 'wan' | 'yuan' | 'percent' | 'ratio' | 'count';

export interface TableColumn {
  title: string;
  format: CellFormat;
}

/**
 * A table cell: text, or a number in the column's format — fen for `wan`/`yuan`, a fraction for
 * `percent` (0.042 → 4.2%) and `ratio` (signed: +4.2% / −1.3%), an integer for `count`; null = "—".
 */
export type TableCell = string | number | null;

export interface ReportTable {
  kind: 'table';
  /** "表1　大客户收入总体情况" */
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** The last row is a total (bold). */
  totalRow?: boolean;
  /** A note printed under the table (units, the basis of a ratio). */
  note?: string;
}

export interface ChartSeries {
  name: string;
  /** One value per category, in 万元 (already divided) or a count. */
  values: number[];
}

export interface ReportChart {
  kind: 'chart';
  /** "图1　近24个月大客户收入走势（万元）" */
  title: string;
  type: 'bar' | 'line';
  categories: string[];
  series: ChartSeries[];
  /** The axis unit, e.g. 万元 or 户. */
  unit: string;
}

/** Generated text: sentences stating the figures (never a judgement). */
export interface ReportParagraph {
  kind: 'paragraph';
  text: string;
}

/** The officer's own text for a judgement part (may be empty in a draft). */
export interface ReportWriting {
  kind: 'writing';
  /** Which text of the report it is (the editor's field). */
  field: ReportTextField;
  text: string;
}

export interface ReportHeading {
  kind: 'heading';
  /** 1 = 一、 (黑体), 2 = （一） (楷体), 3 = 1. */
  level: 1 | 2 | 3;
  text: string;
}

export type ReportBlock = ReportHeading | ReportParagraph | ReportWriting | ReportTable | ReportChart;

/** The parts the officer writes (R28 三, 六, 七; a note on 四 beside the units' reasons; the gold analysis). */
export const REPORT_TEXT_FIELDS = ['competition', 'fluctuation', 'practice', 'problems', 'gold'] as const;
export type ReportTextField = (typeof REPORT_TEXT_FIELDS)[number];
export type ReportTexts = Record<ReportTextField, string>;

export interface ReportDocument {
  /** "汕头市邮政局大客户中心" */
  issuer: string;
  /** "2026年10月大客户经营分析报告" */
  title: string;
  /** "全市" or the unit's name. */
  scopeName: string;
  period: Period;
  /** 草稿 until finalised. */
  status: 'draft' | 'final';
  revision: number;
  /** SHA-256 of the finalised snapshot (hex); null for a draft. */
  hash: string | null;
  /** The audit chain's head: when finalised, or when this draft was output; null if unknown. */
  auditHead: { id: number; hash: string } | null;
  /** "2026年11月3日" — the date of finalising, or of printing for a draft. */
  dateLine: string;
  /** "政策版本 3 · 分级批次 12（2025年度）". */
  basisLine: string;
  blocks: ReportBlock[];
}

/**
 * The footer's line every output prints (print view, Word, the workbook's first rows): which
 * revision, whether final, and what the figures were worked out under.
 */
export function footerLine(doc: Pick<ReportDocument, 'revision' | 'status' | 'basisLine'>): string {
  return [`第${doc.revision}版`, doc.status === 'final' ? '定稿' : '草稿', doc.basisLine].join(' · ');
}

/**
 * The seal under the footer line (DOMAIN-DECISIONS "Audit log"): a final report's SHA-256 (a draft
 * has no snapshot, so no hash: printing one would claim the figures are frozen), then the audit
 * chain's head it was made after, so the log can be checked to still hold that row.
 */
export function sealLines(doc: Pick<ReportDocument, 'status' | 'hash' | 'auditHead'>): string[] {
  const lines: string[] = [];
  if (doc.status === 'final' && doc.hash !== null) lines.push(`SHA-256 ${doc.hash}`);
  if (doc.auditHead !== null) lines.push(`审计链头 #${doc.auditHead.id} ${doc.auditHead.hash}`);
  return lines;
}

/** R28's seven parts, as their level-1 headings read in every output. */
export const PART_HEADINGS = [
  '一、总体情况',
  '二、分级情况',
  '三、竞争情况',
  '四、波动客户情况',
  '五、重点客户情况',
  '六、上月工作及好的做法',
  '七、存在问题及本月计划',
] as const;

/** The gold customers' section (every month; R28), after the seven parts. */
export const GOLD_HEADING = '八、黄金客户专项分析';
