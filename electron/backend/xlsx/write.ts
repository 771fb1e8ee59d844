/**
 * The one way the app's workbooks are written with SheetJS (DOMAIN-DECISIONS "Exports", cells):
 * templates, exports, lists, the report's tables, the customer list and — through its worker's
 * data — the import's 问题清单.
 *
 * A text is a string cell and nothing else. With `bookSST` SheetJS writes each text as a shared
 * string (`<c t="s"><v>index</v>`, the text in xl/sharedStrings.xml); without it, it writes
 * `t="str"`, the type of a formula's cached result. A shared string is never evaluated by Excel,
 * WPS or LibreOffice, so a customer named `=HYPERLINK(…)` or a unit named `@SUM(1)单位` is shown
 * exactly as written, with no guard character added. No cell the app writes carries a formula:
 * `writeXlsx` refuses one, so a formula cannot slip in through a new writer.
 */
import * as XLSX from 'xlsx';

/**
 * SheetJS's options for every workbook the app writes. Stored uncompressed by default: each
 * workbook is unzipped by a post-processor (xlsx/package.ts, the report worker) and zipped once.
 */
export const XLSX_WRITE_OPTIONS = {
  type: 'buffer',
  bookType: 'xlsx',
  bookSST: true,
  compression: false,
} as const satisfies XLSX.WritingOptions;

/** A text cell: a string cell, the text as it is. */
export function textCell(text: string): XLSX.CellObject {
  return { t: 's', v: text };
}

/** The first cell of `book` holding a formula, as "sheet!A1", or null. */
function formulaCell(book: XLSX.WorkBook): string | null {
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet) continue;
    const dense = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
    if (dense) {
      for (let r = 0; r < dense.length; r++) {
        const row = dense[r] ?? [];
        for (let c = 0; c < row.length; c++) {
          if (row[c]?.f !== undefined) return `${name}!${XLSX.utils.encode_cell({ r, c })}`;
        }
      }
      continue;
    }
    for (const [ref, cell] of Object.entries(sheet)) {
      if (!ref.startsWith('!') && (cell as XLSX.CellObject).f !== undefined) return `${name}!${ref}`;
    }
  }
  return null;
}

/** The workbook's bytes (see the module comment); `compress` for one no post-processor rewrites. */
export function writeXlsx(book: XLSX.WorkBook, { compress = false }: { compress?: boolean } = {}): Buffer {
  const formula = formulaCell(book);
  // A programming error, not the officer's: no writer of the app sets a formula.
  if (formula !== null) throw new Error(`工作簿不应包含公式（${formula}）`);
  return XLSX.write(book, { ...XLSX_WRITE_OPTIONS, compression: compress }) as Buffer;
}
