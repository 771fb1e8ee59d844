/**
 * DOMAIN-DECISIONS "Imports", error report: the error report workbook (问题清单) through the registry — every sheet's rows as the
 * unit sent them (values, never formulas; formula-like text as string cells, exactly as written), 有问题/问题 columns on
 * the same row numbers, a summary sheet; written to a path or returned as base64; refused when the
 * previewed file changed. LibreOffice must be able to open it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { TEMPLATE_SHEETS } from '../../../shared/domain/templates/layout';
import { CSV_HEADER, csvBytes } from '../../support/csv-bytes';
import { xlsxToCsvWithLibreOffice } from '../../support/libreoffice';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-import-report-');
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

async function setup() {
  const b = openBackend({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
  backends.push(b);
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  const a = (await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId }))
    .id;
  return { b, a };
}

/** 收入明细 with a title row above the header, one good row, four rows with problems; plus 说明. */
function unitWorkbook(dir: string, customerId: string): string {
  const ws = XLSX.utils.aoa_to_sheet([
    ['澄海分局 2026年10月 收入明细'],
    ['客户ID', '月份', '业务种类', '收入(元)', '备注'],
    [customerId, '2026-10', '函件', 1234.5, '正常'],
    ['44051599999000', '2026-10', '函件', 100, '=HYPERLINK("http://x","点我")'],
    [customerId, '2026-13', '邮票', 'abc', '+86 754'],
    [customerId, '2026-10', '特快', 0, '公式'],
    [customerId, '2026-09', '函件', 46296, '@备注'],
  ]);
  ws.D6 = { t: 'n', v: 300, f: 'D3/2' }; // a formula with its saved result: the value is copied
  ws.D7 = { t: 'n', v: 46296, z: 'yyyy-mm-dd' }; // a date-formatted amount: kept with its format
  const notes = XLSX.utils.aoa_to_sheet([['填报说明'], ['=SUM(1,2) 不是公式，只是说明']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '收入明细');
  XLSX.utils.book_append_sheet(wb, notes, '说明');
  const path = join(dir, '澄海分局2026年10月.xlsx');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

const cellValue = (ws: XLSX.WorkSheet, ref: string) => (ws[ref] as XLSX.CellObject | undefined)?.v;

describe('the error report workbook', () => {
  it('copies the unit rows as values with 有问题/问题 beside them and a summary sheet', async () => {
    const { b, a } = await setup();
    const dir = tempDir();
    const preview = await b.registry.call('imports/preview', { path: unitWorkbook(dir, a) });
    expect(preview.counts.errors).toBeGreaterThanOrEqual(4);

    const report = await b.registry.call('imports/error-report', { token: preview.token });
    expect(report).toMatchObject({
      fileName: '澄海分局2026年10月_问题清单.xlsx',
      errors: preview.counts.errors,
      rowsWithProblems: 2,
      path: null,
    });
    const bytes = Buffer.from(report.base64 ?? '', 'base64');
    expect(bytes.length).toBe(report.size);
    const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true });
    expect(wb.SheetNames).toEqual(['问题汇总', '收入明细', '说明']);

    const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
    // Same row numbers as the unit's sheet; the two columns follow the last used column (E).
    expect(cellValue(ws, 'A1')).toBe('澄海分局 2026年10月 收入明细');
    expect([cellValue(ws, 'F2'), cellValue(ws, 'G2')]).toEqual(['有问题', '问题']);
    expect([cellValue(ws, 'A3'), cellValue(ws, 'D3'), cellValue(ws, 'F3')]).toEqual([a, 1234.5, '否']);
    expect(cellValue(ws, 'F4')).toBe('是');
    expect(cellValue(ws, 'G4')).toMatch(/^错误 · A列：客户ID 44051599999000 不存在/);
    expect(cellValue(ws, 'F5')).toBe('是');
    const row5 = String(cellValue(ws, 'G5'));
    for (const part of ['B列：月份', 'C列：未知的业务种类“邮票”', 'D列：收入']) expect(row5).toContain(part);
    // Formula-like text stays exactly as the unit wrote it, as a string cell (no guard character);
    // formulas are gone, their saved values stay.
    expect(cellValue(ws, 'E4')).toBe('=HYPERLINK("http://x","点我")');
    expect(cellValue(ws, 'E5')).toBe('+86 754');
    expect(cellValue(ws, 'E7')).toBe('@备注');
    expect(ws.D6).toMatchObject({ t: 'n', v: 300 });
    expect((ws.D6 as XLSX.CellObject).f).toBeUndefined();
    expect(ws.D7).toMatchObject({ t: 'n', v: 46296, z: 'yyyy-mm-dd' });
    expect(Object.values(wb.Sheets).flatMap((s) => Object.values(s).filter((c) => c?.f !== undefined))).toEqual([]);
    expect(ws['!autofilter']?.ref).toBe('A2:G7');
    expect(cellValue(wb.Sheets.说明 as XLSX.WorkSheet, 'A2')).toBe('=SUM(1,2) 不是公式，只是说明');

    const summary = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets.问题汇总 as XLSX.WorkSheet, {
      header: 1,
    });
    expect(summary[1]).toEqual(['文件', '澄海分局2026年10月.xlsx']);
    expect(summary).toContainEqual(['说明', '未读取（没有找到收入表头）']);
    const listed = summary.slice(summary.findIndex((r) => r[1] === '行') + 1);
    expect(listed).toHaveLength(preview.counts.errors + preview.counts.warnings);
    expect(listed[0]).toEqual(['收入明细', 4, 'A', '错误', '客户ID 44051599999000 不存在']);

    // The unit can fix rows in the report itself and send it back: the importer reads it as before.
    const back = join(dir, report.fileName);
    writeFileSync(back, bytes);
    const again = await b.registry.call('imports/preview', { path: back });
    expect(again.counts).toMatchObject({ rows: preview.counts.rows, errors: preview.counts.errors });

    // A real spreadsheet program opens it; its first sheet is the summary.
    const csv = await xlsxToCsvWithLibreOffice(back, tempDir());
    expect(csv.split(/\r?\n/)[0]).toMatch(/^数据报送问题清单,*$/);
  }, 60_000);

  it('writes to the chosen path, and refuses a changed file or an unknown preview', async () => {
    const { b, a } = await setup();
    const dir = tempDir();
    const source = unitWorkbook(dir, a);
    const preview = await b.registry.call('imports/preview', { path: source });
    const target = join(dir, '问题清单.xlsx');
    const written = await b.registry.call('imports/error-report', { token: preview.token, path: target });
    expect(written).toMatchObject({ path: target, base64: null });
    expect(readFileSync(target).length).toBe(written.size);

    const badPath = await b.registry.invoke('imports/error-report', { token: preview.token, path: join(dir, 'x.csv') });
    expect(badPath).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('.xlsx') },
    });

    const ws = XLSX.utils.aoa_to_sheet([['客户ID'], ['改过了']]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'x');
    writeFileSync(source, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const changed = await b.registry.invoke('imports/error-report', { token: preview.token });
    expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('改动') } });

    const unknown = await b.registry.invoke('imports/error-report', { token: 'nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the error report of a unit template', () => {
  it('leaves out _kam_meta and the instructions, adds its columns to data sheets only, and prints legibly', async () => {
    const now = new Date('2026-11-10T02:00:00Z');
    const b = openBackend({ databasePath: ':memory:', now: () => now });
    backends.push(b);
    fillDemo(b.db, POLICY_V1, { customers: 30, seed: 3 }, now);
    const dir = tempDir();
    const { files } = await b.registry.call('templates/generate', {
      period: '2026-10',
      outDir: dir,
      unitCode: '440515',
    });
    const template = files[0]?.path as string;
    // The unit mistypes a customer ID: an error on that row of the revenue sheet.
    const wb = XLSX.read(readFileSync(template), { type: 'buffer' });
    const revenue = wb.Sheets[TEMPLATE_SHEETS.revenue] as XLSX.WorkSheet;
    const range = XLSX.utils.decode_range(revenue['!ref'] as string);
    // The first customer row: the first 14-digit ID below the 客户ID header.
    let idCell: { r: number; c: number } | null = null;
    for (let r = range.s.r; r <= range.e.r && !idCell; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        if (/^\d{14}$/.test(String(revenue[XLSX.utils.encode_cell({ r, c })]?.v ?? ''))) idCell = { r, c };
      }
    }
    if (!idCell) throw new Error('no customer row in the template');
    revenue[XLSX.utils.encode_cell(idCell)] = { t: 's', v: '44051599999000' };
    // …with a figure in the first amount column this month (本月; 收入(元) in a one-line layout).
    let amountColumn = -1;
    for (let r = range.s.r; r < idCell.r && amountColumn < 0; r++) {
      for (let c = range.s.c; c <= range.e.c && amountColumn < 0; c++) {
        const v = String(revenue[XLSX.utils.encode_cell({ r, c })]?.v ?? '');
        if (v.startsWith('本月') || v.startsWith('收入')) amountColumn = c;
      }
    }
    revenue[XLSX.utils.encode_cell({ r: idCell.r, c: amountColumn })] = { t: 'n', v: 100 };
    const filled = join(dir, '澄海分局_回报.xlsx');
    writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const preview = await b.registry.call('imports/preview', { path: filled });
    expect(preview.counts.errors).toBeGreaterThan(0);
    const report = await b.registry.call('imports/error-report', { token: preview.token });
    const bytes = Buffer.from(report.base64 ?? '', 'base64');
    const out = XLSX.read(bytes, { type: 'buffer' });
    expect(out.SheetNames[0]).toBe('问题汇总');
    expect(out.SheetNames).toContain(TEMPLATE_SHEETS.revenue);
    expect(out.SheetNames).not.toContain(TEMPLATE_SHEETS.meta);
    expect(out.SheetNames).not.toContain(TEMPLATE_SHEETS.instructions);

    // 有问题/问题 after the last column of the revenue sheet's header row, nowhere else.
    const grid = XLSX.utils.sheet_to_json<unknown[]>(out.Sheets[TEMPLATE_SHEETS.revenue] as XLSX.WorkSheet, {
      header: 1,
      blankrows: true,
      defval: null,
    });
    const headerRow = grid.findIndex((r) => r.includes('有问题'));
    const header = grid[headerRow] as unknown[];
    expect(headerRow).toBeLessThan(idCell.r);
    expect(header.slice(-2)).toEqual(['有问题', '问题']);
    expect(String(grid[idCell.r]?.at(-1))).toMatch(/^错误 · [A-Z]+列：客户ID 44051599999000 不存在/);
    for (const name of out.SheetNames) {
      const cells = Object.values(out.Sheets[name] as XLSX.WorkSheet).map((c) => (c as XLSX.CellObject)?.v);
      const withColumns = name === TEMPLATE_SHEETS.revenue || preview.sheets.some((s) => s.name === name && s.used);
      if (!withColumns) expect(cells, name).not.toContain('有问题');
    }
    const summary = XLSX.utils.sheet_to_json<unknown[]>(out.Sheets.问题汇总 as XLSX.WorkSheet, { header: 1 });
    expect(summary.map((r) => r[0])).toContain('警告');
    expect(summary.flat()).not.toContain('提示');

    // Print setup in the package: A4 landscape one page wide, the header row on every page,
    // widths on every column, the 问题 column wrapped.
    const parts = unzipSync(new Uint8Array(bytes));
    const index = out.SheetNames.indexOf(TEMPLATE_SHEETS.revenue);
    const sheetXml = strFromU8(parts[`xl/worksheets/sheet${index + 1}.xml`] as Uint8Array);
    expect(sheetXml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    const cols = [...sheetXml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)];
    expect(cols.length).toBe(header.length);
    const workbookXml = strFromU8(parts['xl/workbook.xml'] as Uint8Array);
    // The rows from the top down to the header (the template's header has two rows).
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">&apos;${TEMPLATE_SHEETS.revenue}&apos;!$1:$${headerRow + 1}</definedName>`,
    );
    const problemColumn = XLSX.utils.encode_col(header.length - 1);
    const problemCell = new RegExp(`<c r="${problemColumn}${idCell.r + 1}" s="(\\d+)"`).exec(sheetXml);
    expect(problemCell).not.toBeNull();
    const stylesXml = strFromU8(parts['xl/styles.xml'] as Uint8Array);
    const xfs = [
      ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '').matchAll(/<xf [\s\S]*?(?:\/>|<\/xf>)/g),
    ];
    expect(xfs[Number(problemCell?.[1])]?.[0]).toContain('wrapText="1"');
    for (const name of out.SheetNames) {
      const xml = strFromU8(parts[`xl/worksheets/sheet${out.SheetNames.indexOf(name) + 1}.xml`] as Uint8Array);
      expect(xml, name).toContain('orientation="landscape"');
    }
  }, 60_000);
});

describe('the error report of a CSV file', () => {
  it('reads a GBK CSV as the import did: its rows in Chinese, the problem beside the right row', async () => {
    const { b, a } = await setup();
    const dir = tempDir();
    const path = join(dir, '澄海.csv');
    writeFileSync(path, csvBytes('gbk', [CSV_HEADER, `${a},2026-10,函件,100`, '44051599999000,2026-10,函件,5']));
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.counts).toMatchObject({ rows: 1, errors: 1 });
    const report = await b.registry.call('imports/error-report', { token: preview.token });
    const out = XLSX.read(Buffer.from(report.base64 ?? '', 'base64'), { type: 'buffer' });
    const [, data] = out.SheetNames;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(out.Sheets[data as string] as XLSX.WorkSheet, { header: 1 });
    expect(rows[0]).toEqual(['客户ID', '月份', '业务种类', '收入(元)', '有问题', '问题']);
    expect(rows[1]?.slice(0, 5)).toEqual([a, '2026-10', '函件', '100', '否']);
    expect(String(rows[2]?.[5])).toMatch(/^错误 · A列：客户ID 44051599999000 不存在/);
  });
});
