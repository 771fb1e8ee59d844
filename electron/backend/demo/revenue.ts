/**
 * Demo revenue: every customer gets `months` months × 8 lines ending at `endPeriod`, sized so a
 * few customers are large (gold and above) and most are small, with one dominant line each; the
 * bureau's annual revenue is set so key customers are about a third of it. Written through the
 * revenue store's bulk fill (`revenue` and its monthly copy together, consistent by construction)
 * for speed.
 */
import type { Database } from 'better-sqlite3';
import { PRODUCT_LINES } from '../../../shared/domain/lines';
import { addMonths, yearOf } from '../../../shared/domain/periods';
import { writeBureauRevenue } from '../revenue/store';
import { bulkMonthWriter } from '../revenue/writes';
import { Random } from './random';

export interface DemoRevenueOptions {
  months: number;
  endPeriod: string;
  seed: number;
  /** Benchmarks at 200,000 customers fill only the monthly copy the tiering reads. */
  monthlyCopyOnly?: boolean;
}

/** Monthly total in fen for a customer: mostly small, a long tail of large accounts. */
function monthlySize(rng: Random): number {
  const r = rng.next();
  const yuan =
    r < 0.6
      ? rng.int(300, 2_500)
      : r < 0.85
        ? rng.int(2_500, 25_000)
        : r < 0.97
          ? rng.int(25_000, 90_000)
          : rng.int(90_000, 400_000);
  return yuan * 100;
}

export function fillDemoRevenue(db: Database, options: DemoRevenueOptions, at: string): { rows: number } {
  const rng = new Random(options.seed * 7919 + 17);
  const periods = Array.from({ length: options.months }, (_, i) =>
    addMonths(options.endPeriod, i - options.months + 1),
  );
  const ids = (db.prepare('SELECT id FROM customers ORDER BY id').raw().all() as [string][]).map((r) => r[0]);
  const writeMonth = bulkMonthWriter(db, { kind: 'form', ref: 'demo' }, at);
  const yearTotals = new Map<number, number>();
  const monthsInYear = new Map<number, number>();
  for (const p of periods) monthsInYear.set(yearOf(p), (monthsInYear.get(yearOf(p)) ?? 0) + 1);
  let rows = 0;
  db.transaction(() => {
    for (const id of ids) {
      const size = monthlySize(rng);
      const dominant = rng.int(0, PRODUCT_LINES.length - 1);
      const dominantShare = rng.int(40, 95);
      const weights = PRODUCT_LINES.map((_, i) => (i === dominant ? dominantShare : rng.int(1, 10)));
      const weightSum = weights.reduce((a, b) => a + b, 0);
      for (const period of periods) {
        const month = Math.round((size * rng.int(80, 120)) / 100);
        const amounts = weights.map((w) => Math.floor((month * w) / weightSum));
        writeMonth(id, period, amounts, options.monthlyCopyOnly);
        rows += amounts.length;
        const y = yearOf(period);
        yearTotals.set(y, (yearTotals.get(y) ?? 0) + amounts.reduce((a, b) => a + b, 0));
      }
    }
    // A partial year is scaled to twelve months, so shares (R10) are as in a full year.
    for (const [year, total] of yearTotals) {
      const months = monthsInYear.get(year) ?? 12;
      const amount = Math.max(100, Math.round((total * 3 * 12) / months / 100) * 100);
      writeBureauRevenue(db, year, amount, at, { keepEntered: true });
    }
  }).immediate();
  return { rows };
}
