/**
 * Issue 4 exports (R24–R26): the official tables as a plain grid of typed cells, independent of
 * any spreadsheet library. The backend's writer turns a `SheetLayout` into an .xlsx sheet; tests
 * read the grid directly. Money is carried in fen and written in yuan as a number with a number
 * format, never as text, so the officer's and the province's sums work on the cells.
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

export interface SheetLayout {
  name: string;
  /** Column widths in characters (a CJK character counts about two). */
  columnWidths: number[];
  rows: Cell[][];
  merges: Merge[];
}

/** One block of an official table: an optional caption, a header row, body rows (totals last). */
export interface TableSection {
  caption: string | null;
  header: string[];
  rows: Cell[][];
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
}

/**
 * The grid of an official table. The title, meta lines, captions and notes are merged across the
 * full width, so they read as one line however wide the columns are.
 */
export function layoutTable(table: OfficialTable): SheetLayout {
  const width = Math.max(table.columnWidths.length, ...table.sections.map((s) => s.header.length));
  const rows: Cell[][] = [];
  const merges: Merge[] = [];
  const fullLine = (value: string) => {
    merges.push({ row: rows.length, col: 0, lastRow: rows.length, lastCol: width - 1 });
    rows.push([text(value)]);
  };
  rows.push([text(table.attachment)]);
  fullLine(table.title);
  for (const line of table.meta) fullLine(line);
  for (const section of table.sections) {
    rows.push([]);
    if (section.caption !== null) fullLine(section.caption);
    rows.push(section.header.map(text));
    for (const row of section.rows) rows.push(row);
  }
  if (table.notes.length > 0) {
    rows.push([]);
    for (const note of table.notes) fullLine(note);
  }
  return { name: table.sheetName, columnWidths: table.columnWidths, rows, merges };
}

/** Every text of a layout, for checks that no field or value leaks into a sheet (R17). */
export function layoutTexts(layout: SheetLayout): string[] {
  const out: string[] = [];
  for (const row of layout.rows) for (const cell of row) if (cell.kind === 'text') out.push(cell.text);
  return out;
}
