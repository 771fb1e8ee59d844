import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { addValidationsToXlsx, dataValidationsXml, insertDataValidations } from './validations';

describe('drop-down validation written into the sheet XML', () => {
  it.each([
    ['before ignoredErrors', '<worksheet><sheetData/><ignoredErrors/></worksheet>', '<sheetData/>V<ignoredErrors/>'],
    [
      'before pageMargins',
      '<worksheet><sheetData/><mergeCells/><pageMargins/></worksheet>',
      '<mergeCells/>V<pageMargins/>',
    ],
    ['at the end', '<worksheet><sheetData/></worksheet>', '<sheetData/>V</worksheet>'],
  ])('%s', (_label, xml, expected) => {
    expect(insertDataValidations(xml, 'V')).toContain(expected);
  });

  it('writes a list validation and refuses lists Excel cannot hold inline', () => {
    expect(dataValidationsXml([{ sqref: 'A2:A9', values: ['是', '否'] }])).toContain(
      'sqref="A2:A9"><formula1>"是,否"</formula1>',
    );
    expect(() => dataValidationsXml([{ sqref: 'A2', values: ['a,b'] }])).toThrow();
  });

  it('round-trips a SheetJS workbook and keeps it readable', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['业务种类'], ['函件']]), '收入明细');
    const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const out = addValidationsToXlsx(
      new Uint8Array(buf),
      new Map([[0, [{ sqref: 'A2:A100', values: ['函件', '报刊'] }]]]),
    );
    const xml = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).toContain('<dataValidations count="1">');
    expect(XLSX.read(out, { type: 'array' }).Sheets.收入明细?.A2?.v).toBe('函件');
  });
});
