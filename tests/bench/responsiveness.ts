/**
 * Benchmark of the import target "the UI and IPC stay responsive (a ping answers in < 100 ms during an
 * import)". While a job runs, `app/info` is asked every 10 ms the way an IPC message would arrive
 * (tests/support/ping.ts); a figure is the longest any ping waited during that job, from the
 * moment it was due to its answer. Jobs, each through the registry as the app calls it:
 *  - the preview of a 100,000-row workbook (2,500 demo customers, a file database), its commit and
 *    its undo;
 *  - the preview of one unit's monthly template holding 135,000 rows (15,000 customers × 9 lines,
 *    tests/support/large-template-fixture.ts, made on a worker thread before any round), in the
 *    long layout of version 1 templates and in the wide layout (15,000 rows of 9 figures).
 * Baseline, same files, same process, same ping loop: the same job unpaced
 * (tests/support/unpaced.ts): the row checks in one turn of the event loop, the commit and undo
 * inline on the main connection. The ratio is what pacing and the writer thread buy.
 *
 * One uncounted round of each first (warm JIT and file caches on both sides), then ROUNDS rounds,
 * the baseline first in each; p50/p95 are over the rounds' worst pings.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { makeLargeTemplate } from '../support/large-template';
import { pingDuring } from '../support/ping';
import { writeRevenueWorkbookOffThread } from '../support/revenue-workbook-file';
import { unpaced } from '../support/unpaced';
import { percentile, type Row, round } from './stats';

const NOW = new Date('2026-11-10T02:00:00Z');
const CUSTOMERS = 2_500;
const ROWS = 100_000;
const TEMPLATE_CUSTOMERS = 15_000;
/**
 * Each round is a 100,000-row import and its unpaced twin plus two template previews (~20 s on 2
 * cores); the worst pings vary little between rounds, so three are enough.
 */
const ROUNDS = 3;
const TARGET_MS = 100;

type Mode = 'paced' | 'unpaced';
const inMode = <T>(mode: Mode, job: () => Promise<T>): Promise<T> => (mode === 'paced' ? job() : unpaced(job));
const verbose = (line: string) => {
  if (process.env.KAM_BENCH_VERBOSE) console.error(line);
};

interface ImportRound {
  preview: number;
  commit: number;
  undo: number;
}

async function importRound(dir: string, name: string, path: string, mode: Mode): Promise<ImportRound> {
  const b = openBackend({ databasePath: join(dir, `${name}.sqlite`), now: () => NOW });
  try {
    fillDemo(b.db, POLICY_V1, { customers: CUSTOMERS, seed: 11 }, NOW);
    const ping = () => b.registry.call('app/info', {});
    const preview = await inMode(mode, () => pingDuring(() => b.registry.call('imports/preview', { path }), ping));
    if (preview.value.counts.rows !== ROWS || preview.value.counts.errors !== 0) {
      throw new Error(`预览应有 ${ROWS} 行且无错误：${JSON.stringify(preview.value.counts)}`);
    }
    const token = preview.value.token;
    const commit = await inMode(mode, () => pingDuring(() => b.registry.call('imports/commit', { token }), ping));
    if (commit.value.created !== ROWS) throw new Error(`提交应新增 ${ROWS} 个单元格，实际 ${commit.value.created}`);
    const batchId = commit.value.id;
    const undo = await inMode(mode, () =>
      pingDuring(() => b.registry.call('imports/undo', { batchId, force: false }), ping),
    );
    if (undo.value.restored !== ROWS) throw new Error(`撤销应恢复 ${ROWS} 个单元格，实际 ${undo.value.restored}`);
    verbose(
      `  ${name}: preview ${Math.round(preview.ended - preview.started)} ms (worst ping ${preview.worst.toFixed(1)}), ` +
        `commit ${Math.round(commit.ended - commit.started)} ms (${commit.worst.toFixed(1)}), undo ${Math.round(undo.ended - undo.started)} ms (${undo.worst.toFixed(1)})`,
    );
    return { preview: preview.worst, commit: commit.worst, undo: undo.worst };
  } finally {
    await b.close();
  }
}

