/**
 * Imports benchmark (DOMAIN-DECISIONS "Imports", responsiveness): "One month's consolidation: 12 unit workbooks holding 100,000 revenue rows in
 * total, parse + validate + preview + commit: ≤ 1.5× a bare baseline measured in the same run
 * (SheetJS dense read + one prepared insert per row in one transaction, no validation) and ≤ 5 s
 * here; peak memory ≤ 500 MB; longest main-thread stall during it."
 *
 * Ours: each workbook through the registry as the app calls it (`imports/preview`, then
 * `imports/commit`), one after the other, on a file database of 12,500 demo customers (100,000 =
 * 12,500 customers × 8 lines of one month). Baseline, same files, same process: `XLSX.read(buf,
 * {dense: true})` on this thread, then one prepared INSERT per row into a bare table, one
 * transaction per workbook. Memory is the process RSS (main thread and parse workers share it),
 * sampled every 10 ms; the stall is `monitorEventLoopDelay`'s maximum during the import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { revenueWorkbook } from '../support/revenue-workbook';
import { percentile, round } from './stats';

/** The same shape as run.ts's rows (run.ts is wired by hand and not imported here). */
export interface Row {
  name: string;
  target: string;
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
  ratioP95: number;
  pass: boolean;
}

const CUSTOMERS = 12_500;
/** 12 units of different sizes, 100,000 rows in all. */
const SIZES = [20_000, 14_000, 11_000, 9_000, 8_000, 7_000, 7_000, 6_000, 6_000, 5_000, 4_000, 3_000];
const ROUNDS = 5;
const TARGET = { ms: 5_000, ratio: 1.5, rssMb: 500 };
const NOW = new Date('2026-11-10T02:00:00Z');

interface Measure {
  ms: number;
  peakRssMb: number;
  stallMs: number;
}

/** Runs `fn` while sampling RSS and the event loop's longest delay. */
async function measured(fn: () => Promise<void>): Promise<Measure> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  delay.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakRssMb: peak / 2 ** 20, stallMs: delay.max / 1e6 };
}

function writeWorkbooks(dir: string, ids: readonly string[]): string[] {
  let offset = 0;
  return SIZES.map((rows, i) => {
    const path = join(dir, `单位${String(i + 1).padStart(2, '0')}_2026年10月.xlsx`);
    writeFileSync(path, revenueWorkbook({ customerIds: ids, rows, lastPeriod: '2026-10', offset }));
    offset += rows;
    return path;
  });
}

async function ours(dir: string, round: number, files: readonly string[]): Promise<Measure> {
  const backend = openBackend({ databasePath: join(dir, `imports-${round}.sqlite`), now: () => NOW });
  try {
    fillDemo(backend.db, POLICY_V1, { customers: CUSTOMERS, seed: 8 }, NOW);
    const result = await measured(async () => {
      for (const [k, path] of files.entries()) {
        // As the wizard's queue and `kam import A B C` run several files: each previewed, then
        // committed, the next file named so its parse overlaps this one's checks and commit.
        const next = files[k + 1];
        const t0 = performance.now();
        const preview = await backend.registry.call('imports/preview', next === undefined ? { path } : { path, next });
        if (preview.counts.errors > 0) throw new Error(`${path}: ${preview.issues[0]?.message}`);
        const t1 = performance.now();
        await backend.registry.call('imports/commit', { token: preview.token });
        if (process.env.KAM_BENCH_VERBOSE) {
          console.error(
            `  file ${k + 1}: preview ${Math.round(t1 - t0)} ms, commit ${Math.round(performance.now() - t1)} ms`,
          );
        }
      }
    });
    const stored = backend.db.prepare("SELECT count(*) AS n FROM revenue WHERE source_kind = 'import'").get() as {
      n: number;
    };
    if (stored.n !== 100_000) throw new Error(`导入后应有 100,000 个收入单元格，实际 ${stored.n}`);
    return result;
  } finally {
    backend.close();
  }
}

async function baseline(dir: string, round: number, files: readonly string[]): Promise<Measure> {
  const backend = openBackend({ databasePath: join(dir, `bare-${round}.sqlite`), now: () => NOW });
  try {
    const { db } = backend;
    db.exec('CREATE TABLE bare (customer_id TEXT, period TEXT, line TEXT, amount)');
    const insert = db.prepare('INSERT INTO bare VALUES (?, ?, ?, ?)');
    return await measured(async () => {
      for (const path of files) {
        const wb = XLSX.read(readFileSync(path), { type: 'buffer', dense: true });
        const data = (wb.Sheets[wb.SheetNames[0] as string] as XLSX.DenseWorkSheet)['!data'];
        db.transaction(() => {
          for (let r = 1; r < data.length; r++) {
            const row = data[r] ?? [];
            insert.run(row[0]?.v ?? null, row[1]?.v ?? null, row[2]?.v ?? null, row[3]?.v ?? null);
          }
        })();
        await new Promise<void>((resume) => setImmediate(resume));
      }
    });
  } finally {
    backend.close();
  }
}

export async function importsBench(dir: string): Promise<Row[]> {
  const setup = openBackend({ databasePath: ':memory:', now: () => NOW });
  fillDemo(setup.db, POLICY_V1, { customers: CUSTOMERS, seed: 8 }, NOW);
  const ids = (setup.db.prepare('SELECT id FROM customers ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  setup.close();
  const files = writeWorkbooks(dir, ids);

  // One round of each first, not counted: both sides then run with warm JIT (SheetJS, the rule
  // code) and warm file caches, as the officer's twelfth workbook does.
  await baseline(dir, -1, files);
  await ours(dir, -1, files);
  const mine: Measure[] = [];
  const bare: Measure[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bare.push(await baseline(dir, r, files));
    mine.push(await ours(dir, r, files));
    if (process.env.KAM_BENCH_VERBOSE) console.error(`round ${r}: bare ${bare[r]?.ms} ms, ours ${mine[r]?.ms} ms`);
  }
  const p = (xs: Measure[], key: keyof Measure, q: number) =>
    percentile(
      xs.map((x) => x[key]),
      q,
    );
  const row = (name: string, target: string, key: keyof Measure, pass: boolean): Row => ({
    name,
    target,
    p50: round(p(mine, key, 50)),
    p95: round(p(mine, key, 95)),
    baselineP50: round(p(bare, key, 50)),
    baselineP95: round(p(bare, key, 95)),
    ratioP95: round(p(mine, key, 95) / p(bare, key, 95)),
    pass,
  });
  const ratio = p(mine, 'ms', 95) / p(bare, 'ms', 95);
  return [
    row(
      'import consolidation, 12 workbooks / 100,000 rows (preview + commit through the registry)',
      `≤ ${TARGET.ratio}× baseline and ≤ ${TARGET.ms} ms`,
      'ms',
      ratio <= TARGET.ratio && p(mine, 'ms', 95) <= TARGET.ms,
    ),
    row(
      'import consolidation: peak RSS, MB (process: main thread + parse workers)',
      `≤ ${TARGET.rssMb} MB`,
      'peakRssMb',
      p(mine, 'peakRssMb', 95) <= TARGET.rssMb,
    ),
    row('import consolidation: longest main-thread stall, ms', 'reported', 'stallMs', true),
  ];
}
