/**
 * Backups, restore and a damaged database (DOMAIN-DECISIONS "Backups"): automatic copies before
 * import commits and tiering runs (skipped when the newest copy already holds the data), a restore
 * that can itself be undone, and a file with a garbage page opened read-only and never written.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { listBackups, removeStalePartials } from '../../../electron/backend/backups/store';
import { backendsForTests } from '../../support/backends';
import { CSV_HEADER, csvBytes } from '../../support/csv-bytes';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-backups-');
const openBackend = backendsForTests();

async function demo(customers = 5, months?: number): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'kam.sqlite');
  const args = ['demo', '--db', db, '--customers', String(customers)];
  if (months) args.push('--revenue-months', String(months));
  const r = await kam(args);
  expect(r.err).toBe('');
  return { dir, db };
}

async function importCsv(dir: string, db: string, month: string): Promise<void> {
  const path = join(dir, `收入-${month}.csv`);
  writeFileSync(path, csvBytes('utf8', [CSV_HEADER, `44050700001000,${month},函件,"1,234.50"`]));
  const r = await kam(['import', path, '--db', db, '--commit', '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
}

/** A tiering run needs the year's bureau revenue (R10). */
async function withBureauRevenue(b: Backend): Promise<void> {
  await b.registry.call('revenue/bureau-set', { year: 2026, amount: '100000000' });
}

function copies(dir: string) {
  return listBackups(join(dir, 'backups'));
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('automatic backups before import commits and tiering runs', () => {
  it('copies before the first import, not again while only imports followed, and again after another write', async () => {
    const { dir, db } = await demo();
    await importCsv(dir, db, '2026-09');
    const first = copies(dir);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ reason: 'pre-import', customers: 5, revenueRows: 0, integrity: 'ok' });
    expect(existsSync(`${first[0]?.file}.json`)).toBe(true);

    // Only an import commit since: undoable on its own, so no second copy.
    await importCsv(dir, db, '2026-10');
    expect(copies(dir)).toHaveLength(1);

    // A tiering run after imports: copied first, with the imported rows in it.
    const b = openBackend({ databasePath: db });
    await withBureauRevenue(b);
    await b.registry.call('tiers/run', { kind: 'monthly', period: '2026-10' });
    const afterRun = copies(dir);
    expect(afterRun.map((c) => c.reason)).toEqual(['pre-tiering', 'pre-import']);
    expect(afterRun[0]?.revenueRows).toBe(2);
    await b.close();

    // The run wrote since the newest copy: the next import is copied first again.
    await importCsv(dir, db, '2026-11');
    expect(copies(dir).map((c) => c.reason)).toEqual(['pre-import', 'pre-tiering', 'pre-import']);
  });

  it('applies the retention kept in settings after each new copy', async () => {
    const { dir, db } = await demo();
    const b = openBackend({ databasePath: db });
    await withBureauRevenue(b);
    for (const period of ['2026-01', '2026-02', '2026-03']) {
      await b.registry.call('tiers/run', { kind: 'monthly', period });
    }
    // Default retention: three pre-tiering copies the same day, the newest of the day kept (plus the newest).
    expect(copies(dir)).toHaveLength(1);
    await b.registry.call('backups/create', {});
    expect(copies(dir).map((c) => c.reason)).toEqual(['manual', 'pre-tiering']);
    // Zero kept everywhere: applied at once; the manual copy and the newest stay.
    const set = await b.registry.call('backups/set-retention', { daily: 0, weekly: 0, monthly: 0, preImport: 0 });
    expect(set).toEqual({ daily: 0, weekly: 0, monthly: 0, preImport: 0 });
    expect(copies(dir).map((c) => c.reason)).toEqual(['manual']);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    const refused = await b.registry.invoke('backups/set-retention', {
      daily: -1,
      weekly: 0,
      monthly: 0,
      preImport: 0,
    });
    expect(!refused.ok && refused.error.message).toContain('保留天数不能小于 0');
  });
});

describe("the daily backup at the app's start", () => {
  it('copies at the first start of a day, before any write, and not again that day', async () => {
    const { dir, db } = await demo();
    const day1 = new Date('2026-11-02T01:00:00Z');
    const first = openBackend({ databasePath: db, maintenance: true, now: () => day1 });
    // The day's copy is queued before any write: this write runs after it.
    await first.registry.call('areas/upsert', { code: '440599', name: '测试区' });
    expect(copies(dir).map((c) => c.reason)).toEqual(['daily']);
    await first.close();
    const again = openBackend({ databasePath: db, maintenance: true, now: () => new Date('2026-11-02T05:00:00Z') });
    await again.registry.call('areas/upsert', { code: '440598', name: '测试区二' });
    expect(copies(dir)).toHaveLength(1);
    await again.close();
    const nextDay = openBackend({ databasePath: db, maintenance: true, now: () => new Date('2026-11-03T01:00:00Z') });
    await nextDay.registry.call('areas/upsert', { code: '440597', name: '测试区三' });
    expect(copies(dir).map((c) => c.reason)).toEqual(['daily', 'daily']);
    await nextDay.close();
  });
});

