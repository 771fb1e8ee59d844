/**
 * A list column, declared once per page: its title, how a row shows in it, and the value that is
 * sorted on and written to Excel. The pure parts (values, sorting, the export's rows) live here
 * so they are tested without a browser.
 */
import type { ReactNode } from 'react';
import type { ListColumnFormat, ListValue } from '../../../../shared/domain/exports/list-table';
import { formatCount, formatFen } from '../../i18n/format';

export interface ListColumn<T> {
  /** Stable key (also the column's test id and the remembered visibility). */
  key: string;
  /** The column's name: on the 显示列 menu and in the export's header. */
  title: string;
  /** What the header shows, when not the title (e.g. a visually hidden 操作). */
  header?: ReactNode;
  /** Whether the export carries it (default yes; no for action buttons). */
  exportable?: boolean;
  /** The value sorted on and exported; default: the row's property `key`. */
  value?: (row: T) => ListValue;
  /** How the cell shows on screen; default: the value, formatted by `format`. */
  render?: (row: T) => ReactNode;
  /** text, count, money (fen) or percent (a ratio): the export's cell type and the default look. */
  format?: ListColumnFormat;
  sortable?: boolean;
  /** Whether the 显示列 menu may hide it (default yes). */
  toggleable?: boolean;
  hiddenByDefault?: boolean;
  width?: number | string;
  textAlign?: 'left' | 'center' | 'right';
  noWrap?: boolean;
  ellipsis?: boolean;
}

export function cellValue<T>(column: ListColumn<T>, row: T): ListValue {
  if (column.value) return column.value(row);
  const raw = (row as Record<string, unknown>)[column.key];
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' || typeof raw === 'string') return raw;
  if (typeof raw === 'boolean') return raw ? '是' : '否';
  return String(raw);
}

/** The default on-screen text of a value in a column of this format. */
export function displayValue(value: ListValue, format: ListColumnFormat = 'text'): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'money':
      return formatFen(value);
    case 'count':
      return formatCount(value);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'text':
      return String(value);
  }
}

/** Rows ordered by a column: numbers by value, texts in Chinese collation; blanks always last. */
export function sortRows<T>(
  rows: readonly T[],
  columns: readonly ListColumn<T>[],
  key: string,
  direction: 'asc' | 'desc',
  language: string,
): T[] {
  const column = columns.find((c) => c.key === key);
  if (!column) return [...rows];
  const collator = new Intl.Collator(language === 'en' ? 'en' : 'zh-CN', { numeric: true });
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: cellValue(column, row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((x) => x.row);
}

/** The export's cells: the shown columns' values, row by row. */
export function exportMatrix<T>(rows: readonly T[], columns: readonly ListColumn<T>[]): ListValue[][] {
  return rows.map((row) => columns.map((c) => cellValue(c, row)));
}

/**
 * The trailing column of row buttons: not sorted, not hidden, not exported, its header read out
 * only to screen readers.
 */
export function actionsColumn<T>(
  title: string,
  header: ReactNode,
  render: (row: T) => ReactNode,
  width?: number,
): ListColumn<T> {
  return {
    key: 'actions',
    title,
    header,
    exportable: false,
    sortable: false,
    toggleable: false,
    width,
    value: () => null,
    render,
  };
}
