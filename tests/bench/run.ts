/**
 * `npm run bench`: the performance targets, each beside a bare baseline measured in the same run
 * (the same work without our code around it), so the ratio means something on any machine.
 *  - customer search p50/p95 at 20,000 and 200,000 customers (targets p95 ≤ 20 ms / ≤ 50 ms),
 *    through the registry exactly as the UI calls it (first page + total), vs one bare LIKE query;
 *  - `kam demo` for 20,000 customers vs bare inserts of the same number of rows;
 *  - backups (backup, restore, the open's quick check at 20,000 customers: backups.ts);
 *  - the registrations' duplicate check, one name vs 200,000 customers (p95 ≤ 20 ms: dupcheck.ts);
 *  - scorecards (R34) for a month at 200 managers and 20,000 customers (≤ 500 ms: scorecards.ts);
 *  - tiering, imports, exports, reports (dashboard, report data, PDF, Word), responsiveness and startup (the window's first paint, built
 *    renderer in Chromium: run `npx electron-vite build` first): see their files (responsiveness.ts holds the
 *    ping figures `npm test` no longer asserts: no test may depend on an idle machine).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { archivesBench } from './archives';
import { backupsBench } from './backups';
import { dupcheckBench } from './dupcheck';
import { exportsBench } from './exports';
import { importsBench } from './imports';
import { reportsBench } from './reports';
import { responsivenessBench } from './responsiveness';
import { scorecardsBench } from './scorecards';
import { startupBench } from './startup';
import { machine, percentile, type Row, round, time, timeAsync } from './stats';

const QUERIES = [
  'gdyx',
  '电子',
  '有限公司',
  '汕头市',
  '4405150',
  '44051100001',
  '宏达',
  'stsx',
  '不存在的客户名',
  'zgyd',
  '',
];
const ROUNDS = 15;

async function searchBench(
  dir: string,
  customers: number,
  targetP95: number,
): Promise<{ row: Row; rebuild: Row; demoMs: number }> {
  const file = join(dir, `search-${customers}.sqlite`);
  const backend = openBackend({ databasePath: file });
  const demo = time(() => fillDemo(backend.db, POLICY_V1, { customers, seed: 42 }, new Date()));
  const bare = backend.db.prepare("SELECT id, name FROM customers WHERE name LIKE ? ESCAPE '\\' LIMIT 100");
  const ours: number[] = [];
  const base: number[] = [];
  for (const q of QUERIES) {
    await backend.registry.invoke('customers/list', { search: q, limit: 100 }); // warm-up
    bare.all(`%${q}%`);
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      ours.push((await timeAsync(() => backend.registry.invoke('customers/list', { search: q, limit: 100 }))).ms);
      base.push(time(() => bare.all(`%${q}%`)).ms);
    }
  }
  // The index is rebuilt lazily after a customer write: measure the first search after one.
  const unitId = (await backend.registry.call('units/list', {}))[0]?.id ?? 1;
  const afterWrite: number[] = [];
  for (let i = 0; i < 5; i++) {
    await backend.registry.call('customers/create', {
      name: `基准测试写入客户${i}有限公司`,
      areaCode: '440515',
      unitId,
    });
    afterWrite.push(
      (await timeAsync(() => backend.registry.invoke('customers/list', { search: '电子', limit: 100 }))).ms,
    );
  }
  backend.close();
  const rebuild: Row = {
    name: `first search after a customer write, ${customers.toLocaleString('en')} customers (index patched after commit)`,
    target: 'reported',
    p50: round(percentile(afterWrite, 50)),
    p95: round(percentile(afterWrite, 95)),
    baselineP50: round(percentile(base, 50)),
    baselineP95: round(percentile(base, 95)),
    ratioP95: round(percentile(afterWrite, 95) / percentile(base, 95)),
    pass: true,
  };
  const row: Row = {
    name: `customer search, ${customers.toLocaleString('en')} customers`,
    target: `p95 ≤ ${targetP95} ms`,
    p50: round(percentile(ours, 50)),
    p95: round(percentile(ours, 95)),
    baselineP50: round(percentile(base, 50)),
    baselineP95: round(percentile(base, 95)),
    ratioP95: round(percentile(ours, 95) / percentile(base, 95)),
    pass: percentile(ours, 95) <= targetP95,
  };
  return { row, rebuild, demoMs: demo.ms };
}

/**
 * Tiering (R9–R13): a run for 20,000 customers with 24 months × 8 lines, vs one bare SQL
 * aggregate of the same revenue window; and the what-if on the same data.
 */
