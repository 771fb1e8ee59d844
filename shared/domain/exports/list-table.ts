/**
 * A list the officer sees on screen, as an official-looking sheet: the list's title, the filters
 * it was shown with and when it was exported, then the same columns and rows. Every list of the
 * app is saved through this one layout ("导出 Excel"), so what is printed matches what was shown.
 */
import { type Cell, count, EMPTY, layoutTable, money, percent, type SheetLayout, text, textWidth } from './layout';

export const LIST_COLUMN_FORMATS = ['text', 'count', 'money', 'percent'] as const;
export type ListColumnFormat = (typeof LIST_COLUMN_FORMATS)[number];

export interface ListColumnSpec {
  title: string;
  /** text as shown; count an integer; money in fen; percent a ratio (0.125 = 12.5%). */
  format: ListColumnFormat;
}

export type ListValue = string | number | null;

export interface ListTableSpec {
  title: string;
  /** "单位：金平区分公司" …: the filters in force, one line each. */
  filters: readonly string[];
  columns: readonly ListColumnSpec[];
  rows: readonly (readonly ListValue[])[];
}

function toCell(value: ListValue, format: ListColumnFormat): Cell {
  if (value === null || value === '') return EMPTY;
  if (typeof value === 'string') return text(value);
  switch (format) {
    case 'count':
      return count(value);
    case 'money':
      return money(Math.round(value));
    case 'percent':
      return percent(value);
    case 'text':
      return text(String(value));
  }
}

/** Characters a column needs: its widest cell (a sample), clamped to a readable range. */
function columnWidth(spec: ListColumnSpec, rows: readonly (readonly ListValue[])[], index: number): number {
  let widest = textWidth(spec.title);
  const sample = rows.length > 2000 ? rows.slice(0, 2000) : rows;
  for (const row of sample) {
    const value = row[index];
    if (value === null || value === undefined) continue;
    // Money shows as 1,234,567.89: the grouping commas take room too.
    const shown =
      typeof value === 'number' && spec.format === 'money'
        ? (value / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })
        : String(value);
    widest = Math.max(widest, textWidth(shown));
  }
  return Math.min(48, Math.max(6, widest + 2));
}

export function layoutListTable(spec: ListTableSpec, exportedAt: string): SheetLayout {
  return layoutTable({
    sheetName: sheetNameOf(spec.title),
    attachment: '',
    title: spec.title,
    meta: [...spec.filters, `共 ${spec.rows.length} 条 · 导出时间 ${exportedAt}`],
    columnWidths: spec.columns.map((c, i) => columnWidth(c, spec.rows, i)),
    sections: [
      {
        caption: null,
        header: spec.columns.map((c) => c.title),
        rows: spec.rows.map((row) => spec.columns.map((c, i) => toCell(row[i] ?? null, c.format))),
        totalRows: 0,
      },
    ],
    notes: [],
  });
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
export function sheetNameOf(title: string): string {
  const clean = title.replace(/[:\\/?*[\]]/g, ' ').trim();
  return (clean === '' ? '列表' : clean).slice(0, 31);
}