async function templateRound(databasePath: string, path: string, rows: number, mode: Mode): Promise<number> {
  const b = openBackend({ databasePath, now: () => NOW });
  try {
    const ping = () => b.registry.call('app/info', {});
    const preview = await inMode(mode, () => pingDuring(() => b.registry.call('imports/preview', { path }), ping));
    if (preview.value.template === null || preview.value.counts.rows !== rows || preview.value.counts.errors !== 0) {
      throw new Error(`模板预览应有 ${rows} 行且无错误：${JSON.stringify(preview.value.counts)}`);
    }
    verbose(
      `  template ${mode}: preview ${Math.round(preview.ended - preview.started)} ms (worst ping ${preview.worst.toFixed(1)})`,
    );
    return preview.worst;
  } finally {
    await b.close();
  }
}

const row = (name: string, ours: number[], bare: number[]): Row => ({
  name,
  target: `< ${TARGET_MS} ms`,
  p50: round(percentile(ours, 50)),
  p95: round(percentile(ours, 95)),
  baselineP50: round(percentile(bare, 50)),
  baselineP95: round(percentile(bare, 95)),
  ratioP95: round(percentile(ours, 95) / percentile(bare, 95)),
  pass: percentile(ours, 95) < TARGET_MS,
});

export async function responsivenessBench(dir: string): Promise<Row[]> {
  const setup = openBackend({ databasePath: ':memory:', now: () => NOW });
  fillDemo(setup.db, POLICY_V1, { customers: CUSTOMERS, seed: 11 }, NOW);
  const ids = setup.db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
  await setup.close();
  const file = join(dir, '大文件.xlsx');
  await writeRevenueWorkbookOffThread(file, { customerIds: ids, rows: ROWS, lastPeriod: '2026-10' });

  await importRound(dir, 'warm-unpaced', file, 'unpaced');
  await importRound(dir, 'warm-paced', file, 'paced');
  const mine: ImportRound[] = [];
  const bare: ImportRound[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bare.push(await importRound(dir, `unpaced-${r}`, file, 'unpaced'));
    mine.push(await importRound(dir, `paced-${r}`, file, 'paced'));
  }

  const fixture = await makeLargeTemplate(dir, { customers: TEMPLATE_CUSTOMERS, period: '2026-10', now: NOW });
  await templateRound(fixture.databasePath, fixture.path, fixture.rows, 'unpaced');
  await templateRound(fixture.databasePath, fixture.path, fixture.rows, 'paced');
  const templateMine: number[] = [];
  const templateBare: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    templateBare.push(await templateRound(fixture.databasePath, fixture.path, fixture.rows, 'unpaced'));
    templateMine.push(await templateRound(fixture.databasePath, fixture.path, fixture.rows, 'paced'));
  }

  const wideDir = join(dir, 'wide');
  mkdirSync(wideDir, { recursive: true });
  const wide = await makeLargeTemplate(wideDir, {
    customers: TEMPLATE_CUSTOMERS,
    period: '2026-10',
    now: NOW,
    layout: 'wide',
  });
  await templateRound(wide.databasePath, wide.path, wide.rows, 'unpaced');
  await templateRound(wide.databasePath, wide.path, wide.rows, 'paced');
  const wideMine: number[] = [];
  const wideBare: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    wideBare.push(await templateRound(wide.databasePath, wide.path, wide.rows, 'unpaced'));
    wideMine.push(await templateRound(wide.databasePath, wide.path, wide.rows, 'paced'));
  }

  const of = (xs: ImportRound[], key: keyof ImportRound) => xs.map((x) => x[key]);
  const n = ROWS.toLocaleString('en');
  return [
    row(
      `responsiveness: worst ping (ms) during a ${n}-row preview (baseline: row checks unpaced)`,
      of(mine, 'preview'),
      of(bare, 'preview'),
    ),
    row(
      `responsiveness: worst ping (ms) during its commit (baseline: commit on the main thread)`,
      of(mine, 'commit'),
      of(bare, 'commit'),
    ),
    row(
      `responsiveness: worst ping (ms) during its undo (baseline: undo on the main thread)`,
      of(mine, 'undo'),
      of(bare, 'undo'),
    ),
    row(
      `responsiveness: worst ping (ms) during a ${fixture.rows.toLocaleString('en')}-row template preview (baseline: unpaced)`,
      templateMine,
      templateBare,
    ),
    row(
      `responsiveness: worst ping (ms) during a wide-layout template preview, ${wide.rows.toLocaleString('en')} figures in ${wide.sheetRows.toLocaleString('en')} rows (baseline: unpaced)`,
      wideMine,
      wideBare,
    ),
  ];
}
