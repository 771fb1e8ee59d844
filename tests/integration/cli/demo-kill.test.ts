/**
 * DOMAIN-DECISIONS "Demo data": `kam demo` writes in one transaction. Killed while it writes (its
 * write-ahead log growing), it leaves no customer, manager or revenue behind, and runs again.
 * Before, its customers were committed first: a kill during the revenue left thousands of
 * customers without revenue, and the demo then refused a database that was no longer new.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-demo-kill-');
const CLI = join(__dirname, '../../../electron/backend/cli/main.ts');

function walBytes(file: string): number {
  return existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
}

it('a demo killed while it writes leaves nothing, and the demo then runs', async () => {
  const file = join(tempDir(), 'kam.sqlite');
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('tsx/cjs'),
      CLI,
      'demo',
      '--db',
      file,
      '--customers',
      '3000',
      '--revenue-months',
      '24',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => {
    finished = true;
  });
  // The schema's migrations leave well under 1 MB in the log; past 3 MB the demo is writing (its
  // one transaction spills pages to the log long before it commits).
  while (!finished && walBytes(file) < 3 * 1024 * 1024) await new Promise((r) => setTimeout(r, 20));
  expect(finished, 'the demo ended before it could be killed mid-way').toBe(false);
  child.kill('SIGKILL');
  await exited;

  const db = new Database(file);
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  expect({
    customers: count('customers'),
    managers: count('managers'),
    revenue: count('revenue'),
    revenue_months: count('revenue_months'),
    bureau: count('bureau_revenue'),
  }).toEqual({ customers: 0, managers: 0, revenue: 0, revenue_months: 0, bureau: 0 });
  db.close();

  const again = await kam(['demo', '--db', file, '--customers', '30', '--revenue-months', '2']);
  expect(again.err).toBe('');
  expect(again.code).toBe(0);
  expect(again.out).toContain('已生成 30 个客户');
}, 120_000);
