/**
 * DOMAIN-DECISIONS "Backups": a backup (online backup API + `integrity_check` of the copy, as
 * `backups/create` makes it) and a restore (checks, pre-restore copy, close, swap, reopen) of a
 * database of 20,000 customers × 24 months, and the bounded quick check an open runs. Baseline:
 * copying the same closed file with the file system (what a backup must not be on a live WAL
 * database, but the floor of any copy). Reported, no target: the figures decide when the
 * pre-import copy is skipped. `tests/bench/run.ts` wires this in.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { percentile, type Row, round, time, timeAsync } from './stats';

const CUSTOMERS = 20_000;
const ROUNDS = 3;

export async function backupsBench(dir: string): Promise<Row[]> {
  const file = join(dir, 'backups.sqlite');
  const filled = openBackend({ databasePath: file });
  fillDemo(filled.db, POLICY_V1, { customers: CUSTOMERS, seed: 5 }, new Date());
  fillDemoRevenue(filled.db, { months: 24, endPeriod: '2026-10', seed: 5 }, new Date().toISOString());
  await filled.close();

  const base: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const target = join(dir, `plain-copy-${r}.sqlite`);
    base.push(time(() => copyFileSync(file, target)).ms);
    rmSync(target);
  }
  const opens: number[] = [];
  const backups: number[] = [];
  const restores: number[] = [];
  let size = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const opened = time(() => openBackend({ databasePath: file }));
    opens.push(opened.ms);
    const b = opened.value;
    const made = await timeAsync(() => b.registry.call('backups/create', {}));
    backups.push(made.ms);
    size = made.value.size;
    restores.push((await timeAsync(() => b.registry.call('backups/restore', { file: made.value.file }))).ms);
    await b.close();
  }
  const row = (name: string, samples: number[]): Row => ({
    name,
    target: 'reported',
    p50: round(percentile(samples, 50), 0),
    p95: round(percentile(samples, 95), 0),
    baselineP50: round(percentile(base, 50), 0),
    baselineP95: round(percentile(base, 95), 0),
    ratioP95: round(percentile(samples, 95) / percentile(base, 95)),
    pass: true,
  });
  const mb = Math.round(size / 2 ** 20);
  return [
    row(`backup (copy + integrity check), ${CUSTOMERS.toLocaleString('en')} customers × 24 months, ${mb} MB`, backups),
    row(`restore (checks + pre-restore copy + swap + reopen), ${mb} MB`, restores),
    row(`open with bounded quick_check, ${mb} MB`, opens),
  ];
}
