/**
 * 收入明细 in the wide layout (template version 2, DOMAIN-DECISIONS "Templates"): one row per
 * customer, the lines as columns in R1 order plus 其他, each line a 上月(元) reference column (last
 * month's figure, not read back) and a 本月(元) input column; 报刊 adds its R8 inputs (年流转额,
 * 平均费率, 其他收入) beside its 本月 column. Two header rows: the line names (merged over their
 * columns) above the column names. A blank 本月 cell is "not reported", never 0; a figure becomes
 * the same revenue row the long layout gives, its problems naming the sheet, row and the cell's
 * column. Pure: the caller supplies the customer lookups and the parsed cells.
 */
import { type Bilingual, bi } from '../bilingual';
import {
  type CustomerLookup,
  type HeaderMatch,
  type ImportIssue,
  issueText,
  normaliseHeader,
  parseLine,
  type SheetCell,
  type SheetInput,
} from '../imports/revenue-sheet';
import { LINE_NAMES_EN, LINE_NAMES_ZH, PRODUCT_LINES, type RevenueLine } from '../lines';
import { fenToYuanString, parseMoney } from '../money';
import type { Period } from '../periods';
import { columnLetter } from '../spreadsheet/cells';
import {
  applyNewspaperInputs,
  NEWSPAPER_HEADER_VARIANTS,
  type NewspaperColumns,
  type NewspaperField,
  type RowWithNewspaper,
} from './newspaper-columns';

const WIDE_LINES: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];

/** What a column of the wide sheet holds; the styles and the reader go by it. */
export type WideRole = 'customerId' | 'customerName' | 'last' | 'amount' | NewspaperField | 'note';

export interface WideColumn {
  role: WideRole;
  line: RevenueLine | null;
  /** Header row 1: the line's name (merged over its columns), or the column's own name. */
  group: string;
  /** Header row 2; empty where row 1 is merged down over it. */
  name: string;
  /** Characters. */
  width: number;
}

export const WIDE_HEADERS = {
  last: '上月(元)',
  amount: '本月(元)',
  turnover: '年流转额(元)',
  rate: '平均费率(%)',
  other: '其他收入(元)',
} as const;

/** Rows above the first customer. */
export const WIDE_HEADER_ROWS = 2;

export const WIDE_COLUMNS: readonly WideColumn[] = [
  { role: 'customerId', line: null, group: '客户ID', name: '', width: 17 },
  { role: 'customerName', line: null, group: '客户名称', name: '', width: 30 },
  ...WIDE_LINES.flatMap((line): WideColumn[] => {
    const group = LINE_NAMES_ZH[line];
    const pair: WideColumn[] = [
      { role: 'last', line, group, name: WIDE_HEADERS.last, width: 11 },
      { role: 'amount', line, group, name: WIDE_HEADERS.amount, width: 12 },
    ];
    if (line !== 'newspapers') return pair;
    return [
      ...pair,
      { role: 'turnover', line, group, name: WIDE_HEADERS.turnover, width: 13 },
      { role: 'rate', line, group, name: WIDE_HEADERS.rate, width: 11 },
      { role: 'other', line, group, name: WIDE_HEADERS.other, width: 12 },
    ];
  }),
  { role: 'note', line: null, group: '备注', name: '', width: 20 },
];

export type WideCell = string | number | null;

export interface WideCustomer {
  id: string;
  name: string;
  /** Last month's figure by line, fen; a line without one is left blank. */
  lastMonth?: Partial<Record<RevenueLine, number>>;
}

/** The two header rows. */
export function wideHeaderRows(): WideCell[][] {
  return [
    WIDE_COLUMNS.map((c, i) => (i > 0 && WIDE_COLUMNS[i - 1]?.group === c.group ? null : c.group)),
    WIDE_COLUMNS.map((c) => c.name || null),
  ];
}

/** Merges of the header: each line's name over its columns, the single columns over both rows. */
export function wideHeaderMerges(): { s: { r: number; c: number }; e: { r: number; c: number } }[] {
  const out: { s: { r: number; c: number }; e: { r: number; c: number } }[] = [];
  let start = 0;
  WIDE_COLUMNS.forEach((c, i) => {
    const next = WIDE_COLUMNS[i + 1];
    if (next && next.group === c.group && c.line !== null) return;
    if (c.line === null) out.push({ s: { r: 0, c: i }, e: { r: 1, c: i } });
    else if (i > start) out.push({ s: { r: 0, c: start }, e: { r: 0, c: i } });
    start = i + 1;
  });
  return out;
}

