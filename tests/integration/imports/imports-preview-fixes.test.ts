/**
 * Preview details (DOMAIN-DECISIONS "Imports"): each sheet's row count counts a row once however many problems it has;
 * a negative amount is a warning (a correction, 冲减, to confirm), not an error; and a file named as
 * `next` is parsed ahead, but its own preview still reads what the file holds then.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { workbookFile } from '../../support/workbook-file';

const backends: Backend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setup() {
  const b = openBackend({ databasePath: ':memory:', now: () => new Date('2026-11-10T02:00:00Z') });
  backends.push(b);
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  const a = (await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId }))
    .id;
  const dir = mkdtempSync(join(tmpdir(), 'kam-preview-'));
  dirs.push(dir);
  return { b, a, dir };
}

describe('imports/preview details', () => {
  it('counts a sheet row once however many problems it has', async () => {
    const { b, a, dir } = await setup();
    const path = workbookFile(dir, '行数.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [a, '2026-10', '函件', 100],
      ['123', '十月', '电报', 'abc'], // four problems, one row
      [a, '2026-10', '特快', -5], // a warning: the row is kept
    ]);
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.sheets).toEqual([{ name: '收入明细', used: true, rows: 3 }]);
    expect(preview.counts.errors).toBeGreaterThanOrEqual(3);
    expect(preview.counts.rows).toBe(2);
  });

  it('warns about a negative amount, naming sheet, row and column, and imports it as given', async () => {
    const { b, a, dir } = await setup();
    const path = workbookFile(dir, '冲减.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [a, '2026-10', '函件', -5],
    ]);
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.counts).toMatchObject({ rows: 1, new: 1, errors: 0, warnings: 1 });
    expect(preview.issues).toEqual([
      {
        sheet: '收入明细',
        row: 2,
        column: 'D',
        severity: 'warning',
        message: '收入为负数（-5），请核实是否为冲减',
        messageEn: 'Negative revenue (-5): check whether it is a correction',
      },
    ]);
    await b.registry.call('imports/commit', { token: preview.token });
    expect(b.db.prepare('SELECT amount_fen FROM revenue WHERE customer_id = ?').pluck().get(a)).toBe(-500);
  });

  it('parses the next file ahead, but reads it again if it changed before its own preview', async () => {
    const { b, a, dir } = await setup();
    const first = workbookFile(dir, '一.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [a, '2026-10', '函件', 100],
    ]);
    const second = workbookFile(dir, '二.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [a, '2026-10', '特快', 200],
    ]);
    const p1 = await b.registry.call('imports/preview', { path: first, next: second });
    await b.registry.call('imports/commit', { token: p1.token });
    // Saved again by the officer after the first preview started its parse.
    workbookFile(dir, '二.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [a, '2026-10', '特快', 300],
      [a, '2026-10', '包件', 400],
    ]);
    const p2 = await b.registry.call('imports/preview', { path: second });
    expect(p2.counts.rows).toBe(2);
    expect(p2.changes.map((c) => c.new)).toEqual([30_000, 40_000]);
    // Unchanged, the parse made ahead is the one used: the same result as parsing now.
    const third = workbookFile(dir, '三.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [a, '2026-09', '函件', 500],
    ]);
    const p3 = await b.registry.call('imports/preview', { path: second, next: third });
    const p4 = await b.registry.call('imports/preview', { path: third });
    expect(p3.counts.rows).toBe(2);
    expect(p4.changes).toMatchObject([{ period: '2026-09', line: 'letters', new: 50_000, old: null }]);
  });
});
