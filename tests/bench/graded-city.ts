/**
 * The benchmarks' city: `count` customers of 澄海分局 (IDs 440515nnnnn000) graded by two annual
 * runs (2024, 2025; the tier turning with the year), written straight into the tables inside the
 * caller's transaction — what archives.ts and scorecards.ts measure reads, not how it was entered.
 */
import type { Database } from 'better-sqlite3';

const TIERS = ['diamond', 'gold', 'silver', 'general'];
export const BENCH_LINES = [
  'savings',
  'bills',
  'letters',
  'philately',
  'express',
  'logistics',
  'parcels',
  'newspapers',
  'other',
];

export const benchCustomerId = (i: number): string => `440515${String(i).padStart(5, '0')}000`;

export function fillGradedCity(db: Database, unit: number, count: number): void {
  const customer = db.prepare(
    `INSERT INTO customers (id, name, normalised_name, pinyin_initials, search_text, area_code, unit_id, created_at, updated_at)
     VALUES (?, ?, ?, '', '', '440515', ?, '', '')`,
  );
  for (let i = 1; i <= count; i++) customer.run(benchCustomerId(i), `客户${i}`, `客户${i}`, unit);
  const cols = BENCH_LINES.flatMap((l) => [`in_${l}`, `in_month_${l}`]);
  for (const year of [2024, 2025]) {
    const run = Number(
      db
        .prepare(
          `INSERT INTO tier_runs (kind, run_key, window_from, window_to, policy_version, bureau_year, bureau_revenue_fen,
             customers, qualified, created_at, actor) VALUES ('annual', ?, '', '', 1, ?, 1, 0, 0, '', 'bench')`,
        )
        .run(String(year), year).lastInsertRowid,
    );
    const result = db.prepare(
      `INSERT INTO tier_results (run_id, customer_id, qualified, clauses, annual_fen, this_month_fen, revenue_score,
         share_score, share_ppm, total_x100, tier, scope, in_agreement, in_home_unit_is_county, ${cols.join(', ')})
       VALUES (?, ?, 1, '[]', 0, 0, 0, 0, 0, 0, ?, 'regional', 0, 0, ${cols.map(() => '0').join(', ')})`,
    );
    for (let i = 1; i <= count; i++) result.run(run, benchCustomerId(i), TIERS[(i + year) % 4]);
  }
}
