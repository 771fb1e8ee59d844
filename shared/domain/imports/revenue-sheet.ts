/**
 * Revenue sheets, hand-made or a template's 收入明细 (one reader serves both,
 * DOMAIN-DECISIONS "Templates"): find the header row of a revenue sheet (客户ID or 客户名称, 月份,
 * 业务种类, 收入(元), in any column order, with the variants units type), then read and check every
 * data row. Every problem names the sheet, the row and the column as the officer sees them (row
 * 1-based, column letters) and says what was expected, in Chinese. Pure: the caller supplies the
 * customer lookups and the parsed cells.
 */

import { type Bilingual, bi, echo } from '../bilingual';
import { LINE_NAMES_ZH, PRODUCT_LINES, type RevenueLine } from '../lines';
import { parseMoney } from '../money';
import { parsePeriod } from '../periods';
import { revenueFigureWarnings } from '../revenue-sanity';
import { columnLetter } from '../spreadsheet/cells';

export interface SheetCell {
  t: string;
  v: number | string | boolean | null;
  f?: string;
  noCache?: true;
}

export interface SheetInput {
  name: string;
  rows: (SheetCell | null)[][];
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
}

export type RevenueField = 'customerId' | 'customerName' | 'period' | 'line' | 'amount';

/** Header texts after `normaliseHeader`, by field. */
const HEADER_VARIANTS: Record<RevenueField, readonly string[]> = {
  customerId: ['客户id', '客户编号', '客户代码', '大客户编号', '客户号'],
  customerName: ['客户名称', '客户全称', '客户', '单位名称'],
  period: ['月份', '年月', '统计月份', '期间', '所属月份'],
  line: ['业务种类', '业务', '业务类别', '业务类型', '产品'],
  amount: ['收入(元)', '收入', '金额', '金额(元)', '收入金额', '收入金额(元)', '用邮收入', '用邮收入(元)'],
};

/** Folds what units type into one form: full-width, spaces, brackets, case. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

// A Map, not an object: a header like `constructor` must not find Object.prototype's.
const LINE_SYNONYMS = new Map<string, RevenueLine>(
  Object.entries({
    账单: 'bills',
    帐单: 'bills',
    储蓄: 'savings',
    汇兑: 'savings',
    速递: 'express',
    ems: 'express',
    报纸: 'newspapers',
    报刊发行: 'newspapers',
    包裹: 'parcels',
  } satisfies Record<string, RevenueLine>),
);

export function parseLine(text: string): RevenueLine | null {
  const key = normaliseHeader(text);
  for (const line of [...PRODUCT_LINES, 'other'] as const) {
    if (key === line || key === LINE_NAMES_ZH[line]) return line;
  }
  return LINE_SYNONYMS.get(key) ?? null;
}

export interface HeaderMatch {
  /** 0-based index of the header row. */
  row: number;
  columns: Partial<Record<RevenueField, number>>;
}

export interface ImportIssue {
  sheet: string;
  /** 1-based, as the spreadsheet shows it; null for sheet-level problems. */
  row: number | null;
  /** Column letter, e.g. "C"; null when the whole row or sheet is meant. */
  column: string | null;
  /** Chinese: the command line and the problem list sent to units read this. */
  message: string;
  /** The same in English, shown when the interface is in English; absent → `message`. */
  messageEn?: string;
  severity: 'error' | 'warning';
}

/** `message` and `messageEn` of an issue from a bilingual text. */
export function issueText(text: Bilingual): { message: string; messageEn: string } {
  return { message: text.zh, messageEn: text.en };
}

function cellText(cell: SheetCell | null | undefined): string {
  if (!cell || cell.v === null || cell.v === undefined) return '';
  return String(cell.v).trim();
}

