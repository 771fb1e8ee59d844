/**
 * A parsed workbook as the import readers take it (parse.ts makes it, packed-rows.ts makes its
 * rows on access): plain rows of typed cells, header names never object keys.
 */

export interface ParsedCell {
  /** SheetJS cell type: n number, s string, b boolean, d date, e error, z stub. */
  t: 'n' | 's' | 'b' | 'd' | 'e' | 'z';
  v: number | string | boolean | null;
  /** Formula text, when the cell has one. */
  f?: string;
  /** A formula without a saved result: the row cannot be trusted. */
  noCache?: true;
}

export interface ParsedSheet {
  name: string;
  /** Row 0 is the sheet's first row; cells by column index; null = empty. */
  rows: (ParsedCell | null)[][];
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  /** Rows the sheet's dimension declares (may be absurd: 1,048,576 for three real rows). */
  declaredRows: number;
  /** More rows than the limit: the caller refuses rather than import part of a file. */
  truncated: boolean;
  hidden: boolean;
}

export interface ParsedWorkbook {
  date1904: boolean;
  sheets: ParsedSheet[];
}

export type ParseOutcome =
  | { ok: true; workbook: ParsedWorkbook }
  | { ok: false; reason: string; message: string; messageEn: string };