describe('copies killed halfway', () => {
  it('leave scratch files that the next copy removes once they are an hour old, and nothing else', async () => {
    const dir = tempDir();
    const backups = join(dir, 'backups');
    mkdirSync(backups);
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const stale = [
      '.kam-20261101-010203-004-daily.sqlite.partial',
      '.kam-20261101-010203-004-daily.sqlite.partial-journal',
    ];
    for (const name of stale) {
      writeFileSync(join(backups, name), 'half a copy');
      utimesSync(join(backups, name), old, old);
    }
    // One being written right now, and files that are not scratch copies, stay.
    const kept = [
      '.kam-20261206-090000-000-pre-import.sqlite.partial',
      'kam-20261101-010203-004-daily.sqlite',
      'notes.txt',
    ];
    for (const name of kept) writeFileSync(join(backups, name), 'x');
    utimesSync(join(backups, 'kam-20261101-010203-004-daily.sqlite'), old, old);
    expect(removeStalePartials(backups, new Date()).sort()).toEqual([...stale].sort());
    expect(readdirSync(backups).sort()).toEqual([...kept].sort());

    // And backups/create does it on its way.
    for (const name of stale) {
      writeFileSync(join(backups, name), 'half a copy');
      utimesSync(join(backups, name), old, old);
    }
    const b = openBackend({ databasePath: join(dir, 'kam.sqlite') });
    await b.registry.call('backups/create', {});
    for (const name of stale) expect(existsSync(join(backups, name))).toBe(false);
  });
});

describe('backups/create and restore', () => {
  it('restores a copy while the backend runs, saving the current database first, and the restore can be undone', async () => {
    const { dir, db } = await demo(5);
    const b = openBackend({ databasePath: db });
    const copy = await b.registry.call('backups/create', {});
    expect(copy).toMatchObject({ reason: 'manual', customers: 5, integrity: 'ok' });
    await withBureauRevenue(b);
    await b.registry.call('tiers/run', { kind: 'monthly', period: '2026-10' });
    const runsBefore = await b.registry.call('tiers/runs', {});
    expect(runsBefore).toHaveLength(1);

    const r = await b.registry.call('backups/restore', { file: copy.file });
    expect(r.restored.file).toBe(copy.file);
    expect(r.saved.reason).toBe('pre-restore');
    // The same backend object answers from the restored file: no run in it.
    expect(await b.registry.call('tiers/runs', {})).toHaveLength(0);
    const audit = b.db.prepare('SELECT channel FROM audit_log ORDER BY id DESC LIMIT 1').get() as { channel: string };
    expect(audit.channel).toBe('backups/restore');

    // Undo the restore: the pre-restore copy brings the run back.
    await b.registry.call('backups/restore', { file: r.saved.file });
    expect(await b.registry.call('tiers/runs', {})).toHaveLength(1);
    await b.close();
    void dir;
  });

  it('copies to a chosen folder (a USB drive) and refuses to restore a copy that fails its check', async () => {
    const { dir, db } = await demo(5);
    const usb = tempDir();
    const b = openBackend({ databasePath: db });
    const copy = await b.registry.call('backups/create', { folder: usb });
    expect(copy.file.startsWith(usb)).toBe(true);
    expect(copies(dir)).toHaveLength(0);
    await b.close();
    const before = sha(db);
    damagePage(copy.file);
    const b2 = openBackend({ databasePath: db });
    const refused = await b2.registry.invoke('backups/restore', { file: copy.file });
    expect(refused.ok).toBe(false);
    await b2.close();
    expect(sha(db)).toBe(before);
  });
});

