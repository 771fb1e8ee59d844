/**
 * Writes laid-out tables (shared/domain/exports/layout.ts) as an .xlsx workbook with SheetJS:
 * numbers as numeric cells with number formats (money in yuan, counts, percentages), merged title
 * lines, column widths, row heights; styles.ts then styles every cell by its role in the layout
 * (title, header, body, totals, notes) and sets up each sheet for printing. Every text is a string
 * cell written through xlsx/write.ts, so a customer name or label that looks like a formula is shown
 * exactly as written and never evaluated (DOMAIN-DECISIONS "Exports", cells).
 */
import * as XLSX from 'xlsx';
import type { AuditHeadRef } from '../../../shared/api/types';
import { type Cell, cellStyle, EMPTY, NUMBER_FORMATS, type SheetLayout } from '../../../shared/domain/exports/layout';
import { cellRef } from '../../../shared/domain/spreadsheet/cells';
import { textCell, writeXlsx } from '../xlsx/write';
import { printTitlesRef, STYLE_INDEX, styleWorkbook } from './styles';

function toCell(cell: Cell): XLSX.CellObject | null {
  switch (cell.kind) {
    case 'text':
      return textCell(cell.text);
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

/** A blank cell SheetJS still writes (it skips stubs without a format), so it can carry borders. */
const BLANK: XLSX.CellObject = { t: 'z', z: 'General' };

export interface StyledSheet {
  sheet: XLSX.WorkSheet;
  /** Style index of every written cell, by "A1" reference (see styles.ts). */
  styles: Map<string, number>;
}

export function layoutToSheet(layout: SheetLayout): StyledSheet {
  const sheet: XLSX.WorkSheet = {};
  const styles = new Map<string, number>();
  let lastCol = Math.max(0, layout.columnWidths.length - 1);
  // A table row is written across its header's width, blanks included, so every cell has borders.
  let tableWidth = 0;
  layout.rows.forEach((row, r) => {
    const role = layout.rowRoles[r] ?? 'blank';
    if (role === 'header') tableWidth = row.length;
    const inTable = role === 'header' || role === 'body' || role === 'total';
    const width = inTable ? Math.max(row.length, tableWidth) : row.length;
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? EMPTY;
      const style = cellStyle(role, cell);
      if (style === null) continue;
      const ref = cellRef(r, c);
      sheet[ref] = toCell(cell) ?? { ...BLANK };
      styles.set(ref, STYLE_INDEX[style]);
      if (c > lastCol) lastCol = c;
    }
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, layout.rows.length - 1), c: lastCol },
  });
  sheet['!merges'] = layout.merges.map((m) => ({ s: { r: m.row, c: m.col }, e: { r: m.lastRow, c: m.lastCol } }));
  sheet['!cols'] = layout.columnWidths.map((wch) => ({ wch }));
  sheet['!rows'] = layout.rowHeights.map((hpt) => (hpt === null ? {} : { hpt }));
  return { sheet, styles };
}

export interface WorkbookProps {
  title: string;
  created: Date;
  /**
   * The audit chain's head when the file was made (DOMAIN-DECISIONS "Audit log"), as a document
   * property (文件 → 信息 → 属性): it ties the file to the log without a line in the official table.
   */
  auditHead?: AuditHeadRef;
}

/** The custom document property naming the audit chain's head. */
export const AUDIT_HEAD_PROPERTY = 'KAM审计链头';

/**
 * The workbook: SheetJS writes the cells, merges and widths, the print titles as defined names;
 * styles.ts then adds the styles part, each cell's style and each sheet's page setup.
 */
export function writeWorkbook(layouts: readonly SheetLayout[], props: WorkbookProps): Buffer {
  const book = XLSX.utils.book_new();
  const styles: Map<string, number>[] = [];
  const names: XLSX.DefinedName[] = [];
  layouts.forEach((layout, i) => {
    const styled = layoutToSheet(layout);
    XLSX.utils.book_append_sheet(book, styled.sheet, layout.name);
    styles.push(styled.styles);
    const titles = printTitlesRef(layout);
    if (titles !== null) names.push({ Name: '_xlnm.Print_Titles', Sheet: i, Ref: titles });
  });
  book.Workbook = { Names: names };
  book.Props = { Title: props.title, Author: 'KAM Desk', CreatedDate: props.created };
  if (props.auditHead) book.Custprops = { [AUDIT_HEAD_PROPERTY]: `#${props.auditHead.id} ${props.auditHead.hash}` };
  const plain = writeXlsx(book);
  return Buffer.from(styleWorkbook(plain, layouts, styles));
}
