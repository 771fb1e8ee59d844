import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { textCell, writeXlsx } from './write';

function book(sheet: XLSX.WorkSheet): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, 'S');
  return wb;
}

describe('writeXlsx: texts as shared strings, never formulas', () => {
  it('writes a formula-like text as a shared string, exactly as it is', () => {
    const text = '=HYPERLINK("http://evil","x")';
    const parts = unzipSync(new Uint8Array(writeXlsx(book({ A1: textCell(text), '!ref': 'A1' }))));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).toContain('<c r="A1" t="s"><v>0</v></c>');
    expect(sheet).not.toMatch(/<f[\s>]|t="str"/);
    expect(strFromU8(parts['xl/sharedStrings.xml'] as Uint8Array)).toContain(
      '<t>=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)</t>',
    );
  });

  it('refuses a workbook holding a formula, sparse or dense', () => {
    expect(() => writeXlsx(book({ B2: { t: 'n', v: 2, f: '1+1' }, '!ref': 'A1:B2' }))).toThrow(/公式（S!B2）/);
    const dense = XLSX.utils.aoa_to_sheet([['a'], [1]], { dense: true });
    const rows = (dense as { '!data': XLSX.CellObject[][] })['!data'];
    (rows[1] as XLSX.CellObject[])[0] = { t: 'n', v: 1, f: 'SUM(1)' };
    expect(() => writeXlsx(book(dense))).toThrow(/公式（S!A2）/);
  });
});
