import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { makeZip } from '../../../tests/support/zip';
import { checkSpreadsheetFile, DEFAULT_ZIP_LIMITS } from './zip-guard';

function realWorkbook(): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['客户ID', '月份', '业务种类', '收入(元)'],
      ['44051500001000', '2026-10', '函件', 1234.5],
    ]),
    '收入明细',
  );
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('spreadsheet files are checked before parsing: size, kind, zip bombs', () => {
  it('accepts a real .xlsx written by SheetJS, with its parts counted', () => {
    const check = checkSpreadsheetFile(realWorkbook(), '澄海分局2026年10月.xlsx');
    expect(check).toMatchObject({ ok: true, kind: 'xlsx' });
    if (check.ok) expect(check.entries).toBeGreaterThan(3);
  });

  it('accepts an old .xls (compound file) and a CSV by its name', () => {
    const cfb = Buffer.alloc(512);
    cfb.writeUInt32BE(0xd0cf11e0, 0);
    cfb.writeUInt32BE(0xa1b11ae1, 4);
    expect(checkSpreadsheetFile(cfb, 'old.xls')).toMatchObject({ ok: true, kind: 'xls' });
    expect(checkSpreadsheetFile(Buffer.from('客户ID,月份\n1,2\n'), 'data.csv')).toMatchObject({
      ok: true,
      kind: 'csv',
    });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'a.xlsx', 'empty', '空文件'],
    ['plain text named .xlsx', Buffer.from('hello world'), 'a.xlsx', 'not_spreadsheet', '不是 Excel 工作簿'],
    ['binary named .csv', Buffer.from([0, 1, 2, 3, 0, 0]), 'a.csv', 'not_spreadsheet', '不是 Excel 工作簿'],
    [
      'a renamed .docx',
      makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ]),
      'report.xlsx',
      'not_spreadsheet',
      'Word 文档',
    ],
    ['a truncated zip', realWorkbook().subarray(0, 200), 'cut.xlsx', 'corrupt_zip', '已损坏'],
  ])('refuses %s with a Chinese message', (_label, buf, name, reason, text) => {
    const check = checkSpreadsheetFile(buf, name);
    expect(check).toMatchObject({ ok: false, reason });
    if (!check.ok) expect(check.message).toContain(text);
  });

  it('refuses a zip bomb by its compression ratio, in well under a second', () => {
    const bomb = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const check = checkSpreadsheetFile(bomb, 'bomb.xlsx');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(check).toMatchObject({ ok: false, reason: 'suspicious_ratio' });
    if (!check.ok) expect(check.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses a zip whose declared uncompressed total is too large, even at a plausible ratio', () => {
    const parts = Array.from({ length: 40 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.from(`<sheet>${i}</sheet>`.repeat(50)),
      declaredUncompressed: 0,
    }));
    const limits = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 10_000, maxRatio: 1_000_000 };
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      ...parts.map((p) => ({ ...p, declaredUncompressed: 5_000 })),
    ]);
    expect(checkSpreadsheetFile(zip, 'big.xlsx', limits)).toMatchObject({ ok: false, reason: 'too_much_data' });
  });

  it('refuses too many parts and files over the size limit', () => {
    const many = makeZip(Array.from({ length: 30 }, (_, i) => ({ name: `xl/p${i}.xml`, data: Buffer.from('x') })));
    expect(checkSpreadsheetFile(many, 'many.xlsx', { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 })).toMatchObject({
      ok: false,
      reason: 'too_many_entries',
    });
    const check = checkSpreadsheetFile(Buffer.alloc(2048, 1), 'huge.xlsx', {
      ...DEFAULT_ZIP_LIMITS,
      maxFileBytes: 1024,
    });
    expect(check).toMatchObject({ ok: false, reason: 'too_large' });
  });
});