/** One row per customer: ID, name, last month's figures (yuan) beside blank 本月 cells. */
export function wideRevenueRows(customers: readonly WideCustomer[]): WideCell[][] {
  return customers.map((c) =>
    WIDE_COLUMNS.map((col) => {
      if (col.role === 'customerId') return c.id;
      if (col.role === 'customerName') return c.name;
      if (col.role === 'last' && col.line !== null) {
        const fen = c.lastMonth?.[col.line];
        return fen === undefined ? null : Number(fenToYuanString(fen));
      }
      return null;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface WideLineColumns {
  amount: number;
  /** R8 inputs, under 报刊 only. */
  newspaper: NewspaperColumns;
}

export interface WideHeader {
  /** 0-based index of the last header row (the column names); data start below it. */
  row: number;
  customerId?: number;
  customerName?: number;
  lines: Map<RevenueLine, WideLineColumns>;
}

const CUSTOMER_ID = ['客户id', '客户编号', '客户代码', '大客户编号', '客户号'];
const CUSTOMER_NAME = ['客户名称', '客户全称', '客户', '单位名称'];

function text(cell: SheetCell | null | undefined): string {
  if (!cell || cell.v === null || cell.v === undefined) return '';
  return String(cell.v).trim();
}

function newspaperField(key: string): NewspaperField | null {
  for (const field of Object.keys(NEWSPAPER_HEADER_VARIANTS) as NewspaperField[]) {
    if (NEWSPAPER_HEADER_VARIANTS[field].includes(key)) return field;
  }
  return null;
}

/**
 * The wide header within the first `scan` rows: a row naming 客户ID or 客户名称 and at least one
 * line, with a 本月 column under a line in the row below. Null when the sheet is not in this layout.
 */
export function findWideHeader(sheet: SheetInput, scan = 10): WideHeader | null {
  for (let r = 0; r + 1 < Math.min(scan + 1, sheet.rows.length); r++) {
    const top = sheet.rows[r] ?? [];
    const sub = sheet.rows[r + 1] ?? [];
    const header: WideHeader = { row: r + 1, lines: new Map() };
    let line: RevenueLine | null = null;
    const width = Math.max(top.length, sub.length);
    for (let c = 0; c < width; c++) {
      const group = normaliseHeader(text(top[c]));
      if (group !== '') {
        line = parseLine(group);
        if (line === null) {
          if (header.customerId === undefined && CUSTOMER_ID.includes(group)) header.customerId = c;
          else if (header.customerName === undefined && CUSTOMER_NAME.includes(group)) header.customerName = c;
          continue;
        }
      }
      if (line === null) continue;
      const name = normaliseHeader(text(sub[c]));
      const found = header.lines.get(line);
      if (name.startsWith('本月')) {
        if (!found) header.lines.set(line, { amount: c, newspaper: {} });
        continue;
      }
      const field = line === 'newspapers' ? newspaperField(name) : null;
      if (field && found && found.newspaper[field] === undefined) found.newspaper[field] = c;
    }
    if ((header.customerId !== undefined || header.customerName !== undefined) && header.lines.size > 0) return header;
  }
  return null;
}

export type WideRevenueRow = RowWithNewspaper & { column: string };

export interface WideReadOptions {
  /** The template's month: every figure is for it. */
  period: Period;
  /** Only rows [from, to) (0-based), so a caller can read a large sheet in slices. */
  from?: number;
  to?: number;
}

export interface WideSheetResult {
  rows: WideRevenueRow[];
  issues: ImportIssue[];
  /** Rows with anything typed in an input cell (a customer's row left blank is not counted). */
  rowsRead: number;
}

export function readWideRevenueSheet(
  sheet: SheetInput,
  header: WideHeader,
  customers: CustomerLookup,
  options: WideReadOptions,
): WideSheetResult {
  const rows: WideRevenueRow[] = [];
  const issues: ImportIssue[] = [];
  const first = Math.max(header.row + 1, options.from ?? 0);
  const end = Math.min(sheet.rows.length, options.to ?? sheet.rows.length);
  const lines = WIDE_LINES.flatMap((l) => {
    const cols = header.lines.get(l);
    return cols ? [{ line: l, ...cols }] : [];
  });
  const inputColumns = lines.flatMap((l) => [l.amount, ...Object.values(l.newspaper)]);
  const mergedAt = new Map<number, number>();
  for (const m of sheet.merges) {
    for (let r = Math.max(m.s.r, first); r <= m.e.r && r < end; r++) if (!mergedAt.has(r)) mergedAt.set(r, m.s.c);
  }
  let rowsRead = 0;
  for (let r = first; r < end; r++) {
    const cells = sheet.rows[r] ?? [];
    if (inputColumns.every((c) => text(cells[c]) === '' && cells[c]?.noCache !== true)) continue;
    rowsRead++;
    const rowNo = r + 1;
    const before = issues.length;
    const issue = (column: number | undefined, message: Bilingual, severity: 'error' | 'warning' = 'error') =>
      issues.push({
        sheet: sheet.name,
        row: rowNo,
        column: column === undefined ? null : columnLetter(column),
        ...issueText(message),
        severity,
      });
    const merged = mergedAt.get(r);
    if (merged !== undefined) {
      issue(
        merged,
        bi(
          '数据行中有合并单元格：请取消合并，每个单元格填一个值',
          'Merged cells in a data row: unmerge them and put one value in each cell',
        ),
      );
      continue;
    }
    let customerId: string | null = null;
    const idText = header.customerId === undefined ? '' : text(cells[header.customerId]).replace(/\s/g, '');
    const nameText = header.customerName === undefined ? '' : text(cells[header.customerName]);
    if (idText !== '') {
      if (!/^\d{14}$/.test(idText)) {
        issue(
          header.customerId,
          bi(`客户ID应为 14 位数字，实际为“${idText}”`, `The customer ID must be 14 digits, not "${idText}"`),
        );
      } else if (!customers.byId(idText))
        issue(header.customerId, bi(`客户ID ${idText} 不存在`, `No customer has ID ${idText}`));
      else customerId = idText;
    } else if (nameText !== '') {
      const ids = customers.byName(nameText);
      if (ids.length === 0)
        issue(header.customerName, bi(`找不到名为“${nameText}”的客户`, `No customer is named "${nameText}"`));
      else if (ids.length > 1) {
        issue(
          header.customerName,
          bi(
            `有 ${ids.length} 个客户名为“${nameText}”，请改填客户ID`,
            `${ids.length} customers are named "${nameText}": give the customer ID instead`,
          ),
        );
      } else customerId = ids[0] as string;
    } else {
      issue(
        header.customerId ?? header.customerName,
        bi('填写了收入，但缺少客户ID或客户名称', 'Revenue given but the customer ID or name is missing'),
      );
    }
    if (customerId === null || issues.length > before) continue;
    for (const l of lines) {
      const name = LINE_NAMES_ZH[l.line];
      const nameEn = LINE_NAMES_EN[l.line];
      const cell = cells[l.amount];
      const inputs = Object.values(l.newspaper).filter((c) => text(cells[c]) !== '' || cells[c]?.noCache === true);
      const formula = [l.amount, ...inputs].find((c) => cells[c]?.noCache === true);
      if (formula !== undefined) {
        issue(
          formula,
          bi(
            `${name}：公式没有保存计算结果：请在 Excel 中打开并保存后再导入，或改为填写数值`,
            `${nameEn}: a formula has no saved result: open and save the file in Excel before importing, or type the value`,
          ),
        );
        continue;
      }
      let amount: number | null = null;
      if (text(cell) !== '') {
        const parsed = parseMoney(typeof cell?.v === 'number' ? cell.v : text(cell));
        if (!parsed.ok) {
          issue(
            l.amount,
            bi(`${name}本月收入：${parsed.message}`, `${nameEn} revenue this month: ${parsed.messageEn}`),
          );
          continue;
        }
        if (!parsed.empty) {
          amount = parsed.fen;
          // A correction (冲减) is legitimate but rare: stored as given, the officer asked to look.
          if (amount < 0) {
            issue(
              l.amount,
              bi(
                `${name}本月收入为负数（${text(cell)}），请核实是否为冲减`,
                `${nameEn} revenue this month is negative (${text(cell)}): check whether it is a correction`,
              ),
              'warning',
            );
          }
        }
      }
      // Blank: not reported (never 0), unless R8 inputs give the figure.
      if (amount === null && inputs.length === 0) continue;
      const row: WideRevenueRow = {
        row: rowNo,
        customerId,
        period: options.period,
        line: l.line,
        amount,
        column: columnLetter(l.amount),
      };
      if (inputs.length === 0) {
        rows.push(row);
        continue;
      }
      const at: HeaderMatch = { row: header.row, columns: { amount: l.amount } };
      const r8 = applyNewspaperInputs(sheet, at, l.newspaper, [row]);
      for (const i of r8.issues) issues.push(i);
      for (const ok of r8.rows) rows.push({ ...ok, column: row.column });
    }
  }
  return { rows, issues, rowsRead };
}