/** Overwrites a data page in the middle of the file (never page 1, the header) with garbage. */
function damagePage(file: string): void {
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const pages = probe.pragma('page_count', { simple: true }) as number;
  probe.close();
  const page = Math.max(2, Math.floor(pages / 2));
  const fd = openSync(file, 'r+');
  try {
    const garbage = Buffer.alloc(pageSize);
    for (let i = 0; i < pageSize; i++) garbage[i] = (i * 131 + 17) % 251;
    writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('a database with a garbage data page', () => {
  it('opens read-only: every write refused with DB_CORRUPT, the file unchanged, reads and the restore list still work', async () => {
    const { db } = await demo(300, 2);
    damagePage(db);
    const before = sha(db);

    const b = openBackend({ databasePath: db });
    const list = await b.registry.call('backups/list', {});
    expect(list.problem).not.toBeNull();
    const refused = await b.registry.invoke('tiers/run', { kind: 'monthly', period: '2026-10' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('DB_CORRUPT');
      expect(refused.error.message).toContain('备份与恢复');
    }
    const refusedArea = await b.registry.invoke('areas/upsert', { code: '440599', name: '测试区' });
    expect(!refusedArea.ok && refusedArea.error.code).toBe('DB_CORRUPT');
    // A copy for the record may still be made (to a USB drive): its verdict names the damage.
    const evidence = await b.registry.call('backups/create', { folder: tempDir() });
    expect(evidence.integrity).not.toBe('ok');
    await b.close();
    expect(sha(db)).toBe(before);
  });

  it('is replaced by a sound copy through restore, its own bytes kept as the pre-restore copy', async () => {
    const { dir, db } = await demo(300, 2);
    const good = await kam(['backup', '--db', db, '--json']);
    expect(good.code).toBe(0);
    const goodFile = JSON.parse(good.out).file as string;
    damagePage(db);
    const damaged = sha(db);

    const b = openBackend({ databasePath: db });
    expect((await b.registry.call('backups/list', {})).problem).not.toBeNull();
    const r = await b.registry.call('backups/restore', { file: goodFile });
    expect(r.saved.reason).toBe('pre-restore');
    expect(sha(r.saved.file)).toBe(damaged);
    const list = await b.registry.call('backups/list', {});
    expect(list.problem).toBeNull();
    const area = await b.registry.invoke('areas/upsert', { code: '440599', name: '测试区' });
    expect(area.ok).toBe(true);
    await b.close();
    void dir;
  });

  it('a failed full check in the background makes the database read-only from then on', async () => {
    const { db } = await demo(5);
    const b = openBackend({ databasePath: db });
    // An orphan row written behind the app's back (foreign keys off on that connection).
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.prepare('UPDATE managers SET unit_id = 9999 WHERE rowid = (SELECT min(rowid) FROM managers)').run();
    raw.close();
    expect((await b.registry.call('backups/list', {})).problem).toBeNull();
    await b.registry.ctx.backups.checkInBackground();
    expect((await b.registry.call('backups/list', {})).problem).toContain('外键');
    const refused = await b.registry.invoke('tiers/run', { kind: 'monthly', period: '2026-10' });
    expect(!refused.ok && refused.error.code).toBe('DB_CORRUPT');
    await b.close();
  });
});

describe('the full check after import commits', () => {
  it('runs once the commits pause, on the writer thread, and a failure makes the database read-only', async () => {
    const { dir, db } = await demo(5);
    const b = openBackend({ databasePath: db });
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.prepare('UPDATE managers SET unit_id = 9999 WHERE rowid = (SELECT min(rowid) FROM managers)').run();
    raw.close();
    const path = join(dir, '收入.csv');
    writeFileSync(path, csvBytes('utf8', [CSV_HEADER, '44050700001000,2026-09,函件,"1,234.50"']));
    const preview = await b.registry.call('imports/preview', { path });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await b.registry.call('imports/commit', { token: preview.token });
      // Not at once: a queue of workbooks is checked once they pause.
      expect((await b.registry.call('backups/list', {})).problem).toBeNull();
      vi.advanceTimersByTime(5000);
    } finally {
      vi.useRealTimers();
    }
    await b.registry.ctx.backups.settled();
    expect((await b.registry.call('backups/list', {})).problem).toContain('外键');
    const refused = await b.registry.invoke('areas/upsert', { code: '440599', name: '测试区' });
    expect(!refused.ok && refused.error.code).toBe('DB_CORRUPT');
    await b.close();
  });
});

describe('kam backup, kam backups list, kam restore', () => {
  it('backs up to a file, lists the folder and restores, printing JSON', async () => {
    const { dir, db } = await demo(5);
    const out = join(dir, 'usb-copy.sqlite');
    const made = await kam(['backup', '--db', db, '--out', out, '--json']);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({
      file: out,
      reason: 'manual',
      customers: 5,
      revenueRows: 0,
      integrity: 'ok',
    });
    expect(existsSync(out)).toBe(true);

    const inFolder = await kam(['backup', '--db', db, '--json']);
    const folderCopy = JSON.parse(inFolder.out);
    expect(folderCopy.file.startsWith(join(dir, 'backups'))).toBe(true);

    const listed = await kam(['backups', 'list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out).backups.map((x: { file: string }) => x.file)).toEqual([folderCopy.file]);

    const restored = await kam(['restore', '--db', db, '--from', out, '--json']);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.out)).toMatchObject({ restored: { file: out }, saved: { reason: 'pre-restore' } });
  });
});
