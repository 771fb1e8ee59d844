/**
 * The child of tests/responsiveness/crash-trials.test.ts: opens a database as the app does,
 * previews a revenue workbook, then commits it through the registry while printing how far the
 * commit has gone, so the parent can SIGKILL it at a chosen point of the commit's own progress
 * (not at a time: on a busy machine the same point comes later).
 *
 * Progress is the CPU time the child has spent since it called the commit, all its threads
 * together (process.cpuUsage: the pre-import backup copy on the main thread, the transaction on
 * the writer thread): work done, which load delays but does not change. With it go the bytes on
 * disk, to tell where the kill landed: the copy in backups/ (DOMAIN-DECISIONS "Backups": made
 * before the commit's transaction), then the write-ahead log, which this commit's transaction
 * fills only as it commits (its pages are held in memory until then). The main thread is free
 * meanwhile (the copy goes in steps, the transaction runs on the writer thread), so it can watch.
 * After the commit has answered the child waits to be killed: a kill then is a trial too, of what
 * a commit that was answered leaves behind.
 *
 * Lines on stdout: `ready`, `p <cpu µs> <copy bytes> <log bytes>` (each time the CPU time grows),
 * `done <batchId> <cpu µs>`, or `failed <code> <message>`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openBackend } from '../../electron/backend';

const [databasePath, workbook] = process.argv.slice(2);
if (!databasePath || !workbook) throw new Error('usage: crash-import-child <database> <workbook>');

const NOW = new Date('2026-11-10T02:00:00Z');

/** 0 for a file that is not there (a copy's scratch files come and go between listing and stat). */
function size(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}

/** Bytes of the backup copies beside the database, and of its write-ahead log. */
function bytesWritten(): [copy: number, log: number] {
  const backups = join(dirname(databasePath as string), 'backups');
  const copies = existsSync(backups) ? readdirSync(backups).reduce((n, f) => n + size(join(backups, f)), 0) : 0;
  return [copies, size(`${databasePath}-wal`)];
}

async function main(): Promise<void> {
  const b = openBackend({ databasePath: databasePath as string, now: () => NOW });
  const preview = await b.registry.call('imports/preview', { path: workbook as string });
  if (preview.counts.errors !== 0) throw new Error(`preview found ${preview.counts.errors} errors`);
  // The log starts empty, so its size measures this commit alone (the open's own writes folded in).
  b.db.pragma('wal_checkpoint(TRUNCATE)');
  process.stdout.write('ready\n');
  const start = process.cpuUsage();
  const spent = () => {
    const u = process.cpuUsage(start);
    return u.user + u.system;
  };
  let last = -1;
  const watch = setInterval(() => {
    const cpu = spent();
    if (cpu > last) process.stdout.write(`p ${cpu} ${bytesWritten().join(' ')}\n`);
    last = Math.max(last, cpu);
  }, 1);
  const answer = await b.registry.invoke('imports/commit', { token: preview.token });
  clearInterval(watch);
  if (answer.ok) process.stdout.write(`done ${(answer.value as { id: number }).id} ${spent()}\n`);
  else process.stdout.write(`failed ${answer.error.code} ${answer.error.message}\n`);
  // Kept alive until killed (stdin stays open; the parent ends the trial).
  process.stdin.resume();
}

main().catch((e: unknown) => {
  process.stdout.write(`failed INTERNAL ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