/** The first row within `scan` rows naming 月份, 业务种类, 收入 and 客户ID or 客户名称. */
export function findHeader(sheet: SheetInput, scan = 10): HeaderMatch | ImportIssue {
  let best: { row: number; columns: Partial<Record<RevenueField, number>> } | null = null;
  for (let r = 0; r < Math.min(scan, sheet.rows.length); r++) {
    const columns: Partial<Record<RevenueField, number>> = {};
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const key = normaliseHeader(cellText(cell));
      if (key === '') return;
      for (const field of Object.keys(HEADER_VARIANTS) as RevenueField[]) {
        if (columns[field] === undefined && HEADER_VARIANTS[field].includes(key)) columns[field] = c;
      }
    });
    const found = Object.keys(columns).length;
    if (!best || found > Object.keys(best.columns).length) best = { row: r, columns };
    const hasCustomer = columns.customerId !== undefined || columns.customerName !== undefined;
    if (hasCustomer && columns.period !== undefined && columns.line !== undefined && columns.amount !== undefined) {
      return { row: r, columns };
    }
  }
  const missing: Bilingual[] = [];
  const c = best?.columns ?? {};
  if (c.customerId === undefined && c.customerName === undefined) {
    missing.push(bi('客户ID（或客户名称）', 'customer ID (or customer name)'));
  }
  if (c.period === undefined) missing.push(bi('月份', 'month'));
  if (c.line === undefined) missing.push(bi('业务种类', 'line'));
  if (c.amount === undefined) missing.push(bi('收入(元)', 'revenue (yuan)'));
  return {
    sheet: sheet.name,
    row: best && Object.keys(c).length > 0 ? best.row + 1 : null,
    column: null,
    severity: 'error',
    ...issueText(
      bi(
        `工作表“${sheet.name}”的前 ${scan} 行中找不到表头：缺少 ${missing.map((m) => m.zh).join('、')} 列`,
        `No header row in the first ${scan} rows of sheet "${sheet.name}": missing column(s) ${missing.map((m) => m.en).join(', ')}`,
      ),
    ),
  };
}

export interface RevenueRow {
  /** 1-based row in the sheet. */
  row: number;
  customerId: string;
  period: string;
  line: RevenueLine;
  /** Fen; null: blank (not reported). */
  amount: number | null;
  /** The cell's column letter, where one cell holds the figure (the template's wide layout). */
  column?: string;
}

export interface CustomerLookup {
  byId(id: string): boolean;
  /** Customer IDs with this exact name (a name must be unique to identify a customer). */
  byName(name: string): string[];
}

export interface RevenueSheetResult {
  rows: RevenueRow[];
  issues: ImportIssue[];
}

export interface ReadRevenueOptions {
  date1904: boolean;
  /**
   * Only rows [from, to) (0-based), so a caller can check a large sheet in slices and let its
   * event loop breathe in between; the default is every row below the header.
   */
  from?: number;
  to?: number;
}

