/**
 * Exports (R24–R26): the official tables as a plain grid of typed cells, independent of any
 * spreadsheet library. The backend's writer turns a `SheetLayout` into an .xlsx sheet; tests read
 * the grid directly. Money is carried in fen and written in yuan as a number with a number format,
 * never as text, so the officer's and the province's sums work on the cells.
 */
import type { Fen } from '../money';

export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'money'; fen: Fen }
  | { kind: 'count'; n: number }
  /** A change ratio (0.125 = 12.5%); null when there is no base to compare with (left blank). */
  | { kind: 'percent'; ratio: number | null }
  | { kind: 'empty' };

/** Number formats the writer puts on numeric cells (Excel/LibreOffice codes). */
export const NUMBER_FORMATS = {
  money: '#,##0.00',
  count: '#,##0',
  percent: '0.0%',
} as const;

export const text = (value: string): Cell => ({ kind: 'text', text: value });
export const money = (fen: Fen): Cell => ({ kind: 'money', fen });
export const count = (n: number): Cell => ({ kind: 'count', n });
export const percent = (ratio: number | null): Cell => ({ kind: 'percent', ratio });
export const EMPTY: Cell = { kind: 'empty' };

/** A rectangle of merged cells, zero-based, both ends included. */
export interface Merge {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/** What a row is in the official table; the writer styles (and borders) its cells by it. */
export type RowRole = 'attachment' | 'title' | 'meta' | 'caption' | 'header' | 'body' | 'total' | 'note' | 'blank';

/** How one written cell looks: a row's role and, in the table, the cell's kind (its number format). */
export type CellStyle =
  | 'attachment'
  | 'title'
  | 'meta'
  | 'caption'
  | 'header'
  | 'text'
  | 'money'
  | 'count'
  | 'percent'
  | 'totalText'
  | 'totalMoney'
  | 'totalCount'
  | 'totalPercent'
  | 'note';

const BODY_STYLE: Record<Cell['kind'], CellStyle> = {
  text: 'text',
  money: 'money',
  count: 'count',
  percent: 'percent',
  empty: 'text',
};
const TOTAL_STYLE: Record<Cell['kind'], CellStyle> = {
  text: 'totalText',
  money: 'totalMoney',
  count: 'totalCount',
  percent: 'totalPercent',
  empty: 'totalText',
};

/**
 * The style of a cell, or null when nothing is written there. Inside the table (header, body and
 * total rows) every cell is written, blanks too, so the grid has its borders all round; a blank
 * ratio keeps the percent style.
 */
export function cellStyle(role: RowRole, cell: Cell): CellStyle | null {
  switch (role) {
    case 'body':
      return BODY_STYLE[cell.kind];
    case 'total':
      return TOTAL_STYLE[cell.kind];
    case 'header':
      return 'header';
    case 'blank':
      return null;
    default:
      return cell.kind === 'empty' ? null : role;
  }
}

/** How the sheet prints and shows on screen. */
export interface PrintSetup {
  landscape: boolean;
  /**
   * The table's header row (zero-based): repeated at the top of every printed page, and the pane
   * is frozen below it on screen. Null when the table has more than one header (附件6-1's two
   * sections, which fit on one page).
   */
  headerRow: number | null;
  /** Columns frozen at the left on screen (序号, 客户编号, 客户名称 of the customer lists). */
  frozenColumns: number;
}

export interface SheetLayout {
  name: string;
  /** Column widths in characters (a CJK character counts about two). */
  columnWidths: number[];
  rows: Cell[][];
  merges: Merge[];
  /** One per row of `rows`. */
  rowRoles: RowRole[];
  /** Row heights in points, one per row; null lets the spreadsheet program size the row. */
  rowHeights: (number | null)[];
  print: PrintSetup;
}

/** One block of an official table: an optional caption, a header row, body rows (totals last). */
export interface TableSection {
  caption: string | null;
  header: string[];
  rows: Cell[][];
  /** How many of the last rows are totals (printed bold). */
  totalRows: number;
}

/**
 * An official table as the bureau's attachments look: the attachment number, the title, the
 * reporting unit, the period and the units of measure above; sections; notes below.
 */
export interface OfficialTable {
  sheetName: string;
  /** "附件6-1": the attachment number, alone in the top-left cell as on the printed forms. */
  attachment: string;
  title: string;
  /** Lines under the title: unit, period, tier basis, units of measure. */
  meta: string[];
  columnWidths: number[];
  sections: TableSection[];
  notes: string[];
  /** Columns kept in view when scrolling right (0: none). */
  frozenColumns?: number;
}

/** Tables wider than this (in characters) print landscape: A4 portrait holds about 100 at 100%. */
export const PORTRAIT_MAX_WIDTH = 100;

/** Points per printed line of 11-point 宋体 (Excel's default row is 14.25). */
const LINE_HEIGHT = 14.25;
const TITLE_HEIGHT = 32;

/** Display width of a text in characters: a CJK or full-width character counts two. */
export function textWidth(value: string): number {
  let w = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x1100 && !(cp >= 0xff61 && cp <= 0xffdc) ? 2 : 1;
  }
  return w;
}