async function tieringBench(dir: string, customers: number, targets: { run: number; whatIf: number }): Promise<Row[]> {
  const backend = openBackend({ databasePath: join(dir, `tiering-${customers}.sqlite`) });
  fillDemo(backend.db, POLICY_V1, { customers, seed: 5 }, new Date());
  // At 200,000 customers only the monthly copy the tiering reads is filled (38M long rows would
  // take minutes and gigabytes to set up and are never read by a run).
  fillDemoRevenue(
    backend.db,
    { months: 24, endPeriod: '2026-10', seed: 5, monthlyCopyOnly: customers > 50_000 },
    new Date().toISOString(),
  );
  // The bare baseline: the same year's revenue summed per customer straight from the monthly
  // table (its key range, then a sort by customer), no scoring, nothing written. The run itself
  // reads the yearly totals kept by triggers (migration 0004) instead.
  const bare = backend.db.prepare(
    `SELECT customer_id, sum(savings), sum(bills), sum(letters), sum(philately), sum(express), sum(logistics),
       sum(parcels), sum(newspapers), sum(other) FROM revenue_months WHERE period BETWEEN '2025-01' AND '2025-12'
     GROUP BY customer_id`,
  );
  const runs: number[] = [];
  const base: number[] = [];
  const whatIf: number[] = [];
  const draft = { ...POLICY_V1, tiers: { ...POLICY_V1.tiers, gold: 80 } };
  for (let i = 0; i < 3; i++) {
    base.push(time(() => bare.raw().all()).ms);
    runs.push((await timeAsync(() => backend.registry.call('tiers/run', { kind: 'annual', year: 2025 }))).ms);
    whatIf.push(
      (
        await timeAsync(() =>
          backend.registry.call('policies/what-if', { document: draft, kind: 'annual', year: 2025 }),
        )
      ).ms,
    );
  }
  backend.close();
  const row = (name: string, target: number, samples: number[]): Row => ({
    name,
    target: Number.isFinite(target) ? `≤ ${target} ms` : 'reported',
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    baselineP50: round(percentile(base, 50)),
    baselineP95: round(percentile(base, 95)),
    ratioP95: round(percentile(samples, 95) / percentile(base, 95)),
    pass: percentile(samples, 95) <= target,
  });
  const n = customers.toLocaleString('en');
  return [
    row(`tiering run, ${n} customers × 24 months × 8 lines`, targets.run, runs),
    row(`what-if, ${n} customers`, targets.whatIf, whatIf),
  ];
}

function bareInsertMs(dir: string, n: number): number {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, name TEXT NOT NULL, unit_id INTEGER NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
  const { ms } = time(() =>
    db.transaction(() => {
      for (let i = 1; i <= n; i++) insert.run(`440515${String(i).padStart(5, '0')}000`, `汕头市客户${i}有限公司`, 1);
    })(),
  );
  db.close();
  return ms;
}

const GROUPS = [
  'search',
  'tiering',
  'imports',
  'responsiveness',
  'exports',
  'reports',
  'startup',
  'backups',
  'dupcheck',
  'archives',
  'scorecards',
];

/** `npm run bench -- --only tiering,imports`: run some groups (GROUPS). */
function selectedGroups(argv: string[]): Set<string> {
  const i = argv.indexOf('--only');
  if (i < 0) return new Set(GROUPS);
  const chosen = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = chosen.filter((g) => !GROUPS.includes(g));
  if (chosen.length === 0 || unknown.length > 0) {
    throw new Error(`--only 需要以逗号分隔的组名（${GROUPS.join(', ')}），收到：${argv[i + 1] ?? '（无）'}`);
  }
  return new Set(chosen);
}

/** Runs one group in this process and returns its rows. */
async function runGroup(group: string, dir: string): Promise<Row[]> {
  if (group === 'search') {
    const small = await searchBench(dir, 20_000, 20);
    const large = await searchBench(dir, 200_000, 50);
    const bare = bareInsertMs(dir, 20_000);
    const demoRow: Row = {
      name: 'kam demo, 20,000 customers',
      target: 'reported',
      p50: round(small.demoMs, 0),
      p95: round(small.demoMs, 0),
      baselineP50: round(bare, 0),
      baselineP95: round(bare, 0),
      ratioP95: round(small.demoMs / bare),
      pass: true,
    };
    return [small.row, large.row, small.rebuild, large.rebuild, demoRow];
  }
  if (group === 'tiering') {
    return [
      ...(await tieringBench(dir, 20_000, { run: 300, whatIf: 500 })),
      ...(await tieringBench(dir, 200_000, { run: 3000, whatIf: Number.POSITIVE_INFINITY })),
    ];
  }
  if (group === 'imports') return importsBench(dir);
  if (group === 'responsiveness') return responsivenessBench(dir);
  if (group === 'startup') return startupBench();
  if (group === 'reports') return reportsBench(dir);
  if (group === 'backups') return backupsBench(dir);
  if (group === 'dupcheck') return dupcheckBench(dir);
  if (group === 'archives') return archivesBench();
  if (group === 'scorecards') return scorecardsBench();
  return exportsBench(dir);
}

/**
 * Each group in a fresh process when several are asked for: the import's peak memory and every
 * timing must not carry the heap and caches an earlier group left behind (200,000 customers).
 */
function runGroupInChild(group: string, dir: string): Row[] {
  const file = join(dir, `rows-${group}.json`);
  const child = spawnSync('npx', ['tsx', __filename, '--only', group, '--rows-out', file], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`基准组 ${group} 运行失败（退出码 ${child.status}）`);
  return JSON.parse(readFileSync(file, 'utf8')) as Row[];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const groups = selectedGroups(argv);
  const rowsOut = argv.includes('--rows-out') ? argv[argv.indexOf('--rows-out') + 1] : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'kam-bench-'));
  try {
    const rows: Row[] = [];
    for (const group of groups) {
      rows.push(...(groups.size > 1 ? runGroupInChild(group, dir) : await runGroup(group, dir)));
    }
    if (rowsOut) {
      // A child of a full run: hand the rows back, print nothing more.
      writeFileSync(rowsOut, JSON.stringify(rows));
      return;
    }
    const result = { at: new Date().toISOString(), machine: machine(), results: rows };
    const out = resolve(__dirname, '../../bench-results');
    mkdirSync(out, { recursive: true });
    // A partial run (--only) is written beside the full one, never over it.
    const name = groups.size === GROUPS.length ? 'latest.json' : `latest-${[...groups].join('-')}.json`;
    writeFileSync(join(out, name), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    console.log('\n| benchmark | target | p50 ms | p95 ms | baseline p50 | baseline p95 | ratio p95 | ok |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${r.target} | ${r.p50} | ${r.p95} | ${r.baselineP50} | ${r.baselineP95} | ${r.ratioP95}× | ${r.pass ? 'yes' : 'NO'} |`,
      );
    }
    console.log(`\nmachine: ${Object.values(result.machine).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