export function readRevenueSheet(
  sheet: SheetInput,
  header: HeaderMatch,
  customers: CustomerLookup,
  options: ReadRevenueOptions,
): RevenueSheetResult {
  const rows: RevenueRow[] = [];
  const issues: ImportIssue[] = [];
  const col = header.columns;
  const first = Math.max(header.row + 1, options.from ?? 0);
  const end = Math.min(sheet.rows.length, options.to ?? sheet.rows.length);
  const mergedRows = new Set<number>();
  for (const m of sheet.merges) {
    for (let r = Math.max(m.s.r, first); r <= m.e.r && r < end; r++) if (r > header.row) mergedRows.add(r);
  }
  // A unit's sheet repeats a handful of months and line names: parse each distinct text once.
  const periods = new Map<string | number, ReturnType<typeof parsePeriod>>();
  const lines = new Map<string, RevenueLine | null>();
  for (let r = first; r < end; r++) {
    const cells = sheet.rows[r] ?? [];
    const rowNo = r + 1;
    const issue = (field: RevenueField | null, text: Bilingual, severity: 'error' | 'warning' = 'error') => {
      const c = field === null ? undefined : col[field];
      issues.push({
        sheet: sheet.name,
        row: rowNo,
        column: c === undefined ? null : columnLetter(c),
        ...issueText(text),
        severity,
      });
    };
    if (cells.every((c) => cellText(c) === '')) continue;
    if (mergedRows.has(r)) {
      issue(
        null,
        bi(
          '数据行中有合并单元格：请取消合并，每个单元格填一个值',
          'Merged cells in a data row: unmerge them and put one value in each cell',
        ),
      );
      continue;
    }
    const formula = cells.findIndex((c) => c?.noCache === true);
    if (formula >= 0) {
      issues.push({
        sheet: sheet.name,
        row: rowNo,
        column: columnLetter(formula),
        severity: 'error',
        ...issueText(
          bi(
            '公式没有保存计算结果：请在 Excel 中打开并保存后再导入，或改为填写数值',
            'A formula has no saved result: open and save the file in Excel before importing, or type the value',
          ),
        ),
      });
      continue;
    }
    const before = issues.length;
    // Customer: by ID, or by a name that identifies exactly one customer.
    let customerId: string | null = null;
    const idText = col.customerId === undefined ? '' : cellText(cells[col.customerId]).replace(/\s/g, '');
    const nameText = col.customerName === undefined ? '' : cellText(cells[col.customerName]);
    if (idText !== '') {
      if (!/^\d{14}$/.test(idText)) {
        issue(
          'customerId',
          bi(
            `客户ID应为 14 位数字，实际为“${echo(idText)}”`,
            `The customer ID must be 14 digits, not "${echo(idText)}"`,
          ),
        );
      } else if (!customers.byId(idText))
        issue('customerId', bi(`客户ID ${idText} 不存在`, `No customer has ID ${idText}`));
      else customerId = idText;
    } else if (nameText !== '') {
      const ids = customers.byName(nameText);
      if (ids.length === 0)
        issue('customerName', bi(`找不到名为“${echo(nameText)}”的客户`, `No customer is named "${echo(nameText)}"`));
      else if (ids.length > 1) {
        issue(
          'customerName',
          bi(
            `有 ${ids.length} 个客户名为“${echo(nameText)}”，请改填客户ID`,
            `${ids.length} customers are named "${echo(nameText)}": give the customer ID instead`,
          ),
        );
      } else customerId = ids[0] as string;
    } else {
      issue(
        col.customerId === undefined ? 'customerName' : 'customerId',
        bi('缺少客户ID或客户名称', 'Customer ID or customer name missing'),
      );
    }
    const periodCell = col.period === undefined ? null : cells[col.period];
    let period: string | null = null;
    if (!periodCell || cellText(periodCell) === '') issue('period', bi('缺少月份', 'Month missing'));
    else {
      const key = typeof periodCell.v === 'number' ? periodCell.v : cellText(periodCell);
      let parsed = periods.get(key);
      if (parsed === undefined) {
        parsed = parsePeriod(key, { date1904: options.date1904 });
        periods.set(key, parsed);
      }
      if (parsed.ok) period = parsed.period;
      else {
        issue(
          'period',
          bi(`月份：${parsed.message}（应为 2026-10、2026年10月 等）`, `Month: ${parsed.messageEn} (e.g. 2026-10)`),
        );
      }
    }
    const lineText = col.line === undefined ? '' : cellText(cells[col.line]);
    let line = lines.get(lineText);
    if (line === undefined) {
      line = lineText === '' ? null : parseLine(lineText);
      lines.set(lineText, line);
    }
    if (lineText === '') issue('line', bi('缺少业务种类', 'Line missing'));
    else if (line === null) {
      issue(
        'line',
        bi(
          `未知的业务种类“${echo(lineText)}”（应为 储汇、帐单、函件、集邮、特快、物流、包件、报刊 或 其他）`,
          `Unknown line "${echo(lineText)}" (expected one of the line names of the template, in Chinese)`,
        ),
      );
    }
    const amountCell = col.amount === undefined ? null : cells[col.amount];
    let amount: number | null = null;
    if (amountCell && cellText(amountCell) !== '') {
      const parsed = parseMoney(typeof amountCell.v === 'number' ? amountCell.v : cellText(amountCell));
      if (!parsed.ok) issue('amount', bi(`收入：${parsed.message}`, `Revenue: ${parsed.messageEn}`));
      else if (!parsed.empty) {
        amount = parsed.fen;
        // The sheet-level sanity warnings (negative, absolute ceiling); the ones that need the
        // customer's history and the bureau's revenue are added at preview (revenue/sanity.ts).
        for (const w of revenueFigureWarnings(amount, {}, cellText(amountCell))) {
          issue('amount', bi(w.message, w.messageEn), 'warning');
        }
      }
    }
    // Warnings keep the row; any error refuses it.
    let refused = false;
    for (let k = before; k < issues.length; k++) if (issues[k]?.severity === 'error') refused = true;
    if (!refused && customerId && period && line) {
      rows.push({ row: rowNo, customerId, period, line, amount });
    }
  }
  return { rows, issues };
}
