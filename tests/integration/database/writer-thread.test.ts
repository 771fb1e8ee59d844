/**
 * DOMAIN-DECISIONS "Imports", responsiveness: an import's commit and undo run on the writer thread (electron/backend/writer), on
 * their own connection, so IPC stays answered. These tests hold that to the same outcome as the
 * inline path, one transaction with its audit row, errors that cross intact and leave nothing,
 * writes kept in order, and the next file read ahead only while that reading is still true.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { readImportFile } from '../../../electron/backend/imports/import-file';
import { ReadAhead, type ReadAheadHooks } from '../../../electron/backend/imports/read-ahead';
import type { WorkbookReading } from '../../../electron/backend/imports/read-workbook';
import { dumpTables } from '../../support/db-dump';
import { tempDirsForTests } from '../../support/temp-dir';
import { workbookFile } from '../../support/workbook-file';

const NOW = new Date('2026-11-10T02:00:00Z');
const tempDir = tempDirsForTests('kam-writer-');
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

async function open(databasePath: string) {
  const b = openBackend({ databasePath, now: () => NOW });
  backends.push(b);
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  const create = async (name: string) =>
    (await b.registry.call('customers/create', { name, areaCode: '440515', unitId })).id;
  const a = await create('汕头市宏达电子有限公司');
  const c = await create('汕头市华侨物流有限公司');
  return { b, unitId, a, c, create };
}

const workbook = workbookFile;

const HEADER = ['客户ID', '月份', '业务种类', '收入(元)'];

/** The tables an import writes, without timestamps that differ between two databases. */
function importState(b: Backend) {
  const all = dumpTables(b.db);
  return {
    revenue: all.revenue,
    revenue_months: all.revenue_months,
    revenue_years: all.revenue_years,
    import_changes: all.import_changes,
    import_batches: all.import_batches,
    audit: (all.audit_log as { channel: string }[]).map((r) => r.channel),
  };
}

describe('the writer thread', () => {
  it('commits and undoes exactly as the inline path does', async () => {
    const dir = tempDir();
    const results = [];
    for (const databasePath of [':memory:', join(dir, 'kam.sqlite')]) {
      const { b, a, c } = await open(databasePath);
      await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'letters', amount: '100' });
      const first = workbook(dir, 'first.xlsx', [
        HEADER,
        [a, '2026-10', '函件', '1.2万'],
        [c, '2026-10', '物流', 5000],
        [c, '2026-09', '报刊', 300],
      ]);
      const second = workbook(dir, 'second.xlsx', [HEADER, [a, '2026-10', '集邮', 80]]);
      const p1 = await b.registry.call('imports/preview', { path: first, next: second });
      const b1 = await b.registry.call('imports/commit', { token: p1.token });
      const p2 = await b.registry.call('imports/preview', { path: second });
      await b.registry.call('imports/commit', { token: p2.token });
      const undo = await b.registry.call('imports/undo', { batchId: b1.id, force: false });
      expect(undo).toMatchObject({ batchId: b1.id, restored: 3, kept: [] });
      results.push({ offThread: b.registry.ctx.writer.offThread, state: importState(b) });
    }
    expect(results.map((r) => r.offThread)).toEqual([false, true]);
    expect(results[1]?.state).toEqual(results[0]?.state);
    // Each write audited once, in the order it was made.
    expect(results[1]?.state.audit.slice(-4)).toEqual([
      'revenue/set',
      'imports/commit',
      'imports/commit',
      'imports/undo',
    ]);
  });

  it('brings an AppError back with its code, message and details, and writes nothing', async () => {
    const dir = tempDir();
    const { b, a } = await open(join(dir, 'kam.sqlite'));
    const path = workbook(dir, 'once.xlsx', [HEADER, [a, '2026-10', '函件', 100]]);
    const first = await b.registry.call('imports/commit', {
      token: (await b.registry.call('imports/preview', { path })).token,
    });
    const again = await b.registry.call('imports/preview', { path });
    const before = dumpTables(b.db);
    const refused = await b.registry.invoke('imports/commit', { token: again.token });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining(`第 ${first.id} 批`),
        details: { batchId: first.id },
      },
    });
    expect(dumpTables(b.db)).toEqual(before);
    const missing = await b.registry.invoke('imports/undo', { batchId: 999, force: false });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到导入批次 999' } });
    expect(dumpTables(b.db)).toEqual(before);
  });

  it('rolls back the whole batch and its audit row when the database refuses a row on the thread', async () => {
    const dir = tempDir();
    const { b, a, c } = await open(join(dir, 'kam.sqlite'));
    const path = workbook(dir, 'bad.xlsx', [HEADER, [a, '2026-10', '函件', 100], [c, '2026-10', '物流', 200]]);
    const preview = await b.registry.call('imports/preview', { path });
    // A staged cell the schema refuses (its line fails the CHECK): the first cell is written
    // before the second fails, inside the thread's transaction.
    const staged = b.registry.ctx.imports.take(preview.token, NOW.getTime());
    if (!staged) throw new Error('staged preview missing');
    staged.cells.json = staged.cells.json.replace('"logistics"', '"bogus"');
    const before = dumpTables(b.db);
    const r = await b.registry.invoke('imports/commit', { token: preview.token });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('操作未执行，数据未改变') },
    });
    expect(dumpTables(b.db)).toEqual(before);
  });

  it('keeps writes in the order they were asked, a thread write included', async () => {
    const dir = tempDir();
    const { b, a } = await open(join(dir, 'kam.sqlite'));
    const path = workbook(dir, 'order.xlsx', [HEADER, [a, '2026-10', '函件', 100]]);
    const preview = await b.registry.call('imports/preview', { path });
    // Asked together: the manual edit waits for the commit, so it is the one that stands.
    const [batch, cell] = await Promise.all([
      b.registry.call('imports/commit', { token: preview.token }),
      b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'letters', amount: '7' }),
    ]);
    expect(batch.created).toBe(1);
    expect(cell).toMatchObject({ amount: 700, sourceKind: 'manual' });
    const check = await b.registry.call('imports/undo-check', { batchId: batch.id });
    expect(check.kept).toEqual([{ customerId: a, period: '2026-10', line: 'letters', current: 700, imported: 10_000 }]);
  });

  it('leaves customer search right after an import, and after a customer write', async () => {
    const dir = tempDir();
    const { b, a, create } = await open(join(dir, 'kam.sqlite'));
    expect((await b.registry.call('customers/list', { search: '宏达' })).rows.map((r) => r.id)).toEqual([a]);
    const path = workbook(dir, 'search.xlsx', [HEADER, [a, '2026-10', '函件', 100]]);
    await b.registry.call('imports/commit', { token: (await b.registry.call('imports/preview', { path })).token });
    expect((await b.registry.call('customers/list', { search: '宏达' })).rows.map((r) => r.id)).toEqual([a]);
    const d = await create('汕头市宏达包装有限公司');
    const found = (await b.registry.call('customers/list', { search: '宏达' })).rows.map((r) => r.id);
    expect(found.sort()).toEqual([a, d].sort());
  });
});