/** Lines a text wraps to in a cell `width` characters wide (at least one). */
export function lineCount(value: string, width: number): number {
  // A little slack: cell padding, and CJK glyphs a shade wider than two digits.
  const usable = Math.max(1, width * 0.95 - 1);
  return Math.max(1, Math.ceil(textWidth(value) / usable));
}

/**
 * A table row's height: its tallest wrapped text, with room above and below so the characters do
 * not touch the borders (programs size rows to the glyphs alone, tighter than a printed form).
 */
export function bodyRowHeight(row: readonly Cell[], columnWidths: readonly number[]): number {
  let lines = 1;
  row.forEach((cell, c) => {
    if (cell.kind === 'text') lines = Math.max(lines, lineCount(cell.text, columnWidths[c] ?? 8));
  });
  return LINE_HEIGHT * lines + 6;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The grid of an official table. The title, meta lines, captions and notes are merged across the
 * full width, so they read as one line however wide the columns are; a note longer than the width
 * wraps, and its row is made tall enough for its lines (a program does not size merged rows).
 */
export function layoutTable(table: OfficialTable): SheetLayout {
  const width = Math.max(table.columnWidths.length, ...table.sections.map((s) => s.header.length));
  const widthChars = sum(table.columnWidths.slice(0, width));
  const rows: Cell[][] = [];
  const merges: Merge[] = [];
  const rowRoles: RowRole[] = [];
  const rowHeights: (number | null)[] = [];
  const push = (row: Cell[], role: RowRole, height: number | null = null) => {
    rows.push(row);
    rowRoles.push(role);
    rowHeights.push(height);
  };
  const fullLine = (value: string, role: RowRole, height?: number) => {
    merges.push({ row: rows.length, col: 0, lastRow: rows.length, lastCol: width - 1 });
    // Notes are set a point smaller (10 against 11), so a line holds a tenth more.
    const chars = role === 'note' ? widthChars * 1.1 : widthChars;
    push([text(value)], role, height ?? LINE_HEIGHT * lineCount(value, chars) + 4);
  };
  const headerRows: number[] = [];
  // A list saved from the screen has no attachment number: its title is the first line.
  if (table.attachment !== '') push([text(table.attachment)], 'attachment', 18);
  fullLine(table.title, 'title', TITLE_HEIGHT);
  for (const line of table.meta) fullLine(line, 'meta');
  for (const section of table.sections) {
    push([], 'blank', 6);
    if (section.caption !== null) fullLine(section.caption, 'caption');
    const lines = Math.max(...section.header.map((h, i) => lineCount(h, table.columnWidths[i] ?? 8)));
    headerRows.push(rows.length);
    push(section.header.map(text), 'header', LINE_HEIGHT * lines + 8);
    section.rows.forEach((row, i) => {
      push(
        row,
        i >= section.rows.length - section.totalRows ? 'total' : 'body',
        bodyRowHeight(row, table.columnWidths),
      );
    });
  }
  if (table.notes.length > 0) {
    push([], 'blank', 6);
    for (const note of table.notes) fullLine(note, 'note');
  }
  return {
    name: table.sheetName,
    columnWidths: table.columnWidths,
    rows,
    merges,
    rowRoles,
    rowHeights,
    print: {
      landscape: widthChars > PORTRAIT_MAX_WIDTH,
      headerRow: headerRows.length === 1 ? (headerRows[0] as number) : null,
      frozenColumns: table.frozenColumns ?? 0,
    },
  };
}

/** Every text of a layout, for checks that no field or value leaks into a sheet (R17). */
export function layoutTexts(layout: SheetLayout): string[] {
  const out: string[] = [];
  for (const row of layout.rows) for (const cell of row) if (cell.kind === 'text') out.push(cell.text);
  return out;
}
