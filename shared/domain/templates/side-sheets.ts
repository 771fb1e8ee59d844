/**
 * The template's sheets beside revenue that the batch stores with its figures — 波动原因 (R27)
 * and 经营分析 (R31) — and the helpers the other readers share (新客户申报 and 营销申报 in
 * intake.ts, 客户经理变动 in managers/change-sheet.ts). Each is found by its header (any column
 * order), and every row is checked with problems naming sheet, row and column. Pure: the caller
 * supplies the lookups.
 */

import { type Bilingual, bi, echo } from '../bilingual';
import { isIsoDate } from '../dates';
import {
  type CustomerLookup,
  type ImportIssue,
  normaliseHeader,
  type SheetCell,
  type SheetInput,
} from '../imports/revenue-sheet';
import { type Period, parsePeriod } from '../periods';
import { columnLetter } from '../spreadsheet/cells';
import { ANALYSIS_HEADERS, ANALYSIS_ITEMS, ANALYSIS_MAX_CHARS, type AnalysisItemKey, YES_NO } from './layout';

type Columns<K extends string> = Partial<Record<K, number>>;

export function cellText(cell: SheetCell | null | undefined): string {
  if (!cell || cell.v === null || cell.v === undefined) return '';
  return String(cell.v).trim();
}

/** The first row within `scan` rows that has every required header. */
export function findColumns<K extends string>(
  sheet: SheetInput,
  variants: Record<K, readonly string[]>,
  required: readonly NoInfer<K>[],
  scan = 10,
): { row: number; columns: Columns<K> } | ImportIssue {
  for (let r = 0; r < Math.min(scan, sheet.rows.length); r++) {
    const columns: Columns<K> = {};
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const key = normaliseHeader(cellText(cell));
      if (key === '') return;
      for (const field of Object.keys(variants) as K[]) {
        if (columns[field] === undefined && variants[field].includes(key)) columns[field] = c;
      }
    });
    if (required.every((k) => columns[k] !== undefined)) return { row: r, columns };
  }
  const names = required.map((k) => variants[k][0]);
  return {
    sheet: sheet.name,
    row: null,
    column: null,
    severity: 'warning',
    message: `工作表“${sheet.name}”的前 ${scan} 行中找不到表头（应有 ${names.join('、')} 列），未读取该表`,
    messageEn: `No header row in the first ${scan} rows of sheet "${sheet.name}" (it needs the columns ${names.map((n) => `"${n}"`).join(', ')}): the sheet was not read`,
  };
}

/** Walks the data rows under a header, skipping empty rows, with a problem reporter per row. */
export function eachRow<K extends string>(
  sheet: SheetInput,
  header: { row: number; columns: Columns<K> },
  severity: 'error' | 'warning',
  issues: ImportIssue[],
  visit: (get: (k: K) => SheetCell | null, problem: (k: K | null, message: Bilingual) => void, rowNo: number) => void,
): void {
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (cells.every((c) => cellText(c) === '')) continue;
    const get = (k: K) => {
      const c = header.columns[k];
      return c === undefined ? null : (cells[c] ?? null);
    };
    const problem = (k: K | null, message: Bilingual) => {
      const c = k === null ? undefined : header.columns[k];
      issues.push({
        sheet: sheet.name,
        row: r + 1,
        column: c === undefined ? null : columnLetter(c),
        severity,
        message: message.zh,
        messageEn: message.en,
      });
    };
    visit(get, problem, r + 1);
  }
}

export type DateParse = { ok: true; date: string } | { ok: false; message: string; messageEn: string };

const DAY_MS = 86_400_000;

