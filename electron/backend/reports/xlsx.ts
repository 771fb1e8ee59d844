/**
 * The report's tables as a workbook: one sheet per table of the ReportDocument, in the document's
 * order, through the same styled writer as the official exports (exports/xlsx.ts + styles.ts):
 * a title line, the report and its basis above, a bordered header row repeated when printed,
 * figures as numeric cells with number formats (so the officer can sum and chart them), the
 * table's note below. Texts are string cells, shown exactly as written (xlsx/write.ts).
 */
import type { Cell, OfficialTable } from '../../../shared/domain/exports/layout';
import { count, EMPTY, layoutTable, money, percent, text, textWidth } from '../../../shared/domain/exports/layout';
import {
  type CellFormat,
  footerLine,
  type ReportDocument,
  type ReportTable,
  sealLines,
  type TableCell,
} from '../../../shared/domain/report/document';
import { formatCell } from '../../../shared/domain/report/format';
import { writeWorkbook } from '../exports/xlsx';

/**
 * A report cell as a typed sheet cell. The writer's money cell holds fen/100 (yuan) under the
 * format #,##0.00; a 万元 column passes fen/10,000 there, so the cell holds 万元 — the unit the
 * report's tables state — under the same two-decimal format. A ratio is a percent cell (0.0%);
 * null is blank, as in the official exports; a string in any column stays text (合计, a name).
 */
export function sheetCell(value: TableCell, format: CellFormat): Cell {
  if (value === null) return format === 'percent' || format === 'ratio' ? percent(null) : EMPTY;
  if (typeof value === 'string') return text(value);
  switch (format) {
    case 'wan':
      return money(value / 10_000);
    case 'yuan':
      return money(value);
    case 'percent':
    case 'ratio':
      return percent(value);
    case 'count':
      return count(value);
    case 'text':
      return text(String(value));
  }
}

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[\\/?*:[\]]/g;

/**
 * Sheet names from the tables' titles ("表1　大客户收入总体情况"): the number leads, so a name cut
 * to Excel's 31 characters still says which table it is; a repeated name gets "(2)", "(3)".
 */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, i) => {
    const base =
      title
        .replace(FORBIDDEN, ' ')
        .replace(/^'+|'+$/g, '')
        .trim() || `表${i + 1}`;
    let name = base.slice(0, 31);
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = `(${k})`;
      name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Column widths in characters (CJK two), from the widest shown figure or text, titles wrapping. */
function widths(table: ReportTable): number[] {
  return table.columns.map((c, i) => {
    const cells = table.rows.map((r) => textWidth(formatCell(r[i] ?? null, c.format)));
    const want = Math.max(Math.ceil(textWidth(c.title) / 2), ...cells, 6) + 2;
    return Math.min(want, c.format === 'text' ? 36 : 16);
  });
}

function officialTable(doc: ReportDocument, table: ReportTable, sheetName: string): OfficialTable {
  return {
    sheetName,
    attachment: '',
    title: table.title,
    meta: [`${doc.title}（${doc.scopeName}）`, footerLine(doc)],
    columnWidths: widths(table),
    sections: [
      {
        caption: null,
        header: table.columns.map((c) => c.title),
        rows: table.rows.map((row) => table.columns.map((c, i) => sheetCell(row[i] ?? null, c.format))),
        totalRows: table.totalRow === true && table.rows.length > 0 ? 1 : 0,
      },
    ],
    // Under each table, the seal its printed pages carry (report/document.ts sealLines).
    notes: [...(table.note ? [table.note] : []), ...sealLines(doc)],
    frozenColumns: 0,
  };
}

/** Every table of the document as a sheet (see the module comment). */
export function reportWorkbook(doc: ReportDocument, created: Date = new Date()): Buffer {
  const tables = doc.blocks.filter((b): b is ReportTable => b.kind === 'table');
  const names = sheetNames(tables.map((t) => t.title));
  const layouts = tables.map((t, i) => layoutTable(officialTable(doc, t, names[i] ?? `表${i + 1}`)));
  return writeWorkbook(layouts, { title: doc.title, created });
}
