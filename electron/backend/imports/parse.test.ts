import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { CSV_HEADER, type CsvEncoding, csvBytes } from '../../../tests/support/csv-bytes';
import { minimalXlsx } from '../../../tests/support/zip';
import { DEFAULT_PARSE_LIMITS, parseSpreadsheet } from './parse';

function book(build: (wb: XLSX.WorkBook) => void): Buffer {
  const wb = XLSX.utils.book_new();
  build(wb);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const HEADER = ['客户ID', '月份', '业务种类', '收入(元)'];

describe('parsing spreadsheets in a worker, under memory, time and row limits', () => {
  it('returns plain rows of typed cells for every sheet', async () => {
    const buf = book((wb) =>
      XLSX.utils.book_append_sheet(
        wb,
        XLSX.utils.aoa_to_sheet([
          HEADER,
          ['44051500001000', '2026-10', '函件', 1234.5],
          ['44051500002000', 46296, 'letters', '1.2万'],
        ]),
        '收入明细',
      ),
    );
    const r = await parseSpreadsheet(buf, 'a.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [sheet] = r.workbook.sheets;
    expect(sheet?.name).toBe('收入明细');
    expect(sheet?.rows[0]?.map((c) => c?.v)).toEqual(HEADER);
    expect(sheet?.rows[1]?.[3]).toEqual({ t: 'n', v: 1234.5 });
    expect(sheet?.rows[2]?.[1]).toEqual({ t: 'n', v: 46296 });
    expect(r.workbook.date1904).toBe(false);
  });

  it('reads a sheet that declares a million rows but holds three, quickly', async () => {
    // Written part by part: SheetJS itself would spend ~20 s writing a million-row range.
    const row = (r: number, cells: string[]) =>
      `<row r="${r}">${cells.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
    const buf = minimalXlsx(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:Z1048576"/><sheetData>${row(1, HEADER)}${row(2, ['44051500001000', '2026-10', '函件', '1'])}${row(3, ['44051500001000', '2026-11', '函件', '2'])}</sheetData></worksheet>`,
    );
    const started = performance.now();
    const r = await parseSpreadsheet(buf, 'declared.xlsx');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workbook.sheets[0]?.rows).toHaveLength(3);
    expect(r.workbook.sheets[0]?.declaredRows).toBe(1_048_576);
    expect(r.workbook.sheets[0]?.truncated).toBe(false);
  });

  it('marks formulas without a cached value, reports merged cells and the 1904 date system', async () => {
    const buf = book((wb) => {
      const ws = XLSX.utils.aoa_to_sheet([HEADER, ['44051500001000', '2026-10', '函件', 1]]);
      ws.D2 = { t: 'n', f: 'B2*2' };
      ws['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 1, c: 1 } }];
      XLSX.utils.book_append_sheet(wb, ws, 'S');
      wb.Workbook = { WBProps: { date1904: true } };
    });
    const r = await parseSpreadsheet(buf, 'tricky.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workbook.date1904).toBe(true);
    expect(r.workbook.sheets[0]?.rows[1]?.[3]).toMatchObject({ f: 'B2*2', noCache: true });
    expect(r.workbook.sheets[0]?.merges).toEqual([{ s: { r: 1, c: 0 }, e: { r: 1, c: 1 } }]);
  });

  it('keeps __proto__ and constructor headers as data; nothing is polluted', async () => {
    const buf = book((wb) =>
      XLSX.utils.book_append_sheet(
        wb,
        XLSX.utils.aoa_to_sheet([
          ['__proto__', 'constructor', 'polluted'],
          ['x', 'y', 'yes'],
        ]),
        'S',
      ),
    );
    const r = await parseSpreadsheet(buf, 'proto.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workbook.sheets[0]?.rows[0]?.map((c) => c?.v)).toEqual(['__proto__', 'constructor', 'polluted']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a 32,767-character cell whole', async () => {
    const long = '邮'.repeat(32_767);
    const buf = book((wb) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['备注'], [long]]), 'S'));
    const r = await parseSpreadsheet(buf, 'long.xlsx');
    expect(r.ok && r.workbook.sheets[0]?.rows[1]?.[0]?.v).toBe(long);
  });

  it('flags more rows than the limit instead of silently importing part of a file', async () => {
    const buf = book((wb) =>
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(Array.from({ length: 10 }, (_, i) => [i])), 'S'),
    );
    const r = await parseSpreadsheet(buf, 'rows.xlsx', { ...DEFAULT_PARSE_LIMITS, maxRows: 5 });
    expect(r.ok && r.workbook.sheets[0]?.truncated).toBe(true);
  });

  it('stops a parse that runs past its time limit, with a Chinese message', async () => {
    const buf = book((wb) =>
      XLSX.utils.book_append_sheet(
        wb,
        XLSX.utils.aoa_to_sheet(Array.from({ length: 20_000 }, (_, i) => [i, `行${i}`])),
        'S',
      ),
    );
    const r = await parseSpreadsheet(buf, 'slow.xlsx', { ...DEFAULT_PARSE_LIMITS, timeoutMs: 1 });
    expect(r).toMatchObject({ ok: false, reason: 'timeout' });
    if (!r.ok) expect(r.message).toContain('解析超过');
  });

  it.each<CsvEncoding>(['utf8', 'utf8-bom', 'gbk', 'utf16le-bom'])(
    'reads a %s CSV as text cells: the header in four cells, 14-digit IDs and months kept as written',
    async (encoding) => {
      const buf = csvBytes(encoding, [
        CSV_HEADER,
        '44051500001000,2026-11,函件,"1,234.50"',
        '44051500002000,2026-12,函件,',
      ]);
      const r = await parseSpreadsheet(buf, `收入.${encoding}.csv`);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const rows = r.workbook.sheets[0]?.rows ?? [];
      expect(rows[0]?.map((c) => c?.v)).toEqual(['客户ID', '月份', '业务种类', '收入(元)']);
      expect(rows[1]?.map((c) => c?.v)).toEqual(['44051500001000', '2026-11', '函件', '1,234.50']);
      expect(rows[2]?.slice(0, 3).map((c) => c?.v)).toEqual(['44051500002000', '2026-12', '函件']);
    },
  );

  it('refuses hostile files before the parser runs (the file guard)', async () => {
    const r = await parseSpreadsheet(Buffer.from('not a workbook'), 'x.xlsx');
    expect(r).toMatchObject({ ok: false, reason: 'not_spreadsheet' });
  });
});
