/**
 * DOMAIN-DECISIONS "Exports": exporting all forms of a month (附件6-1, 6-2, 7 and the province package, city-wide,
 * each written to a file through `exports/build` as `kam export` does) for 20,000 customers × 24
 * months, target ≤ 2 s. Baseline: SheetJS writing one plain sheet with the same number of cells
 * (no layout, formats or merges; texts as shared strings, as the app writes them), compressed the
 * same way. Between rounds one revenue cell is written again, so every round gathers its figures
 * afresh (exports/cache.ts keeps them only while the database is unchanged). `tests/bench/run.ts` wires this in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import type { ExportForm } from '../../shared/domain/exports/forms';
import type { RevenueLine } from '../../shared/domain/lines';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { percentile, type Row, round, time, timeAsync } from './stats';

const CUSTOMERS = 20_000;
const PERIOD = '2026-10';
const FORMS: readonly ExportForm[] = ['6-1', '6-2', '7', 'province'];
const ROUNDS = 5;
const TARGET_MS = 2000;

function cellCount(path: string): number {
  const book = XLSX.read(readFileSync(path));
  let n = 0;
  for (const name of book.SheetNames) {
    n += Object.keys(book.Sheets[name] as XLSX.WorkSheet).filter((k) => !k.startsWith('!')).length;
  }
  return n;
}

/** A plain sheet of `cells` cells, 18 to a row, a third text and the rest numbers, as SheetJS writes it bare. */
function bareWrite(cells: number): number {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < cells; i += 18) {
    rows.push(
      Array.from({ length: Math.min(18, cells - i) }, (_, c) => (c < 6 ? `汕头市客户${i + c}有限公司` : i * 1.25 + c)),
    );
  }
  return time(() => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'S');
    XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true });
  }).ms;
}

export async function exportsBench(dir: string): Promise<Row[]> {
  const backend = openBackend({ databasePath: join(dir, 'exports.sqlite') });
  try {
    fillDemo(backend.db, POLICY_V1, { customers: CUSTOMERS, seed: 9 }, new Date());
    fillDemoRevenue(backend.db, { months: 24, endPeriod: PERIOD, seed: 9 }, new Date().toISOString());
    // Tiers from the annual grading of the year before, as a real month-end has them.
    await backend.registry.call('tiers/run', { kind: 'annual', year: 2025 });
    const touch = backend.db
      .prepare('SELECT customer_id, line, amount_fen FROM revenue WHERE period = ? LIMIT 1')
      .get(PERIOD) as { customer_id: string; line: RevenueLine; amount_fen: number };
    const ours: number[] = [];
    const paths = FORMS.map((form) => join(dir, `export-${form}.xlsx`));
    for (let r = 0; r < ROUNDS + 1; r++) {
      // The same figure written again: nothing changes but the database's change count.
      await backend.registry.call('revenue/set', {
        customerId: touch.customer_id,
        period: PERIOD,
        line: touch.line,
        amount: (touch.amount_fen / 100).toFixed(2),
      });
      const { ms } = await timeAsync(async () => {
        for (const [i, form] of FORMS.entries()) {
          await backend.registry.call('exports/build', { form, period: PERIOD, path: paths[i] as string });
        }
      });
      // Round 0 warms up (JIT, page cache).
      if (r > 0) ours.push(ms);
    }
    const cells = paths.reduce((n, p) => n + cellCount(p), 0);
    const base = Array.from({ length: ROUNDS }, () => bareWrite(cells));
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
    const n = CUSTOMERS.toLocaleString('en');
    return [
      row(
        `export of all forms (6-1, 6-2, 7, province) for a month, ${n} customers × 24 months (${cells.toLocaleString('en')} cells)`,
        TARGET_MS,
        ours,
      ),
    ];
  } finally {
    backend.close();
  }
}
