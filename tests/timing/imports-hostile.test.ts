/**
 * Issue 4 §6: the hostile corpus through the registry, as the officer would meet it. Each file
 * gives a clear Chinese error (refused, or every bad row named) within seconds; IPC keeps
 * answering meanwhile; nothing can be committed from it; the database is unchanged in content;
 * and no header ever becomes an object key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../electron/backend';
import { dumpTables } from '../support/db-dump';
import { makeZip, minimalXlsx } from '../support/zip';

const HEADER = ['客户ID', '月份', '业务种类', '收入(元)'];
let b: Backend;
let dir: string;
let customer: string;

beforeAll(async () => {
  b = openBackend({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  customer = (await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId }))
    .id;
  await b.registry.call('revenue/set', { customerId: customer, period: '2026-09', line: 'letters', amount: '100' });
  dir = mkdtempSync(join(tmpdir(), 'kam-hostile-'));
});
afterAll(() => {
  b?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function book(build: (wb: XLSX.WorkBook) => void): Buffer {
  const wb = XLSX.utils.book_new();
  build(wb);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const row = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;

/** name → bytes, and what the officer must be told (refusal or row error). */
const CORPUS: { name: string; file: () => Buffer; expect: RegExp }[] = [
  {
    name: 'zip bomb',
    file: () =>
      makeZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20) },
      ]),
    expect: /压缩|异常|过大/,
  },
  {
    name: 'a million declared rows holding three, one for an unknown customer',
    file: () =>
      minimalXlsx(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:Z1048576"/><sheetData>${row(1, HEADER)}${row(2, ['44051599999000', '2026-10', '函件', '1'])}</sheetData></worksheet>`,
      ),
    expect: /不存在/,
  },
  {
    name: '__proto__ and constructor headers',
    file: () =>
      book((wb) =>
        XLSX.utils.book_append_sheet(
          wb,
          XLSX.utils.aoa_to_sheet([
            ['__proto__', 'constructor', 'polluted', '收入(元)'],
            ['{"polluted":1}', 'x', 'yes', '1'],
          ]),
          '收入明细',
        ),
      ),
    expect: /客户ID|月份|业务种类/,
  },
  {
    name: 'a 32,767-character cell where a line belongs',
    file: () =>
      book((wb) =>
        XLSX.utils.book_append_sheet(
          wb,
          XLSX.utils.aoa_to_sheet([HEADER, [customer, '2026-10', '函'.repeat(32_767), 1]]),
          '收入明细',
        ),
      ),
    expect: /业务种类/,
  },
  {
    name: 'a formula without a cached value',
    file: () =>
      book((wb) => {
        const ws = XLSX.utils.aoa_to_sheet([HEADER, [customer, '2026-10', '函件', 1]]);
        ws.D2 = { t: 'n', f: 'B2*2' };
        XLSX.utils.book_append_sheet(wb, ws, '收入明细');
      }),
    expect: /公式/,
  },
  {
    name: 'merged data cells',
    file: () =>
      book((wb) => {
        const ws = XLSX.utils.aoa_to_sheet([HEADER, [customer, '2026-10', '函件', 1]]);
        ws['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 1, c: 1 } }];
        XLSX.utils.book_append_sheet(wb, ws, '收入明细');
      }),
    expect: /合并/,
  },
  {
    name: 'serial 60 as the month (the 1900 leap-year bug: not a date)',
    file: () =>
      book((wb) =>
        XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, [customer, 60, '函件', 1]]), '收入明细'),
      ),
    expect: /月份/,
  },
  {
    name: 'no sheet with the revenue columns',
    file: () =>
      book((wb) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明'], ['本表为空']]), '封面')),
    expect: /客户ID|收入/,
  },
  { name: 'an empty file', file: () => Buffer.alloc(0), expect: /空|不是/ },
  {
    name: 'a .docx renamed to .xlsx',
    file: () =>
      makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ]),
    expect: /Word|工作簿|表格/,
  },
];

describe('the hostile corpus through the registry (issue 4 §6)', () => {
  it.each(CORPUS)('$name: a clear error within seconds, IPC answering, nothing written', async (c) => {
    const path = join(dir, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.xlsx`);
    writeFileSync(path, c.file());
    const before = dumpTables(b.db);
    // A "ping" every 10 ms: the longest gap is how long IPC would have waited.
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const response = await b.registry.invoke('imports/preview', { path });
    const took = performance.now() - started;
    clearInterval(timer);
    expect(took).toBeLessThan(10_000);
    expect(worst).toBeLessThan(100);
    if (response.ok) {
      // Read, but every problem is named (sheet, row, column) and the commit is refused.
      const preview = response.value as {
        token: string;
        counts: { errors: number };
        issues: { message: string; sheet: string }[];
      };
      expect(preview.counts.errors).toBeGreaterThan(0);
      expect(preview.issues.map((i) => `${i.sheet} ${i.message}`).join('\n')).toMatch(c.expect);
      const commit = await b.registry.invoke('imports/commit', { token: preview.token });
      expect(commit.ok).toBe(false);
    } else {
      expect(response.error.message).toMatch(c.expect);
      expect(response.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(dumpTables(b.db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
