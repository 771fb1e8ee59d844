/**
 * "导出 Excel" of any list (lists/export): what the screen shows, saved as a sheet with the list's
 * title, its filters, the same columns in the same order and typed cells (money in yuan with its
 * number format, counts, percentages); a bad request is refused and writes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { readAuditHead } from '../../../electron/backend/db/audit';
import { localDateTime } from '../../../shared/domain/dates';
import { layoutListTable, sheetNameOf } from '../../../shared/domain/exports/list-table';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-lists-export-');
let backend: Backend;
let dbDir: string;

beforeAll(() => {
  dbDir = mkdtempSync(join(tmpdir(), 'kam-lists-db-'));
  backend = openBackend({ databasePath: join(dbDir, 'kam.sqlite'), now: () => new Date('2026-12-05T04:30:00Z') });
});
afterAll(async () => {
  await backend.close();
  rmSync(dbDir, { recursive: true, force: true });
});

const columns = [
  { title: '客户编号', format: 'text' as const },
  { title: '客户名称', format: 'text' as const },
  { title: '本月收入（元）', format: 'money' as const },
  { title: '户数', format: 'count' as const },
  { title: '同比', format: 'percent' as const },
];

describe('lists/export', () => {
  it('writes the shown rows under the title, the filters and the same headers, with typed cells', async () => {
    const path = join(tempDir(), '客户列表.xlsx');
    const result = await backend.registry.call('lists/export', {
      path,
      title: '客户列表',
      filters: ['单位：金平区分公司', '搜索：gdyx'],
      columns,
      rows: [
        ['44051300008000', '汕头市甲有限公司', 123456789, 3, 0.125],
        ['44051300008001', '=HYPERLINK("http://x")', 5, null, null],
      ],
    });
    // An export is a read: it names the audit chain's head it was made after (DOMAIN-DECISIONS "Audit log").
    expect(result).toEqual({ path, rows: 2, size: expect.any(Number), auditHead: readAuditHead(backend.db) });
    const book = XLSX.read(readFileSync(path), { cellNF: true });
    expect(book.SheetNames).toEqual(['客户列表']);
    const grid = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['客户列表'] as XLSX.WorkSheet, {
      header: 1,
      blankrows: false,
      defval: null,
    });
    // The title first (no attachment number), the filters, the count line, the header, the rows.
    expect(grid.slice(0, 4).map((r) => r[0])).toEqual([
      '客户列表',
      '单位：金平区分公司',
      '搜索：gdyx',
      `共 2 条 · 导出时间 ${localDateTime(new Date('2026-12-05T04:30:00Z'))}`,
    ]);
    expect(grid[4]).toEqual(['客户编号', '客户名称', '本月收入（元）', '户数', '同比']);
    expect(grid[5]).toEqual(['44051300008000', '汕头市甲有限公司', 1234567.89, 3, 0.125]);
    // A text that looks like a formula stays text, exactly as written: nothing can run in Excel.
    expect(grid[6]?.[1]).toBe('=HYPERLINK("http://x")');
    expect(grid[6]?.[2]).toBe(0.05);
    const sheet = book.Sheets['客户列表'] as XLSX.WorkSheet;
    const money = Object.values(sheet).find((c) => (c as XLSX.CellObject).v === 1234567.89) as XLSX.CellObject;
    expect(money.t).toBe('n');
    expect(money.z).toBe('#,##0.00');
  });

  it('refuses a row whose width differs from the columns, a non-.xlsx path and a missing folder, writing nothing', async () => {
    const dir = tempDir();
    await expect(
      backend.registry.call('lists/export', {
        path: join(dir, 'a.xlsx'),
        title: '列表',
        columns,
        rows: [['1', '2', 3, 4, 0.1], ['only one']],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('第 2 行有 1 个值，应与列数 5 相同'),
    });
    await expect(
      backend.registry.call('lists/export', { path: join(dir, 'a.csv'), title: '列表', columns, rows: [] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('导出文件名应以 .xlsx 结尾') });
    await expect(
      backend.registry.call('lists/export', { path: join(dir, 'missing', 'a.xlsx'), title: '列表', columns, rows: [] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('保存位置不存在') });
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(dbDir).filter((f) => f.endsWith('.xlsx'))).toEqual([]);
  });

  it('an empty list still saves its headers and says 共 0 条', async () => {
    const layout = layoutListTable({ title: '客户经理', filters: [], columns, rows: [] }, '2026-12-05 09:00');
    const texts = layout.rows.flat().flatMap((c) => (c.kind === 'text' ? [c.text] : []));
    expect(texts).toContain('共 0 条 · 导出时间 2026-12-05 09:00');
    expect(texts).toContain('本月收入（元）');
    expect(layout.print.headerRow).not.toBeNull();
  });

  it('names the sheet as Excel allows', () => {
    expect(sheetNameOf('a/b:c*?[d]')).toBe('a b c   d');
    expect(sheetNameOf('很长的标题'.repeat(10))).toHaveLength(31);
    expect(sheetNameOf('  ')).toBe('列表');
  });
});
