/**
 * Writes laid-out tables (shared/domain/exports/layout.ts) as an .xlsx workbook with SheetJS:
 * numbers as numeric cells with number formats (money in yuan, counts, percentages), merged title
 * lines, column widths. Every text cell passes through `neutraliseText`, the one place it is
 * done, so no customer name or label can start a formula in Excel, LibreOffice or a CSV made
 * from the file.
 */
import * as XLSX from 'xlsx';
import { type Cell, NUMBER_FORMATS, type SheetLayout } from '../../../shared/domain/exports/layout';
import { neutraliseText } from '../../../shared/domain/imports/neutralise';

function toCell(cell: Cell): XLSX.CellObject | null {
  switch (cell.kind) {
    case 'text':
      return { t: 's', v: neutraliseText(cell.text) };
    // Fen → yuan only here, at the file's edge; the sum of the written figures is what the table says.
    case 'money':
      return { t: 'n', v: cell.fen / 100, z: NUMBER_FORMATS.money };
    case 'count':
      return { t: 'n', v: cell.n, z: NUMBER_FORMATS.count };
    case 'percent':
      return cell.ratio === null ? null : { t: 'n', v: cell.ratio, z: NUMBER_FORMATS.percent };
    case 'empty':
      return null;
  }
}

export function layoutToSheet(layout: SheetLayout): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  let lastCol = Math.max(0, layout.columnWidths.length - 1);
  layout.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const out = toCell(cell);
      if (out === null) return;
      sheet[XLSX.utils.encode_cell({ r, c })] = out;
      if (c > lastCol) lastCol = c;
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, layout.rows.length - 1), c: lastCol },
  });
  sheet['!merges'] = layout.merges.map((m) => ({ s: { r: m.row, c: m.col }, e: { r: m.lastRow, c: m.lastCol } }));
  sheet['!cols'] = layout.columnWidths.map((wch) => ({ wch }));
  return sheet;
}

export interface WorkbookProps {
  title: string;
  created: Date;
}

export function writeWorkbook(layouts: readonly SheetLayout[], props: WorkbookProps): Buffer {
  const book = XLSX.utils.book_new();
  for (const layout of layouts) XLSX.utils.book_append_sheet(book, layoutToSheet(layout), layout.name);
  book.Props = { Title: props.title, Author: 'KAM Desk', CreatedDate: props.created };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