/** A date cell: an Excel serial (1900 or 1904 system) or text such as 2026-10-05, 2026/10/5, 2026年10月5日. */
export function parseCellDate(value: string | number, date1904 = false): DateParse {
  if (typeof value === 'number') {
    const serial = Math.floor(value);
    // Serials ≥ 61 count from 1899-12-30 (Excel's 1900 leap-year error); dates before March 1900 are not ours.
    if (!Number.isFinite(value) || serial < (date1904 ? 0 : 61) || serial > 2_958_465) {
      return { ok: false, message: `“${value}”不是有效日期`, messageEn: `"${value}" is not a valid date` };
    }
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return { ok: true, date: new Date(epoch + serial * DAY_MS).toISOString().slice(0, 10) };
  }
  const text = value.normalize('NFKC').trim();
  const m =
    /^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/.exec(text) ??
    /^(\d{4})\s*(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/.exec(text) ??
    /^(\d{4})()(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const date = `${m[1]}-${(m[3] as string).padStart(2, '0')}-${(m[4] as string).padStart(2, '0')}`;
    if (isIsoDate(date)) return { ok: true, date };
  }
  return {
    ok: false,
    message: `“${value}”不是有效日期（应为 2026-10-05 这样的日期）`,
    messageEn: `"${value}" is not a valid date (expected a date such as 2026-10-05)`,
  };
}

const oneOffProblem = (text: string) =>
  bi(`是否一次性“${text}”应为 是 或 否`, `One-off "${text}" must be "是" (yes) or "否" (no)`);

// ── 波动原因 (R27) ───────────────────────────────────────────────────────────────────────────

type ReasonField = 'customerId' | 'customerName' | 'period' | 'reason' | 'oneOff';
const REASON_HEADERS: Record<ReasonField, readonly string[]> = {
  customerId: ['客户id', '客户编号', '客户代码'],
  customerName: ['客户名称', '客户全称'],
  period: ['月份', '年月'],
  reason: ['原因说明', '原因', '波动原因', '说明'],
  oneOff: ['是否一次性', '一次性'],
};

export interface FluctuationReasonRow {
  row: number;
  customerId: string;
  period: Period;
  /** '' when only marked one-off (R27 needs no written reason then). */
  reason: string;
  oneOff: boolean;
}

/** Rows with neither a reason nor 一次性=是 say nothing and are skipped (the sheet lists every key customer). */
export function readFluctuationReasons(
  sheet: SheetInput,
  customers: CustomerLookup,
  options: { date1904: boolean; period: Period | null },
): { rows: FluctuationReasonRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const header = findColumns(sheet, REASON_HEADERS, ['customerId', 'period', 'reason']);
  if ('message' in header) return { rows: [], issues: [{ ...header, severity: 'error' }] };
  const rows: FluctuationReasonRow[] = [];
  eachRow(sheet, header, 'error', issues, (get, problem, rowNo) => {
    const reason = cellText(get('reason'));
    const oneOffText = cellText(get('oneOff'));
    if (reason === '' && oneOffText !== '是') {
      if (oneOffText !== '' && oneOffText !== '否') problem('oneOff', oneOffProblem(oneOffText));
      return;
    }
    if (oneOffText !== '' && !(YES_NO as readonly string[]).includes(oneOffText)) {
      problem('oneOff', oneOffProblem(oneOffText));
      return;
    }
    if (reason.length > 500) {
      problem(
        'reason',
        bi(
          `原因说明不能超过 500 字（现有 ${reason.length} 字）`,
          `The reason can have at most 500 characters (it has ${reason.length})`,
        ),
      );
      return;
    }
    const id = cellText(get('customerId')).replace(/\s/g, '');
    let customerId: string | null = null;
    if (/^\d{14}$/.test(id) && customers.byId(id)) customerId = id;
    else {
      problem(
        'customerId',
        id === '' ? bi('缺少客户ID', 'Customer ID missing') : bi(`客户ID“${id}”不存在`, `No customer has ID "${id}"`),
      );
    }
    const periodCell = get('period');
    let period: Period | null = null;
    if (!periodCell || cellText(periodCell) === '') problem('period', bi('缺少月份', 'Month missing'));
    else {
      const parsed = parsePeriod(typeof periodCell.v === 'number' ? periodCell.v : cellText(periodCell), {
        date1904: options.date1904,
      });
      if (!parsed.ok) problem('period', bi(`月份：${parsed.message}`, `Month: ${parsed.messageEn}`));
      else if (options.period !== null && parsed.period !== options.period) {
        problem(
          'period',
          bi(
            `本模板为 ${options.period} 月报，该行月份为 ${parsed.period}`,
            `This template is the ${options.period} report but this row is for ${parsed.period}`,
          ),
        );
      } else period = parsed.period;
    }
    if (customerId && period) rows.push({ row: rowNo, customerId, period, reason, oneOff: oneOffText === '是' });
  });
  return { rows, issues };
}

// ── 经营分析 (R31) ───────────────────────────────────────────────────────────────────────────

/** The unit's analysis for the month: each item's text, null where the unit wrote nothing. */
export type UnitAnalysisTexts = Record<AnalysisItemKey, string | null>;

const ANALYSIS_HEADER_VARIANTS = {
  item: [ANALYSIS_HEADERS.item, '分析项目'],
  content: [ANALYSIS_HEADERS.content, '分析内容', '填写内容'],
} as const;

/**
 * Reads 经营分析: the header by its 项目 and 内容 labels (the instruction line sits above it), each
 * item by its label in 项目, not by position. Blank 内容 is "not written"; a sheet with nothing
 * written gives null (nothing is stored). The analysis is stored, so its problems are errors —
 * except text under a label the sheet does not have, which is only reported.
 */
export function readUnitAnalysis(sheet: SheetInput): {
  analysis: UnitAnalysisTexts | null;
  written: number;
  issues: ImportIssue[];
} {
  const issues: ImportIssue[] = [];
  const header = findColumns(sheet, ANALYSIS_HEADER_VARIANTS, ['item', 'content']);
  if ('message' in header) {
    // The English names the columns by role: the interface in English shows no Chinese.
    const issue: ImportIssue = {
      ...header,
      severity: 'error',
      messageEn: `No header row in the first 10 rows of the business analysis sheet (it needs an item column and a content column): the sheet was not read`,
    };
    return { analysis: null, written: 0, issues: [issue] };
  }
  const texts: UnitAnalysisTexts = { competition: null, fluctuationNotes: null, practice: null, plan: null };
  const seen = new Map<AnalysisItemKey, number>();
  const byLabel = new Map<string, (typeof ANALYSIS_ITEMS)[number]>();
  for (const item of ANALYSIS_ITEMS) for (const v of item.variants) byLabel.set(normaliseHeader(v), item);
  let written = 0;
  eachRow(sheet, header, 'error', issues, (get, problem, rowNo) => {
    const label = cellText(get('item'));
    // Line breaks typed with Alt+Enter stay; Windows line ends become one.
    const content = cellText(get('content')).replace(/\r\n?/g, '\n');
    const item = byLabel.get(normaliseHeader(label));
    if (!item) {
      if (content === '') return;
      issues.push({
        sheet: sheet.name,
        row: rowNo,
        column: columnLetter(header.columns.item as number),
        severity: 'warning',
        message: `项目“${echo(label)}”不是经营分析的项目（应为 ${ANALYSIS_ITEMS.map((i) => i.label).join('、')}），该行内容未读取`,
        messageEn: `This row's item is not one of the analysis items (${ANALYSIS_ITEMS.map((i) => i.en).join('; ')}): its text was not read`,
      });
      return;
    }
    const first = seen.get(item.key);
    if (first !== undefined) {
      problem(
        'item',
        bi(
          `项目“${item.label}”在第 ${first} 行已有，同一项目只能填一行`,
          `The item "${item.en}" is already on row ${first}: an item has one row`,
        ),
      );
      return;
    }
    seen.set(item.key, rowNo);
    if (content === '') return;
    const length = Array.from(content).length;
    if (length > ANALYSIS_MAX_CHARS) {
      problem(
        'content',
        bi(
          `“${item.label}”的内容不能超过 ${ANALYSIS_MAX_CHARS} 字（现有 ${length} 字），请精简后重新报送`,
          `"${item.en}" can have at most ${ANALYSIS_MAX_CHARS} characters (it has ${length}): shorten it and send it again`,
        ),
      );
      return;
    }
    texts[item.key] = content;
    written++;
  });
  return { analysis: written > 0 ? texts : null, written, issues };
}
