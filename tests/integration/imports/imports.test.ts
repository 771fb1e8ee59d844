/**
 * DOMAIN-DECISIONS "Imports" through the registry: preview (nothing written) → commit → same file refused → undo. On
 * a database file the commit and undo run on the writer thread; in memory, inline: both are run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { dumpTables } from '../../support/db-dump';
import { workbookFile } from '../../support/workbook-file';

const backends: Backend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const STORAGE = [
  ['in memory (inline writes)', false],
  ['in a file (writer thread)', true],
] as const;
let onFile = false;

async function setup() {
  const dbDir = mkdtempSync(join(tmpdir(), 'kam-import-db-'));
  dirs.push(dbDir);
  const databasePath = onFile ? join(dbDir, 'kam.sqlite') : ':memory:';
  const b = openBackend({ databasePath, now: () => new Date('2026-11-10T02:00:00Z') });
  backends.push(b);
  expect(b.registry.ctx.writer.offThread).toBe(onFile);
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  const a = (await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId }))
    .id;
  const c = (await b.registry.call('customers/create', { name: '汕头市华侨物流有限公司', areaCode: '440515', unitId }))
    .id;
  const dir = mkdtempSync(join(tmpdir(), 'kam-import-'));
  dirs.push(dir);
  return { b, a, c, dir };
}

describe.each(STORAGE)('imports through the registry, %s', (_label, file) => {
  beforeEach(() => {
    onFile = file;
  });

  it('previews without writing, commits as a batch, refuses the same file, and undoes it', async () => {
    const { b, a, c, dir } = await setup();
    await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'letters', amount: '100' });
    const path = workbookFile(dir, '澄海分局2026年10月.xlsx', [
      ['客户名称', '月份', '业务种类', '收入（元）'],
      ['汕头市宏达电子有限公司', '2026年10月', '函件', '1.2万'],
      ['汕头市华侨物流有限公司', '2026-10', '物流', 5000],
    ]);
    const before = dumpTables(b.db);
    const preview = await b.registry.call('imports/preview', { path });
    expect(dumpTables(b.db)).toEqual(before);
    expect(preview.counts).toMatchObject({ rows: 2, new: 1, changed: 1, errors: 0 });
    expect(preview.changes.map((ch) => [ch.customerId, ch.old, ch.new])).toEqual([
      [a, 10_000, 1_200_000],
      [c, null, 500_000],
    ]);
    const batch = await b.registry.call('imports/commit', { token: preview.token });
    expect(batch).toMatchObject({ fileName: '澄海分局2026年10月.xlsx', created: 1, changed: 1, period: '2026-10' });
    const grid = await b.registry.call('revenue/customer', { customerId: a, year: 2026 });
    expect(grid.months[9]?.cells.letters).toMatchObject({
      amount: 1_200_000,
      sourceKind: 'import',
      sourceRef: `batch:${batch.id}`,
    });

    const again = await b.registry.call('imports/preview', { path });
    expect(again.earlierBatch?.id).toBe(batch.id);
    const refused = await b.registry.invoke('imports/commit', { token: again.token });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const undo = await b.registry.call('imports/undo', { batchId: batch.id });
    expect(undo).toMatchObject({ restored: 2, kept: [] });
    expect((await b.registry.call('imports/list', {}))[0]).toMatchObject({
      id: batch.id,
      undoneAt: expect.any(String),
    });
    const after = await b.registry.call('revenue/customer', { customerId: a, year: 2026 });
    expect(after.months[9]?.cells.letters?.amount).toBe(10_000);
  });

  it('writes nothing while errors remain, unless the officer excludes the error rows', async () => {
    const { b, dir } = await setup();
    const path = workbookFile(dir, 'errors.xlsx', [
      ['客户名称', '月份', '业务种类', '金额'],
      ['汕头市宏达电子有限公司', '2026-10', '函件', 100],
      ['不存在的公司', '2026-10', '函件', 100],
      ['汕头市华侨物流有限公司', '2026-13', '邮票', 'abc'],
    ]);
    const preview = await b.registry.call('imports/preview', { path });
    expect(preview.counts.errors).toBe(4);
    expect(preview.issues[0]).toMatchObject({ sheet: '收入明细', row: 3, column: 'A' });
    const before = dumpTables(b.db);
    const refused = await b.registry.invoke('imports/commit', { token: preview.token });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('还有 4 处错误') },
    });
    expect(dumpTables(b.db)).toEqual(before);
    const batch = await b.registry.call('imports/commit', { token: preview.token, excludeErrorRows: true });
    expect(batch).toMatchObject({ created: 1, excluded: 4 });
  });

  it.each([
    ['a renamed text file', 'x.xlsx', Buffer.from('not a workbook'), '不是 Excel 工作簿'],
    ['an empty file', 'empty.xlsx', Buffer.alloc(0), '空文件'],
  ])('refuses %s with a clear message and writes nothing', async (_label, name, content, text) => {
    const { b, dir } = await setup();
    const path = join(dir, name);
    writeFileSync(path, content);
    const before = dumpTables(b.db);
    const r = await b.registry.invoke('imports/preview', { path });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(text) } });
    expect(dumpTables(b.db)).toEqual(before);
  });

  it('names the missing columns of a sheet without a revenue header', async () => {
    const { b, dir } = await setup();
    const path = workbookFile(dir, 'wrong.xlsx', [
      ['客户ID', '备注'],
      ['44051500001000', 'x'],
    ]);
    const r = await b.registry.invoke('imports/preview', { path });
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('缺少 月份、业务种类、收入(元) 列') },
    });
  });
});