describe('reading the next file ahead (DOMAIN-DECISIONS "Imports", several files)', () => {
  it('uses a reading only for the same bytes and while nothing was written since it started', async () => {
    const dir = tempDir();
    const path = workbook(dir, 'next.xlsx', [HEADER, ['44051500001000', '2026-10', '函件', 1]]);
    let stamp = 1;
    let reads = 0;
    // Called when a reading begins, which is right after it took its stamp.
    let onRead = () => {};
    const reading = { rows: [] } as unknown as WorkbookReading;
    const hooks = {
      read: async () => {
        reads++;
        onRead();
        return reading;
      },
      stamp: () => stamp,
    };
    const ahead = new ReadAhead();
    const digest = createHash('sha256').update(readFileSync(path)).digest('hex');

    ahead.start(path, readImportFile, hooks);
    const fresh = await ahead.take(path, digest, () => stamp);
    await fresh?.parseDone;
    expect(await fresh?.reading()).toBe(reading);
    expect(await ahead.take(path, digest, () => stamp)).toBeNull(); // taken once

    const readingBegun = new Promise<void>((begun) => {
      onRead = begun;
    });
    ahead.start(path, readImportFile, hooks);
    const stale = await ahead.take(path, digest, () => stamp);
    await readingBegun;
    stamp++; // the main connection wrote something after the reading started
    expect(await stale?.reading()).toBeNull();
    expect(reads).toBe(2);

    ahead.start(path, readImportFile, hooks);
    expect(await ahead.take(path, 'other-bytes', () => stamp)).toBeNull();
    expect(await ahead.take(join(dir, 'elsewhere.xlsx'), digest, () => stamp)).toBeNull();
    // A file that cannot be read is not read ahead; its preview reports it as usual.
    ahead.start(join(dir, 'missing.xlsx'), readImportFile, hooks);
    expect(await ahead.take(join(dir, 'missing.xlsx'), digest, () => stamp)).toBeNull();
  });

  it('reads the next file again at its preview when a customer was added after it was read ahead', async () => {
    const dir = tempDir();
    const { b, a, create } = await open(join(dir, 'kam.sqlite'));
    const first = workbook(dir, 'a.xlsx', [HEADER, [a, '2026-10', '函件', 100]]);
    // The second file names a customer by a name nobody has yet.
    const second = (names: string) =>
      workbook(dir, `${names}.xlsx`, [
        ['客户名称', '月份', '业务种类', '收入(元)'],
        ['汕头市新来贸易有限公司', '2026-10', '函件', 50],
      ]);
    const withoutWrite = second('b1');
    const p1 = await b.registry.call('imports/preview', { path: first, next: withoutWrite });
    await b.registry.call('imports/commit', { token: p1.token });
    const stillUnknown = await b.registry.call('imports/preview', { path: withoutWrite });
    expect(stillUnknown.counts.errors).toBe(1);

    // Each reading ahead, observed through the hooks the preview hands to it: settles when done.
    const ahead = b.registry.ctx.imports.ahead;
    const start = ahead.start.bind(ahead);
    const readsAhead: Promise<void>[] = [];
    vi.spyOn(ahead, 'start').mockImplementation((path, readFile, hooks: ReadAheadHooks) => {
      let finished = () => {};
      readsAhead.push(
        new Promise<void>((done) => {
          finished = done;
        }),
      );
      start(path, readFile, { ...hooks, read: (outcome, progress) => hooks.read(outcome, progress).finally(finished) });
    });
    const withWrite = second('b2');
    const p2 = await b.registry.call('imports/preview', { path: first, next: withWrite });
    expect(readsAhead).toHaveLength(1);
    // Let the reading ahead finish, then add the customer it could not find.
    await readsAhead[0];
    const added = await create('汕头市新来贸易有限公司');
    expect(p2.earlierBatch).not.toBeNull();
    const known = await b.registry.call('imports/preview', { path: withWrite });
    expect(known.counts).toMatchObject({ errors: 0, new: 1 });
    expect(known.changes[0]?.customerId).toBe(added);
  });
});
