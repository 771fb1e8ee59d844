/**
 * R19a/R19b duplicate check (`registrations/dupcheck`, as the registration form calls it while the
 * name is typed): one name against 200,000 customers, target p95 ≤ 20 ms. Names: existing ones,
 * the same with the region in brackets and another legal form, one character of the 字号 changed,
 * a branch of an existing one, and names no customer has. Baseline: the bare indexed lookup of
 * one normalised name (customers_normalised_name), the least a duplicate check can do.
 * The index build (the first check after opening) is reported beside it.
 * `tests/bench/run.ts` wires this in (`npm run bench -- --only dupcheck`).
 */
import { join } from 'node:path';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { normaliseCustomerName } from '../../shared/domain/names';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { percentile, type Row, round, time, timeAsync } from './stats';

const CUSTOMERS = 200_000;
const ROUNDS = 10;
const TARGET_MS = 20;

function variants(name: string, i: number): string[] {
  const core = name.replace(/^汕头市/, '').replace(/(有限公司|有限责任公司|股份有限公司)$/, '');
  const chars = [...core];
  const k = Math.min(1, chars.length - 1);
  chars[k] = '鑫';
  return [
    name,
    `${core}（汕头）有限责任公司`,
    `汕头市${chars.join('')}有限公司`,
    `${name}澄海分公司`,
    `汕头市未登记测试${i}贸易有限公司`,
  ];
}

export async function dupcheckBench(dir: string): Promise<Row[]> {
  const backend = openBackend({ databasePath: join(dir, 'dupcheck.sqlite') });
  try {
    fillDemo(backend.db, POLICY_V1, { customers: CUSTOMERS, seed: 11 }, new Date());
    const sample = backend.db
      .prepare('SELECT name FROM customers ORDER BY id LIMIT 20 OFFSET 5000')
      .pluck()
      .all() as string[];
    const names = sample.flatMap((n, i) => variants(n, i));
    const build = await timeAsync(() => backend.registry.invoke('registrations/dupcheck', { name: '首次查重' }));
    const bare = backend.db.prepare('SELECT id, unit_id FROM customers WHERE normalised_name = ?');
    const ours: number[] = [];
    const base: number[] = [];
    let found = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const name of names) {
        const t = await timeAsync(() => backend.registry.invoke('registrations/dupcheck', { name }));
        ours.push(t.ms);
        if (r === 0 && t.value.ok && (t.value.value as { matches: unknown[] }).matches.length > 0) found++;
        const key = normaliseCustomerName(name);
        base.push(time(() => bare.all(key)).ms);
      }
    }
    const row = (label: string, target: string, samples: number[], pass: boolean): Row => ({
      name: label,
      target,
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      baselineP50: round(percentile(base, 50)),
      baselineP95: round(percentile(base, 95)),
      ratioP95: round(percentile(samples, 95) / percentile(base, 95)),
      pass,
    });
    return [
      row(
        `dupcheck, one name vs ${CUSTOMERS.toLocaleString('en')} customers (${found}/${names.length} names matched)`,
        `p95 ≤ ${TARGET_MS} ms`,
        ours,
        percentile(ours, 95) <= TARGET_MS,
      ),
      row(
        `dupcheck index build, ${CUSTOMERS.toLocaleString('en')} customers (first check)`,
        'reported',
        [build.ms],
        true,
      ),
    ];
  } finally {
    await backend.close();
  }
}
