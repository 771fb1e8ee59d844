/**
 * DOMAIN-DECISIONS "Database faults": each fault SQLite reports is simulated for real and comes
 * back with its own code and a Chinese message saying what happened and what to do, and the
 * database is left exactly as it was (the write was one transaction, rolled back).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db/open';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';
import { dumpTables } from '../../support/db-dump';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';
import { workbookFile } from '../../support/workbook-file';

const NOW = new Date('2026-11-10T02:00:00Z');
const tempDir = tempDirsForTests('kam-faults-');
const openBackend = backendsForTests();
const CLI = join(__dirname, '../../../electron/backend/cli/main.ts');

async function withCustomers(databasePath: string) {
  const b = openBackend({ databasePath, now: () => NOW });
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  const ids: string[] = [];
  for (const name of ['汕头市宏达电子有限公司', '汕头市华侨物流有限公司']) {
    ids.push((await b.registry.call('customers/create', { name, areaCode: '440515', unitId })).id);
  }
  return { b, unitId, ids };
}

/** Another program's connection holding the write lock (BEGIN EXCLUSIVE), released by the caller. */
function holdLock(file: string): Database.Database {
  const other = new Database(file);
  other.exec('BEGIN EXCLUSIVE');
  return other;
}

describe('database faults have their own codes and change nothing', () => {
  it('busy: another program holds the lock (DB_BUSY), the write is refused and nothing changes', async () => {
    const file = join(tempDir(), 'kam.sqlite');
    const { b, unitId } = await withCustomers(file);
    // Wait 20 ms, not the app's 5 s, before giving up on the lock.
    b.db.pragma('busy_timeout = 20');
    const before = dumpTables(b.db);
    const other = holdLock(file);
    try {
      const error = await appError(
        b.registry.call('customers/create', { name: '汕头市新兴贸易有限公司', areaCode: '440515', unitId }),
      );
      expect(error.code).toBe('DB_BUSY');
      expect(error.message).toBe('数据库被其他程序占用，请关闭其他打开该数据库的程序后重试；本次操作未写入任何数据');
      expect(error.messageEn).toContain('in use by another program');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(dumpTables(b.db)).toEqual(before);
    // Once the other program lets go, the same write goes through.
    await b.registry.call('customers/create', { name: '汕头市新兴贸易有限公司', areaCode: '440515', unitId });
  });

  it('busy on the writer thread: an import commit comes back DB_BUSY, not an internal error', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam.sqlite');
    const { b, ids } = await withCustomers(file);
    const path = workbookFile(dir, 'oct.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [ids[0], '2026-10', '函件', 100],
    ]);
    const preview = await b.registry.call('imports/preview', { path });
    const before = dumpTables(b.db);
    const other = holdLock(file);
    let r: Awaited<ReturnType<typeof b.registry.invoke>>;
    try {
      // The writer thread's own connection waits the app's busy timeout, then gives up.
      r = await b.registry.invoke('imports/commit', { token: preview.token });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'DB_BUSY', message: expect.stringContaining('被其他程序占用') },
    });
    expect(dumpTables(b.db)).toEqual(before);
  }, 20_000);

  it('busy for kam demo, which writes without the registry: the same message, nothing written', async () => {
    const file = join(tempDir(), 'kam.sqlite');
    expect((await kam(['init', '--db', file])).code).toBe(0);
    const other = holdLock(file);
    let run: Awaited<ReturnType<typeof kam>>;
    try {
      run = await kam(['demo', '--db', file, '--customers', '5']);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(run.err).toBe('错误：数据库被其他程序占用，请关闭其他打开该数据库的程序后重试；本次操作未写入任何数据');
    expect(run.code).toBe(1);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
    db.close();
  }, 20_000);

  it('full disk: an import commit that runs out of pages (DB_FULL) writes nothing', async () => {
    const dir = tempDir();
    // In memory the commit runs inline on this connection, whose page limit the test sets.
    const { b, ids } = await withCustomers(':memory:');
    const rows: unknown[][] = [['客户ID', '月份', '业务种类', '收入(元)']];
    for (const period of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']) {
      for (const id of ids) for (const line of ['函件', '物流', '包裹', '集邮']) rows.push([id, period, line, 1234]);
    }
    const preview = await b.registry.call('imports/preview', { path: workbookFile(dir, 'big.xlsx', rows) });
    const before = dumpTables(b.db);
    const pages = b.db.pragma('page_count', { simple: true }) as number;
    // The "disk" holds exactly what is there now (freelist pages aside).
    b.db.pragma(`max_page_count = ${pages}`);
    const r = await b.registry.invoke('imports/commit', { token: preview.token });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'DB_FULL',
        message: expect.stringMatching(/^磁盘空间不足，本次操作未写入任何数据：/),
      },
    });
    expect(dumpTables(b.db)).toEqual(before);
  });

  it('read-only file (DB_READONLY): kam refuses the write with the reason, the file unchanged', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam.sqlite');
    (await withCustomers(file)).b.close();
    const probe = new Database(file, { readonly: true });
    const before = dumpTables(probe);
    probe.close();
    chmodSync(file, 0o444);
    // Root ignores file modes, so as root the command runs as `nobody` (the folder writable by
    // all, the file not), where the mode holds as it does for an officer's own account.
    const asRoot = process.getuid?.() === 0;
    let code: number;
    let err: string;
    if (asRoot) {
      chmodSync(dir, 0o777);
      const run = spawnSync(
        process.execPath,
        [
          '--require',
          require.resolve('tsx/cjs'),
          CLI,
          'bureau',
          'set',
          '--year',
          '2025',
          '--amount',
          '5000000',
          '--db',
          file,
        ],
        { uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, HOME: dir } },
      );
      code = run.status ?? -1;
      err = run.stderr;
    } else {
      ({ code, err } = await kam(['bureau', 'set', '--year', '2025', '--amount', '5000000', '--db', file]));
    }
    expect(err).toContain('错误：数据库文件是只读的');
    expect(err).toContain('本次操作未写入任何数据');
    expect(code).toBe(1);
    const after = new Database(file, { readonly: true });
    expect(dumpTables(after)).toEqual(before);
    after.close();
  }, 30_000);

  it('a folder given as the database (DB_CANNOT_OPEN) says so, and nothing is created', async () => {
    const dir = join(tempDir(), 'not-a-file.sqlite');
    mkdirSync(dir);
    const { code, err } = await kam(['init', '--db', dir]);
    expect(code).toBe(1);
    expect(err).toContain(`错误：无法打开数据库 ${dir}：这是一个文件夹（或设备），不是数据库文件`);
    let thrown: unknown;
    try {
      openDatabase(dir);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: 'DB_CANNOT_OPEN' });
  });

  it('a database path under a file (DB_CANNOT_OPEN), not a Node error', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam.sqlite');
    (await withCustomers(file)).b.close();
    const { code, err } = await kam(['init', '--db', join(file, 'inner.sqlite')]);
    expect(code).toBe(1);
    expect(err).toContain('错误：无法打开数据库');
    expect(err).toContain('无法创建其所在的文件夹');
  });

  it('a month out of range (VALIDATION) is a clear refusal, not 程序内部错误, and changes nothing', async () => {
    const { b } = await withCustomers(':memory:');
    const before = dumpTables(b.db);
    for (const [channel, input] of [
      ['tiers/run', { kind: 'monthly', period: '1900-01' }],
      ['reports/dashboard', { period: '1900-01' }],
      ['submissions/tracker', { period: '9999-12' }],
    ] as const) {
      const r = await b.registry.invoke(channel, input);
      expect(r, channel).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining('超出本程序可处理的范围（1900–9999 年）') },
      });
    }
    const year = await b.registry.invoke('tiers/run', { kind: 'annual', year: 99999 });
    expect(year).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '输入有误：年份不能晚于 9999' } });
    expect(dumpTables(b.db)).toEqual(before);
  });
});

describe('a damaged database', () => {
  it('a garbage page under a table (DB_CORRUPT) says so and points to a backup', async () => {
    const file = join(tempDir(), 'kam.sqlite');
    (await withCustomers(file)).b.close();
    const probe = new Database(file);
    const { rootpage } = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'customers'").get() as {
      rootpage: number;
    };
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    // The table's root page gets a page type no b-tree has.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, (rootpage - 1) * pageSize);
    closeSync(fd);
    const b = openBackend({ databasePath: file, now: () => NOW });
    const r = await b.registry.invoke('customers/get', { id: '44051500001000' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'DB_CORRUPT', message: expect.stringContaining('数据库文件已损坏或不是本程序的数据库') },
    });
    expect((r as { error: { message: string } }).error.message).toContain('请从备份恢复');
  });
});
