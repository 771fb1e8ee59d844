/**
 * The report's tables as a workbook: one sheet per table in the document's order, named by the
 * table's number, figures as numeric cells with the report's formats (万元 two decimals, % one).
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { reportWorkbook, sheetNames } from '../../../electron/backend/reports/xlsx';
import type { ReportTable } from '../../../shared/domain/report/document';
import {
  FIXTURE_TOTAL_FEN,
  LONG_TABLE_ROWS,
  LONG_TABLE_TITLE,
  reportDocumentFixture,
} from '../../../shared/domain/report/document-fixture';

const doc = reportDocumentFixture({ status: 'final' });
const tables = doc.blocks.filter((b): b is ReportTable => b.kind === 'table');

function read(): XLSX.WorkBook {
  return XLSX.read(reportWorkbook(doc, new Date(Date.UTC(2026, 10, 3))), { type: 'buffer', cellStyles: true });
}

/** The cell whose text is `value`, as [row, col] (zero-based). */
function find(sheet: XLSX.WorkSheet, value: string): [number, number] | null {
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  for (let r = range.s.r; r <= range.e.r; r++) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      if (sheet[XLSX.utils.encode_cell({ r, c })]?.v === value) return [r, c];
    }
  }
  return null;
}

describe('reportWorkbook', () => {
  it('has one sheet per table, in order, each named by its number', () => {
    const book = read();
    expect(tables.length).toBeGreaterThan(2);
    expect(book.SheetNames).toHaveLength(tables.length);
    book.SheetNames.forEach((name, i) => {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name.startsWith(`表${i + 1}`)).toBe(true);
      const sheet = book.Sheets[name] as XLSX.WorkSheet;
      expect(find(sheet, tables[i]?.title ?? '?')).not.toBeNull();
    });
  });

  it('writes 万元 as a number of 万元 with two decimals, ratios as percent cells, counts as integers', () => {
    const book = read();
    const sheet = book.Sheets[book.SheetNames[0] ?? ''] as XLSX.WorkSheet;
    const t1 = tables[0] as ReportTable;
    const wanCol = t1.columns.findIndex((c) => c.format === 'wan');
    const ratioCol = t1.columns.findIndex((c) => c.format === 'ratio');
    const header = find(sheet, t1.columns[0]?.title ?? '?');
    expect(header).not.toBeNull();
    const [hr, hc] = header as [number, number];
    const wan = sheet[XLSX.utils.encode_cell({ r: hr + 1, c: hc + wanCol })];
    expect(wan?.t).toBe('n');
    expect(wan?.v).toBeCloseTo(FIXTURE_TOTAL_FEN / 1_000_000, 6);
    expect(wan?.z).toBe('#,##0.00');
    const ratio = sheet[XLSX.utils.encode_cell({ r: hr + 1, c: hc + ratioCol })];
    expect(ratio?.t).toBe('n');
    expect(ratio?.z).toBe('0.0%');
    expect(Math.abs(Number(ratio?.v))).toBeLessThan(1);
  });

  it('keeps every row of the long table with numeric figures', () => {
    const book = read();
    const i = tables.findIndex((t) => t.title === LONG_TABLE_TITLE);
    const sheet = book.Sheets[book.SheetNames[i] ?? ''] as XLSX.WorkSheet;
    const t = tables[i] as ReportTable;
    const [hr, hc] = find(sheet, t.columns[0]?.title ?? '?') as [number, number];
    const wanCol = t.columns.findIndex((c) => c.format === 'wan');
    let numeric = 0;
    for (let r = 1; r <= LONG_TABLE_ROWS; r++) {
      if (sheet[XLSX.utils.encode_cell({ r: hr + r, c: hc + wanCol })]?.t === 'n') numeric++;
    }
    expect(numeric).toBe(LONG_TABLE_ROWS);
  });

  it('names sheets uniquely within 31 characters and without the characters Excel refuses', () => {
    const long = `表1　${'很长的表名'.repeat(10)}`;
    const names = sheetNames([long, long, '表2: a/b?[c]', '']);
    expect(names[0]).toHaveLength(31);
    expect(names[1]).toHaveLength(31);
    expect(names[1]?.endsWith('(2)')).toBe(true);
    expect(names[2]).toBe('表2  a b  c');
    expect(names[3]).toBe('表4');
    expect(new Set(names).size).toBe(4);
  });
});
